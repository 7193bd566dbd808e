using System.Collections.Concurrent;
using System.Diagnostics;
using SiebelCti.Connector.Contract;
using SiebelCti.OpenWire;

namespace SiebelCti.ChainLoad;

/// <summary>
/// One driver instance as the Connector sees it: its own broker connection (the lab's driver user),
/// a client id under that user, requests on the Connector's queue, events from its own topic. Every
/// request's first answer (correlation id) completes the task <see cref="SendAsync"/> returned.
/// </summary>
internal sealed class LoadClient : IAsyncDisposable
{
    private readonly OpenWireConnection _connection;
    private readonly OpenWireProducer _producer;
    private readonly Destination _requests;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Reply>> _waiting = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;
    private readonly Task _heartbeats;
    private string? _session;
    private int _next;

    private LoadClient(string clientId, OpenWireConnection connection, OpenWireProducer producer, OpenWireConsumer consumer, Destination requests)
    {
        ClientId = clientId;
        _connection = connection;
        _producer = producer;
        _requests = requests;
        _pump = Task.Run(() => PumpAsync(consumer));
        _heartbeats = Task.Run(HeartbeatAsync);
    }

    public string ClientId { get; }

    /// <summary>Unsolicited <c>System</c> messages and every <c>OUT_OF_SERVICE</c>, in arrival order (time, status, reason).</summary>
    public ConcurrentQueue<(long Timestamp, string Status, string? Reason, string? Side)> StatusChanges { get; } = new();

    /// <summary>Unsolicited AgentState messages (no correlation id): agent id, stopwatch timestamp.</summary>
    public ConcurrentQueue<(string AgentId, long Timestamp)> UnsolicitedStates { get; } = new();

    public static async Task<LoadClient> ConnectAsync(string brokerUri, string user, string password, string clientId, CancellationToken ct)
    {
        var connection = await OpenWireConnection.ConnectAsync(
            new OpenWireOptions { BrokerUri = brokerUri, ClientId = clientId, UserName = user, Password = password }, cancellationToken: ct);
        var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto, ct);
        var consumer = await session.CreateConsumerAsync(ConnectorWire.ClientTopic(ConnectorWire.DefaultClientTopicPrefix, clientId), cancellationToken: ct);
        var producer = await session.CreateProducerAsync(null, ct);
        return new LoadClient(clientId, connection, producer, consumer, Destination.Queue(ConnectorWire.DefaultRequestQueue));
    }

    /// <summary>Sends <paramref name="request"/> (non-persistent, as the driver does) with the session of the last Hello; the task ends with its first answer.</summary>
    public async Task<Task<Reply>> SendAsync(ConnectorRequest request, string? agentId, TimeSpan expiry, CancellationToken ct)
    {
        var correlationId = $"{ClientId}-{Interlocked.Increment(ref _next)}";
        var answer = new TaskCompletionSource<Reply>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[correlationId] = answer;
        var envelope = new ConnectorEnvelope(request, correlationId, agentId, ClientId)
        {
            Session = Volatile.Read(ref _session),
            Deadline = TimeProvider.System.GetUtcNow() + expiry,
        };
        await _producer.SendAsync(_requests, ConnectorWire.ToMessage(envelope), persistent: false, ct);
        return answer.Task;
    }

    /// <summary>Hello, then its answer; true when the Connector is IN_SERVICE.</summary>
    public async Task<bool> HelloAsync(CancellationToken ct)
    {
        var answer = await (await SendAsync(new Hello("chain-load", Environment.MachineName), null, TimeSpan.FromSeconds(30), ct)).WaitAsync(TimeSpan.FromSeconds(30), ct);
        return answer.Message is SystemStatus { Status: SystemStatus.InService };
    }

    /// <summary>A Heartbeat every 30 s (the Connector's default HeartbeatInterval), as the driver sends: a silent client is declared dead.</summary>
    private async Task HeartbeatAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), _stop.Token);
                var envelope = new ConnectorEnvelope(new Heartbeat(), $"{ClientId}-hb-{Interlocked.Increment(ref _next)}", null, ClientId)
                {
                    Session = Volatile.Read(ref _session),
                    Deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(30),
                };
                await _producer.SendAsync(_requests, ConnectorWire.ToMessage(envelope), persistent: false, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (OpenWireException)
        {
        }
    }

    private async Task PumpAsync(OpenWireConsumer consumer)
    {
        try
        {
            await foreach (var message in consumer.ReadAllAsync(_stop.Token))
            {
                var now = Stopwatch.GetTimestamp();
                var wire = ConnectorWire.Read(message);
                var decoded = ConnectorMessageCodec.Decode(wire.MessageType, wire.Body);
                if (!decoded.Success)
                {
                    continue;
                }

                var m = decoded.Message!;
                if (m is SystemStatus { Session: { } session })
                {
                    Volatile.Write(ref _session, session);
                }

                if (m is SystemStatus s && (wire.CorrelationId is null || s.Status != SystemStatus.InService))
                {
                    StatusChanges.Enqueue((now, s.Status, s.Reason, s.ActiveSide));
                }

                if (wire.CorrelationId is null && m is AgentState && wire.AgentId is { } agentId)
                {
                    UnsolicitedStates.Enqueue((agentId, now));
                }

                if (wire.CorrelationId is { } id && _waiting.TryRemove(id, out var waiter))
                {
                    waiter.TrySetResult(new Reply(m, now));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (OpenWireException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _connection.DisposeAsync();
        try
        {
            await Task.WhenAll(_pump, _heartbeats).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
        }

        _stop.Dispose();
    }
}

/// <summary>The first message that answered a request, and when it arrived (stopwatch ticks).</summary>
internal sealed record Reply(ConnectorMessage Message, long Timestamp);
