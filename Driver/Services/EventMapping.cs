using SiebelCti.Connector.Contract;
using System.Globalization;
using SiebelCti.Driver.Connector;
using SiebelCti.Interop;

namespace SiebelCti.Driver.Services;

/// <summary>Why a call ends for the agent when a command ends it on purpose (TRANSFERRED, CONFERENCED), and whether it is a consult leg.</summary>
internal sealed record EndIntent(string? Reason, bool ConsultLeg);

/// <summary>What Siebel is told about a call: a <c>HandleEvent</c> or a work-item callback, in order.</summary>
internal abstract record SiebelOutput;

/// <summary>A <c>HandleEvent</c> with its fields.</summary>
internal sealed record SiebelEvent(string Name, List<KeyValuePair<string, string>> Fields) : SiebelOutput;

/// <summary>A work-item callback of the call <paramref name="DialogId"/>.</summary>
internal sealed record WorkItemStep(WorkItemAction Action, string DialogId, string Description = "", ScWorkItemMode Mode = ScWorkItemMode.SC_WM_INBOUND) : SiebelOutput;

internal enum WorkItemAction
{
    /// <summary><c>IndicateNewWorkItem</c>.</summary>
    New,

    /// <summary><c>WorkItemStarted</c>.</summary>
    Started,

    /// <summary><c>WorkItemSuspended</c>.</summary>
    Suspended,

    /// <summary><c>WorkItemResumed</c>.</summary>
    Resumed,

    /// <summary><c>WorkItemReleased</c>.</summary>
    Released,
}

/// <summary>What the service knows of its agent when it maps a call: the agent's event fields and extension.</summary>
internal sealed record AgentContext(IReadOnlyList<KeyValuePair<string, string>> AgentFields, string Extension);

/// <summary>
/// The mapping of the Connector's call snapshots to what Siebel sees (the mirror of
/// <see cref="CommandMapping"/>): pure functions of the call before and after, table-tested. The
/// service keeps the state (the calls, why they end) and performs the outputs in order.
/// </summary>
internal static class EventMapping
{
    /// <summary>
    /// A call changed (or appeared: <paramref name="previous"/> null) and is not in wrap-up, dropped or
    /// failed for the agent: ringing or dialling, connected, held, retrieved, conferenced, new call data.
    /// </summary>
    public static List<SiebelOutput> Changed(DialogSnapshot? previous, DialogSnapshot dialog, AgentContext agent)
    {
        var outputs = new List<SiebelOutput>();
        var fields = CallFields(agent, dialog);
        // A call the agent dials: Finesse types it AGENT_INSIDE until the far end answers (then OUT).
        var outbound = dialog.CallType == "OUT" || (agent.Extension.Length > 0 && dialog.From == agent.Extension);
        var consult = dialog.CallType == "CONSULT";
        var description = outbound || consult ? $"Call to {dialog.To}" : $"Call from {dialog.From}";

        if (previous is null)
        {
            // A call that comes to the agent rings in Siebel, also when it arrives already connected:
            // a call transferred or conferenced to the agent (CallType TRANSFER or CONFERENCE) shows
            // up with the agent's leg ACTIVE, and must still screen-pop as an inbound call.
            var ringing = !outbound && (dialog.MyState == ParticipantStateName.Alerting || !consult);
            outputs.Add(new SiebelEvent(ringing ? "CallRinging" : "CallDialing", fields));
            outputs.Add(new WorkItemStep(WorkItemAction.New, dialog.Id, description, ringing ? ScWorkItemMode.SC_WM_INBOUND : ScWorkItemMode.SC_WM_OUTBOUND));
        }
        var wasConnected = previous?.MyState is ParticipantStateName.Active or ParticipantStateName.Held;
        if (!wasConnected && dialog.MyState is ParticipantStateName.Active or ParticipantStateName.Held)
        {
            // ConsultEstablished is the agent's own consult call connecting; the consulted agent's leg is a call like any other.
            outputs.Add(new SiebelEvent(consult && outbound ? "ConsultEstablished" : "CallEstablished", fields));
            outputs.Add(new WorkItemStep(WorkItemAction.Started, dialog.Id, description));
        }
        if (previous?.MyState != ParticipantStateName.Held && dialog.MyState == ParticipantStateName.Held)
        {
            outputs.Add(new SiebelEvent("CallHeld", fields));
            outputs.Add(new WorkItemStep(WorkItemAction.Suspended, dialog.Id));
        }
        else if (previous?.MyState == ParticipantStateName.Held && dialog.MyState == ParticipantStateName.Active)
        {
            outputs.Add(new SiebelEvent("CallRetrieved", fields));
            outputs.Add(new WorkItemStep(WorkItemAction.Resumed, dialog.Id));
        }
        if (previous is not null && previous.ParticipantCount < 3 && dialog.ParticipantCount >= 3)
        {
            outputs.Add(new SiebelEvent("CallConferenced", fields));
        }
        if (previous is not null && !SameVariables(previous, dialog))
        {
            outputs.Add(new SiebelEvent("CallDataChanged", fields));
        }
        return outputs;
    }

    /// <summary>
    /// The agent's leg is in wrap-up (it released or transferred the call; Finesse keeps the dialog
    /// for the wrap-up data): the work item ends when the call enters wrap-up, and later changes of
    /// call data or wrap-up reason are reported. A call first seen in wrap-up (a resynchronisation)
    /// has no work item to end. <paramref name="intended"/> is what a command meant to end it as.
    /// </summary>
    public static List<SiebelOutput> WrapUp(DialogSnapshot? previous, DialogSnapshot dialog, EndIntent? intended, AgentContext agent)
    {
        if (previous is null)
        {
            return [];
        }
        if (previous.MyState != ParticipantStateName.WrapUp)
        {
            return Ended(dialog, intended ?? new EndIntent(dialog.CallType == "TRANSFER" ? "TRANSFERRED" : null, false), agent);
        }
        if (!SameVariables(previous, dialog) || previous.WrapUpReason != dialog.WrapUpReason)
        {
            return [new SiebelEvent("CallDataChanged", CallFields(agent, dialog))];
        }
        return [];
    }

    /// <summary>
    /// The call ended for the agent: CallTransferred for the call the agent transferred, otherwise
    /// CallReleased (with EndReason TRANSFERRED or CONFERENCED for a consult leg merged into a
    /// transfer or a conference); then WorkItemReleased. CallConferenced is raised only on the call
    /// the agent stays on, when it gains its third party (<see cref="Changed"/>): once per conference.
    /// </summary>
    public static List<SiebelOutput> Ended(DialogSnapshot dialog, EndIntent end, AgentContext agent)
    {
        var fields = CallFields(agent, dialog);
        fields.Add(new("EndReason", end.Reason ?? "RELEASED"));
        return
        [
            new SiebelEvent(end is { Reason: "TRANSFERRED", ConsultLeg: false } ? "CallTransferred" : "CallReleased", fields),
            new WorkItemStep(WorkItemAction.Released, dialog.Id),
        ];
    }

    /// <summary>The fields of a call event: the agent's fields, the call's, then its call variables by name.</summary>
    public static List<KeyValuePair<string, string>> CallFields(AgentContext agent, DialogSnapshot dialog)
    {
        var fields = new List<KeyValuePair<string, string>>(agent.AgentFields);
        fields.Add(new("DialogId", dialog.Id));
        fields.Add(new("TrackingID", dialog.Id));
        fields.Add(new("ANI", dialog.From ?? ""));
        fields.Add(new("DNIS", dialog.To ?? ""));
        fields.Add(new("DialedNumber", dialog.DialedNumber ?? dialog.To ?? ""));
        fields.Add(new("CallType", dialog.CallType));
        fields.Add(new("CallState", dialog.MyState));
        fields.Add(new("ParticipantCount", dialog.ParticipantCount.ToString(CultureInfo.InvariantCulture)));
        if (dialog.WrapUpReason is not null)
        {
            fields.Add(new("WrapUpReason", dialog.WrapUpReason));
        }
        foreach (var (name, value) in dialog.Variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            fields.Add(new(name, value));
        }
        return fields;
    }

    private static bool SameVariables(DialogSnapshot a, DialogSnapshot b) =>
        a.Variables.Count == b.Variables.Count && a.Variables.All(v => b.Variables.TryGetValue(v.Key, out var other) && other == v.Value);
}
