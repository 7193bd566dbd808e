using SiebelCti.FinesseEmulator.Options;

namespace SiebelCti.FinesseEmulator.Engine;

/// <summary>Agent states as Finesse reports them in <c>User/state</c>.</summary>
public enum AgentState
{
    Logout,
    NotReady,
    Ready,
    Reserved,
    Talking,
    Hold,
    Work,
    WorkReady,
}

/// <summary>Participant states of a voice dialog (also used for the dialog's own state).</summary>
public enum CallState
{
    Initiating,
    Initiated,
    Alerting,
    Active,
    Held,
    Failed,
    WrapUp,
    Dropped,
}

/// <summary>Wire names of the enums (Finesse spells them UPPER_SNAKE).</summary>
public static class Wire
{
    public static string Name(AgentState s) => s switch
    {
        AgentState.Logout => "LOGOUT",
        AgentState.NotReady => "NOT_READY",
        AgentState.Ready => "READY",
        AgentState.Reserved => "RESERVED",
        AgentState.Talking => "TALKING",
        AgentState.Hold => "HOLD",
        AgentState.Work => "WORK",
        AgentState.WorkReady => "WORK_READY",
        _ => "UNKNOWN",
    };

    public static string Name(CallState s) => s switch
    {
        CallState.Initiating => "INITIATING",
        CallState.Initiated => "INITIATED",
        CallState.Alerting => "ALERTING",
        CallState.Active => "ACTIVE",
        CallState.Held => "HELD",
        CallState.Failed => "FAILED",
        CallState.WrapUp => "WRAP_UP",
        CallState.Dropped => "DROPPED",
        _ => "UNKNOWN",
    };

    /// <summary>Timestamp format of Finesse (<c>YYYY-MM-DDThh:mm:ss.SSSZ</c>, UTC).</summary>
    public static string Time(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Runtime state of one agent. Owned by <see cref="CallCenter"/>; read only under its lock.</summary>
public sealed class Agent
{
    internal Agent(AgentOptions config) => Config = config;

    public AgentOptions Config { get; }

    public string Id => Config.LoginId;

    public AgentState State { get; internal set; } = AgentState.Logout;

    /// <summary>READY or NOT_READY requested while on a call (UCCE), applied when the call ends.</summary>
    public AgentState? PendingState { get; internal set; }

    internal ReasonCodeOptions? PendingReason { get; set; }

    /// <summary>Reason of the current NOT_READY or LOGOUT state, or null.</summary>
    public ReasonCodeOptions? Reason { get; internal set; }

    /// <summary>Signed-in extension; empty while logged out.</summary>
    public string Extension { get; internal set; } = "";

    public DateTimeOffset? StateChangeTime { get; internal set; }

    /// <summary>READY or NOT_READY: where the agent returns when calls and wrap-up end.</summary>
    internal AgentState BaseState { get; set; } = AgentState.NotReady;

    internal ReasonCodeOptions? BaseReason { get; set; }

    /// <summary>Dialog ids in this agent's Dialogs collection, in the order they were added.</summary>
    internal List<string> VisibleDialogs { get; } = [];

    internal ITimer? WrapUpTimer { get; set; }

    /// <summary>UCCX: a pending NOT_READY may be set only once per call.</summary>
    internal bool PendingSetDuringCall { get; set; }

    internal string LastPublished { get; set; } = "";
}

/// <summary>One party of a dialog.</summary>
public sealed class Participant
{
    internal Participant(string mediaAddress, string? agentId, CallState state, DateTimeOffset now, bool outgoing)
    {
        MediaAddress = mediaAddress;
        AgentId = agentId;
        State = state;
        StartTime = now;
        StateChangeTime = now;
        Outgoing = outgoing;
        WasConnected = state is CallState.Active or CallState.Held;
    }

    public string MediaAddress { get; }

    /// <summary>Agent whose device this is (mediaAddressType AGENT_DEVICE), or null for a customer or trunk.</summary>
    public string? AgentId { get; }

    public CallState State { get; private set; }

    public string StateCause { get; internal set; } = "";

    public DateTimeOffset StartTime { get; }

    public DateTimeOffset StateChangeTime { get; private set; }

    /// <summary>The agent placed this leg (decides wrapUpOnOutgoing versus wrapUpOnIncoming).</summary>
    internal bool Outgoing { get; }

    /// <summary>Was ever ACTIVE or HELD (only talked calls lead to wrap-up).</summary>
    internal bool WasConnected { get; private set; }

    public bool IsLive => State is CallState.Initiating or CallState.Initiated or CallState.Alerting or CallState.Active or CallState.Held;

    internal void Set(CallState state, DateTimeOffset now)
    {
        if (State == state)
        {
            return;
        }

        State = state;
        StateChangeTime = now;
        if (state is CallState.Active or CallState.Held)
        {
            WasConnected = true;
        }
    }
}

/// <summary>A voice dialog (call). Owned by <see cref="CallCenter"/>.</summary>
public sealed class Dialog
{
    internal Dialog(string id) => Id = id;

    public string Id { get; }

    public string Uri => "/finesse/api/Dialog/" + Id;

    public CallState State { get; internal set; } = CallState.Initiating;

    public string CallType { get; internal set; } = "";

    public string FromAddress { get; internal set; } = "";

    public string ToAddress { get; internal set; } = "";

    public string DialedNumber { get; internal set; } = "";

    public string Dnis { get; internal set; } = "";

    public string SecondaryId { get; internal set; } = "";

    public string WrapUpReason { get; internal set; } = "";

    /// <summary>The queue a routed call came through (<c>queueNumber</c>, <c>queueName</c>); empty when none.</summary>
    public string QueueNumber { get; internal set; } = "";

    public string QueueName { get; internal set; } = "";

    /// <summary>UCCE's call key (<c>callKeyCallId</c>; <c>callKeySequenceNum</c> is 1); empty on UCCX.</summary>
    public string CallKeyCallId { get; internal set; } = "";

    /// <summary>UCCE's <c>callKeyPrefix</c>, the day the call was routed (here: days since 1970-01-01).</summary>
    public string CallKeyPrefix { get; internal set; } = "";

    /// <summary>Some participant was ever ACTIVE or HELD.</summary>
    public bool EverConnected => Participants.Any(p => p.WasConnected);

    /// <summary>The last state the dialog had while someone was still on it (a DELETE of a call that never connected shows it).</summary>
    public CallState LastLiveState { get; private set; } = CallState.Initiating;

    /// <summary>callVariable1..10 and ECC variables (<c>user.*</c>), in order of first appearance.</summary>
    public List<KeyValuePair<string, string>> Variables { get; } = [];

    public List<Participant> Participants { get; } = [];

    /// <summary>DTMF digits sent on this dialog, for tests (not part of the Finesse object).</summary>
    public string SentDtmf { get; internal set; } = "";

    internal ITimer? FarEndTimer { get; set; }

    internal string? PendingFarEnd { get; set; }

    public string? Variable(string name) =>
        Variables.FirstOrDefault(v => v.Key == name) is { Key: not null } kv ? kv.Value : null;

    internal void SetVariable(string name, string value)
    {
        var i = Variables.FindIndex(v => v.Key == name);
        if (i >= 0)
        {
            Variables[i] = new(name, value);
        }
        else
        {
            Variables.Add(new(name, value));
        }
    }

    internal void Recompute()
    {
        var ps = Participants;
        State = ps.Any(p => p.State is CallState.Active or CallState.Held) ? CallState.Active
            : ps.Any(p => p.State == CallState.Alerting) ? CallState.Alerting
            : ps.Any(p => p.State == CallState.Initiated) ? CallState.Initiated
            : ps.Any(p => p.State == CallState.Initiating) ? CallState.Initiating
            : ps.Any(p => p.State == CallState.Failed) ? CallState.Failed
            : CallState.Dropped;
        if (State is not (CallState.Dropped or CallState.Failed))
        {
            LastLiveState = State;
        }
    }
}
