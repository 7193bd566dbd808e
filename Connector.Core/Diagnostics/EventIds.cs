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
    public static readonly EventId EngineWorkFailed = new(5000, nameof(EngineWorkFailed));
    public static readonly EventId EnginePumpFailed = new(5001, nameof(EnginePumpFailed));
    public static readonly EventId EnginePublishFailed = new(5002, nameof(EnginePublishFailed));
    public static readonly EventId EngineRequestFailed = new(5003, nameof(EngineRequestFailed));
    public static readonly EventId EngineRequestWithoutClient = new(5004, nameof(EngineRequestWithoutClient));
    public static readonly EventId EngineRequestSent = new(5005, nameof(EngineRequestSent));
    public static readonly EventId EngineOperationFailed = new(5006, nameof(EngineOperationFailed));
    public static readonly EventId EngineClientJoined = new(5007, nameof(EngineClientJoined));
    public static readonly EventId EngineClientDead = new(5008, nameof(EngineClientDead));
    public static readonly EventId EngineAgentConnected = new(5009, nameof(EngineAgentConnected));
    public static readonly EventId EngineAgentAlreadySignedIn = new(5010, nameof(EngineAgentAlreadySignedIn));
    public static readonly EventId EngineAgentKept = new(5011, nameof(EngineAgentKept));
    public static readonly EventId EngineAgentReleased = new(5012, nameof(EngineAgentReleased));
    public static readonly EventId EngineNotificationForUnknownAgent = new(5013, nameof(EngineNotificationForUnknownAgent));
    public static readonly EventId EngineAgentSessionRestored = new(5014, nameof(EngineAgentSessionRestored));
    public static readonly EventId EngineAgentSessionLost = new(5015, nameof(EngineAgentSessionLost));
    public static readonly EventId EngineFinesseHealth = new(5016, nameof(EngineFinesseHealth));
    public static readonly EventId EngineBrokerConnectivity = new(5017, nameof(EngineBrokerConnectivity));
    public static readonly EventId EngineStatusChanged = new(5018, nameof(EngineStatusChanged));

    // 6xxx Connector service and monitor (Connector.Service)

    // 9xxx Native boundary and driver (Driver)
    public static readonly EventId NativeCallFailed = new(9000, nameof(NativeCallFailed));
}
