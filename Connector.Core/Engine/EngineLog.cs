using Microsoft.Extensions.Logging;
using SiebelCti.Connector.Diagnostics;

namespace SiebelCti.Connector.Engine;

public sealed partial class ConnectorEngine
{
    /// <summary>The engine's log messages (ids 5xxx in <see cref="EngineEventIds"/>).</summary>
    private static partial class Log
    {
        [LoggerMessage(EventId = EngineEventIds.EngineWorkFailed, EventName = nameof(EngineEventIds.EngineWorkFailed), Level = LogLevel.Error, Message = "Engine failed handling {WorkType}; the engine goes on")]
        public static partial void WorkFailed(ILogger logger, string workType, Exception exception);

        [LoggerMessage(EventId = EngineEventIds.EngineOutboundFull, EventName = nameof(EngineEventIds.EngineOutboundFull), Level = LogLevel.Error, Message = "[{ErrorCode}] The outbound queue is full ({Capacity} events waiting for the broker): events for client {ClientId} are dropped; it gets its full state when the queue drains")]
        public static partial void OutboundFull(ILogger logger, string errorCode, int capacity, string clientId);

        [LoggerMessage(EventId = EngineEventIds.EngineOutboundResync, EventName = nameof(EngineEventIds.EngineOutboundResync), Level = LogLevel.Warning, Message = "The outbound queue drained: {ClientCount} client(s) that lost events get their full state again")]
        public static partial void OutboundResync(ILogger logger, int clientCount);

        [LoggerMessage(EventId = EngineEventIds.EnginePublishFailed, EventName = nameof(EngineEventIds.EnginePublishFailed), Level = LogLevel.Warning, Message = "Could not publish {MessageType} to client {ClientId} (agent {AgentId})")]
        public static partial void PublishFailed(ILogger logger, string messageType, string clientId, string? agentId, Exception exception);

        [LoggerMessage(EventId = EngineEventIds.EngineRequestFailed, EventName = nameof(EngineEventIds.EngineRequestFailed), Level = LogLevel.Warning, Message = "{RequestType} of agent {AgentId} from client {ClientId} failed: {ErrorCode} {ErrorMessage}")]
        public static partial void RequestFailed(ILogger logger, string requestType, string? agentId, string clientId, string errorCode, string errorMessage);

        [LoggerMessage(EventId = EngineEventIds.EngineRequestWithoutClient, EventName = nameof(EngineEventIds.EngineRequestWithoutClient), Level = LogLevel.Warning, Message = "Dropped a {MessageType} request for agent {AgentId}: it has no clientId to answer")]
        public static partial void RequestWithoutClient(ILogger logger, string? messageType, string? agentId);

        [LoggerMessage(EventId = EngineEventIds.EngineRequestSent, EventName = nameof(EngineEventIds.EngineRequestSent), Level = LogLevel.Debug, Message = "{RequestType} of agent {AgentId} (dialog {DialogId}) sent to Finesse as request {FinesseRequestId}")]
        public static partial void RequestSent(ILogger logger, string requestType, string agentId, string? dialogId, string finesseRequestId);

        [LoggerMessage(EventId = EngineEventIds.EngineOperationFailed, EventName = nameof(EngineEventIds.EngineOperationFailed), Level = LogLevel.Error, Message = "{Operation} for agent {AgentId} failed")]
        public static partial void OperationFailed(ILogger logger, string operation, string? agentId, Exception exception);

        [LoggerMessage(EventId = EngineEventIds.EngineClientJoined, EventName = nameof(EngineEventIds.EngineClientJoined), Level = LogLevel.Debug, Message = "Client {ClientId} joined")]
        public static partial void ClientJoined(ILogger logger, string clientId);

        [LoggerMessage(EventId = EngineEventIds.EngineClientDead, EventName = nameof(EngineEventIds.EngineClientDead), Level = LogLevel.Warning, Message = "Client {ClientId} stopped sending heartbeats; its {AgentCount} agents are handled by policy {Policy}")]
        public static partial void ClientDead(ILogger logger, string clientId, int agentCount, string policy);

        [LoggerMessage(EventId = EngineEventIds.EngineAgentConnected, EventName = nameof(EngineEventIds.EngineAgentConnected), Level = LogLevel.Information, Message = "Agent {AgentId} connected by client {ClientId} ({ClientCount} clients)")]
        public static partial void AgentConnected(ILogger logger, string agentId, string clientId, int clientCount);

        [LoggerMessage(EventId = EngineEventIds.EngineAgentAlreadySignedIn, EventName = nameof(EngineEventIds.EngineAgentAlreadySignedIn), Level = LogLevel.Information, Message = "Agent {AgentId} is already signed in ({State}); client {ClientId} gets its state")]
        public static partial void AgentAlreadySignedIn(ILogger logger, string agentId, string clientId, string state);

        [LoggerMessage(EventId = EngineEventIds.EngineAgentKept, EventName = nameof(EngineEventIds.EngineAgentKept), Level = LogLevel.Information, Message = "Agent {AgentId} has no client ({Why}); kept signed in")]
        public static partial void AgentKept(ILogger logger, string agentId, string why);

        [LoggerMessage(EventId = EngineEventIds.EngineAgentReleased, EventName = nameof(EngineEventIds.EngineAgentReleased), Level = LogLevel.Information, Message = "Agent {AgentId} released ({Why})")]
        public static partial void AgentReleased(ILogger logger, string agentId, string why);

        [LoggerMessage(EventId = EngineEventIds.EngineNotificationForUnknownAgent, EventName = nameof(EngineEventIds.EngineNotificationForUnknownAgent), Level = LogLevel.Debug, Message = "Ignored {NotificationType} for agent {AgentId}, which no client holds")]
        public static partial void NotificationForUnknownAgent(ILogger logger, string notificationType, string? agentId);

        [LoggerMessage(EventId = EngineEventIds.EngineAgentSessionRestored, EventName = nameof(EngineEventIds.EngineAgentSessionRestored), Level = LogLevel.Information, Message = "Notification session of agent {AgentId} restored; re-reading its state")]
        public static partial void AgentSessionRestored(ILogger logger, string agentId);

        [LoggerMessage(EventId = EngineEventIds.EngineAgentSessionLost, EventName = nameof(EngineEventIds.EngineAgentSessionLost), Level = LogLevel.Warning, Message = "Notification session of agent {AgentId} lost: {Reason}")]
        public static partial void AgentSessionLost(ILogger logger, string agentId, string? reason);

        [LoggerMessage(EventId = EngineEventIds.EngineFinesseHealth, EventName = nameof(EngineEventIds.EngineFinesseHealth), Level = LogLevel.Information, Message = "Finesse in service: {InService}, side {Side} ({Reason})")]
        public static partial void FinesseHealth(ILogger logger, bool inService, string? side, string? reason);

        [LoggerMessage(EventId = EngineEventIds.EngineBrokerConnectivity, EventName = nameof(EngineEventIds.EngineBrokerConnectivity), Level = LogLevel.Information, Message = "Message broker connected: {Connected}")]
        public static partial void BrokerConnectivity(ILogger logger, bool connected);

        [LoggerMessage(EventId = EngineEventIds.EngineRequestRejected, EventName = nameof(EngineEventIds.EngineRequestRejected), Level = LogLevel.Warning, Message = "Rejected {MessageType} for agent {AgentId} from client {ClientId}: {ErrorCode} {Reason}")]
        public static partial void RequestRejected(ILogger logger, string messageType, string agentId, string clientId, string errorCode, string reason);

        [LoggerMessage(EventId = EngineEventIds.EngineRejectionsSummarized, EventName = nameof(EngineEventIds.EngineRejectionsSummarized), Level = LogLevel.Warning, Message = "{Count} more {ErrorCode} answers or rejections in the last {Seconds} s were not logged one by one")]
        public static partial void RejectionsSummarized(ILogger logger, long count, string errorCode, double seconds);

        [LoggerMessage(EventId = EngineEventIds.EngineClientEvicted, EventName = nameof(EngineEventIds.EngineClientEvicted), Level = LogLevel.Warning, Message = "Client {ClientId}, which proved no agent, was dropped to make room ({MaxClients} clients at most)")]
        public static partial void ClientEvicted(ILogger logger, string clientId, int maxClients);

        [LoggerMessage(EventId = EngineEventIds.EngineStatusChanged, EventName = nameof(EngineEventIds.EngineStatusChanged), Level = LogLevel.Warning, Message = "Connector status {Status} ({Reason}), Finesse side {Side}")]
        public static partial void StatusChanged(ILogger logger, string status, string? reason, string? side);
    }
}
