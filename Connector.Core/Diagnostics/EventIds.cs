using Microsoft.Extensions.Logging;

namespace SiebelCti.Connector.Diagnostics;

/// <summary>
/// Every log event id of the product, in ranges by area. An id is never reused or renumbered; a
/// unit test checks that ids are unique. Add new ids at the end of their area's block.
/// </summary>
public static class EventIds
{
    // 1xxx OpenWire transport (Connector.Core/OpenWire: codec and transport)

    // 2xxx OpenWire session (Connector.Core/OpenWire: connection, failover, sessions, consumers)

    // 3xxx Finesse REST (Connector.Core/Finesse/Rest)

    // 4xxx XMPP (Connector.Core/Finesse/Xmpp)
    public static readonly EventId XmppConnecting = new(4000, nameof(XmppConnecting));
    public static readonly EventId XmppConnected = new(4001, nameof(XmppConnected));
    public static readonly EventId XmppConnectFailed = new(4002, nameof(XmppConnectFailed));
    public static readonly EventId XmppConnectionLost = new(4003, nameof(XmppConnectionLost));
    public static readonly EventId XmppReconnectScheduled = new(4004, nameof(XmppReconnectScheduled));
    public static readonly EventId XmppReconnected = new(4005, nameof(XmppReconnected));
    public static readonly EventId XmppPermanentFailure = new(4006, nameof(XmppPermanentFailure));
    public static readonly EventId XmppDisconnected = new(4007, nameof(XmppDisconnected));
    public static readonly EventId XmppStateChanged = new(4008, nameof(XmppStateChanged));
    public static readonly EventId XmppTlsEstablished = new(4009, nameof(XmppTlsEstablished));
    public static readonly EventId XmppSelfSignedTrusted = new(4010, nameof(XmppSelfSignedTrusted));
    public static readonly EventId XmppAuthenticationFailed = new(4011, nameof(XmppAuthenticationFailed));
    public static readonly EventId XmppStreamErrorReceived = new(4012, nameof(XmppStreamErrorReceived));
    public static readonly EventId XmppPingTimeout = new(4013, nameof(XmppPingTimeout));
    public static readonly EventId XmppSubscriptionReplayed = new(4014, nameof(XmppSubscriptionReplayed));
    public static readonly EventId XmppSubscriptionReplayFailed = new(4015, nameof(XmppSubscriptionReplayFailed));
    public static readonly EventId XmppUnknownElementIgnored = new(4016, nameof(XmppUnknownElementIgnored));
    public static readonly EventId XmppInboundThrottled = new(4017, nameof(XmppInboundThrottled));
    public static readonly EventId XmppEventHandlerFailed = new(4018, nameof(XmppEventHandlerFailed));
    public static readonly EventId XmppIqRefused = new(4019, nameof(XmppIqRefused));
    public static readonly EventId XmppLoopFailed = new(4020, nameof(XmppLoopFailed));
    public static readonly EventId XmppWireReceived = new(4021, nameof(XmppWireReceived));
    public static readonly EventId XmppWireSent = new(4022, nameof(XmppWireSent));
    public static readonly EventId XmppLateIqIgnored = new(4023, nameof(XmppLateIqIgnored));
    public static readonly EventId XmppPresenceApproved = new(4024, nameof(XmppPresenceApproved));

    // 5xxx Connector engine and messaging (Connector.Core/Engine, Connector.Core/Messaging)

    // 6xxx Connector service and monitor (Connector.Service)

    // 9xxx Native boundary and driver (Driver)
    public static readonly EventId NativeCallFailed = new(9000, nameof(NativeCallFailed));
}
