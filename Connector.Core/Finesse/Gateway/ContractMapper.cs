using System.Globalization;
using SiebelCti.Connector.Finesse.Model;
using SiebelCti.Connector.Finesse.Xml;
using Contract = SiebelCti.Connector.Messaging;

namespace SiebelCti.Connector.Finesse.Gateway;

/// <summary>Maps the Finesse object model to the Driver-Connector contract records. Pure.</summary>
public static class ContractMapper
{
    /// <summary>User to <c>AgentState</c>: state names as Finesse sends them; reason code number and label.</summary>
    public static Contract.AgentState ToAgentState(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new Contract.AgentState(
            State: user.StateText?.ToUpperInvariant() ?? UserStates.ToWire(user.State),
            ReasonCode: user.ReasonCode?.Code?.ToString(CultureInfo.InvariantCulture),
            ReasonCodeLabel: user.ReasonCode?.Label,
            PendingState: user.PendingState is { } pending ? UserStates.ToWire(pending) : null,
            Extension: user.Extension,
            StateChangeTime: user.StateChangeTime);
    }

    /// <summary>
    /// Dialog to the contract <c>Dialog</c>. Call variables (every name not starting <c>user.</c>,
    /// including empty ones) and ECC variables (<c>user.*</c>) go to separate maps; a repeated
    /// name keeps its last value.
    /// </summary>
    public static Contract.Dialog ToDialog(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        var callVariables = new Dictionary<string, string>(StringComparer.Ordinal);
        var ecc = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var v in dialog.MediaProperties.CallVariables)
        {
            (v.Name.StartsWith("user.", StringComparison.OrdinalIgnoreCase) ? ecc : callVariables)[v.Name] = v.Value;
        }

        return new Contract.Dialog(
            Id: dialog.Id ?? "",
            State: dialog.StateText?.ToUpperInvariant() ?? "UNKNOWN",
            CallType: dialog.CallType,
            FromAddress: dialog.FromAddress,
            ToAddress: dialog.ToAddress,
            Participants: dialog.Participants
                .Select(p => new Contract.Participant(p.MediaAddress ?? "", p.StateText?.ToUpperInvariant() ?? "UNKNOWN", p.Actions))
                .ToArray(),
            CallVariables: callVariables,
            EccVariables: ecc,
            Dnis: dialog.MediaProperties.Dnis,
            WrapUpReason: dialog.MediaProperties.WrapUpReason,
            AssociatedDialogId: XmlRead.LastSegment(dialog.AssociatedDialogUri));
    }

    /// <summary>Reason codes with a database id (entries without one cannot be requested and are left out).</summary>
    public static IReadOnlyList<Contract.ReasonCodeEntry> ToReasonCodes(ReasonCodeList list, string category)
    {
        ArgumentNullException.ThrowIfNull(list);
        return list.Items
            .Where(r => r.Id is not null)
            .Select(r => new Contract.ReasonCodeEntry(
                r.Id!,
                r.Code?.ToString(CultureInfo.InvariantCulture) ?? "",
                r.Label ?? "",
                r.Category ?? list.Category ?? category,
                r.SystemCode ?? false))
            .ToArray();
    }

    /// <summary>Wrap-up reasons with a label (the label is what UPDATE_CALL_DATA sends).</summary>
    public static IReadOnlyList<Contract.WrapUpReasonEntry> ToWrapUpReasons(IReadOnlyList<WrapUpReason> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        return reasons.Where(r => r.Label is not null).Select(r => new Contract.WrapUpReasonEntry(r.Label!, r.Id)).ToArray();
    }
}
