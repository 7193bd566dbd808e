namespace SiebelCti.Finesse;

/// <summary>
/// The Finesse clients' event ids: 3xxx REST, 4xxx XMPP. Constants, so that each <c>[LoggerMessage]</c> names its id and the compiler keeps
/// the two in step; a number is never reused for another message. The ranges of every assembly
/// are listed in docs/operations.md.
/// </summary>
public static class FinesseEventIds
{
    public const int FinesseRequestSent = 3000;
    public const int FinesseResponseReceived = 3001;
    public const int FinesseRequestFailed = 3002;
    public const int FinesseSideUnavailable = 3003;
    public const int FinesseActiveSideChanged = 3004;
    public const int FinesseCertificateRejected = 3005;
    public const int FinesseResponseRejected = 3006;
    public const int FinesseRequestTimedOut = 3007;
    public const int XmppConnecting = 4000;
    public const int XmppConnected = 4001;
    public const int XmppConnectFailed = 4002;
    public const int XmppConnectionLost = 4003;
    public const int XmppReconnectScheduled = 4004;
    public const int XmppReconnected = 4005;
    public const int XmppPermanentFailure = 4006;
    public const int XmppDisconnected = 4007;
    public const int XmppStateChanged = 4008;
    public const int XmppTlsEstablished = 4009;
    public const int XmppSelfSignedTrusted = 4010;
    public const int XmppAuthenticationFailed = 4011;
    public const int XmppStreamErrorReceived = 4012;
    public const int XmppPingTimeout = 4013;
    public const int XmppSubscriptionReplayed = 4014;
    public const int XmppSubscriptionReplayFailed = 4015;
    public const int XmppUnknownElementIgnored = 4016;
    public const int XmppInboundThrottled = 4017;
    public const int XmppEventHandlerFailed = 4018;
    public const int XmppIqRefused = 4019;
    public const int XmppLoopFailed = 4020;
    public const int XmppWireReceived = 4021;
    public const int XmppWireSent = 4022;
    public const int XmppLateIqIgnored = 4023;
    public const int XmppPresenceApproved = 4024;
    public const int XmppStateChangeDropped = 4025;
}
