using Microsoft.Extensions.Logging;

namespace SiebelCti.Connector.Diagnostics;

/// <summary>
/// The log event ids of Connector.Core (1xxx–5xxx) and the Service (6xxx), in ranges by area; the
/// driver owns 9xxx (Driver/Logging/DriverEventIds.cs). An id is never reused or renumbered; a
/// unit test checks that ids are unique. Add new ids at the end of their area's block.
/// <c>[LoggerMessage]</c> attributes repeat the number and the name (an attribute cannot read a
/// field): tests/Shared/LogEventIdChecks.cs fails the Core and Service tests when one drifts.
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
    public static readonly EventId FinesseRequestSent = new(3000, nameof(FinesseRequestSent));
    public static readonly EventId FinesseResponseReceived = new(3001, nameof(FinesseResponseReceived));
    public static readonly EventId FinesseRequestFailed = new(3002, nameof(FinesseRequestFailed));
    public static readonly EventId FinesseSideUnavailable = new(3003, nameof(FinesseSideUnavailable));
    public static readonly EventId FinesseActiveSideChanged = new(3004, nameof(FinesseActiveSideChanged));
    public static readonly EventId FinesseCertificateRejected = new(3005, nameof(FinesseCertificateRejected));
    public static readonly EventId FinesseResponseRejected = new(3006, nameof(FinesseResponseRejected));
    public static readonly EventId FinesseRequestTimedOut = new(3007, nameof(FinesseRequestTimedOut));

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
    public static readonly EventId EngineRequestRejected = new(5019, nameof(EngineRequestRejected));
    public static readonly EventId EngineRejectionsSummarized = new(5020, nameof(EngineRejectionsSummarized));
    public static readonly EventId EngineClientEvicted = new(5021, nameof(EngineClientEvicted));
    public static readonly EventId NotificationAgentSubscribed = new(5100, nameof(NotificationAgentSubscribed));
    public static readonly EventId NotificationUpdateRejected = new(5102, nameof(NotificationUpdateRejected));
    public static readonly EventId NotificationUpdateIgnored = new(5103, nameof(NotificationUpdateIgnored));
    public static readonly EventId NotificationMoveFailed = new(5104, nameof(NotificationMoveFailed));
    public static readonly EventId NotificationPresenceWatchFailed = new(5105, nameof(NotificationPresenceWatchFailed));
    public static readonly EventId NotificationFinessePresence = new(5106, nameof(NotificationFinessePresence));
    public static readonly EventId ChannelConsuming = new(5110, nameof(ChannelConsuming));
    public static readonly EventId ChannelConnectFailed = new(5111, nameof(ChannelConnectFailed));
    public static readonly EventId ChannelConsumerStopped = new(5112, nameof(ChannelConsumerStopped));

    // 6xxx Connector service and monitor (Connector.Service)
    public static readonly EventId ServiceStarting = new(6000, nameof(ServiceStarting));
    public static readonly EventId ServiceStopping = new(6001, nameof(ServiceStopping));
    public static readonly EventId ServiceStopped = new(6002, nameof(ServiceStopped));
    public static readonly EventId ConfigurationInvalid = new(6003, nameof(ConfigurationInvalid));
    public static readonly EventId ConfigurationUnknownKey = new(6004, nameof(ConfigurationUnknownKey));
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
    public static readonly EventId MonitorLoginBusy = new(6016, nameof(MonitorLoginBusy));
    public static readonly EventId MonitorLogout = new(6017, nameof(MonitorLogout));
}
