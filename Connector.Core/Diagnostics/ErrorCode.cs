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

    // Native driver (Driver)
}
