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
    public static readonly EventId DriverCreated = new(9001, nameof(DriverCreated));
    public static readonly EventId DriverCreateFailed = new(9002, nameof(DriverCreateFailed));
    public static readonly EventId DriverReleased = new(9003, nameof(DriverReleased));
    public static readonly EventId ServiceCreated = new(9004, nameof(ServiceCreated));
    public static readonly EventId ServiceReleased = new(9005, nameof(ServiceReleased));
    public static readonly EventId CommandInvoked = new(9006, nameof(CommandInvoked));
    public static readonly EventId CommandRejected = new(9007, nameof(CommandRejected));
    public static readonly EventId RequestFailed = new(9008, nameof(RequestFailed));
    public static readonly EventId CallbackFailed = new(9009, nameof(CallbackFailed));
    public static readonly EventId ForeignListRefused = new(9010, nameof(ForeignListRefused));
    public static readonly EventId InvalidHandle = new(9011, nameof(InvalidHandle));
    public static readonly EventId TextRepaired = new(9012, nameof(TextRepaired));
    public static readonly EventId ParametersIgnored = new(9013, nameof(ParametersIgnored));
    public static readonly EventId AbiConfigInvalid = new(9014, nameof(AbiConfigInvalid));
    public static readonly EventId ConnectorStatusChanged = new(9015, nameof(ConnectorStatusChanged));
    public static readonly EventId EventDelivered = new(9016, nameof(EventDelivered));
    public static readonly EventId CallbackLoopFailed = new(9017, nameof(CallbackLoopFailed));
    public static readonly EventId ConnectorLinkFailed = new(9018, nameof(ConnectorLinkFailed));
    public static readonly EventId EventHandlingFinished = new(9019, nameof(EventHandlingFinished));
    public static readonly EventId WorkItemCommand = new(9020, nameof(WorkItemCommand));
    public static readonly EventId ListsNotFreed = new(9021, nameof(ListsNotFreed));
}
