using Microsoft.Extensions.Logging;
using SiebelCti.Connector.Engine.Ports;
using SiebelCti.Connector.Contract;
using SiebelCti.OpenWire;
using SiebelCti.Connector.Diagnostics;

namespace SiebelCti.Connector.Engine.Adapters;

/// <summary>
/// The engine's broker port: the contract's <see cref="ContractEndpoint"/> (the one the driver uses
/// too) reading the request queue and publishing to each client's topic. Each request is written
/// straight into the engine's bounded work queue; while it is full the endpoint reads no further and
/// the broker holds the rest (prefetch, then the queue itself), so a burst slows down instead of
/// growing memory. Connectivity changes go to the engine as they happen (it keeps the latest).
/// </summary>
public sealed partial class OpenWireClientChannel : IClientChannel, IContractEndpointOwner, IAsyncDisposable
{
    private readonly ClientChannelOptions _options;
    private readonly ILogger _logger;
    private readonly ContractEndpoint _endpoint;
    private IEngineInput? _engine;
    private int _disposed;

    public OpenWireClientChannel(ClientChannelOptions options, ILoggerFactory loggerFactory, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = loggerFactory.CreateLogger<OpenWireClientChannel>();
        _endpoint = new ContractEndpoint(new ContractEndpointOptions
        {
            Broker = options.Broker,
            Inbound = Destination.Queue(options.RequestQueue),
            Prefetch = options.Prefetch,
            RetryDelay = options.StartRetryDelay,
        }, this, loggerFactory, timeProvider);
    }

    public void Attach(IEngineInput engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (Interlocked.CompareExchange(ref _engine, engine, null) is not null)
        {
            throw new InvalidOperationException("The broker channel is attached to an engine already.");
        }
    }

    /// <summary>Connects (retrying until the broker answers) and starts consuming requests into the attached engine.</summary>
    public void Start()
    {
        _ = Engine;
        _endpoint.Start();
    }

    private IEngineInput Engine => Volatile.Read(ref _engine) ?? throw new InvalidOperationException("The broker channel has no engine attached.");

    public Task PublishAsync(string clientId, ConnectorEnvelope envelope, CancellationToken cancellationToken) =>
        _endpoint.SendAsync(ConnectorWire.ClientTopic(_options.ClientTopicPrefix, clientId), envelope, cancellationToken);

    ValueTask IContractEndpointOwner.OnMessageAsync(WireMessage message, CancellationToken cancellationToken) =>
        Engine.RequestAsync(message, cancellationToken);

    void IContractEndpointOwner.OnLinkStatus(bool up, string reason) => Engine.BrokerConnectivity(up);

    void IContractEndpointOwner.OnConnectFailed(Exception exception, bool wasConsuming)
    {
        if (wasConsuming)
        {
            Log.ConsumerStopped(_logger, _options.StartRetryDelay.TotalSeconds, exception);
        }
        else
        {
            Log.ConnectFailed(_logger, _options.StartRetryDelay.TotalSeconds, exception);
        }
    }

    void IContractEndpointOwner.OnConsuming(Destination inbound, string? broker) => Log.Consuming(_logger, _options.RequestQueue, broker);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _endpoint.DisposeAsync().ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = EngineEventIds.ChannelConsuming, EventName = nameof(EngineEventIds.ChannelConsuming), Level = LogLevel.Information, Message = "Consuming requests from queue {Queue} on broker {Broker}")]
        public static partial void Consuming(ILogger logger, string queue, string? broker);

        [LoggerMessage(EventId = EngineEventIds.ChannelConnectFailed, EventName = nameof(EngineEventIds.ChannelConnectFailed), Level = LogLevel.Warning, Message = "Cannot connect to the message broker; retrying in {Seconds} s")]
        public static partial void ConnectFailed(ILogger logger, double seconds, Exception exception);

        [LoggerMessage(EventId = EngineEventIds.ChannelConsumerStopped, EventName = nameof(EngineEventIds.ChannelConsumerStopped), Level = LogLevel.Error, Message = "The request consumer stopped; connecting again in {Seconds} s")]
        public static partial void ConsumerStopped(ILogger logger, double seconds, Exception exception);
    }
}
