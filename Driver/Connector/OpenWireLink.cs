using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SiebelCti.Connector.Contract;
using SiebelCti.OpenWire;
using SiebelCti.Driver.Configuration;
using SiebelCti.Driver.Logging;

namespace SiebelCti.Driver.Connector;

/// <summary>
/// The real link: one OpenWire connection per driver instance (our client in
/// OpenWire, which handles failover and replays its session, producer and consumer
/// after a reconnect). Requests go to the Connector's request queue and responses and events come
/// from this client's topic, both mapped to and from TextMessages by <see cref="ConnectorWire"/>,
/// the mapping the Connector uses too. One write loop drains the outbox; one read loop hands each
/// message, undecoded, to the sink. Never blocks the caller.
/// </summary>
internal sealed class OpenWireLink(DriverOptions options, ILoggerFactory loggers, TimeProvider time) : IConnectorLink
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(2);

    private readonly Channel<ConnectorEnvelope> _outbox = Channel.CreateBounded<ConnectorEnvelope>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger _logger = loggers.CreateLogger("SiebelCti.Driver.OpenWireLink");
    private IConnectorSink? _sink;
    private Task _run = Task.CompletedTask;
    private volatile Task? _writer;
    private readonly Lock _gate = new();
    private volatile bool _open;
    private bool? _reported;

    public void Start(IConnectorSink sink)
    {
        _sink = sink;
        _run = Task.Run(RunAsync);
    }

    public bool TrySend(ConnectorEnvelope request) => _open && _outbox.Writer.TryWrite(request);

    /// <summary>
    /// Closes the link. What is already queued (such as the Not Ready and Disconnect of services
    /// released with the driver) is still sent if the broker is up, for at most <see cref="DrainTimeout"/>.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        bool wasOpen;
        lock (_gate)
        {
            wasOpen = _open;
            _open = false;
        }
        _outbox.Writer.TryComplete();
        if (wasOpen && _writer is { } writer)
        {
            try
            {
                await writer.WaitAsync(DrainTimeout).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
            {
                Log.ConnectorLinkFailed(_logger, $"requests still queued were not sent within {DrainTimeout.TotalSeconds} s of closing the link", null);
            }
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _run.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await RunConnectionAsync(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // With the OpenWire client's stable code: a refused login (OPENWIRE_AUTHENTICATION_FAILED)
                // or a refused destination (OPENWIRE_NOT_AUTHORIZED) reads differently from a broker that is down.
                var reason = ex is OpenWireException openWire ? $"[{openWire.ErrorCode}] {openWire.Message}" : ex.Message;
                Log.ConnectorLinkFailed(_logger, $"broker link to {options.BrokerUri} failed: {reason}", null);
                SetOpen(false, reason);
            }
            try
            {
                await Task.Delay(RetryDelay, time, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RunConnectionAsync(CancellationToken token)
    {
        var openWire = new OpenWireOptions
        {
            BrokerUri = options.BrokerUri,
            UserName = options.BrokerUser,
            Password = options.BrokerPassword,
            TrustedCaCertificatesPath = options.BrokerTrustedCertificates,
            ClientId = options.ClientId,
        };
        await using var connection = await OpenWireConnection.ConnectAsync(openWire, loggers, time, token).ConfigureAwait(false);
        var ready = false;
        connection.StateChanged += (_, e) =>
        {
            // After the first set-up, the client's failover reports every loss and recovery here.
            if (Volatile.Read(ref ready))
            {
                SetOpen(e.Current == OpenWireConnectionState.Open, e.Current == OpenWireConnectionState.Open ? $"connected to {e.Broker}" : e.Cause?.Message ?? e.Current.ToString());
            }
        };
        await using var session = await connection.CreateSessionAsync(cancellationToken: token).ConfigureAwait(false);
        await using var producer = await session.CreateProducerAsync(Destination.Queue(options.RequestQueue), token).ConfigureAwait(false);
        await using var consumer = await session.CreateConsumerAsync(Destination.Topic(options.ClientTopic), cancellationToken: token).ConfigureAwait(false);
        Volatile.Write(ref ready, true);
        SetOpen(connection.State == OpenWireConnectionState.Open, $"connected to {connection.ConnectedBroker}");
        var writer = WriteLoopAsync(producer, token);
        _writer = writer;
        await foreach (var message in consumer.ReadAllAsync(token).ConfigureAwait(false))
        {
            Receive(message);
        }
        await writer.ConfigureAwait(false);
    }

    /// <summary>Records the link state; tells the sink only about changes (the first failure included).</summary>
    private void SetOpen(bool up, string reason)
    {
        lock (_gate)
        {
            _open = up;
            if (_reported == up)
            {
                return;
            }
            _reported = up;
        }
        _sink?.OnLinkStatus(up, reason);
    }

    private async Task WriteLoopAsync(OpenWireProducer producer, CancellationToken token)
    {
        await foreach (var envelope in _outbox.Reader.ReadAllAsync(token).ConfigureAwait(false))
        {
            try
            {
                var message = ConnectorWire.ToMessage(envelope with { ClientId = options.ClientId });
                await producer.SendAsync(message, persistent: false, token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The request is lost; the service's timeout reports it to the agent with HandleError.
                Log.ConnectorLinkFailed(_logger, $"sending {envelope.MessageType} failed: {ex.Message}", null);
            }
        }
    }

    private void Receive(OpenWireMessage message) => _sink?.OnMessage(ConnectorWire.Read(message));
}
