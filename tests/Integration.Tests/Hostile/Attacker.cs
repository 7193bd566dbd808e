using System.Collections.Concurrent;
using SiebelCti.Connector.Contract;
using SiebelCti.OpenWire;

namespace SiebelCti.Integration.Tests.Hostile;

/// <summary>
/// A broker client that writes whatever it likes to the Connector's request queue (any client id,
/// type, body, session or deadline) and listens on any topic it chooses.
/// </summary>
public sealed class Attacker : IAsyncDisposable
{
    private readonly OpenWireConnection _connection;
    private readonly OpenWireSession _session;
    private readonly OpenWireProducer _producer;
    private readonly Destination _requests;
    private readonly List<(OpenWireConsumer Consumer, Task Pump)> _listeners = [];
    private readonly CancellationTokenSource _stop = new();

    private Attacker(OpenWireConnection connection, OpenWireSession session, OpenWireProducer producer, Destination requests)
    {
        _connection = connection;
        _session = session;
        _producer = producer;
        _requests = requests;
    }

    /// <summary>Everything received on the topics listened to, by topic name.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<OpenWireMessage>> Received { get; } = new(StringComparer.Ordinal);

    public static async Task<Attacker> ConnectAsync(string brokerUri, string requestQueue, BrokerUser user, CancellationToken ct)
    {
        var connection = await OpenWireConnection.ConnectAsync(new OpenWireOptions
        {
            BrokerUri = brokerUri, ClientId = user.ClientId("raw-" + Guid.NewGuid().ToString("N")[..8]), UserName = user.Name, Password = user.Password,
        }, cancellationToken: ct);
        var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto, ct);
        var producer = await session.CreateProducerAsync(null, ct);
        return new Attacker(connection, session, producer, Destination.Queue(requestQueue));
    }

    /// <summary>Sends a request-shaped message with exactly these headers and properties.</summary>
    public async Task SendAsync(string? type, string body, string clientId, string? agentId = null, string? session = null,
        DateTimeOffset? deadline = null, string? correlationId = null)
    {
        var message = new TextMessage(body) { Type = type, CorrelationId = correlationId ?? "atk-" + Guid.NewGuid().ToString("N")[..8], Expiration = deadline };
        message.Properties.Set(ConnectorEnvelope.ClientIdProperty, clientId);
        if (agentId is not null)
        {
            message.Properties.Set(ConnectorEnvelope.AgentIdProperty, agentId);
        }

        if (session is not null)
        {
            message.Properties.Set(ConnectorEnvelope.SessionProperty, session);
        }

        message.Properties.Set(ConnectorEnvelope.ProtocolVersionProperty, 1);
        await _producer.SendAsync(_requests, message, persistent: false, TestContext.Current.CancellationToken);
    }

    /// <summary>A contract request as the attacker's own client would send it.</summary>
    public Task SendAsync(ConnectorRequest request, string clientId, string? agentId = null, string? session = null, DateTimeOffset? deadline = null) =>
        SendAsync(request.MessageType, ConnectorMessageCodec.Encode(request), clientId, agentId, session, deadline);

    /// <summary>Subscribes to <paramref name="topic"/> and records what arrives there; throws what the broker answers a refusal with.</summary>
    public async Task ListenAsync(string topic)
    {
        var consumer = await _session.CreateConsumerAsync(Destination.Topic(topic), cancellationToken: TestContext.Current.CancellationToken);
        var queue = Received.GetOrAdd(topic, _ => new ConcurrentQueue<OpenWireMessage>());
        var pump = Task.Run(async () =>
        {
            try
            {
                await foreach (var message in consumer.ReadAllAsync(_stop.Token))
                {
                    queue.Enqueue(message);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        _listeners.Add((consumer, pump));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var (_, pump) in _listeners)
        {
            await pump;
        }

        await _connection.DisposeAsync();
        _stop.Dispose();
    }
}
