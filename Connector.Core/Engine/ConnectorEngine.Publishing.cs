using SiebelCti.Connector.Engine.Monitoring;
using SiebelCti.Connector.Contract;

namespace SiebelCti.Connector.Engine;

public sealed partial class ConnectorEngine
{
    private async Task PublishLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in _outbound.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await _clients.PublishAsync(item.ClientId, item.Envelope, cancellationToken).ConfigureAwait(false);
                    Metrics.RecordMessageOut();
                    if (item.Origin is { } origin)
                    {
                        Metrics.RecordStage(LatencyStage.NotificationToPublished, Now - origin);
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    // The broker is unreachable past its send timeout. The client cannot receive
                    // anything now; when the broker is back the engine republishes full state.
                    Log.PublishFailed(_logger, item.Envelope.MessageType, item.ClientId, item.Envelope.AgentId, ex);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    // Loop-owned: clients that lost events to a full outbound queue, and since when.
    private readonly Dictionary<string, DateTimeOffset> _lostEvents = new(StringComparer.Ordinal);

    /// <remarks>
    /// The outbound queue is bounded (<see cref="EngineOptions.OutboundQueueCapacity"/>); the loop never
    /// waits for the broker. While it is full an event is dropped, the client is remembered (logged
    /// once per client), and when the queue has drained to half, each such client gets the full state
    /// of its agents and the calls that ended meanwhile, as after its own reconnect.
    /// </remarks>
    private void Send(string clientId, ConnectorMessage message, string? correlationId, string? agentId)
    {
        if (_outbound.Writer.TryWrite(new Outbound(clientId, new ConnectorEnvelope(message, correlationId, agentId, clientId)) { Origin = _notificationReceived }))
        {
            return;
        }

        if (_lostEvents.TryAdd(clientId, Now))
        {
            Log.OutboundFull(_logger, ConnectorErrorCode.ConnectorOutboundFull, _options.OutboundQueueCapacity, clientId);
            Metrics.RecordError(ConnectorErrorCode.ConnectorOutboundFull, $"events for client {clientId} dropped: the outbound queue is full", agentId);
        }
    }

    /// <summary>At housekeeping: once the outbound queue has drained to half, clients that lost events get their state again.</summary>
    private void ResyncClientsThatLostEvents()
    {
        if (_lostEvents.Count == 0 || _outbound.Reader.Count > _options.OutboundQueueCapacity / 2)
        {
            return;
        }

        var lost = _lostEvents.ToList();
        _lostEvents.Clear();
        Log.OutboundResync(_logger, lost.Count);
        foreach (var (clientId, since) in lost)
        {
            if (_clientSessions.TryGetValue(clientId, out var client))
            {
                SendResync(client, null, since);
            }
        }
    }

    private void SendError(string clientId, string? correlationId, string? agentId, string code, string message, string? requestType)
    {
        if (_rejections.ShouldWrite(code, Now))
        {
            Log.RequestFailed(_logger, requestType ?? "?", ClientIds.Printable(agentId), clientId, code, message);
        }

        Metrics.RecordError(code, message, agentId);
        Send(clientId, new Error(code, message, requestType), correlationId, agentId);
    }

    /// <summary>
    /// Sends <paramref name="message"/> to every client of <paramref name="agent"/>; the client that
    /// made the request it answers (if any) gets the request's correlation id; <paramref name="skipClient"/>
    /// (a client about to receive the full state anyway) gets nothing.
    /// </summary>
    private void FanOut(AgentSession agent, ConnectorMessage message, PendingRequest? answers, string? skipClient = null)
    {
        if (answers is not null)
        {
            Metrics.RecordResponse(answers.RequestType, Now - answers.Created);
        }

        foreach (var clientId in agent.Clients)
        {
            if (clientId == skipClient)
            {
                continue;
            }

            var correlationId = answers is not null && answers.ClientId == clientId ? answers.CorrelationId : null;
            Send(clientId, message, correlationId, agent.AgentId);
        }

        // The requester may have disconnected the agent meanwhile; it still gets its answer.
        if (answers is not null && !agent.Clients.Contains(answers.ClientId) && _clientSessions.ContainsKey(answers.ClientId))
        {
            Send(answers.ClientId, message, answers.CorrelationId, agent.AgentId);
        }
    }

    private void Broadcast(ConnectorMessage message)
    {
        foreach (var clientId in _clientSessions.Keys)
        {
            Send(clientId, message, null, null);
        }
    }

    private sealed record Outbound(string ClientId, ConnectorEnvelope Envelope)
    {
        /// <summary>When the Finesse notification this event carries was taken in; null for other messages.</summary>
        public DateTimeOffset? Origin { get; init; }
    }
}
