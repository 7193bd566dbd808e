namespace SiebelCti.Connector.Contract;

/// <summary>
/// The agent states the contract carries in <see cref="AgentState.State"/> and
/// <see cref="AgentState.PendingState"/>: Finesse's User state names, written once here for both
/// sides (the engine's mapper checks that every Finesse state has its name here).
/// </summary>
public static class AgentStateName
{
    public const string Login = "LOGIN";
    public const string Logout = "LOGOUT";
    public const string NotReady = "NOT_READY";
    public const string Ready = "READY";
    public const string Reserved = "RESERVED";
    public const string ReservedOutbound = "RESERVED_OUTBOUND";
    public const string ReservedOutboundPreview = "RESERVED_OUTBOUND_PREVIEW";
    public const string Talking = "TALKING";
    public const string Hold = "HOLD";
    public const string Work = "WORK";
    public const string WorkReady = "WORK_READY";
    public const string Unknown = "UNKNOWN";
}

/// <summary>The call states the contract carries in <see cref="Dialog.State"/> (Finesse's dialog states).</summary>
public static class DialogStateName
{
    public const string Initiating = "INITIATING";
    public const string Initiated = "INITIATED";
    public const string Alerting = "ALERTING";
    public const string Active = "ACTIVE";
    public const string Failed = "FAILED";
    public const string Dropped = "DROPPED";
    public const string Accepted = "ACCEPTED";
    public const string Offered = "OFFERED";
    public const string Paused = "PAUSED";
    public const string WrappingUp = "WRAPPING_UP";
    public const string Interrupted = "INTERRUPTED";
    public const string Closed = "CLOSED";
}

/// <summary>
/// The states of one leg of a call, carried in <see cref="Participant.State"/> (the agent's own leg is
/// the driver's view of the call: ringing, connected, held, wrap-up).
/// </summary>
public static class ParticipantStateName
{
    public const string Initiating = "INITIATING";
    public const string Initiated = "INITIATED";
    public const string Alerting = "ALERTING";
    public const string Active = "ACTIVE";
    public const string Held = "HELD";
    public const string Failed = "FAILED";
    public const string WrapUp = "WRAP_UP";
    public const string Dropped = "DROPPED";
    public const string Accepted = "ACCEPTED";
}
