using Microsoft.Extensions.Logging;
using SiebelCti.Connector.Contract;

namespace SiebelCti.Driver.Logging;

/// <summary>The driver's log messages (ids 9xxx from <see cref="DriverEventIds"/>). No message ever contains a password.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = DriverEventIds.NativeCallFailed, EventName = nameof(DriverEventIds.NativeCallFailed), Level = LogLevel.Error, Message = "{Export} failed [{ErrorCode}]: {Message}")]
    public static partial void NativeCallFailed(ILogger logger, string export, string errorCode, string message, Exception? ex);

    [LoggerMessage(EventId = DriverEventIds.DriverCreated, EventName = nameof(DriverEventIds.DriverCreated), Level = LogLevel.Information, Message = "Driver instance created for channel '{MediaType}': {Options}")]
    public static partial void DriverCreated(ILogger logger, string mediaType, string options);

    [LoggerMessage(EventId = DriverEventIds.DriverCreateFailed, EventName = nameof(DriverEventIds.DriverCreateFailed), Level = LogLevel.Error, Message = "CreateISCDriverInstance failed [{ErrorCode}]: {Problems}")]
    public static partial void DriverCreateFailed(ILogger logger, string errorCode, string problems);

    [LoggerMessage(EventId = DriverEventIds.DriverReleased, EventName = nameof(DriverEventIds.DriverReleased), Level = LogLevel.Information, Message = "Driver instance {ClientId} released")]
    public static partial void DriverReleased(ILogger logger, string clientId);

    [LoggerMessage(EventId = DriverEventIds.ServiceCreated, EventName = nameof(DriverEventIds.ServiceCreated), Level = LogLevel.Information, Message = "Agent service created (agent {Agent})")]
    public static partial void ServiceCreated(ILogger logger, string agent);

    [LoggerMessage(EventId = DriverEventIds.ServiceReleased, EventName = nameof(DriverEventIds.ServiceReleased), Level = LogLevel.Information, Message = "Agent service released")]
    public static partial void ServiceReleased(ILogger logger);

    [LoggerMessage(EventId = DriverEventIds.CommandInvoked, EventName = nameof(DriverEventIds.CommandInvoked), Level = LogLevel.Information, Message = "Command {Command} (tracking id '{TrackingId}') with {Parameters}")]
    public static partial void CommandInvoked(ILogger logger, string command, string trackingId, string parameters);

    [LoggerMessage(EventId = DriverEventIds.CommandRejected, EventName = nameof(DriverEventIds.CommandRejected), Level = LogLevel.Warning, Message = "Command {Command} rejected [{ErrorCode}]: {Message}")]
    public static partial void CommandRejected(ILogger logger, string command, string errorCode, string message);

    [LoggerMessage(EventId = DriverEventIds.RequestFailed, EventName = nameof(DriverEventIds.RequestFailed), Level = LogLevel.Warning, Message = "Command {Command} (tracking id '{TrackingId}') failed [{ErrorCode}]: {Message}")]
    public static partial void RequestFailed(ILogger logger, string command, string trackingId, string errorCode, string message);

    [LoggerMessage(EventId = DriverEventIds.CallbackFailed, EventName = nameof(DriverEventIds.CallbackFailed), Level = LogLevel.Warning, Message = "Siebel client method {Method} returned {Result} [" + DriverErrorCode.DriverCallbackFailed + "]")]
    public static partial void CallbackFailed(ILogger logger, string method, int result);

    [LoggerMessage(EventId = DriverEventIds.ForeignListRefused, EventName = nameof(DriverEventIds.ForeignListRefused), Level = LogLevel.Error, Message = "FreeSCStrParamList refused a list [" + DriverErrorCode.NativeForeignList + "]: {Message}")]
    public static partial void ForeignListRefused(ILogger logger, string message);

    [LoggerMessage(EventId = DriverEventIds.InvalidHandle, EventName = nameof(DriverEventIds.InvalidHandle), Level = LogLevel.Error, Message = "{Export}: invalid handle [" + DriverErrorCode.NativeInvalidHandle + "]")]
    public static partial void InvalidHandle(ILogger logger, string export);

    [LoggerMessage(EventId = DriverEventIds.TextRepaired, EventName = nameof(DriverEventIds.TextRepaired), Level = LogLevel.Warning, Message = "{Export}: input held unpaired UTF-16 surrogates, replaced with U+FFFD [" + DriverErrorCode.NativeTextRepaired + "]")]
    public static partial void TextRepaired(ILogger logger, string export);

    [LoggerMessage(EventId = DriverEventIds.ParametersIgnored, EventName = nameof(DriverEventIds.ParametersIgnored), Level = LogLevel.Information, Message = "{Where}: parameters ignored: {Names}")]
    public static partial void ParametersIgnored(ILogger logger, string where, string names);

    [LoggerMessage(EventId = DriverEventIds.AbiConfigInvalid, EventName = nameof(DriverEventIds.AbiConfigInvalid), Level = LogLevel.Error, Message = "ABI override file is invalid [" + DriverErrorCode.DriverAbiConfigInvalid + "]: {Problems}")]
    public static partial void AbiConfigInvalid(ILogger logger, string problems);

    [LoggerMessage(EventId = DriverEventIds.ConnectorStatusChanged, EventName = nameof(DriverEventIds.ConnectorStatusChanged), Level = LogLevel.Information, Message = "Connector status {Status}: {Reason}")]
    public static partial void ConnectorStatusChanged(ILogger logger, string status, string reason);

    [LoggerMessage(EventId = DriverEventIds.EventDelivered, EventName = nameof(DriverEventIds.EventDelivered), Level = LogLevel.Information, Message = "Event {Event} to Siebel")]
    public static partial void EventDelivered(ILogger logger, string @event);

    [LoggerMessage(EventId = DriverEventIds.CallbackLoopFailed, EventName = nameof(DriverEventIds.CallbackLoopFailed), Level = LogLevel.Error, Message = "Callback loop: {Message}")]
    public static partial void CallbackLoopFailed(ILogger logger, string message, Exception? ex);

    [LoggerMessage(EventId = DriverEventIds.ConnectorLinkFailed, EventName = nameof(DriverEventIds.ConnectorLinkFailed), Level = LogLevel.Error, Message = "Connector link: {Message}")]
    public static partial void ConnectorLinkFailed(ILogger logger, string message, Exception? ex);

    [LoggerMessage(EventId = DriverEventIds.EventHandlingFinished, EventName = nameof(DriverEventIds.EventHandlingFinished), Level = LogLevel.Debug, Message = "Siebel finished handling event {TrackingId} (result {Result})")]
    public static partial void EventHandlingFinished(ILogger logger, string trackingId, bool result);

    [LoggerMessage(EventId = DriverEventIds.WorkItemCommand, EventName = nameof(DriverEventIds.WorkItemCommand), Level = LogLevel.Information, Message = "{Export} for work item {TrackingId}")]
    public static partial void WorkItemCommand(ILogger logger, string export, string trackingId);

    [LoggerMessage(EventId = DriverEventIds.ConnectorMessageDropped, EventName = nameof(DriverEventIds.ConnectorMessageDropped), Level = LogLevel.Warning, Message = "Dropped a message ({MessageType}) from the Connector [{ErrorCode}]: {Reason}")]
    public static partial void ConnectorMessageDropped(ILogger logger, string messageType, string errorCode, string reason);

    [LoggerMessage(EventId = DriverEventIds.ConnectorMessageUnrouted, EventName = nameof(DriverEventIds.ConnectorMessageUnrouted), Level = LogLevel.Information, Message = "Dropped {MessageType} for agent {Agent}: no agent service of this driver serves it [" + DriverErrorCode.DriverUnknownAgent + "]")]
    public static partial void ConnectorMessageUnrouted(ILogger logger, string messageType, string agent);

    [LoggerMessage(EventId = DriverEventIds.ConnectorErrorReported, EventName = nameof(DriverEventIds.ConnectorErrorReported), Level = LogLevel.Warning, Message = "The Connector answered {RequestType} ({CorrelationId}) with [{ErrorCode}]: {Message}")]
    public static partial void ConnectorErrorReported(ILogger logger, string requestType, string correlationId, string errorCode, string message);

    [LoggerMessage(EventId = DriverEventIds.ClientRecovered, EventName = nameof(DriverEventIds.ClientRecovered), Level = LogLevel.Warning, Message = "The Connector does not know this driver [" + ConnectorErrorCode.ClientUnknown + "]: sent Hello again, Connect for {Connects} agents and Login for {Logins} of them")]
    public static partial void ClientRecovered(ILogger logger, int connects, int logins);

    [LoggerMessage(EventId = DriverEventIds.ClientRecoverySkipped, EventName = nameof(DriverEventIds.ClientRecoverySkipped), Level = LogLevel.Debug, Message = "[" + ConnectorErrorCode.ClientUnknown + "] for heartbeat {CorrelationId}, sent before the last recovery: already recovered")]
    public static partial void ClientRecoverySkipped(ILogger logger, string correlationId);

    [LoggerMessage(EventId = DriverEventIds.ServiceFarewell, EventName = nameof(DriverEventIds.ServiceFarewell), Level = LogLevel.Information, Message = "Service of agent {Agent} released: {Request} queued for the Connector (link up: {Sent})")]
    public static partial void ServiceFarewell(ILogger logger, string agent, string request, bool sent);

    [LoggerMessage(EventId = DriverEventIds.ModulePinFailed, EventName = nameof(DriverEventIds.ModulePinFailed), Level = LogLevel.Warning, Message = "The driver could not pin itself in memory ({Reason}): a host that unloads it (dlclose/FreeLibrary) would crash")]
    public static partial void ModulePinFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = DriverEventIds.ServiceEventsDropped, EventName = nameof(DriverEventIds.ServiceEventsDropped), Level = LogLevel.Error, Message = "[" + DriverErrorCode.DriverEventsDropped + "] {Queued} events of agent {Agent} wait for Siebel to take them: further unasked events are dropped, and the agent's full state is asked for once Siebel catches up")]
    public static partial void ServiceEventsDropped(ILogger logger, string agent, int queued);

    [LoggerMessage(EventId = DriverEventIds.ListsNotFreed, EventName = nameof(DriverEventIds.ListsNotFreed), Level = LogLevel.Warning, Message = "{Count} lists handed to Siebel were never freed with FreeSCStrParamList")]
    public static partial void ListsNotFreed(ILogger logger, int count);
}
