using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SiebelCti.Connector.Diagnostics;
using SiebelCti.Connector.OpenWire.Codec;
using SiebelCti.Connector.OpenWire.Commands;

namespace SiebelCti.Connector.OpenWire.Transport;

/// <summary>
/// One OpenWire connection to one broker: TCP (optionally TLS), wire format negotiation, exactly one
/// read loop and one write loop (fed by a bounded channel), a response correlator and the
/// inactivity monitor. Every fatal error goes through <see cref="Fault"/>, which records the first
/// cause, fails pending requests and tells the listener once.
/// </summary>
internal sealed class OpenWireTransport : IAsyncDisposable
{
    public const int WireFormatVersion = 12;

    private readonly BrokerEndpoint _endpoint;
    private readonly TransportSettings _settings;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly Channel<byte[]> _writes;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<Response>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<WireFormatInfo> _brokerWireFormat = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<OpenWireException?> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool _trace;
    private ITransportListener? _listener;
    private Task _readLoop = Task.CompletedTask;
    private Task _writeLoop = Task.CompletedTask;
    private Task _monitorLoop = Task.CompletedTask;
    private OpenWireException? _fault;
    private int _nextCommandId;
    private long _lastRead;
    private long _lastWrite;
    private int _closing;

    private OpenWireTransport(BrokerEndpoint endpoint, TransportSettings settings, Socket socket, Stream stream, ILogger logger, TimeProvider time)
    {
        _endpoint = endpoint;
        _settings = settings;
        _socket = socket;
        _stream = stream;
        _logger = logger;
        _time = time;
        _trace = logger.IsEnabled(LogLevel.Trace);
        _writes = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(settings.WriteQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _lastRead = _lastWrite = time.GetTimestamp();
    }

    public BrokerEndpoint Endpoint => _endpoint;

    public BrokerInfo? BrokerInfo { get; private set; }

    /// <summary>The inactivity timeout both sides agreed on (zero: off).</summary>
    public TimeSpan InactivityDuration { get; private set; }

    /// <summary>Largest frame we may send (the smaller of ours and the broker's).</summary>
    public long SendFrameLimit { get; private set; }

    /// <summary>Completes when the transport stops: with the fault, or null after an orderly close.</summary>
    public Task<OpenWireException?> Completion => _completion.Task;

    public bool IsFaulted => Volatile.Read(ref _fault) is not null;

    /// <summary>Connects, negotiates the wire format and waits for BrokerInfo, all within the connect timeout.</summary>
    public static async Task<OpenWireTransport> ConnectAsync(
        BrokerEndpoint endpoint, TransportSettings settings, ITransportListener listener, ILogger logger, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(settings.ConnectTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true }; // dual-mode: IPv4 and IPv6 hosts
        Stream? stream = null;
        OpenWireTransport? transport = null;
        try
        {
            try
            {
                await socket.ConnectAsync(endpoint.Host, endpoint.Port, linked.Token).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                throw new OpenWireException(OpenWireErrorKind.ConnectFailed, $"cannot connect to {endpoint}: {e.Message}", e);
            }

            stream = new NetworkStream(socket, ownsSocket: false);
            if (endpoint.UseTls)
            {
                var validator = new CertificateValidator(settings.Tls);
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false, (_, cert, _, errors) => validator.Validate(cert, errors));
                stream = ssl;
                try
                {
                    await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                    {
                        TargetHost = settings.Tls.TargetHost ?? endpoint.Host,
                        EnabledSslProtocols = SslProtocols.None,
                    }, linked.Token).ConfigureAwait(false);
                }
                catch (AuthenticationException e)
                {
                    throw new OpenWireException(OpenWireErrorKind.TlsFailure, $"TLS with {endpoint} failed: {validator.Failure ?? e.Message}", e);
                }
                catch (IOException e)
                {
                    throw new OpenWireException(OpenWireErrorKind.TlsFailure, $"TLS with {endpoint} failed: {e.Message}", e);
                }
            }

            transport = new OpenWireTransport(endpoint, settings, socket, stream, logger, time) { _listener = listener };
            await transport.NegotiateAsync(linked.Token).ConfigureAwait(false);
            return transport;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await CleanUpAsync().ConfigureAwait(false);
            throw new OpenWireException(OpenWireErrorKind.Timeout, $"connecting to {endpoint} took longer than {settings.ConnectTimeout}");
        }
        catch
        {
            await CleanUpAsync().ConfigureAwait(false);
            throw;
        }

        async Task CleanUpAsync()
        {
            if (transport is not null)
            {
                transport._listener = null;
                await transport.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                if (stream is not null)
                {
                    await stream.DisposeAsync().ConfigureAwait(false);
                }

                socket.Dispose();
            }
        }
    }

    private async Task NegotiateAsync(CancellationToken cancellationToken)
    {
        _readLoop = Task.Run(ReadLoopAsync, CancellationToken.None);
        _writeLoop = Task.Run(WriteLoopAsync, CancellationToken.None);
        var ours = new WireFormatInfo(WireFormatVersion, new Dictionary<string, object?>
        {
            ["TcpNoDelayEnabled"] = true,
            ["SizePrefixDisabled"] = false,
            ["CacheEnabled"] = false,
            ["CacheSize"] = 0,
            ["TightEncodingEnabled"] = false,
            ["StackTraceEnabled"] = false,
            ["MaxInactivityDuration"] = (long)_settings.MaxInactivityDuration.TotalMilliseconds,
            ["MaxInactivityDurationInitalDelay"] = 10000L,
            ["MaxFrameSize"] = (long)_settings.MaxFrameSize,
            ["ProviderName"] = "SiebelCti.OpenWire",
            ["ProviderVersion"] = "1.0",
            ["PlatformDetails"] = ".NET",
        });
        await _writes.Writer.WriteAsync(OpenWireCodec.EncodeFrame(ours), cancellationToken).ConfigureAwait(false);

        WireFormatInfo broker;
        try
        {
            broker = await _brokerWireFormat.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OpenWireException)
        {
            throw _fault ?? new OpenWireException(OpenWireErrorKind.ConnectionClosed, $"{_endpoint} closed the connection during negotiation");
        }

        if (broker.Version < WireFormatVersion)
        {
            throw Fault(new OpenWireException(OpenWireErrorKind.ProtocolViolation,
                $"{_endpoint} speaks OpenWire v{broker.Version}; this client needs v{WireFormatVersion} (ActiveMQ 5.15 or later)"));
        }

        var brokerInactivity = broker.GetLong("MaxInactivityDuration") ?? 0;
        var ourInactivity = (long)_settings.MaxInactivityDuration.TotalMilliseconds;
        InactivityDuration = TimeSpan.FromMilliseconds(Math.Max(0, Math.Min(brokerInactivity, ourInactivity)));
        var brokerMaxFrame = broker.GetLong("MaxFrameSize") is { } m and > 0 ? m : long.MaxValue;
        SendFrameLimit = Math.Min(brokerMaxFrame, _settings.MaxFrameSize);
        OpenWireLog.WireFormatNegotiated(_logger, _endpoint.ToString(), broker.Version,
            broker.Properties.GetValueOrDefault("ProviderName") as string, broker.Properties.GetValueOrDefault("ProviderVersion") as string, brokerMaxFrame);
        if (InactivityDuration > TimeSpan.Zero)
        {
            _monitorLoop = Task.Run(MonitorLoopAsync, CancellationToken.None);
        }
    }

    /// <summary>Allocates the next command id of this transport.</summary>
    public int NextCommandId() => Interlocked.Increment(ref _nextCommandId);

    /// <summary>Queues a one-way command (waits only for room in the write queue).</summary>
    public ValueTask SendAsync(Command command, CancellationToken cancellationToken)
    {
        var frame = Encode(command with { CommandId = NextCommandId(), ResponseRequired = false });
        return EnqueueAsync(frame, cancellationToken);
    }

    /// <summary>Sends a command that requires a response and waits for it; an ExceptionResponse becomes a BrokerError exception.</summary>
    public async Task<Response> RequestAsync(Command command, CancellationToken cancellationToken)
    {
        var id = NextCommandId();
        var frame = Encode(command with { CommandId = id, ResponseRequired = true });
        var tcs = new TaskCompletionSource<Response>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = tcs;
        try
        {
            if (_fault is { } fault)
            {
                throw fault;
            }

            await EnqueueAsync(frame, cancellationToken).ConfigureAwait(false);
            return await tcs.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private byte[] Encode(Command command)
    {
        byte[] frame;
        try
        {
            frame = OpenWireCodec.EncodeFrame(command);
        }
        catch (OpenWireProtocolException e)
        {
            throw new OpenWireException(OpenWireErrorKind.InvalidOperation, e.Message);
        }

        if (SendFrameLimit > 0 && frame.Length - 4 > SendFrameLimit)
        {
            throw new OpenWireException(OpenWireErrorKind.InvalidOperation,
                $"a {command.GetType().Name} of {frame.Length - 4} bytes exceeds the frame limit of {SendFrameLimit} bytes");
        }

        if (_trace)
        {
            OpenWireLog.FrameSent(_logger, _endpoint.ToString(), command);
        }

        return frame;
    }

    private async ValueTask EnqueueAsync(byte[] frame, CancellationToken cancellationToken)
    {
        try
        {
            await _writes.Writer.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw _fault ?? new OpenWireException(OpenWireErrorKind.ConnectionClosed, $"the connection to {_endpoint} is closed");
        }
    }

    private async Task ReadLoopAsync()
    {
        var reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 65536, minimumReadSize: 4096));
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await reader.ReadAsync(_stop.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                if (!buffer.IsEmpty)
                {
                    Volatile.Write(ref _lastRead, _time.GetTimestamp());
                }

                try
                {
                    while (OpenWireCodec.TryReadFrame(ref buffer, _settings.MaxFrameSize, out var body))
                    {
                        Handle(Decode(body));
                    }
                }
                finally
                {
                    reader.AdvanceTo(buffer.Start, buffer.End);
                }

                if (result.IsCompleted)
                {
                    var reason = buffer.IsEmpty
                        ? $"{_endpoint} closed the connection"
                        : $"{_endpoint} closed the connection in the middle of a frame ({buffer.Length} bytes pending)";
                    Fault(new OpenWireException(buffer.IsEmpty ? OpenWireErrorKind.ConnectionClosed : OpenWireErrorKind.ProtocolViolation, reason));
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (OpenWireProtocolException e)
        {
            OpenWireLog.ProtocolViolation(_logger, _endpoint.ToString(), e.Message);
            Fault(new OpenWireException(OpenWireErrorKind.ProtocolViolation, $"protocol violation by {_endpoint}: {e.Message}"));
        }
        catch (OpenWireException e)
        {
            Fault(e);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            Fault(new OpenWireException(OpenWireErrorKind.ConnectionClosed, $"connection to {_endpoint} lost: {e.Message}", e));
        }
        catch (Exception e)
        {
            OpenWireLog.LoopFailed(_logger, e, "read", _endpoint.ToString());
            Fault(new OpenWireException(OpenWireErrorKind.ConnectionClosed, $"read loop for {_endpoint} failed: {e.Message}", e));
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private static DataStructure Decode(ReadOnlySequence<byte> body)
    {
        if (body.IsSingleSegment)
        {
            return OpenWireCodec.DecodeBody(body.FirstSpan);
        }

        var length = (int)body.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            body.CopyTo(rented);
            return OpenWireCodec.DecodeBody(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private void Handle(DataStructure value)
    {
        if (_trace)
        {
            OpenWireLog.FrameReceived(_logger, _endpoint.ToString(), value);
        }

        if (!_brokerWireFormat.Task.IsCompleted)
        {
            if (value is WireFormatInfo info)
            {
                _brokerWireFormat.TrySetResult(info);
                return;
            }

            throw new OpenWireProtocolException($"expected WireFormatInfo first, got structure type {value.DataType}");
        }

        switch (value)
        {
            case Response response:
                if (_pending.TryGetValue(response.CorrelationId, out var tcs))
                {
                    if (response is ExceptionResponse error)
                    {
                        tcs.TrySetException(OpenWireException.Refused(error.Exception?.ExceptionClass, error.Exception?.Message));
                    }
                    else
                    {
                        tcs.TrySetResult(response);
                    }
                }

                break;
            case KeepAliveInfo keepAlive:
                if (keepAlive.ResponseRequired)
                {
                    _writes.Writer.TryWrite(OpenWireCodec.EncodeFrame(new KeepAliveInfo { CommandId = NextCommandId() }));
                }

                break;
            case BrokerInfo brokerInfo:
                BrokerInfo = brokerInfo;
                OpenWireLog.TransportConnected(_logger, _endpoint.ToString(), brokerInfo.BrokerName, WireFormatVersion, InactivityDuration);
                _listener?.OnCommand(this, brokerInfo);
                break;
            case ConnectionError { Exception: var refusal } when OpenWireException.IsSecurityRefusal(refusal?.ExceptionClass):
                // A one-way command (a non-persistent send) the broker's authorization refused: the
                // broker reports it this way but keeps the connection, and so do we.
                OpenWireLog.BrokerRefused(_logger, "a one-way command", ErrorCode.OpenWireNotAuthorized, refusal?.ExceptionClass, refusal?.Message);
                break;
            case ConnectionError connectionError:
                Fault(new OpenWireException(OpenWireErrorKind.ConnectionError,
                    $"{_endpoint} reported a connection error: {connectionError.Exception?.Message ?? "(no message)"}")
                {
                    BrokerExceptionClass = connectionError.Exception?.ExceptionClass,
                });
                break;
            case ShutdownInfo:
                Fault(new OpenWireException(OpenWireErrorKind.ConnectionClosed, $"{_endpoint} is shutting down"));
                break;
            case WireFormatInfo:
                throw new OpenWireProtocolException("a second WireFormatInfo after negotiation");
            case UnknownCommand unknown:
                OpenWireLog.UnknownCommand(_logger, unknown.Type, unknown.Length, _endpoint.ToString());
                break;
            case Command command:
                _listener?.OnCommand(this, command);
                break;
            default:
                throw new OpenWireProtocolException($"a bare structure of type {value.DataType} where a command was expected");
        }
    }

    private async Task WriteLoopAsync()
    {
        var writer = PipeWriter.Create(_stream, new StreamPipeWriterOptions(leaveOpen: true));
        try
        {
            var reader = _writes.Reader;
            while (await reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                while (reader.TryRead(out var frame))
                {
                    writer.Write(frame);
                    if (writer.UnflushedBytes > 65536)
                    {
                        await writer.FlushAsync(_stop.Token).ConfigureAwait(false);
                    }
                }

                await writer.FlushAsync(_stop.Token).ConfigureAwait(false);
                Volatile.Write(ref _lastWrite, _time.GetTimestamp());
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            Fault(new OpenWireException(OpenWireErrorKind.ConnectionClosed, $"connection to {_endpoint} lost while writing: {e.Message}", e));
        }
        catch (Exception e)
        {
            OpenWireLog.LoopFailed(_logger, e, "write", _endpoint.ToString());
            Fault(new OpenWireException(OpenWireErrorKind.ConnectionClosed, $"write loop for {_endpoint} failed: {e.Message}", e));
        }
        finally
        {
            await writer.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task MonitorLoopAsync()
    {
        var duration = InactivityDuration;
        var period = TimeSpan.FromTicks(Math.Max(duration.Ticks / 3, TimeSpan.FromMilliseconds(100).Ticks));
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(period, _time, _stop.Token).ConfigureAwait(false);
                var now = _time.GetTimestamp();
                if (_time.GetElapsedTime(Volatile.Read(ref _lastRead), now) >= duration)
                {
                    OpenWireLog.InactivityTimeout(_logger, _endpoint.ToString(), duration);
                    Fault(new OpenWireException(OpenWireErrorKind.Timeout, $"{_endpoint} sent nothing for {duration} (inactivity timeout)"));
                    return;
                }

                if (_time.GetElapsedTime(Volatile.Read(ref _lastWrite), now) >= period)
                {
                    _writes.Writer.TryWrite(OpenWireCodec.EncodeFrame(new KeepAliveInfo { CommandId = NextCommandId() }));
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            OpenWireLog.LoopFailed(_logger, e, "inactivity monitor", _endpoint.ToString());
            Fault(new OpenWireException(OpenWireErrorKind.ConnectionClosed, $"inactivity monitor for {_endpoint} failed: {e.Message}", e));
        }
    }

    /// <summary>The single fault path: records the first cause, stops the loops, fails pending requests, tells the listener.</summary>
    public OpenWireException Fault(OpenWireException cause)
    {
        if (Interlocked.CompareExchange(ref _fault, cause, null) is { } first)
        {
            return first;
        }

        if (Volatile.Read(ref _closing) == 0)
        {
            OpenWireLog.TransportFailed(_logger, _endpoint.ToString(), cause.ErrorCode, cause.Message);
        }

        _writes.Writer.TryComplete();
        _stop.Cancel();
        _brokerWireFormat.TrySetException(cause);
        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(cause);
        }

        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }

        _completion.TrySetResult(Volatile.Read(ref _closing) == 0 ? cause : null);
        if (Volatile.Read(ref _closing) == 0)
        {
            _listener?.OnTransportFailed(this, cause);
        }

        return cause;
    }

    /// <summary>Orderly close: lets queued frames (e.g. RemoveInfo, ShutdownInfo) drain briefly, then stops.</summary>
    public async Task CloseAsync(TimeSpan drainTimeout)
    {
        Interlocked.Exchange(ref _closing, 1);
        _writes.Writer.TryComplete();
        try
        {
            await _writeLoop.WaitAsync(drainTimeout, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }

        Fault(new OpenWireException(OpenWireErrorKind.ConnectionClosed, $"the connection to {_endpoint} was closed"));
    }

    public async ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _closing, 1);
        Fault(new OpenWireException(OpenWireErrorKind.ConnectionClosed, $"the connection to {_endpoint} was closed"));
        try
        {
            await Task.WhenAll(_readLoop, _writeLoop, _monitorLoop).WaitAsync(TimeSpan.FromSeconds(5), _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
        _socket.Dispose();
        _stop.Dispose();
    }
}
