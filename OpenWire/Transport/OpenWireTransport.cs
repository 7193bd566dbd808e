using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Microsoft.Extensions.Logging;
using SiebelCti.OpenWire.Codec;
using SiebelCti.OpenWire.Commands;

namespace SiebelCti.OpenWire.Transport;

/// <summary>
/// One OpenWire connection to one broker: TCP (optionally TLS), wire format negotiation, a reader
/// thread, a caller-driven writer, the table of requests awaiting a response (with one deadline
/// sweep for all of them) and the inactivity monitor. Every fatal error goes through
/// <see cref="Fault"/>, which records the first cause, fails pending requests and tells the
/// listener once.
/// </summary>
/// <remarks>
/// <para>The socket is a blocking one and is never used asynchronously (see
/// <see cref="ConnectBlockingSocketAsync"/>): the runtime's epoll thread never sees it.</para>
/// <para>Writing: a sender encodes its frame into the shared pooled buffer under a short lock. A
/// request (its response awaited) makes its sender the writer if no write is in progress: it puts
/// the buffer on the socket from its own thread (send() returns at once while the socket has room),
/// so an uncontended request costs no thread hop. A one-way frame (non-persistent message,
/// acknowledgement) completes once encoded and leaves the write to a flush scheduled on the pool,
/// so that frames sent back to back share one write. Frames other senders add meanwhile go out in
/// the writer's next batch.</para>
/// <para>Reading: a dedicated thread blocks in recv() and decodes frames in place from a pooled
/// buffer. A broker response completes its request directly on that thread: the sender's
/// continuation runs there (until its next await) instead of being queued to the thread pool.</para>
/// </remarks>
internal sealed partial class OpenWireTransport : IAsyncDisposable
{
    public const int WireFormatVersion = 12;

    private static readonly KeepAliveInfo KeepAlive = new();

    private readonly BrokerEndpoint _endpoint;
    private readonly TransportSettings _settings;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly ConcurrentDictionary<int, PendingRequest> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<WireFormatInfo> _brokerWireFormat = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<OpenWireException?> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _readDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool _trace;
    private ITransportListener? _listener;
    private Task _monitorLoop = Task.CompletedTask;
    private OpenWireException? _fault;
    private int _nextCommandId;
    private long _lastRead;
    private long _lastWrite;
    private int _closing;
    private volatile bool _tight;

    private OpenWireTransport(BrokerEndpoint endpoint, TransportSettings settings, Socket socket, Stream stream, ILogger logger, TimeProvider time)
    {
        _endpoint = endpoint;
        _settings = settings;
        _socket = socket;
        _stream = stream;
        _logger = logger;
        _time = time;
        _trace = logger.IsEnabled(LogLevel.Trace);
        _sweeper = time.CreateTimer(static s => ((OpenWireTransport)s!).Sweep(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _lastRead = _lastWrite = time.GetTimestamp();
    }

    public BrokerEndpoint Endpoint => _endpoint;

    public BrokerInfo? BrokerInfo { get; private set; }

    /// <summary>The inactivity timeout both sides agreed on (zero: off).</summary>
    public TimeSpan InactivityDuration { get; private set; }

    /// <summary>
    /// Whether frames after the WireFormatInfo exchange use the tight encoding: both sides' WireFormatInfo
    /// offered it (set by the reader thread when the broker's arrives, before it decodes another frame
    /// and before anything else is written).
    /// </summary>
    public bool TightEncoding => _tight;

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
        Socket? socket = null;
        Stream? stream = null;
        OpenWireTransport? transport = null;
        try
        {
            try
            {
                socket = await ConnectBlockingSocketAsync(endpoint, settings.ConnectTimeout, linked.Token).ConfigureAwait(false);
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
                    // Synchronous on purpose (see ConnectBlockingSocketAsync); disposing the stream on
                    // timeout or cancellation (CleanUpAsync) ends a handshake that hangs.
                    var handshake = Task.Run(() => ssl.AuthenticateAsClient(new SslClientAuthenticationOptions
                    {
                        TargetHost = settings.Tls.TargetHost ?? endpoint.Host,
                        EnabledSslProtocols = SslProtocols.None,
                    }), CancellationToken.None);
                    Observe(handshake);
                    await handshake.WaitAsync(linked.Token).ConfigureAwait(false);
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

                socket?.Dispose();
            }
        }
    }

    /// <summary>
    /// Connects a socket to the broker without ever using it asynchronously or non-blocking, so
    /// that it stays a blocking socket. A socket used with an async operation (or made non-blocking
    /// once) is put in non-blocking mode for good, its synchronous calls are emulated on the
    /// runtime's epoll thread, and every arrival of data then makes that thread queue a work item to
    /// the thread pool: a pool thread woken (and spinning) per broker response. With a blocking
    /// socket the reader thread sleeps in recv() and the kernel wakes it directly. Name resolution is
    /// asynchronous; the blocking connect() runs on a pool thread, bounded by SO_SNDTIMEO (which
    /// Linux applies to connect) so that no thread stays stuck beyond the connect timeout.
    /// </summary>
    private static async Task<Socket> ConnectBlockingSocketAsync(BrokerEndpoint endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken).ConfigureAwait(false);
        return await ConnectFirstAsync(addresses, endpoint.Port, timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Tries <paramref name="addresses"/> in order, each with a socket of its own (a socket whose
    /// connect failed cannot connect again, and a host name may resolve to IPv6 and IPv4 addresses
    /// of which only one is served); returns the first that connects. A socket whose attempt is
    /// abandoned (timeout, cancellation) is disposed, which ends its blocking connect.
    /// </summary>
    internal static async Task<Socket> ConnectFirstAsync(IReadOnlyList<IPAddress> addresses, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var bound = (int)Math.Clamp(timeout.TotalMilliseconds, 1, int.MaxValue);
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            var target = new IPEndPoint(address, port);
            var connect = Task.Run(() =>
            {
                socket.SendTimeout = bound;
                socket.Connect(target);
                socket.SendTimeout = 0;
            }, CancellationToken.None);
            Observe(connect);
            try
            {
                await connect.WaitAsync(cancellationToken).ConfigureAwait(false);
                return socket;
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    private static void Observe(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private async Task NegotiateAsync(CancellationToken cancellationToken)
    {
        new Thread(ReadLoop) { IsBackground = true, Name = $"OpenWire reader {_endpoint}" }.Start();
        var ours = new WireFormatInfo(WireFormatVersion, new Dictionary<string, object?>
        {
            ["TcpNoDelayEnabled"] = true,
            ["SizePrefixDisabled"] = false,
            ["CacheEnabled"] = false,
            ["CacheSize"] = 0,
            ["TightEncodingEnabled"] = _settings.TightEncodingEnabled,
            ["StackTraceEnabled"] = false,
            ["MaxInactivityDuration"] = (long)_settings.MaxInactivityDuration.TotalMilliseconds,
            ["MaxInactivityDurationInitalDelay"] = 10000L,
            ["MaxFrameSize"] = (long)_settings.MaxFrameSize,
            ["ProviderName"] = "SiebelCti.OpenWire",
            ["ProviderVersion"] = "1.0",
            ["PlatformDetails"] = ".NET",
        });
        try
        {
            // Nothing else writes before the broker's WireFormatInfo has arrived.
            _stream.Write(OpenWireCodec.EncodeFrame(ours));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            throw Fault(new OpenWireException(OpenWireErrorKind.ConnectionClosed, $"connection to {_endpoint} lost during negotiation: {e.Message}", e));
        }

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
            broker.Properties.GetValueOrDefault("ProviderName") as string, broker.Properties.GetValueOrDefault("ProviderVersion") as string, brokerMaxFrame,
            _tight ? "tight" : "loose");
        if (InactivityDuration > TimeSpan.Zero)
        {
            _monitorLoop = Task.Run(MonitorLoopAsync, CancellationToken.None);
        }
    }

    /// <summary>Allocates the next command id of this transport.</summary>
    public int NextCommandId() => Interlocked.Increment(ref _nextCommandId);

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
                    Post(KeepAlive);
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

        CloseWrites();
        _stop.Cancel();
        _sweeper.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _brokerWireFormat.TrySetException(cause);

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

        // Last, and on the pool: the senders' continuations run where their request completes, and
        // they must find the transport's loss already known to the connection (and must not run
        // inside whatever called Fault, such as the reader thread).
        if (!_pending.IsEmpty)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static s => s.Transport.FailAllPending(s.Cause), (Transport: this, Cause: cause), preferLocal: false);
        }

        return cause;
    }

    /// <summary>Orderly close: lets queued frames (e.g. RemoveInfo, ShutdownInfo) drain briefly, then stops.</summary>
    public async Task CloseAsync(TimeSpan drainTimeout)
    {
        Interlocked.Exchange(ref _closing, 1);
        var drained = CloseWrites();
        try
        {
            await drained.WaitAsync(drainTimeout, _time).ConfigureAwait(false);
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
            await Task.WhenAll(_readDone.Task, _monitorLoop, CloseWrites()).WaitAsync(TimeSpan.FromSeconds(5), _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _sweeper.DisposeAsync().ConfigureAwait(false);
        ReleaseWriteBuffers();
        _stop.Dispose();
    }
}
