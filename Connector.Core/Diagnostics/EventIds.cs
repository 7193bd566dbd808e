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
    public static readonly EventId FinesseRequestSent = new(3000, nameof(FinesseRequestSent));
    public static readonly EventId FinesseResponseReceived = new(3001, nameof(FinesseResponseReceived));
    public static readonly EventId FinesseRequestFailed = new(3002, nameof(FinesseRequestFailed));
    public static readonly EventId FinesseSideUnavailable = new(3003, nameof(FinesseSideUnavailable));
    public static readonly EventId FinesseActiveSideChanged = new(3004, nameof(FinesseActiveSideChanged));
    public static readonly EventId FinesseCertificateRejected = new(3005, nameof(FinesseCertificateRejected));
    public static readonly EventId FinesseResponseRejected = new(3006, nameof(FinesseResponseRejected));
    public static readonly EventId FinesseRequestTimedOut = new(3007, nameof(FinesseRequestTimedOut));

    // 4xxx XMPP (Connector.Core/Finesse/Xmpp)

    // 5xxx Connector engine and messaging (Connector.Core/Engine, Connector.Core/Messaging)

    // 6xxx Connector service and monitor (Connector.Service)

    // 9xxx Native boundary and driver (Driver)
    public static readonly EventId NativeCallFailed = new(9000, nameof(NativeCallFailed));
}
