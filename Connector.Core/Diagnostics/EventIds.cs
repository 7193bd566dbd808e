using Microsoft.Extensions.Logging;

namespace SiebelCti.Connector.Diagnostics;

/// <summary>
/// Every log event id of the product, in ranges by area. An id is never reused or renumbered; a
/// unit test checks that ids are unique. Add new ids at the end of their area's block.
/// </summary>
public static class EventIds
{
    // 1xxx OpenWire transport (Connector.Core/OpenWire: codec and transport)
    public static readonly EventId OpenWireTransportConnected = new(1000, nameof(OpenWireTransportConnected));
    public static readonly EventId OpenWireConnectFailed = new(1001, nameof(OpenWireConnectFailed));
    public static readonly EventId OpenWireTransportFailed = new(1002, nameof(OpenWireTransportFailed));
    public static readonly EventId OpenWireProtocolViolation = new(1003, nameof(OpenWireProtocolViolation));
    public static readonly EventId OpenWireInactivityTimeout = new(1004, nameof(OpenWireInactivityTimeout));
    public static readonly EventId OpenWireUnknownCommand = new(1005, nameof(OpenWireUnknownCommand));
    public static readonly EventId OpenWireWireFormatNegotiated = new(1006, nameof(OpenWireWireFormatNegotiated));
    public static readonly EventId OpenWireLoopFailed = new(1007, nameof(OpenWireLoopFailed));
    public static readonly EventId OpenWireFrameSent = new(1008, nameof(OpenWireFrameSent));
    public static readonly EventId OpenWireFrameReceived = new(1009, nameof(OpenWireFrameReceived));

    // 2xxx OpenWire session (Connector.Core/OpenWire: connection, failover, sessions, consumers)
    public static readonly EventId OpenWireStateChanged = new(2000, nameof(OpenWireStateChanged));
    public static readonly EventId OpenWireReconnectScheduled = new(2001, nameof(OpenWireReconnectScheduled));
    public static readonly EventId OpenWireReplayed = new(2002, nameof(OpenWireReplayed));
    public static readonly EventId OpenWireReconnectGaveUp = new(2003, nameof(OpenWireReconnectGaveUp));
    public static readonly EventId OpenWireBrokerRefused = new(2004, nameof(OpenWireBrokerRefused));
    public static readonly EventId OpenWireDispatchUnknownConsumer = new(2005, nameof(OpenWireDispatchUnknownConsumer));
    public static readonly EventId OpenWireAckFailed = new(2006, nameof(OpenWireAckFailed));
    public static readonly EventId OpenWireEventHandlerFailed = new(2007, nameof(OpenWireEventHandlerFailed));
    public static readonly EventId OpenWireBadMessage = new(2008, nameof(OpenWireBadMessage));
    public static readonly EventId OpenWireSupervisorFailed = new(2009, nameof(OpenWireSupervisorFailed));

    // 3xxx Finesse REST (Connector.Core/Finesse/Rest)

    // 4xxx XMPP (Connector.Core/Finesse/Xmpp)

    // 5xxx Connector engine and messaging (Connector.Core/Engine, Connector.Core/Messaging)

    // 6xxx Connector service and monitor (Connector.Service)

    // 9xxx Native boundary and driver (Driver)
    public static readonly EventId NativeCallFailed = new(9000, nameof(NativeCallFailed));
}
