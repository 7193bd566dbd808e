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
}
