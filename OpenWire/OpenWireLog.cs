using Microsoft.Extensions.Logging;

namespace SiebelCti.OpenWire;

/// <summary>Source-generated log messages of the OpenWire client (ids in <see cref="OpenWireEventIds"/>, 1xxx transport, 2xxx session).</summary>
internal static partial class OpenWireLog
{
    [LoggerMessage(EventId = OpenWireEventIds.OpenWireTransportConnected, EventName = nameof(OpenWireEventIds.OpenWireTransportConnected), Level = LogLevel.Information,
        Message = "OpenWire transport connected to {Broker} (broker {BrokerName}, wire format v{Version}, inactivity {Inactivity})")]
    public static partial void TransportConnected(ILogger logger, string broker, string? brokerName, int version, TimeSpan inactivity);

    [LoggerMessage(EventId = OpenWireEventIds.OpenWireConnectFailed, EventName = nameof(OpenWireEventIds.OpenWireConnectFailed), Level = LogLevel.Warning,
        Message = "OpenWire connect to {Broker} failed [{ErrorCode}]: {Reason}")]
    public static partial void ConnectFailed(ILogger logger, string broker, string errorCode, string reason);

    [LoggerMessage(EventId = OpenWireEventIds.OpenWireTransportFailed, EventName = nameof(OpenWireEventIds.OpenWireTransportFailed), Level = LogLevel.Warning,
        Message = "OpenWire transport to {Broker} failed [{ErrorCode}]: {Reason}")]
    public static partial void TransportFailed(ILogger logger, string broker, string errorCode, string reason);

    [LoggerMessage(EventId = OpenWireEventIds.OpenWireProtocolViolation, EventName = nameof(OpenWireEventIds.OpenWireProtocolViolation), Level = LogLevel.Error,
        Message = "OpenWire protocol violation from {Broker} [" + OpenWireErrorCode.OpenWireProtocolViolation + "]: {Reason}")]
    public static partial void ProtocolViolation(ILogger logger, string broker, string reason);

    [LoggerMessage(EventId = OpenWireEventIds.OpenWireInactivityTimeout, EventName = nameof(OpenWireEventIds.OpenWireInactivityTimeout), Level = LogLevel.Warning,
        Message = "OpenWire broker {Broker} sent nothing for {Duration} [" + OpenWireErrorCode.OpenWireTimeout + "]")]
    public static partial void InactivityTimeout(ILogger logger, string broker, TimeSpan duration);

    [LoggerMessage(EventId = OpenWireEventIds.OpenWireUnknownCommand, EventName = nameof(OpenWireEventIds.OpenWireUnknownCommand), Level = LogLevel.Debug,
        Message = "OpenWire ignored a command of type {Type} ({Length} bytes) from {Broker}")]
    public static partial void UnknownCommand(ILogger logger, byte type, int length, string broker);

    [LoggerMessage(EventId = OpenWireEventIds.OpenWireWireFormatNegotiated, EventName = nameof(OpenWireEventIds.OpenWireWireFormatNegotiated), Level = LogLevel.Debug,
        Message = "OpenWire wire format with {Broker}: broker v{BrokerVersion} {BrokerProvider} {BrokerProviderVersion}, max frame {MaxFrameSize}, {Encoding} encoding")]
    public static partial void WireFormatNegotiated(ILogger logger, string broker, int brokerVersion, string? brokerProvider, string? brokerProviderVersion, long maxFrameSize, string encoding);

    [LoggerMessage(EventId = OpenWireEventIds.OpenWireLoopFailed, EventName = nameof(OpenWireEventIds.OpenWireLoopFailed), Level = LogLevel.Error,
        Message = "OpenWire {Loop} loop for {Broker} failed unexpectedly")]
    public static partial void LoopFailed(ILogger logger, Exception exception, string loop, string broker);

    [LoggerMessage(EventId = OpenWireEventIds.OpenWireFrameSent, EventName = nameof(OpenWireEventIds.OpenWireFrameSent), Level = LogLevel.Trace,
        Message = "OpenWire -> {Broker}: {Command}")]
    public static partial void FrameSent(ILogger logger, string broker, object command);

    [LoggerMessage(EventId = OpenWireEventIds.OpenWireFrameReceived, EventName = nameof(OpenWireEventIds.OpenWireFrameReceived), Level = LogLevel.Trace,
        Message = "OpenWire <- {Broker}: {Command}")]
    public static partial void FrameReceived(ILogger logger, string broker, object command);

    [LoggerMessage(EventId = OpenWireEventIds.OpenWireStateChanged, EventName = nameof(OpenWireEventIds.OpenWireStateChanged), Level = LogLevel.Information,
        Message = "OpenWire connection {ClientId}: {Previous} -> {Current} ({Broker})")]
    public static partial void StateChanged(ILogger logger, string clientId, OpenWire.OpenWireConnectionState previous, OpenWire.OpenWireConnectionState current, string? broker);

    [LoggerMessage(EventId = OpenWireEventIds.OpenWireReconnectScheduled, EventName = nameof(OpenWireEventIds.OpenWireReconnectScheduled), Level = LogLevel.Information,
        Message = "OpenWire connection {ClientId}: reconnect attempt {Attempt} in {Delay}")]
    public static partial void ReconnectScheduled(ILogger logger, string clientId, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = OpenWireEventIds.OpenWireReplayed, EventName = nameof(OpenWireEventIds.OpenWireReplayed), Level = LogLevel.Information,
        Message = "OpenWire connection {ClientId}: replayed {Sessions} sessions, {TempDestinations} temporary destinations, {Producers} producers, {Consumers} consumers on {Broker}")]
    public static partial void Replayed(ILogger logger, string clientId, int sessions, int tempDestinations, int producers, int consumers, string broker);

    [LoggerMessage(EventId = OpenWireEventIds.OpenWireReconnectGaveUp, EventName = nameof(OpenWireEventIds.OpenWireReconnectGaveUp), Level = LogLevel.Error,
        Message = "OpenWire connection {ClientId}: gave up after {Attempts} reconnect attempts [" + OpenWireErrorCode.OpenWireConnectFailed + "]")]
    public static partial void ReconnectGaveUp(ILogger logger, string clientId, int attempts);

    [LoggerMessage(EventId = OpenWireEventIds.OpenWireBrokerRefused, EventName = nameof(OpenWireEventIds.OpenWireBrokerRefused), Level = LogLevel.Warning,
        Message = "OpenWire broker refused {Operation} [{ErrorCode}]: {ExceptionClass}: {Reason}")]
    public static partial void BrokerRefused(ILogger logger, string operation, string errorCode, string? exceptionClass, string? reason);

    [LoggerMessage(EventId = OpenWireEventIds.OpenWireDispatchUnknownConsumer, EventName = nameof(OpenWireEventIds.OpenWireDispatchUnknownConsumer), Level = LogLevel.Debug,
        Message = "OpenWire dropped a dispatch for consumer {ConsumerId} that is no longer open (the broker redelivers it)")]
    public static partial void DispatchUnknownConsumer(ILogger logger, string consumerId);

    [LoggerMessage(EventId = OpenWireEventIds.OpenWireAckFailed, EventName = nameof(OpenWireEventIds.OpenWireAckFailed), Level = LogLevel.Warning,
        Message = "OpenWire acknowledgement for consumer {ConsumerId} not sent [{ErrorCode}]: {Reason}")]
    public static partial void AckFailed(ILogger logger, string consumerId, string errorCode, string reason);

    [LoggerMessage(EventId = OpenWireEventIds.OpenWireEventHandlerFailed, EventName = nameof(OpenWireEventIds.OpenWireEventHandlerFailed), Level = LogLevel.Error,
        Message = "OpenWire state-changed handler threw")]
    public static partial void EventHandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = OpenWireEventIds.OpenWireBadMessage, EventName = nameof(OpenWireEventIds.OpenWireBadMessage), Level = LogLevel.Error,
        Message = "OpenWire message {MessageId} could not be decoded [" + OpenWireErrorCode.OpenWireProtocolViolation + "]: {Reason}")]
    public static partial void BadMessage(ILogger logger, string? messageId, string reason);

    [LoggerMessage(EventId = OpenWireEventIds.OpenWireSupervisorFailed, EventName = nameof(OpenWireEventIds.OpenWireSupervisorFailed), Level = LogLevel.Error,
        Message = "OpenWire connection {ClientId}: supervisor failed unexpectedly")]
    public static partial void SupervisorFailed(ILogger logger, Exception exception, string clientId);

    [LoggerMessage(EventId = OpenWireEventIds.OpenWireStateChangeDropped, EventName = nameof(OpenWireEventIds.OpenWireStateChangeDropped), Level = LogLevel.Warning,
        Message = "OpenWire connection {ClientId}: state change {Previous} -> {State} not delivered to StateChanged: {Max} changes are waiting for a handler that does not return (State is current)")]
    public static partial void StateChangeDropped(ILogger logger, string clientId, OpenWireConnectionState previous, OpenWireConnectionState state, int max);
}
