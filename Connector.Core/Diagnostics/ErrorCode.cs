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
    /// <summary>OpenWire options are invalid; the message lists every problem.</summary>
    public const string OpenWireInvalidOptions = "OPENWIRE_INVALID_OPTIONS";
    /// <summary>No TCP connection to any broker of the URI could be made.</summary>
    public const string OpenWireConnectFailed = "OPENWIRE_CONNECT_FAILED";
    /// <summary>The TLS handshake failed or the broker certificate was not trusted.</summary>
    public const string OpenWireTlsFailure = "OPENWIRE_TLS_FAILURE";
    /// <summary>The broker refused a command (ExceptionResponse), e.g. bad credentials or a duplicate client id.</summary>
    public const string OpenWireBrokerError = "OPENWIRE_BROKER_ERROR";
    /// <summary>The broker reported a connection error (ConnectionError) and closed the connection.</summary>
    public const string OpenWireConnectionError = "OPENWIRE_CONNECTION_ERROR";
    /// <summary>The peer sent bytes that are not valid OpenWire (malformed, truncated or oversized frame).</summary>
    public const string OpenWireProtocolViolation = "OPENWIRE_PROTOCOL_VIOLATION";
    /// <summary>An OpenWire operation or the inactivity monitor timed out.</summary>
    public const string OpenWireTimeout = "OPENWIRE_TIMEOUT";
    /// <summary>The connection is closed or was lost and cannot be used.</summary>
    public const string OpenWireConnectionClosed = "OPENWIRE_CONNECTION_CLOSED";
    /// <summary>An OpenWire API call was not valid in the current state (e.g. acknowledging in auto mode).</summary>
    public const string OpenWireInvalidOperation = "OPENWIRE_INVALID_OPERATION";
    /// <summary>The broker refused the connection's user name and password (or an anonymous connection).</summary>
    public const string OpenWireAuthenticationFailed = "OPENWIRE_AUTHENTICATION_FAILED";
    /// <summary>The broker's authorization refused reading, writing or creating a destination.</summary>
    public const string OpenWireNotAuthorized = "OPENWIRE_NOT_AUTHORIZED";

    // Finesse REST (Connector.Core/Finesse/Rest)
    /// <summary>Finesse XML was not well-formed (truncated, bad syntax, empty).</summary>
    public const string FinesseXmlMalformed = "FINESSE_XML_MALFORMED";
    /// <summary>Finesse XML contained a DOCTYPE/DTD; refused (entity expansion, external entities).</summary>
    public const string FinesseXmlDtdProhibited = "FINESSE_XML_DTD_PROHIBITED";
    /// <summary>A Finesse document or notification exceeded the configured size limit.</summary>
    public const string FinesseXmlTooLarge = "FINESSE_XML_TOO_LARGE";
    /// <summary>A Finesse document nested deeper than the configured depth limit.</summary>
    public const string FinesseXmlTooDeep = "FINESSE_XML_TOO_DEEP";
    /// <summary>A Finesse document had a root element other than the one expected.</summary>
    public const string FinesseXmlUnexpectedRoot = "FINESSE_XML_UNEXPECTED_ROOT";
    /// <summary>A Finesse element held a value of the wrong form (number, time).</summary>
    public const string FinesseXmlInvalidValue = "FINESSE_XML_INVALID_VALUE";
    /// <summary>A Finesse notification lacked its event or data, or its data did not fit the event.</summary>
    public const string FinesseNotificationInvalid = "FINESSE_NOTIFICATION_INVALID";
    /// <summary>FinesseOptions failed validation (every problem is listed).</summary>
    public const string FinesseOptionsInvalid = "FINESSE_OPTIONS_INVALID";
    /// <summary>An argument for a Finesse request was refused before sending (ids, digits, characters).</summary>
    public const string FinesseInvalidArgument = "FINESSE_INVALID_ARGUMENT";
    /// <summary>400 Bad Request / Generic Error / Finesse API Error without a more precise code.</summary>
    public const string FinesseBadRequest = "FINESSE_BAD_REQUEST";
    /// <summary>400 Parameter Missing.</summary>
    public const string FinesseParameterMissing = "FINESSE_PARAMETER_MISSING";
    /// <summary>400 Parameter Missing with finesse.api.reasoncode.require_reasoncode: a reason code id is required.</summary>
    public const string FinesseReasonCodeRequired = "FINESSE_REASON_CODE_REQUIRED";
    /// <summary>400 Invalid Input.</summary>
    public const string FinesseInvalidInput = "FINESSE_INVALID_INPUT";
    /// <summary>Invalid State (400/401, or asynchronous): the agent or call is not in a state allowing the request.</summary>
    public const string FinesseInvalidState = "FINESSE_INVALID_STATE";
    /// <summary>400 Invalid Destination (e.g. toAddress equals fromAddress).</summary>
    public const string FinesseInvalidDestination = "FINESSE_INVALID_DESTINATION";
    /// <summary>400 Maximum Exceeded.</summary>
    public const string FinesseMaximumExceeded = "FINESSE_MAXIMUM_EXCEEDED";
    /// <summary>401 Authorization Failure: wrong user name or password.</summary>
    public const string FinesseUnauthorized = "FINESSE_UNAUTHORIZED";
    /// <summary>401 Invalid Authorization User Specified: credentials of one agent used for another.</summary>
    public const string FinesseWrongUser = "FINESSE_WRONG_USER";
    /// <summary>401 Invalid Supervisor: the agent is not on the supervisor's team.</summary>
    public const string FinesseInvalidSupervisor = "FINESSE_INVALID_SUPERVISOR";
    /// <summary>403 Forbidden (e.g. configuration API sent to the secondary node).</summary>
    public const string FinesseForbidden = "FINESSE_FORBIDDEN";
    /// <summary>404 Not Found / Dialog Not Found.</summary>
    public const string FinesseNotFound = "FINESSE_NOT_FOUND";
    /// <summary>404 User Not Found.</summary>
    public const string FinesseUserNotFound = "FINESSE_USER_NOT_FOUND";
    /// <summary>405 Method Not Allowed.</summary>
    public const string FinesseMethodNotAllowed = "FINESSE_METHOD_NOT_ALLOWED";
    /// <summary>500 Internal Server Error.</summary>
    public const string FinesseServerError = "FINESSE_SERVER_ERROR";
    /// <summary>501 Not Implemented: the feature is absent in this deployment.</summary>
    public const string FinesseNotImplemented = "FINESSE_NOT_IMPLEMENTED";
    /// <summary>503, or SystemInfo OUT_OF_SERVICE, on every configured side.</summary>
    public const string FinesseOutOfService = "FINESSE_OUT_OF_SERVICE";
    /// <summary>An HTTP status Finesse does not document for this API.</summary>
    public const string FinesseUnexpectedStatus = "FINESSE_UNEXPECTED_STATUS";
    /// <summary>A Finesse request got no answer within the per-request timeout.</summary>
    public const string FinesseTimeout = "FINESSE_TIMEOUT";
    /// <summary>No TCP/HTTP connection to any configured Finesse side.</summary>
    public const string FinesseConnectFailed = "FINESSE_CONNECT_FAILED";
    /// <summary>The Finesse server certificate was not trusted (or did not match the host name).</summary>
    public const string FinesseTlsUntrusted = "FINESSE_TLS_UNTRUSTED";
    /// <summary>Asynchronous CTI failure reported by an apiErrors notification (Call Operation Failure, Generic Error, ...).</summary>
    public const string FinesseCtiError = "FINESSE_CTI_ERROR";
    /// <summary>Asynchronous Invalid Device / Device Busy / Mode Not Allowed at sign-in.</summary>
    public const string FinesseDeviceError = "FINESSE_DEVICE_ERROR";

    // XMPP (Connector.Core/Finesse/Xmpp)
    /// <summary>The XMPP server could not be reached over TCP.</summary>
    public const string XmppConnectFailed = "XMPP_CONNECT_FAILED";

    /// <summary>TLS with the XMPP server failed (handshake or certificate validation).</summary>
    public const string XmppTlsFailed = "XMPP_TLS_FAILED";

    /// <summary>The XMPP server closed the stream with a stream error.</summary>
    public const string XmppStreamError = "XMPP_STREAM_ERROR";

    /// <summary>The XMPP peer sent XML that is not well-formed or not a valid stream.</summary>
    public const string XmppMalformedXml = "XMPP_MALFORMED_XML";

    /// <summary>The XMPP peer sent a DOCTYPE, entity, comment or processing instruction.</summary>
    public const string XmppRestrictedXml = "XMPP_RESTRICTED_XML";

    /// <summary>An incoming XMPP stanza exceeded the configured maximum size.</summary>
    public const string XmppStanzaTooLarge = "XMPP_STANZA_TOO_LARGE";

    /// <summary>An incoming XMPP stanza exceeded the configured maximum nesting depth.</summary>
    public const string XmppStanzaTooDeep = "XMPP_STANZA_TOO_DEEP";

    /// <summary>The XMPP stream or socket was closed by the peer.</summary>
    public const string XmppStreamClosed = "XMPP_STREAM_CLOSED";

    /// <summary>XMPP SASL authentication was refused (wrong user or password).</summary>
    public const string XmppNotAuthorized = "XMPP_NOT_AUTHORIZED";

    /// <summary>XMPP SASL authentication failed for a reason other than bad credentials.</summary>
    public const string XmppAuthenticationFailed = "XMPP_AUTHENTICATION_FAILED";

    /// <summary>XMPP stream negotiation failed (a required feature is missing).</summary>
    public const string XmppNegotiationFailed = "XMPP_NEGOTIATION_FAILED";

    /// <summary>XMPP resource binding failed.</summary>
    public const string XmppBindFailed = "XMPP_BIND_FAILED";

    /// <summary>An XMPP IQ request (e.g. a pubsub subscribe or publish) was answered with an error.</summary>
    public const string XmppIqError = "XMPP_IQ_ERROR";

    /// <summary>An XMPP request was not answered in time.</summary>
    public const string XmppTimeout = "XMPP_TIMEOUT";

    /// <summary>The XMPP server did not answer a ping in time; the session is re-established.</summary>
    public const string XmppPingTimeout = "XMPP_PING_TIMEOUT";

    /// <summary>The XMPP client is not connected.</summary>
    public const string XmppNotConnected = "XMPP_NOT_CONNECTED";

    /// <summary>Outgoing XMPP text holds a character XML 1.0 cannot carry.</summary>
    public const string XmppInvalidCharacter = "XMPP_INVALID_CHARACTER";

    /// <summary>The XMPP client options are invalid.</summary>
    public const string XmppInvalidOptions = "XMPP_INVALID_OPTIONS";

    /// <summary>An application handler of an XMPP event threw; the event loop continues.</summary>
    public const string XmppEventHandlerFailed = "XMPP_EVENT_HANDLER_FAILED";

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

    // Connector service and monitor (Connector.Service)
    /// <summary>The service configuration has one or more problems; the service does not start.</summary>
    public const string ConfigurationInvalid = "CONFIGURATION_INVALID";

    /// <summary>A monitor login was refused (wrong user or password).</summary>
    public const string MonitorLoginFailed = "MONITOR_LOGIN_FAILED";

    /// <summary>A monitor login attempt was refused: earlier attempts of its address or user already took the turns of the next 30 s.</summary>
    public const string MonitorLoginThrottled = "MONITOR_LOGIN_THROTTLED";

    /// <summary>A monitor login attempt got no password-check slot in time (too many checks at once).</summary>
    public const string MonitorLoginBusy = "MONITOR_LOGIN_BUSY";

    /// <summary>The monitor source could not produce a snapshot.</summary>
    public const string MonitorSnapshotFailed = "MONITOR_SNAPSHOT_FAILED";

    /// <summary>A monitor API call needs a login.</summary>
    public const string MonitorLoginRequired = "MONITOR_LOGIN_REQUIRED";

    /// <summary>A monitor API request body is not what the endpoint expects.</summary>
    public const string MonitorBadRequest = "MONITOR_BAD_REQUEST";

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
    /// <summary>A Connector message that must name an agent (all but System and Error) has no agentId; the driver dropped it.</summary>
    public const string DriverMessageWithoutAgent = "DRIVER_MESSAGE_WITHOUT_AGENT";
    /// <summary>A Connector message names an agent no service of this driver instance serves (e.g. a late event after release); dropped.</summary>
    public const string DriverUnknownAgent = "DRIVER_UNKNOWN_AGENT";
}
