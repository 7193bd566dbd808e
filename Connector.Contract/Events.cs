using System.Text.Json.Serialization;

namespace SiebelCti.Connector.Contract;

// Responses and events (Connector -> Driver). Each is complete: a client that missed earlier
// events can rebuild its view from the latest one.

/// <summary>The Connector's service status (JMSType <c>System</c>).</summary>
/// <remarks>
/// The answer to <c>Hello</c> also carries the client's <paramref name="Session"/> token (to be sent
/// back in the <c>clientSession</c> property of every later request) and whether the Connector
/// <paramref name="Resumed"/> the session the Hello named: when it did not, the agents the client had
/// proved must be proved again with <c>Login</c> (docs/security.md).
/// </remarks>
public sealed record SystemStatus(
    string Status,
    string? Reason = null,
    string? ActiveSide = null,
    string? FinesseHost = null,
    string? Session = null,
    bool? Resumed = null) : ConnectorEvent
{
    public const string InService = "IN_SERVICE";
    public const string OutOfService = "OUT_OF_SERVICE";
}

/// <summary>The agent's full Finesse state.</summary>
public sealed record AgentState(
    string State,
    string? ReasonCode = null,
    string? ReasonCodeLabel = null,
    string? PendingState = null,
    string? Extension = null,
    DateTimeOffset? StateChangeTime = null) : ConnectorEvent;

/// <summary>One participant of a call, with the actions Finesse allows that participant now.</summary>
public sealed record Participant(
    string Address,
    string State,
    IReadOnlyList<string> Actions,
    string? MediaAddress = null);

/// <summary>The full state of one call (a Finesse dialog) of the agent.</summary>
/// <remarks>
/// <para>
/// <see cref="Dnis"/> and <see cref="DialedNumber"/> are Finesse's <c>mediaProperties</c> as sent: on
/// Unified CCE <c>DNIS</c> is the device the call was delivered to (the agent's own extension) and
/// <c>dialedNumber</c> the number the caller dialled (the service number).
/// </para>
/// <para>
/// <see cref="AssociatedDialogId"/> is Finesse's <c>secondaryId</c>: Cisco sets it only once a consult call
/// was transferred or conferenced, on the surviving dialog, as the id of the dialog that merged into it (not
/// while the consult is in progress, and not as a link from a consult to its original call; a consult's legs are
/// linked by the agent's own dialogs). Finesse's <c>associatedDialogUri</c> (a supervisor's monitored call) is
/// not carried. The name stays for compatibility of the wire.
/// </para>
/// <para>
/// <see cref="CallType"/>, <see cref="FromAddress"/> and <see cref="ToAddress"/> are always on the
/// wire, as JSON null when Finesse has none (a call being dialled has no toAddress yet): a decoder
/// requires every constructor parameter without a default, so omitting them would make the message
/// unreadable.
/// </para>
/// </remarks>
public sealed record Dialog(
    string Id,
    string State,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? CallType,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? FromAddress,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ToAddress,
    IReadOnlyList<Participant> Participants,
    IReadOnlyDictionary<string, string> CallVariables,
    IReadOnlyDictionary<string, string> EccVariables,
    string? Dnis = null,
    string? WrapUpReason = null,
    string? AssociatedDialogId = null,
    string? DialedNumber = null) : ConnectorEvent;

/// <summary>The call is gone for this agent.</summary>
public sealed record DialogEnded(string DialogId, string? Reason = null) : ConnectorEvent;

/// <summary>One reason code as Finesse defines it.</summary>
public sealed record ReasonCodeEntry(string Id, string Code, string Label, string Category, bool SystemCode = false);

/// <summary>The reason codes of one category, answering <see cref="GetReasonCodes"/>.</summary>
public sealed record ReasonCodes(string Category, IReadOnlyList<ReasonCodeEntry> Codes) : ConnectorEvent;

/// <summary>One wrap-up reason.</summary>
public sealed record WrapUpReasonEntry(string Label, string? Id = null);

/// <summary>The wrap-up reasons the agent may choose, answering <see cref="GetWrapUpReasons"/>.</summary>
public sealed record WrapUpReasons(IReadOnlyList<WrapUpReasonEntry> Reasons) : ConnectorEvent;

/// <summary>A request failed; the envelope's correlation id names the request.</summary>
public sealed record Error(string Code, string Message, string? RequestType = null) : ConnectorEvent;

/// <summary>Reason code categories (Finesse's names).</summary>
public static class ReasonCodeCategory
{
    public const string NotReady = "NOT_READY";
    public const string Logout = "LOGOUT";
}
