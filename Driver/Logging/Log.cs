using Microsoft.Extensions.Logging;
using SiebelCti.Connector.Diagnostics;

namespace SiebelCti.Driver.Logging;

/// <summary>The driver's log messages (ids 9xxx from <see cref="EventIds"/>). No message ever contains a password.</summary>
internal static class Log
{
    private static readonly Action<ILogger, string, string, string, Exception?> NativeCallFailedMessage =
        LoggerMessage.Define<string, string, string>(LogLevel.Error, EventIds.NativeCallFailed, "{Export} failed [{ErrorCode}]: {Message}");
    private static readonly Action<ILogger, string, string, Exception?> DriverCreatedMessage =
        LoggerMessage.Define<string, string>(LogLevel.Information, EventIds.DriverCreated, "Driver instance created for channel '{MediaType}': {Options}");
    private static readonly Action<ILogger, string, string, Exception?> DriverCreateFailedMessage =
        LoggerMessage.Define<string, string>(LogLevel.Error, EventIds.DriverCreateFailed, "CreateISCDriverInstance failed [{ErrorCode}]: {Problems}");
    private static readonly Action<ILogger, string, Exception?> DriverReleasedMessage =
        LoggerMessage.Define<string>(LogLevel.Information, EventIds.DriverReleased, "Driver instance {ClientId} released");
    private static readonly Action<ILogger, string, Exception?> ServiceCreatedMessage =
        LoggerMessage.Define<string>(LogLevel.Information, EventIds.ServiceCreated, "Agent service created (agent {Agent})");
    private static readonly Action<ILogger, Exception?> ServiceReleasedMessage =
        LoggerMessage.Define(LogLevel.Information, EventIds.ServiceReleased, "Agent service released");
    private static readonly Action<ILogger, string, string, string, Exception?> CommandInvokedMessage =
        LoggerMessage.Define<string, string, string>(LogLevel.Information, EventIds.CommandInvoked, "Command {Command} (tracking id '{TrackingId}') with {Parameters}");
    private static readonly Action<ILogger, string, string, string, Exception?> CommandRejectedMessage =
        LoggerMessage.Define<string, string, string>(LogLevel.Warning, EventIds.CommandRejected, "Command {Command} rejected [{ErrorCode}]: {Message}");
    private static readonly Action<ILogger, string, string, string, string, Exception?> RequestFailedMessage =
        LoggerMessage.Define<string, string, string, string>(LogLevel.Warning, EventIds.RequestFailed, "Command {Command} (tracking id '{TrackingId}') failed [{ErrorCode}]: {Message}");
    private static readonly Action<ILogger, string, int, Exception?> CallbackFailedMessage =
        LoggerMessage.Define<string, int>(LogLevel.Warning, EventIds.CallbackFailed, "Siebel client method {Method} returned {Result} [" + ErrorCode.DriverCallbackFailed + "]");
    private static readonly Action<ILogger, string, Exception?> ForeignListRefusedMessage =
        LoggerMessage.Define<string>(LogLevel.Error, EventIds.ForeignListRefused, "FreeSCStrParamList refused a list [" + ErrorCode.NativeForeignList + "]: {Message}");
    private static readonly Action<ILogger, string, Exception?> InvalidHandleMessage =
        LoggerMessage.Define<string>(LogLevel.Error, EventIds.InvalidHandle, "{Export}: invalid handle [" + ErrorCode.NativeInvalidHandle + "]");
    private static readonly Action<ILogger, string, Exception?> TextRepairedMessage =
        LoggerMessage.Define<string>(LogLevel.Warning, EventIds.TextRepaired, "{Export}: input held unpaired UTF-16 surrogates, replaced with U+FFFD [" + ErrorCode.NativeTextRepaired + "]");
    private static readonly Action<ILogger, string, string, Exception?> ParametersIgnoredMessage =
        LoggerMessage.Define<string, string>(LogLevel.Information, EventIds.ParametersIgnored, "{Where}: parameters ignored: {Names}");
    private static readonly Action<ILogger, string, Exception?> AbiConfigInvalidMessage =
        LoggerMessage.Define<string>(LogLevel.Error, EventIds.AbiConfigInvalid, "ABI override file is invalid [" + ErrorCode.DriverAbiConfigInvalid + "]: {Problems}");
    private static readonly Action<ILogger, string, string, Exception?> ConnectorStatusChangedMessage =
        LoggerMessage.Define<string, string>(LogLevel.Information, EventIds.ConnectorStatusChanged, "Connector status {Status}: {Reason}");
    private static readonly Action<ILogger, string, Exception?> EventDeliveredMessage =
        LoggerMessage.Define<string>(LogLevel.Information, EventIds.EventDelivered, "Event {Event} to Siebel");
    private static readonly Action<ILogger, string, Exception?> CallbackLoopFailedMessage =
        LoggerMessage.Define<string>(LogLevel.Error, EventIds.CallbackLoopFailed, "Callback loop: {Message}");
    private static readonly Action<ILogger, string, Exception?> ConnectorLinkFailedMessage =
        LoggerMessage.Define<string>(LogLevel.Error, EventIds.ConnectorLinkFailed, "Connector link: {Message}");
    private static readonly Action<ILogger, string, bool, Exception?> EventHandlingFinishedMessage =
        LoggerMessage.Define<string, bool>(LogLevel.Debug, EventIds.EventHandlingFinished, "Siebel finished handling event {TrackingId} (result {Result})");
    private static readonly Action<ILogger, string, string, Exception?> WorkItemCommandMessage =
        LoggerMessage.Define<string, string>(LogLevel.Information, EventIds.WorkItemCommand, "{Export} for work item {TrackingId}");

    private static readonly Action<ILogger, string, string, string, Exception?> ConnectorMessageDroppedMessage =
        LoggerMessage.Define<string, string, string>(LogLevel.Warning, EventIds.ConnectorMessageDropped, "Dropped a message ({MessageType}) from the Connector [{ErrorCode}]: {Reason}");
    private static readonly Action<ILogger, string, string, Exception?> ConnectorMessageUnroutedMessage =
        LoggerMessage.Define<string, string>(LogLevel.Information, EventIds.ConnectorMessageUnrouted, "Dropped {MessageType} for agent {Agent}: no agent service of this driver serves it [" + ErrorCode.DriverUnknownAgent + "]");
    private static readonly Action<ILogger, string, string, string, string, Exception?> ConnectorErrorReportedMessage =
        LoggerMessage.Define<string, string, string, string>(LogLevel.Warning, EventIds.ConnectorErrorReported, "The Connector answered {RequestType} ({CorrelationId}) with [{ErrorCode}]: {Message}");

    private static readonly Action<ILogger, int, int, Exception?> ClientRecoveredMessage =
        LoggerMessage.Define<int, int>(LogLevel.Warning, EventIds.ClientRecovered,
            "The Connector does not know this driver [" + ErrorCode.ClientUnknown + "]: sent Hello again, Connect for {Connects} agents and Login for {Logins} of them");
    private static readonly Action<ILogger, string, Exception?> ClientRecoverySkippedMessage =
        LoggerMessage.Define<string>(LogLevel.Debug, EventIds.ClientRecoverySkipped,
            "[" + ErrorCode.ClientUnknown + "] for heartbeat {CorrelationId}, sent before the last recovery: already recovered");

    private static readonly Action<ILogger, string, string, bool, Exception?> ServiceFarewellMessage =
        LoggerMessage.Define<string, string, bool>(LogLevel.Information, EventIds.ServiceFarewell,
            "Service of agent {Agent} released: {Request} queued for the Connector (link up: {Sent})");
    private static readonly Action<ILogger, string, Exception?> ModulePinFailedMessage =
        LoggerMessage.Define<string>(LogLevel.Warning, EventIds.ModulePinFailed,
            "The driver could not pin itself in memory ({Reason}): a host that unloads it (dlclose/FreeLibrary) would crash");

    public static void ServiceFarewell(ILogger logger, string agent, string request, bool sent) => ServiceFarewellMessage(logger, agent, request, sent, null);

    public static void ModulePinFailed(ILogger logger, string reason) => ModulePinFailedMessage(logger, reason, null);

    public static void ClientRecovered(ILogger logger, int connects, int logins) => ClientRecoveredMessage(logger, connects, logins, null);

    public static void ClientRecoverySkipped(ILogger logger, string correlationId) => ClientRecoverySkippedMessage(logger, correlationId, null);

    private static readonly Action<ILogger, int, Exception?> ListsNotFreedMessage =
        LoggerMessage.Define<int>(LogLevel.Warning, EventIds.ListsNotFreed, "{Count} lists handed to Siebel were never freed with FreeSCStrParamList");

    public static void ListsNotFreed(ILogger logger, int count) => ListsNotFreedMessage(logger, count, null);

    public static void NativeCallFailed(ILogger logger, string export, string errorCode, string message, Exception? ex) => NativeCallFailedMessage(logger, export, errorCode, message, ex);

    public static void DriverCreated(ILogger logger, string mediaType, string options) => DriverCreatedMessage(logger, mediaType, options, null);

    public static void DriverCreateFailed(ILogger logger, string errorCode, string problems) => DriverCreateFailedMessage(logger, errorCode, problems, null);

    public static void DriverReleased(ILogger logger, string clientId) => DriverReleasedMessage(logger, clientId, null);

    public static void ServiceCreated(ILogger logger, string agent) => ServiceCreatedMessage(logger, agent, null);

    public static void ServiceReleased(ILogger logger) => ServiceReleasedMessage(logger, null);

    public static void CommandInvoked(ILogger logger, string command, string trackingId, string parameters) => CommandInvokedMessage(logger, command, trackingId, parameters, null);

    public static void CommandRejected(ILogger logger, string command, string errorCode, string message) => CommandRejectedMessage(logger, command, errorCode, message, null);

    public static void RequestFailed(ILogger logger, string command, string trackingId, string errorCode, string message) => RequestFailedMessage(logger, command, trackingId, errorCode, message, null);

    public static void CallbackFailed(ILogger logger, string method, int result) => CallbackFailedMessage(logger, method, result, null);

    public static void ForeignListRefused(ILogger logger, string message) => ForeignListRefusedMessage(logger, message, null);

    public static void InvalidHandle(ILogger logger, string export) => InvalidHandleMessage(logger, export, null);

    public static void TextRepaired(ILogger logger, string export) => TextRepairedMessage(logger, export, null);

    public static void ParametersIgnored(ILogger logger, string where, string names) => ParametersIgnoredMessage(logger, where, names, null);

    public static void AbiConfigInvalid(ILogger logger, string problems) => AbiConfigInvalidMessage(logger, problems, null);

    public static void ConnectorStatusChanged(ILogger logger, string status, string reason) => ConnectorStatusChangedMessage(logger, status, reason, null);

    public static void EventDelivered(ILogger logger, string message) => EventDeliveredMessage(logger, message, null);

    public static void CallbackLoopFailed(ILogger logger, string message, Exception? ex) => CallbackLoopFailedMessage(logger, message, ex);

    public static void ConnectorLinkFailed(ILogger logger, string message, Exception? ex) => ConnectorLinkFailedMessage(logger, message, ex);

    public static void EventHandlingFinished(ILogger logger, string trackingId, bool result) => EventHandlingFinishedMessage(logger, trackingId, result, null);

    public static void WorkItemCommand(ILogger logger, string export, string trackingId) => WorkItemCommandMessage(logger, export, trackingId, null);

    public static void ConnectorMessageDropped(ILogger logger, string messageType, string errorCode, string reason) => ConnectorMessageDroppedMessage(logger, messageType, errorCode, reason, null);

    public static void ConnectorMessageUnrouted(ILogger logger, string messageType, string agent) => ConnectorMessageUnroutedMessage(logger, messageType, agent, null);

    public static void ConnectorErrorReported(ILogger logger, string requestType, string correlationId, string errorCode, string message) => ConnectorErrorReportedMessage(logger, requestType, correlationId, errorCode, message, null);
}
