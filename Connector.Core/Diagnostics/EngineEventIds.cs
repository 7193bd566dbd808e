namespace SiebelCti.Connector.Diagnostics;

/// <summary>
/// The engine's event ids, 5xxx (engine loop, notification hub, request channel). Constants, so that each <c>[LoggerMessage]</c> names its id and the compiler keeps
/// the two in step; a number is never reused for another message. The ranges of every assembly
/// are listed in docs/operations.md.
/// </summary>
public static class EngineEventIds
{
    public const int EngineWorkFailed = 5000;
    public const int EnginePublishFailed = 5002;
    public const int EngineRequestFailed = 5003;
    public const int EngineRequestWithoutClient = 5004;
    public const int EngineRequestSent = 5005;
    public const int EngineOperationFailed = 5006;
    public const int EngineClientJoined = 5007;
    public const int EngineClientDead = 5008;
    public const int EngineAgentConnected = 5009;
    public const int EngineAgentAlreadySignedIn = 5010;
    public const int EngineAgentKept = 5011;
    public const int EngineAgentReleased = 5012;
    public const int EngineNotificationForUnknownAgent = 5013;
    public const int EngineAgentSessionRestored = 5014;
    public const int EngineAgentSessionLost = 5015;
    public const int EngineFinesseHealth = 5016;
    public const int EngineBrokerConnectivity = 5017;
    public const int EngineStatusChanged = 5018;
    public const int EngineRequestRejected = 5019;
    public const int EngineRejectionsSummarized = 5020;
    public const int EngineClientEvicted = 5021;
    public const int EngineOutboundFull = 5022;
    public const int EngineOutboundResync = 5023;
    public const int NotificationAgentSubscribed = 5100;
    public const int NotificationUpdateRejected = 5102;
    public const int NotificationUpdateIgnored = 5103;
    public const int NotificationMoveFailed = 5104;
    public const int NotificationPresenceWatchFailed = 5105;
    public const int NotificationFinessePresence = 5106;
    public const int ChannelConsuming = 5110;
    public const int ChannelConnectFailed = 5111;
    public const int ChannelConsumerStopped = 5112;
}
