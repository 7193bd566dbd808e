using Microsoft.Extensions.Logging;

namespace SiebelCti.Finesse.Xmpp;

/// <summary>
/// Source-generated log messages of the XMPP client. Ids and names match
/// <see cref="FinesseEventIds"/> (4xxx); a unit test checks that. No message ever carries a
/// password or a SASL payload.
/// </summary>
internal static partial class XmppLog
{
    [LoggerMessage(EventId = FinesseEventIds.XmppConnecting, EventName = nameof(FinesseEventIds.XmppConnecting), Level = LogLevel.Information,
        Message = "XMPP connecting to {Host}:{Port} as {Jid} (TLS {TlsMode}, trust {Trust})")]
    public static partial void Connecting(ILogger logger, string host, int port, string jid, XmppTlsMode tlsMode, ServerCertificateTrust trust);

    [LoggerMessage(EventId = FinesseEventIds.XmppConnected, EventName = nameof(FinesseEventIds.XmppConnected), Level = LogLevel.Information,
        Message = "XMPP session up as {Jid} (encrypted {Encrypted}, stream id {StreamId})")]
    public static partial void Connected(ILogger logger, string jid, bool encrypted, string? streamId);

    [LoggerMessage(EventId = FinesseEventIds.XmppConnectFailed, EventName = nameof(FinesseEventIds.XmppConnectFailed), Level = LogLevel.Warning,
        Message = "XMPP connect to {Host}:{Port} as {User} failed: {ErrorCode} {Reason}")]
    public static partial void ConnectFailed(ILogger logger, string host, int port, string user, string errorCode, string reason);

    [LoggerMessage(EventId = FinesseEventIds.XmppConnectionLost, EventName = nameof(FinesseEventIds.XmppConnectionLost), Level = LogLevel.Warning,
        Message = "XMPP session {Jid} lost: {ErrorCode} {Reason}")]
    public static partial void ConnectionLost(ILogger logger, string jid, string errorCode, string reason);

    [LoggerMessage(EventId = FinesseEventIds.XmppReconnectScheduled, EventName = nameof(FinesseEventIds.XmppReconnectScheduled), Level = LogLevel.Information,
        Message = "XMPP {Jid} reconnect attempt {Attempt} in {Delay}")]
    public static partial void ReconnectScheduled(ILogger logger, string jid, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = FinesseEventIds.XmppReconnected, EventName = nameof(FinesseEventIds.XmppReconnected), Level = LogLevel.Information,
        Message = "XMPP {Jid} reconnected after {Attempt} attempt(s)")]
    public static partial void Reconnected(ILogger logger, string jid, int attempt);

    [LoggerMessage(EventId = FinesseEventIds.XmppPermanentFailure, EventName = nameof(FinesseEventIds.XmppPermanentFailure), Level = LogLevel.Error,
        Message = "XMPP {Jid} stopped: {ErrorCode} {Reason}; not retrying (fix the cause, then connect again)")]
    public static partial void PermanentFailure(ILogger logger, string jid, string errorCode, string reason);

    [LoggerMessage(EventId = FinesseEventIds.XmppDisconnected, EventName = nameof(FinesseEventIds.XmppDisconnected), Level = LogLevel.Information,
        Message = "XMPP {Jid} disconnected")]
    public static partial void Disconnected(ILogger logger, string jid);

    [LoggerMessage(EventId = FinesseEventIds.XmppStateChanged, EventName = nameof(FinesseEventIds.XmppStateChanged), Level = LogLevel.Debug,
        Message = "XMPP {Jid} state {Previous} -> {Current}")]
    public static partial void StateChanged(ILogger logger, string jid, XmppState previous, XmppState current);

    [LoggerMessage(EventId = FinesseEventIds.XmppTlsEstablished, EventName = nameof(FinesseEventIds.XmppTlsEstablished), Level = LogLevel.Debug,
        Message = "XMPP TLS established with {Host} ({Mode})")]
    public static partial void TlsEstablished(ILogger logger, string host, XmppTlsMode mode);

    [LoggerMessage(EventId = FinesseEventIds.XmppSelfSignedTrusted, EventName = nameof(FinesseEventIds.XmppSelfSignedTrusted), Level = LogLevel.Warning,
        Message = "XMPP trust AllowSelfSigned is on for {Host}: any self-signed certificate is accepted. Use it for tests only")]
    public static partial void SelfSignedTrusted(ILogger logger, string host);

    [LoggerMessage(EventId = FinesseEventIds.XmppAuthenticationFailed, EventName = nameof(FinesseEventIds.XmppAuthenticationFailed), Level = LogLevel.Error,
        Message = "XMPP SASL PLAIN for {User} failed: {ErrorCode} condition {Condition}")]
    public static partial void AuthenticationFailed(ILogger logger, string user, string errorCode, string? condition);

    [LoggerMessage(EventId = FinesseEventIds.XmppStreamErrorReceived, EventName = nameof(FinesseEventIds.XmppStreamErrorReceived), Level = LogLevel.Warning,
        Message = "XMPP server sent stream error {Condition}: {Text}")]
    public static partial void StreamErrorReceived(ILogger logger, string condition, string? text);

    [LoggerMessage(EventId = FinesseEventIds.XmppPingTimeout, EventName = nameof(FinesseEventIds.XmppPingTimeout), Level = LogLevel.Warning,
        Message = "XMPP {Jid} ping unanswered for {Timeout}; dropping the session")]
    public static partial void PingTimeout(ILogger logger, string jid, TimeSpan timeout);

    [LoggerMessage(EventId = FinesseEventIds.XmppSubscriptionReplayed, EventName = nameof(FinesseEventIds.XmppSubscriptionReplayed), Level = LogLevel.Information,
        Message = "XMPP {Jid} re-subscribed to {Node} on {Service}")]
    public static partial void SubscriptionReplayed(ILogger logger, string jid, string node, string service);

    [LoggerMessage(EventId = FinesseEventIds.XmppSubscriptionReplayFailed, EventName = nameof(FinesseEventIds.XmppSubscriptionReplayFailed), Level = LogLevel.Error,
        Message = "XMPP {Jid} could not re-subscribe to {Node} on {Service}: {ErrorCode} {Reason}")]
    public static partial void SubscriptionReplayFailed(ILogger logger, string jid, string node, string service, string errorCode, string reason);

    [LoggerMessage(EventId = FinesseEventIds.XmppUnknownElementIgnored, EventName = nameof(FinesseEventIds.XmppUnknownElementIgnored), Level = LogLevel.Debug,
        Message = "XMPP ignored an unknown top-level element {Name}")]
    public static partial void UnknownElementIgnored(ILogger logger, string name);

    [LoggerMessage(EventId = FinesseEventIds.XmppInboundThrottled, EventName = nameof(FinesseEventIds.XmppInboundThrottled), Level = LogLevel.Warning,
        Message = "XMPP {Jid} receives more than {Rate} stanzas/s; reading is slowed down (nothing is dropped)")]
    public static partial void InboundThrottled(ILogger logger, string jid, int rate);

    [LoggerMessage(EventId = FinesseEventIds.XmppEventHandlerFailed, EventName = nameof(FinesseEventIds.XmppEventHandlerFailed), Level = LogLevel.Error,
        Message = "XMPP {Jid} event handler for {EventKind} threw ({ErrorCode}); the event loop continues")]
    public static partial void EventHandlerFailed(ILogger logger, Exception exception, string jid, string eventKind, string errorCode);

    [LoggerMessage(EventId = FinesseEventIds.XmppStateChangeDropped, EventName = nameof(FinesseEventIds.XmppStateChangeDropped), Level = LogLevel.Warning,
        Message = "XMPP {Jid} change {Previous} -> {Current} not delivered: {Queued} state changes already wait for the event receiver (the client's State is current)")]
    public static partial void StateChangeDropped(ILogger logger, string jid, XmppState previous, XmppState current, int queued);

    [LoggerMessage(EventId = FinesseEventIds.XmppIqRefused, EventName = nameof(FinesseEventIds.XmppIqRefused), Level = LogLevel.Debug,
        Message = "XMPP answered an unsupported IQ from {From} ({Child}) with service-unavailable")]
    public static partial void IqRefused(ILogger logger, string? from, string child);

    [LoggerMessage(EventId = FinesseEventIds.XmppLoopFailed, EventName = nameof(FinesseEventIds.XmppLoopFailed), Level = LogLevel.Error,
        Message = "XMPP {Jid} {Loop} loop failed unexpectedly")]
    public static partial void LoopFailed(ILogger logger, Exception exception, string jid, string loop);

    [LoggerMessage(EventId = FinesseEventIds.XmppWireReceived, EventName = nameof(FinesseEventIds.XmppWireReceived), Level = LogLevel.Trace,
        Message = "XMPP {Jid} <= {Stanza}")]
    public static partial void WireReceived(ILogger logger, string jid, string stanza);

    [LoggerMessage(EventId = FinesseEventIds.XmppWireSent, EventName = nameof(FinesseEventIds.XmppWireSent), Level = LogLevel.Trace,
        Message = "XMPP {Jid} => {Stanza}")]
    public static partial void WireSent(ILogger logger, string jid, string stanza);

    [LoggerMessage(EventId = FinesseEventIds.XmppLateIqIgnored, EventName = nameof(FinesseEventIds.XmppLateIqIgnored), Level = LogLevel.Debug,
        Message = "XMPP {Jid} ignored an IQ {Type} with unknown id {Id}")]
    public static partial void LateIqIgnored(ILogger logger, string jid, string? type, string? id);

    [LoggerMessage(EventId = FinesseEventIds.XmppPresenceApproved, EventName = nameof(FinesseEventIds.XmppPresenceApproved), Level = LogLevel.Information,
        Message = "XMPP {Jid} approved the presence subscription of {From}")]
    public static partial void PresenceApproved(ILogger logger, string jid, string from);
}
