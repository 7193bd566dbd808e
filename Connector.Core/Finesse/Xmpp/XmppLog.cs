using Microsoft.Extensions.Logging;

namespace SiebelCti.Connector.Finesse.Xmpp;

/// <summary>
/// Source-generated log messages of the XMPP client. Ids and names match
/// <see cref="Diagnostics.EventIds"/> (4xxx); a unit test checks that. No message ever carries a
/// password or a SASL payload.
/// </summary>
internal static partial class XmppLog
{
    [LoggerMessage(EventId = 4000, EventName = "XmppConnecting", Level = LogLevel.Information,
        Message = "XMPP connecting to {Host}:{Port} as {Jid} (TLS {TlsMode}, trust {Trust})")]
    public static partial void Connecting(ILogger logger, string host, int port, string jid, XmppTlsMode tlsMode, XmppCertificateTrust trust);

    [LoggerMessage(EventId = 4001, EventName = "XmppConnected", Level = LogLevel.Information,
        Message = "XMPP session up as {Jid} (encrypted {Encrypted}, stream id {StreamId})")]
    public static partial void Connected(ILogger logger, string jid, bool encrypted, string? streamId);

    [LoggerMessage(EventId = 4002, EventName = "XmppConnectFailed", Level = LogLevel.Warning,
        Message = "XMPP connect to {Host}:{Port} as {User} failed: {ErrorCode} {Reason}")]
    public static partial void ConnectFailed(ILogger logger, string host, int port, string user, string errorCode, string reason);

    [LoggerMessage(EventId = 4003, EventName = "XmppConnectionLost", Level = LogLevel.Warning,
        Message = "XMPP session {Jid} lost: {ErrorCode} {Reason}")]
    public static partial void ConnectionLost(ILogger logger, string jid, string errorCode, string reason);

    [LoggerMessage(EventId = 4004, EventName = "XmppReconnectScheduled", Level = LogLevel.Information,
        Message = "XMPP {Jid} reconnect attempt {Attempt} in {Delay}")]
    public static partial void ReconnectScheduled(ILogger logger, string jid, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 4005, EventName = "XmppReconnected", Level = LogLevel.Information,
        Message = "XMPP {Jid} reconnected after {Attempt} attempt(s)")]
    public static partial void Reconnected(ILogger logger, string jid, int attempt);

    [LoggerMessage(EventId = 4006, EventName = "XmppPermanentFailure", Level = LogLevel.Error,
        Message = "XMPP {Jid} stopped: {ErrorCode} {Reason}; not retrying (fix the cause, then connect again)")]
    public static partial void PermanentFailure(ILogger logger, string jid, string errorCode, string reason);

    [LoggerMessage(EventId = 4007, EventName = "XmppDisconnected", Level = LogLevel.Information,
        Message = "XMPP {Jid} disconnected")]
    public static partial void Disconnected(ILogger logger, string jid);

    [LoggerMessage(EventId = 4008, EventName = "XmppStateChanged", Level = LogLevel.Debug,
        Message = "XMPP {Jid} state {Previous} -> {Current}")]
    public static partial void StateChanged(ILogger logger, string jid, XmppState previous, XmppState current);

    [LoggerMessage(EventId = 4009, EventName = "XmppTlsEstablished", Level = LogLevel.Debug,
        Message = "XMPP TLS established with {Host} ({Mode})")]
    public static partial void TlsEstablished(ILogger logger, string host, XmppTlsMode mode);

    [LoggerMessage(EventId = 4010, EventName = "XmppSelfSignedTrusted", Level = LogLevel.Warning,
        Message = "XMPP trust AllowSelfSigned is on for {Host}: any self-signed certificate is accepted. Use it for tests only")]
    public static partial void SelfSignedTrusted(ILogger logger, string host);

    [LoggerMessage(EventId = 4011, EventName = "XmppAuthenticationFailed", Level = LogLevel.Error,
        Message = "XMPP SASL PLAIN for {User} failed: {ErrorCode} condition {Condition}")]
    public static partial void AuthenticationFailed(ILogger logger, string user, string errorCode, string? condition);

    [LoggerMessage(EventId = 4012, EventName = "XmppStreamErrorReceived", Level = LogLevel.Warning,
        Message = "XMPP server sent stream error {Condition}: {Text}")]
    public static partial void StreamErrorReceived(ILogger logger, string condition, string? text);

    [LoggerMessage(EventId = 4013, EventName = "XmppPingTimeout", Level = LogLevel.Warning,
        Message = "XMPP {Jid} ping unanswered for {Timeout}; dropping the session")]
    public static partial void PingTimeout(ILogger logger, string jid, TimeSpan timeout);

    [LoggerMessage(EventId = 4014, EventName = "XmppSubscriptionReplayed", Level = LogLevel.Information,
        Message = "XMPP {Jid} re-subscribed to {Node} on {Service}")]
    public static partial void SubscriptionReplayed(ILogger logger, string jid, string node, string service);

    [LoggerMessage(EventId = 4015, EventName = "XmppSubscriptionReplayFailed", Level = LogLevel.Error,
        Message = "XMPP {Jid} could not re-subscribe to {Node} on {Service}: {ErrorCode} {Reason}")]
    public static partial void SubscriptionReplayFailed(ILogger logger, string jid, string node, string service, string errorCode, string reason);

    [LoggerMessage(EventId = 4016, EventName = "XmppUnknownElementIgnored", Level = LogLevel.Debug,
        Message = "XMPP ignored an unknown top-level element {Name}")]
    public static partial void UnknownElementIgnored(ILogger logger, string name);

    [LoggerMessage(EventId = 4017, EventName = "XmppInboundThrottled", Level = LogLevel.Warning,
        Message = "XMPP {Jid} receives more than {Rate} stanzas/s; reading is slowed down (nothing is dropped)")]
    public static partial void InboundThrottled(ILogger logger, string jid, int rate);

    [LoggerMessage(EventId = 4018, EventName = "XmppEventHandlerFailed", Level = LogLevel.Error,
        Message = "XMPP {Jid} event handler for {EventKind} threw ({ErrorCode}); the event loop continues")]
    public static partial void EventHandlerFailed(ILogger logger, Exception exception, string jid, string eventKind, string errorCode);

    [LoggerMessage(EventId = 4019, EventName = "XmppIqRefused", Level = LogLevel.Debug,
        Message = "XMPP answered an unsupported IQ from {From} ({Child}) with service-unavailable")]
    public static partial void IqRefused(ILogger logger, string? from, string child);

    [LoggerMessage(EventId = 4020, EventName = "XmppLoopFailed", Level = LogLevel.Error,
        Message = "XMPP {Jid} {Loop} loop failed unexpectedly")]
    public static partial void LoopFailed(ILogger logger, Exception exception, string jid, string loop);

    [LoggerMessage(EventId = 4021, EventName = "XmppWireReceived", Level = LogLevel.Trace,
        Message = "XMPP {Jid} <= {Stanza}")]
    public static partial void WireReceived(ILogger logger, string jid, string stanza);

    [LoggerMessage(EventId = 4022, EventName = "XmppWireSent", Level = LogLevel.Trace,
        Message = "XMPP {Jid} => {Stanza}")]
    public static partial void WireSent(ILogger logger, string jid, string stanza);

    [LoggerMessage(EventId = 4023, EventName = "XmppLateIqIgnored", Level = LogLevel.Debug,
        Message = "XMPP {Jid} ignored an IQ {Type} with unknown id {Id}")]
    public static partial void LateIqIgnored(ILogger logger, string jid, string? type, string? id);

    [LoggerMessage(EventId = 4024, EventName = "XmppPresenceApproved", Level = LogLevel.Information,
        Message = "XMPP {Jid} approved the presence subscription of {From}")]
    public static partial void PresenceApproved(ILogger logger, string jid, string from);
}
