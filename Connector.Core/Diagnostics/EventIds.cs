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
    public static readonly EventId ServiceStarting = new(6000, nameof(ServiceStarting));
    public static readonly EventId ServiceStopping = new(6001, nameof(ServiceStopping));
    public static readonly EventId ServiceStopped = new(6002, nameof(ServiceStopped));
    public static readonly EventId ConfigurationInvalid = new(6003, nameof(ConfigurationInvalid));
    public static readonly EventId ConfigurationUnknownKey = new(6004, nameof(ConfigurationUnknownKey));
    public static readonly EventId EngineNotWired = new(6005, nameof(EngineNotWired));
    public static readonly EventId MonitorListening = new(6006, nameof(MonitorListening));
    public static readonly EventId MonitorDisabled = new(6007, nameof(MonitorDisabled));
    public static readonly EventId MonitorLoginSucceeded = new(6008, nameof(MonitorLoginSucceeded));
    public static readonly EventId MonitorLoginFailed = new(6009, nameof(MonitorLoginFailed));
    public static readonly EventId MonitorLoginThrottled = new(6010, nameof(MonitorLoginThrottled));
    public static readonly EventId MonitorSnapshotFailed = new(6011, nameof(MonitorSnapshotFailed));
    public static readonly EventId MonitorEventStreamFailed = new(6012, nameof(MonitorEventStreamFailed));
    public static readonly EventId MonitorDemoMode = new(6013, nameof(MonitorDemoMode));
    public static readonly EventId FinesseCertificateChecksDisabled = new(6014, nameof(FinesseCertificateChecksDisabled));
    public static readonly EventId MonitorPlainHttpOnNetwork = new(6015, nameof(MonitorPlainHttpOnNetwork));

    // 9xxx Native boundary and driver (Driver)
    public static readonly EventId NativeCallFailed = new(9000, nameof(NativeCallFailed));
}
