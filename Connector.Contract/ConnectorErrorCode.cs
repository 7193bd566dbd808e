namespace SiebelCti.Connector.Contract;

/// <summary>
/// The codes the Connector puts in the contract's Error messages for contract and engine failures (Finesse and OpenWire failures keep their own codes). A code never changes meaning once released;
/// logs, <c>Error</c> messages to the driver and the Connector Monitor carry it. Codes are
/// UPPER_SNAKE_CASE and unique across the product (a unit test checks both).
/// </summary>
public static class ConnectorErrorCode
{
    // General
    /// <summary>A required service (broker, XMPP server, Finesse) did not answer.</summary>
    public const string ServiceUnreachable = "SERVICE_UNREACHABLE";

    // The contract (Connector.Contract) and the engine (Connector.Core/Engine)
    /// <summary>A contract message has no JMSType.</summary>
    public const string MessageTypeMissing = "MESSAGE_TYPE_MISSING";

    /// <summary>A contract message's JMSType is not a message type of this protocol version.</summary>
    public const string MessageTypeUnknown = "MESSAGE_TYPE_UNKNOWN";

    /// <summary>A contract message body is not a JSON object of the expected shape.</summary>
    public const string MessageMalformed = "MESSAGE_MALFORMED";

    /// <summary>A contract message body exceeds the size limit.</summary>
    public const string MessageTooLarge = "MESSAGE_TOO_LARGE";

    /// <summary>A request is well-formed but a required field is missing or a value is not allowed.</summary>
    public const string MessageInvalid = "MESSAGE_INVALID";

    /// <summary>A message has a protocolVersion this side (Connector or driver) does not speak.</summary>
    public const string ProtocolVersionUnsupported = "PROTOCOL_VERSION_UNSUPPORTED";

    /// <summary>An agent request has no agentId property.</summary>
    public const string AgentIdMissing = "AGENT_ID_MISSING";

    /// <summary>A heartbeat came from a client the Connector does not know (e.g. after a Connector restart): send Hello and Connect again.</summary>
    public const string ClientUnknown = "CLIENT_UNKNOWN";

    /// <summary>The client has not connected this agent (send Connect first). No longer sent: superseded by <see cref="AgentNotAuthorized"/>.</summary>
    public const string AgentNotConnected = "AGENT_NOT_CONNECTED";

    /// <summary>The agent has not signed in through the Connector, so it holds no credentials for it. No longer sent: superseded by <see cref="AgentNotAuthorized"/>.</summary>
    public const string AgentNotLoggedIn = "AGENT_NOT_LOGGED_IN";

    /// <summary>The request is not possible in the agent's current state.</summary>
    public const string InvalidState = "INVALID_STATE";

    /// <summary>The agent has no call the request could act on.</summary>
    public const string NoCall = "NO_CALL";

    /// <summary>The reason code is not one of the agent's reason codes of that category.</summary>
    public const string ReasonCodeUnknown = "REASON_CODE_UNKNOWN";

    /// <summary>Finesse (or the broker) is not usable now; the request was not sent.</summary>
    public const string ConnectorOutOfService = "CONNECTOR_OUT_OF_SERVICE";

    /// <summary>Finesse accepted the request but its effect did not arrive within the request timeout.</summary>
    public const string RequestTimeout = "REQUEST_TIMEOUT";

    /// <summary>A Finesse call failed for a reason without a more specific code.</summary>
    public const string FinesseRequestFailed = "FINESSE_REQUEST_FAILED";

    /// <summary>The Connector is shutting down.</summary>
    public const string ConnectorStopping = "CONNECTOR_STOPPING";
    /// <summary>The client id is not 1 to 100 characters from A-Z a-z 0-9 . _ -; the request was dropped unanswered.</summary>
    public const string ClientIdInvalid = "CLIENT_ID_INVALID";
    /// <summary>The client id does not belong to the broker user that sent the request (JMSXUserID); dropped unanswered.</summary>
    public const string ClientIdNotOwned = "CLIENT_ID_NOT_OWNED";
    /// <summary>A message that is not a request (an event or an Error) reached the request queue; dropped unanswered.</summary>
    public const string NotARequest = "NOT_A_REQUEST";
    /// <summary>A request did not carry the client's current session token (from the answer to its Hello): send Hello again.</summary>
    public const string ClientSessionInvalid = "CLIENT_SESSION_INVALID";
    /// <summary>The client has not proved this agent's credentials on its current session: send Login first.</summary>
    public const string AgentNotAuthorized = "AGENT_NOT_AUTHORIZED";
    /// <summary>Finesse refused the agent's credentials too often lately; Logins are refused without asking Finesse for a while.</summary>
    public const string LoginThrottled = "LOGIN_THROTTLED";
    /// <summary>The request's deadline (set by the driver) passed before the Connector could send it; it was not executed.</summary>
    public const string RequestExpired = "REQUEST_EXPIRED";
    /// <summary>No Finesse connection became free in time, or too many requests wait; the request was not sent.</summary>
    public const string ConnectorBusy = "CONNECTOR_BUSY";
    /// <summary>The agent has too many requests (or Logins) in progress; this one was refused.</summary>
    public const string AgentBusy = "AGENT_BUSY";
    /// <summary>The Connector holds as many clients, agents, or agents of this client as it is configured for.</summary>
    public const string ConnectorLimitReached = "CONNECTOR_LIMIT_REACHED";
    /// <summary>Logged only: the Connector's outbound queue was full; the client's events were dropped and it gets a resync when the queue drains.</summary>
    public const string ConnectorOutboundFull = "CONNECTOR_OUTBOUND_FULL";
}
