using Microsoft.Extensions.Logging;

namespace SiebelCti.Connector.Diagnostics;

/// <summary>Source-generated log messages of the OpenWire client (ids in <see cref="EventIds"/>, 1xxx transport, 2xxx session).</summary>
internal static partial class OpenWireLog
{
    [LoggerMessage(EventId = 1000, EventName = nameof(EventIds.OpenWireTransportConnected), Level = LogLevel.Information,
        Message = "OpenWire transport connected to {Broker} (broker {BrokerName}, wire format v{Version}, inactivity {Inactivity})")]
    public static partial void TransportConnected(ILogger logger, string broker, string? brokerName, int version, TimeSpan inactivity);

    [LoggerMessage(EventId = 1001, EventName = nameof(EventIds.OpenWireConnectFailed), Level = LogLevel.Warning,
        Message = "OpenWire connect to {Broker} failed [{ErrorCode}]: {Reason}")]
    public static partial void ConnectFailed(ILogger logger, string broker, string errorCode, string reason);

    [LoggerMessage(EventId = 1002, EventName = nameof(EventIds.OpenWireTransportFailed), Level = LogLevel.Warning,
        Message = "OpenWire transport to {Broker} failed [{ErrorCode}]: {Reason}")]
    public static partial void TransportFailed(ILogger logger, string broker, string errorCode, string reason);

    [LoggerMessage(EventId = 1003, EventName = nameof(EventIds.OpenWireProtocolViolation), Level = LogLevel.Error,
        Message = "OpenWire protocol violation from {Broker} [" + ErrorCode.OpenWireProtocolViolation + "]: {Reason}")]
    public static partial void ProtocolViolation(ILogger logger, string broker, string reason);

    [LoggerMessage(EventId = 1004, EventName = nameof(EventIds.OpenWireInactivityTimeout), Level = LogLevel.Warning,
        Message = "OpenWire broker {Broker} sent nothing for {Duration} [" + ErrorCode.OpenWireTimeout + "]")]
    public static partial void InactivityTimeout(ILogger logger, string broker, TimeSpan duration);

    [LoggerMessage(EventId = 1005, EventName = nameof(EventIds.OpenWireUnknownCommand), Level = LogLevel.Debug,
        Message = "OpenWire ignored a command of type {Type} ({Length} bytes) from {Broker}")]
    public static partial void UnknownCommand(ILogger logger, byte type, int length, string broker);

    [LoggerMessage(EventId = 1006, EventName = nameof(EventIds.OpenWireWireFormatNegotiated), Level = LogLevel.Debug,
        Message = "OpenWire wire format with {Broker}: broker v{BrokerVersion} {BrokerProvider} {BrokerProviderVersion}, max frame {MaxFrameSize}, {Encoding} encoding")]
    public static partial void WireFormatNegotiated(ILogger logger, string broker, int brokerVersion, string? brokerProvider, string? brokerProviderVersion, long maxFrameSize, string encoding);

    [LoggerMessage(EventId = 1007, EventName = nameof(EventIds.OpenWireLoopFailed), Level = LogLevel.Error,
        Message = "OpenWire {Loop} loop for {Broker} failed unexpectedly")]
    public static partial void LoopFailed(ILogger logger, Exception exception, string loop, string broker);

    [LoggerMessage(EventId = 1008, EventName = nameof(EventIds.OpenWireFrameSent), Level = LogLevel.Trace,
        Message = "OpenWire -> {Broker}: {Command}")]
    public static partial void FrameSent(ILogger logger, string broker, object command);

    [LoggerMessage(EventId = 1009, EventName = nameof(EventIds.OpenWireFrameReceived), Level = LogLevel.Trace,
        Message = "OpenWire <- {Broker}: {Command}")]
    public static partial void FrameReceived(ILogger logger, string broker, object command);

    [LoggerMessage(EventId = 2000, EventName = nameof(EventIds.OpenWireStateChanged), Level = LogLevel.Information,
        Message = "OpenWire connection {ClientId}: {Previous} -> {Current} ({Broker})")]
    public static partial void StateChanged(ILogger logger, string clientId, OpenWire.OpenWireConnectionState previous, OpenWire.OpenWireConnectionState current, string? broker);

    [LoggerMessage(EventId = 2001, EventName = nameof(EventIds.OpenWireReconnectScheduled), Level = LogLevel.Information,
        Message = "OpenWire connection {ClientId}: reconnect attempt {Attempt} in {Delay}")]
    public static partial void ReconnectScheduled(ILogger logger, string clientId, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 2002, EventName = nameof(EventIds.OpenWireReplayed), Level = LogLevel.Information,
        Message = "OpenWire connection {ClientId}: replayed {Sessions} sessions, {TempDestinations} temporary destinations, {Producers} producers, {Consumers} consumers on {Broker}")]
    public static partial void Replayed(ILogger logger, string clientId, int sessions, int tempDestinations, int producers, int consumers, string broker);

    [LoggerMessage(EventId = 2003, EventName = nameof(EventIds.OpenWireReconnectGaveUp), Level = LogLevel.Error,
        Message = "OpenWire connection {ClientId}: gave up after {Attempts} reconnect attempts [" + ErrorCode.OpenWireConnectFailed + "]")]
    public static partial void ReconnectGaveUp(ILogger logger, string clientId, int attempts);

    [LoggerMessage(EventId = 2004, EventName = nameof(EventIds.OpenWireBrokerRefused), Level = LogLevel.Warning,
        Message = "OpenWire broker refused {Operation} [{ErrorCode}]: {ExceptionClass}: {Reason}")]
    public static partial void BrokerRefused(ILogger logger, string operation, string errorCode, string? exceptionClass, string? reason);

    [LoggerMessage(EventId = 2005, EventName = nameof(EventIds.OpenWireDispatchUnknownConsumer), Level = LogLevel.Debug,
        Message = "OpenWire dropped a dispatch for consumer {ConsumerId} that is no longer open (the broker redelivers it)")]
    public static partial void DispatchUnknownConsumer(ILogger logger, string consumerId);

    [LoggerMessage(EventId = 2006, EventName = nameof(EventIds.OpenWireAckFailed), Level = LogLevel.Warning,
        Message = "OpenWire acknowledgement for consumer {ConsumerId} not sent [{ErrorCode}]: {Reason}")]
    public static partial void AckFailed(ILogger logger, string consumerId, string errorCode, string reason);

    [LoggerMessage(EventId = 2007, EventName = nameof(EventIds.OpenWireEventHandlerFailed), Level = LogLevel.Error,
        Message = "OpenWire state-changed handler threw")]
    public static partial void EventHandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2008, EventName = nameof(EventIds.OpenWireBadMessage), Level = LogLevel.Error,
        Message = "OpenWire message {MessageId} could not be decoded [" + ErrorCode.OpenWireProtocolViolation + "]: {Reason}")]
    public static partial void BadMessage(ILogger logger, string? messageId, string reason);

    [LoggerMessage(EventId = 2009, EventName = nameof(EventIds.OpenWireSupervisorFailed), Level = LogLevel.Error,
        Message = "OpenWire connection {ClientId}: supervisor failed unexpectedly")]
    public static partial void SupervisorFailed(ILogger logger, Exception exception, string clientId);
}
