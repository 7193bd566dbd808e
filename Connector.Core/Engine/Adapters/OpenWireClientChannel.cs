using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SiebelCti.Connector.Engine.Ports;
using SiebelCti.Connector.Contract;
using SiebelCti.OpenWire;
using SiebelCti.Connector.Diagnostics;

namespace SiebelCti.Connector.Engine.Adapters;

/// <summary>Where the Connector meets the broker.</summary>
public sealed record ClientChannelOptions
{
    /// <summary>Broker connection (URI with failover, credentials, timeouts, TLS trust).</summary>
    public required OpenWireOptions Broker { get; init; }

    /// <summary>The queue the Connector consumes requests from.</summary>
    public string RequestQueue { get; init; } = ConnectorWire.DefaultRequestQueue;

    /// <summary>Prefix of each client's topic: the Connector publishes to <c>prefix + clientId</c>.</summary>
    public string ClientTopicPrefix { get; init; } = ConnectorWire.DefaultClientTopicPrefix;

    /// <summary>How many requests the broker may push ahead of the engine.</summary>
    public int Prefetch { get; init; } = 1000;

    /// <summary>Delay between attempts while the first connection to the broker cannot be made.</summary>
    public TimeSpan StartRetryDelay { get; init; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// The engine's broker port over our OpenWire client: consumes the request queue and publishes to
/// each client's topic. Failover, reconnection and replay of the consumer are the OpenWire client's;
/// this class only reports connectivity and keeps trying when the broker is down at start.
/// </summary>
public sealed partial class OpenWireClientChannel : IClientChannel, IAsyncDisposable
{
    private readonly ClientChannelOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Channel<WireMessage> _requests = Channel.CreateBounded<WireMessage>(new BoundedChannelOptions(10_000) { SingleReader = true });
    private readonly Channel<bool> _connectivity = Channel.CreateUnbounded<bool>();
    private readonly CancellationTokenSource _stop = new();
    private int _disposed;
    private Task? _run;
    private OpenWireConnection? _connection;
    private OpenWireProducer? _producer;

    public OpenWireClientChannel(ClientChannelOptions options, ILoggerFactory loggerFactory, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<OpenWireClientChannel>();
        _time = timeProvider ?? TimeProvider.System;
    }

    public ChannelReader<WireMessage> Requests => _requests.Reader;

    public ChannelReader<bool> ConnectivityChanges => _connectivity.Reader;

    /// <summary>Connects (retrying until the broker answers) and starts consuming requests.</summary>
    public void Start() => _run ??= Task.Run(() => RunAsync(_stop.Token));

    public async Task PublishAsync(string clientId, ConnectorEnvelope envelope, CancellationToken cancellationToken)
    {
        var producer = Volatile.Read(ref _producer)
            ?? throw new OpenWireException(OpenWireErrorKind.ConnectionClosed, "the broker connection is not open yet");
        // Events are non-persistent: a client topic has no durable subscriber, and after an outage the
        // engine republishes full state anyway.
        await producer.SendAsync(ConnectorWire.ClientTopic(_options.ClientTopicPrefix, clientId), ConnectorWire.ToMessage(envelope), persistent: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        OpenWireConsumer consumer;
        while (true)
        {
            try
            {
                var connection = await OpenWireConnection.ConnectAsync(_options.Broker, _loggerFactory, _time, cancellationToken).ConfigureAwait(false);
                connection.StateChanged += (_, e) => _connectivity.Writer.TryWrite(e.Current == OpenWireConnectionState.Open);
                var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto, cancellationToken).ConfigureAwait(false);
                consumer = await session.CreateConsumerAsync(Destination.Queue(_options.RequestQueue), _options.Prefetch, null, cancellationToken).ConfigureAwait(false);
                var producer = await session.CreateProducerAsync(null, cancellationToken).ConfigureAwait(false);
                _connection = connection;
                Volatile.Write(ref _producer, producer);
                _connectivity.Writer.TryWrite(connection.State == OpenWireConnectionState.Open);
                Log.Consuming(_logger, _options.RequestQueue, connection.ConnectedBroker);
                break;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is OpenWireException or TimeoutException or IOException)
            {
                Log.ConnectFailed(_logger, _options.StartRetryDelay.TotalSeconds, ex);
                try
                {
                    await Task.Delay(_options.StartRetryDelay, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        try
        {
            await foreach (var message in consumer.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await _requests.Writer.WriteAsync(ConnectorWire.Read(message), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Log.ConsumerStopped(_logger, ex);
            _connectivity.Writer.TryWrite(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        if (_run is not null)
        {
            await _run.ConfigureAwait(false);
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }

        _requests.Writer.TryComplete();
        _connectivity.Writer.TryComplete();
        _stop.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = EngineEventIds.ChannelConsuming, EventName = nameof(EngineEventIds.ChannelConsuming), Level = LogLevel.Information, Message = "Consuming requests from queue {Queue} on broker {Broker}")]
        public static partial void Consuming(ILogger logger, string queue, string? broker);

        [LoggerMessage(EventId = EngineEventIds.ChannelConnectFailed, EventName = nameof(EngineEventIds.ChannelConnectFailed), Level = LogLevel.Warning, Message = "Cannot connect to the message broker; retrying in {Seconds} s")]
        public static partial void ConnectFailed(ILogger logger, double seconds, Exception exception);

        [LoggerMessage(EventId = EngineEventIds.ChannelConsumerStopped, EventName = nameof(EngineEventIds.ChannelConsumerStopped), Level = LogLevel.Critical, Message = "The request consumer stopped")]
        public static partial void ConsumerStopped(ILogger logger, Exception exception);
    }
}
