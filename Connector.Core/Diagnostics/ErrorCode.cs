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
    /// <summary>An export failed with an exception the driver did not expect (a bug); the export returned SC_EC_ERROR.</summary>
    public const string NativeUnexpected = "NATIVE_UNEXPECTED";
    /// <summary>A driver or service handle from Siebel is null, unknown, stale or already released.</summary>
    public const string NativeInvalidHandle = "NATIVE_INVALID_HANDLE";
    /// <summary>A required pointer argument from Siebel is null.</summary>
    public const string NativeNullArgument = "NATIVE_NULL_ARGUMENT";
    /// <summary>A string from Siebel is longer than the driver accepts or has no terminating NUL within that length.</summary>
    public const string NativeStringTooLong = "NATIVE_STRING_TOO_LONG";
    /// <summary>A string from Siebel held unpaired UTF-16 surrogates; they were replaced with U+FFFD.</summary>
    public const string NativeTextRepaired = "NATIVE_TEXT_REPAIRED";
    /// <summary>A key/value list from Siebel has a negative or too large length, or a length without items.</summary>
    public const string NativeBadList = "NATIVE_BAD_LIST";
    /// <summary>FreeSCStrParamList got a list the driver did not hand out, or one it already freed.</summary>
    public const string NativeForeignList = "NATIVE_FOREIGN_LIST";
    /// <summary>The ABI override file beside the library (SiebelCtiDriver.abi.conf) is invalid.</summary>
    public const string DriverAbiConfigInvalid = "DRIVER_ABI_CONFIG_INVALID";
    /// <summary>The driver or service parameters are invalid; the log line lists every problem.</summary>
    public const string DriverBadParameters = "DRIVER_BAD_PARAMETERS";
    /// <summary>The channel string (media type) is not one the driver serves.</summary>
    public const string DriverMediaTypeNotSupported = "DRIVER_MEDIA_TYPE_NOT_SUPPORTED";
    /// <summary>The client interface passed to RequestService lacks a client method the driver needs.</summary>
    public const string DriverClientInterfaceInvalid = "DRIVER_CLIENT_INTERFACE_INVALID";
    /// <summary>InvokeCommand or InvokeCommandEx named a command the driver does not have.</summary>
    public const string DriverCommandNotSupported = "DRIVER_COMMAND_NOT_SUPPORTED";
    /// <summary>A command lacks a required parameter or has an invalid one.</summary>
    public const string DriverCommandInvalid = "DRIVER_COMMAND_INVALID";
    /// <summary>A call command found no call to act on in the agent's current state.</summary>
    public const string DriverNoCall = "DRIVER_NO_CALL";
    /// <summary>A work-item or call command named a tracking id the driver does not know.</summary>
    public const string DriverUnknownWorkItem = "DRIVER_UNKNOWN_WORK_ITEM";
    /// <summary>The connector did not answer a request within the request timeout.</summary>
    public const string DriverRequestTimeout = "DRIVER_REQUEST_TIMEOUT";
    /// <summary>The connector link is down, so a request could not be sent.</summary>
    public const string DriverConnectorUnavailable = "DRIVER_CONNECTOR_UNAVAILABLE";
    /// <summary>A Siebel client callback returned a failure code.</summary>
    public const string DriverCallbackFailed = "DRIVER_CALLBACK_FAILED";
    /// <summary>The logging configuration file named by LogConfig could not be loaded.</summary>
    public const string DriverLogConfigInvalid = "DRIVER_LOG_CONFIG_INVALID";
}
