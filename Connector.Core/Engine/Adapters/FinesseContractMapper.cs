using System.Globalization;
using SiebelCti.Finesse.Model;
using SiebelCti.Connector.Contract;
using FinesseDialog = SiebelCti.Finesse.Model.Dialog;
using FinesseParticipant = SiebelCti.Finesse.Model.Participant;

namespace SiebelCti.Connector.Engine.Adapters;

/// <summary>Turns Finesse objects into the contract's events. Pure.</summary>
public static class FinesseContractMapper
{
    /// <summary>The contract view of a Finesse User.</summary>
    public static AgentState ToAgentState(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new AgentState(
            user.State == UserState.Unknown && user.StateText is { Length: > 0 } raw ? raw : UserStates.ToWire(user.State),
            user.ReasonCode?.Code?.ToString(CultureInfo.InvariantCulture),
            user.ReasonCode?.Label,
            user.PendingState is { } pending and not UserState.Unknown ? UserStates.ToWire(pending) : null,
            user.Extension,
            user.StateChangeTime);
    }

    /// <summary>The contract view of a Finesse dialog: call variables by their Finesse names, ECC variables (<c>user.*</c>) apart.</summary>
    public static Contract.Dialog ToDialog(FinesseDialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        var callVariables = new Dictionary<string, string>(StringComparer.Ordinal);
        var eccVariables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in dialog.MediaProperties.CallVariables)
        {
            if (variable.Name.StartsWith("user.", StringComparison.OrdinalIgnoreCase))
            {
                eccVariables[variable.Name] = variable.Value;
            }
            else
            {
                callVariables[variable.Name] = variable.Value;
            }
        }

        return new Contract.Dialog(
            dialog.Id ?? "",
            dialog.StateText is { Length: > 0 } state ? state.Trim().ToUpperInvariant() : ToWire(dialog.State),
            dialog.CallType,
            dialog.FromAddress,
            dialog.ToAddress,
            dialog.Participants.Select(ToParticipant).ToList(),
            callVariables,
            eccVariables,
            dialog.MediaProperties.Dnis,
            dialog.MediaProperties.WrapUpReason,
            dialog.SecondaryId,
            dialog.MediaProperties.DialedNumber);
    }

    /// <summary>
    /// True when a <c>user</c> Update that reached <paramref name="agentId"/>'s notification session
    /// is that agent's own User, false for a team member's summary (a supervisor's session also gets
    /// <c>/finesse/api/Team/{id}/Users</c> updates). The pub-sub node decides: the agent's own node
    /// is <c>/finesse/api/User/{agentId}</c>. Without a node, the User's <c>loginId</c> (the parser
    /// falls back to the last segment of its <c>uri</c>) must be the agent's id.
    /// </summary>
    public static bool IsOwnUser(string agentId, string? node, User user)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        ArgumentNullException.ThrowIfNull(user);
        if (!string.IsNullOrWhiteSpace(node))
        {
            return string.Equals(node.Trim().TrimEnd('/'), UserNodePrefix + agentId, StringComparison.OrdinalIgnoreCase);
        }

        return user.LoginId is { } id && string.Equals(id, agentId, StringComparison.OrdinalIgnoreCase);
    }

    private const string UserNodePrefix = "/finesse/api/User/";

    /// <summary>True when the agent at <paramref name="extension"/> has left the dialog (its participant is dropped or gone).</summary>
    public static bool AgentLeft(FinesseDialog dialog, string? extension)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (extension is null)
        {
            return false;
        }

        var participant = dialog.ParticipantFor(extension);
        // A FAILED participant (busy, invalid number) is still on the Finesse dialog until it is
        // dropped: the engine reports the call ended and drops it (see ConnectorEngine.HandleFailedCall).
        return participant is null ? dialog.Participants.Count > 0 && dialog.State is DialogState.Dropped : participant.State is ParticipantState.Dropped;
    }

    /// <summary>The contract view of a reason code.</summary>
    public static ReasonCodeEntry ToReasonCode(ReasonCode code, string category) => new(
        code.Id ?? "",
        code.Code?.ToString(CultureInfo.InvariantCulture) ?? "",
        code.Label ?? "",
        code.Category ?? category,
        code.SystemCode ?? false);

    private static Contract.Participant ToParticipant(FinesseParticipant p) => new(
        p.MediaAddress ?? "",
        p.StateText is { Length: > 0 } state ? state.Trim().ToUpperInvariant() : p.State.ToString().ToUpperInvariant(),
        p.Actions);

    private static string ToWire(DialogState state) => state switch
    {
        DialogState.WrappingUp => "WRAPPING_UP",
        _ => state.ToString().ToUpperInvariant(),
    };
}
