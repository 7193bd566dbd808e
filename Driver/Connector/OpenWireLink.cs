using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SiebelCti.Connector.Contract;
using SiebelCti.OpenWire;
using SiebelCti.Driver.Configuration;
using SiebelCti.Driver.Logging;

namespace SiebelCti.Driver.Connector;

/// <summary>
/// The real link: the contract's <see cref="ContractEndpoint"/> (the one the Connector uses too)
/// over one OpenWire connection per driver instance, reading this client's topic and sending to
/// the Connector's request queue (the driver instance stamps its client id on every request). Siebel's
/// threads never wait: <see cref="TrySend"/> queues into a bounded outbox (full: the request is
/// refused at once and the service reports it), and one write loop drains it. Inbound messages
/// go, undecoded, to the sink.
/// </summary>
internal sealed class OpenWireLink : IConnectorLink, IContractEndpointOwner
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(2);

    private readonly DriverOptions _options;
    private readonly Channel<ConnectorEnvelope> _outbox = Channel.CreateBounded<ConnectorEnvelope>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger _logger;
    private readonly ContractEndpoint _endpoint;
    private readonly Destination _requests;
    private IConnectorSink? _sink;
    private Task _writer = Task.CompletedTask;
    private volatile bool _open;

    public OpenWireLink(DriverOptions options, ILoggerFactory loggers, TimeProvider time)
    {
        _options = options;
        _logger = loggers.CreateLogger("SiebelCti.Driver.OpenWireLink");
        _requests = Destination.Queue(options.RequestQueue);
        _endpoint = new ContractEndpoint(new ContractEndpointOptions
        {
            Broker = new OpenWireOptions
            {
                BrokerUri = options.BrokerUri,
                UserName = options.BrokerUser,
                Password = options.BrokerPassword,
                TrustedCaCertificatesPath = options.BrokerTrustedCertificates,
                ClientId = options.ClientId,
            },
            Inbound = Destination.Topic(options.ClientTopic),
            RetryDelay = RetryDelay,
        }, this, loggers, time);
    }

    public void Start(IConnectorSink sink)
    {
        _sink = sink;
        _writer = Task.Run(WriteLoopAsync);
        _endpoint.Start();
    }

    public bool TrySend(ConnectorEnvelope request) => _open && _outbox.Writer.TryWrite(request);

    /// <summary>
    /// Closes the link. What is already queued (such as the Not Ready and Disconnect of services
    /// released with the driver) is still sent if the broker is up, for at most <see cref="DrainTimeout"/>.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        var wasOpen = _open;
        _open = false;
        _outbox.Writer.TryComplete();
        if (wasOpen)
        {
            try
            {
                await _writer.WaitAsync(DrainTimeout).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
            {
                Log.ConnectorLinkFailed(_logger, $"requests still queued were not sent within {DrainTimeout.TotalSeconds} s of closing the link", null);
            }
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _endpoint.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _writer.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    ValueTask IContractEndpointOwner.OnMessageAsync(WireMessage message, CancellationToken cancellationToken)
    {
        _sink?.OnMessage(message);
        return ValueTask.CompletedTask;
    }

    void IContractEndpointOwner.OnLinkStatus(bool up, string reason)
    {
        _open = up;
        _sink?.OnLinkStatus(up, reason);
    }

    void IContractEndpointOwner.OnConnectFailed(Exception exception, bool wasConsuming) =>
        // With the OpenWire client's stable code: a refused login (OPENWIRE_AUTHENTICATION_FAILED)
        // or a refused destination (OPENWIRE_NOT_AUTHORIZED) reads differently from a broker that is down.
        Log.ConnectorLinkFailed(_logger,
            $"broker link to {_options.BrokerUri} failed: {(exception is OpenWireException openWire ? $"[{openWire.ErrorCode}] {openWire.Message}" : exception.Message)}", null);

    void IContractEndpointOwner.OnConsuming(Destination inbound, string? broker)
    {
    }

    private async Task WriteLoopAsync()
    {
        var token = _stop.Token;
        await foreach (var envelope in _outbox.Reader.ReadAllAsync(token).ConfigureAwait(false))
        {
            try
            {
                await _endpoint.SendAsync(_requests, envelope, token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The request is lost; the service's timeout reports it to the agent with HandleError.
                Log.ConnectorLinkFailed(_logger, $"sending {envelope.MessageType} failed: {ex.Message}", null);
            }
        }
    }
}
