namespace SiebelCti.Connector.Diagnostics;

/// <summary>
/// Stable error codes shared by every layer. A code never changes meaning once released; logs,
/// <c>Error</c> messages to the driver and the Connector Monitor all carry it. Codes are
/// UPPER_SNAKE_CASE and unique (a unit test checks both). Add new codes in their area's block.
/// </summary>
public static class ErrorCode
{
    // General
    /// <summary>A required service (broker, XMPP server, Finesse) did not answer.</summary>
    public const string ServiceUnreachable = "SERVICE_UNREACHABLE";

    // OpenWire (Connector.Core/OpenWire)

    // Finesse REST (Connector.Core/Finesse/Rest)

    // XMPP (Connector.Core/Finesse/Xmpp)

    // Driver <-> Connector messaging and engine (Connector.Core/Messaging, Connector.Core/Engine)
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

    /// <summary>A message has a protocolVersion this Connector does not speak.</summary>
    public const string ProtocolVersionUnsupported = "PROTOCOL_VERSION_UNSUPPORTED";

    /// <summary>An agent request has no agentId property.</summary>
    public const string AgentIdMissing = "AGENT_ID_MISSING";

    /// <summary>A heartbeat came from a client the Connector does not know (e.g. after a Connector restart): send Hello and Connect again.</summary>
    public const string ClientUnknown = "CLIENT_UNKNOWN";

    /// <summary>The client has not connected this agent (send Connect first).</summary>
    public const string AgentNotConnected = "AGENT_NOT_CONNECTED";

    /// <summary>The agent has not signed in through the Connector, so it holds no credentials for it.</summary>
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

    // Native driver (Driver)
}
