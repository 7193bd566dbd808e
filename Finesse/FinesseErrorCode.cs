namespace SiebelCti.Finesse;

/// <summary>
/// The Finesse REST and XMPP clients' stable error codes (FINESSE_*, XMPP_*). A code never changes meaning once released;
/// logs, <c>Error</c> messages to the driver and the Connector Monitor carry it. Codes are
/// UPPER_SNAKE_CASE and unique across the product (a unit test checks both).
/// </summary>
public static class FinesseErrorCode
{
    // Finesse REST (Rest/, Xml/, Notifications/)
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

    // XMPP (Xmpp/)
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
}
