using Microsoft.Extensions.Logging;
using SiebelCti.OpenWire;

namespace SiebelCti.Connector.Contract;

/// <summary>Where a <see cref="ContractEndpoint"/> connects and what it reads.</summary>
public sealed record ContractEndpointOptions
{
    /// <summary>Broker connection (URI with failover, credentials, timeouts, TLS trust, client id).</summary>
    public required OpenWireOptions Broker { get; init; }

    /// <summary>What this side reads: the Connector's request queue, or a driver's client topic.</summary>
    public required Destination Inbound { get; init; }

    /// <summary>How many messages the broker may push ahead of the owner.</summary>
    public int Prefetch { get; init; } = 1000;

    /// <summary>Delay before connecting again after a connection could not be made or was lost for good.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(5);
}

/// <summary>What the owner of a <see cref="ContractEndpoint"/> hears from it, on the endpoint's own loop.</summary>
public interface IContractEndpointOwner
{
    /// <summary>
    /// A message of the inbound destination as it came off the wire, undecoded (the owner decodes
    /// it, so a malformed one is refused in one place). Awaited: the owner writes it into its own
    /// work queue, and while that queue is full the endpoint reads no further (the broker holds the
    /// rest, up to the prefetch).
    /// </summary>
    ValueTask OnMessageAsync(WireMessage message, CancellationToken cancellationToken);

    /// <summary>The link went up or down: each change once, the first failure included.</summary>
    void OnLinkStatus(bool up, string reason);

    /// <summary>
    /// A connection attempt failed (<paramref name="wasConsuming"/> false) or a working connection
    /// ended for good (true); the endpoint tries again after the retry delay.
    /// </summary>
    void OnConnectFailed(Exception exception, bool wasConsuming);

    /// <summary>The endpoint is connected and reading <paramref name="inbound"/> on <paramref name="broker"/>.</summary>
    void OnConsuming(Destination inbound, string? broker);
}

/// <summary>
/// One endpoint of the Driver ↔ Connector contract over our OpenWire client, used by both sides:
/// the driver reads its client topic and sends to the request queue; the Connector reads the
/// request queue and sends to each client's topic. It connects (and, when a connection ends for
/// good, connects again after <see cref="ContractEndpointOptions.RetryDelay"/>), hands every inbound
/// message to its owner, reports the link's state, and sends envelopes as non-persistent
/// TextMessages (<see cref="ConnectorWire"/>). Failover, reconnection and replay of the consumer
/// within a connection are the OpenWire client's.
/// </summary>
public sealed class ContractEndpoint : IAsyncDisposable
{
    private readonly ContractEndpointOptions _options;
    private readonly IContractEndpointOwner _owner;
    private readonly ILoggerFactory _loggers;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private Task? _run;
    private OpenWireProducer? _producer;
    private bool? _reported;
    private bool _consuming;
    private int _disposed;

    public ContractEndpoint(ContractEndpointOptions options, IContractEndpointOwner owner, ILoggerFactory loggers, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(owner);
        _options = options;
        _owner = owner;
        _loggers = loggers;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>True while envelopes can be sent.</summary>
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _reported == true && _producer is not null;
            }
        }
    }

    /// <summary>Starts connecting in the background. Calling it again does nothing.</summary>
    public void Start()
    {
        lock (_gate)
        {
            _run ??= Task.Run(() => RunAsync(_stop.Token));
        }
    }

    /// <summary>Sends <paramref name="envelope"/> (addressed by its owner: the driver's instance stamps its client id) to <paramref name="destination"/>.</summary>
    /// <exception cref="OpenWireException">The link is not open, or the send failed.</exception>
    /// <exception cref="MessageEncodeException">The body would be too large.</exception>
    public Task SendAsync(Destination destination, ConnectorEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var producer = Volatile.Read(ref _producer)
            ?? throw new OpenWireException(OpenWireErrorKind.ConnectionClosed, "the broker connection is not open");
        // Non-persistent: a client topic has no durable subscriber, a request past its deadline is dropped by
        // the Connector anyway, and after an outage each side re-reads or re-sends its state.
        return producer.SendAsync(destination, ConnectorWire.ToMessage(envelope), persistent: false, cancellationToken);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await RunConnectionAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                var wasConsuming = Volatile.Read(ref _consuming);
                Volatile.Write(ref _producer, null);
                Volatile.Write(ref _consuming, false);
                _owner.OnConnectFailed(ex, wasConsuming);
                Report(false, ex is OpenWireException openWire ? $"[{openWire.ErrorCode}] {openWire.Message}" : ex.Message);
            }

            try
            {
                await Task.Delay(_options.RetryDelay, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RunConnectionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenWireConnection.ConnectAsync(_options.Broker, _loggers, _time, cancellationToken).ConfigureAwait(false);
        var ready = 0;
        connection.StateChanged += (_, e) =>
        {
            // After the set-up, the client's failover reports every loss and recovery here.
            if (Volatile.Read(ref ready) == 1)
            {
                var open = e.Current == OpenWireConnectionState.Open;
                Report(open, open ? $"connected to {e.Broker}" : e.Cause?.Message ?? e.Current.ToString());
            }
        };
        await using var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto, cancellationToken).ConfigureAwait(false);
        await using var consumer = await session.CreateConsumerAsync(_options.Inbound, _options.Prefetch, null, cancellationToken).ConfigureAwait(false);
        await using var producer = await session.CreateProducerAsync(null, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _producer, producer);
        Volatile.Write(ref ready, 1);
        Volatile.Write(ref _consuming, true);
        _owner.OnConsuming(_options.Inbound, connection.ConnectedBroker);
        Report(connection.State == OpenWireConnectionState.Open, $"connected to {connection.ConnectedBroker}");
        try
        {
            await foreach (var message in consumer.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await _owner.OnMessageAsync(ConnectorWire.Read(message), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Volatile.Write(ref _producer, null);
        }

        throw new OpenWireException(OpenWireErrorKind.ConnectionClosed, "the consumer of " + _options.Inbound + " ended");
    }

    /// <summary>Tells the owner about a change of the link's state (not about repeats).</summary>
    private void Report(bool up, string reason)
    {
        lock (_gate)
        {
            if (_reported == up)
            {
                return;
            }

            _reported = up;
        }

        _owner.OnLinkStatus(up, reason);
    }

    /// <summary>Stops reading, closes the connection, and waits for the loop to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        Task? run;
        lock (_gate)
        {
            run = _run;
        }

        if (run is not null)
        {
            try
            {
                await run.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stop.Dispose();
    }
}
