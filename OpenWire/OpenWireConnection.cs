using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SiebelCti.OpenWire.Commands;
using SiebelCti.OpenWire.Session;
using SiebelCti.OpenWire.Transport;

namespace SiebelCti.OpenWire;

/// <summary>
/// A JMS-style connection to ActiveMQ over OpenWire. Owns the current transport and the recorded
/// intent (sessions, temporary destinations, producers, consumers) that the supervisor replays after
/// a failover reconnect. <see cref="State"/> is changed only by the supervisor; <see cref="StateChanged"/>
/// is raised from its own task, never from the read loop.
/// </summary>
public sealed partial class OpenWireConnection : IAsyncDisposable, ITransportListener
{
    private readonly OpenWireOptions _options;
    private readonly BrokerUri _uri;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TransportSettings _transportSettings;
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<long, OpenWireSession> _sessions = new();
    private readonly ConcurrentDictionary<long, OpenWireConsumer> _consumers = new();
    private readonly ConcurrentDictionary<string, Destination> _tempDestinations = new(StringComparer.Ordinal);
    /// <summary>State changes waiting for the <see cref="StateChanged"/> handlers at most; further ones are logged, not delivered.</summary>
    internal const int MaxQueuedStateChanges = 64;

    // Bounded: a handler that blocks must not grow memory with every reconnect attempt; State stays current.
    private readonly Channel<OpenWireStateChangedEventArgs> _events = Channel.CreateBounded<OpenWireStateChangedEventArgs>(
        new BoundedChannelOptions(MaxQueuedStateChanges) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _closing = new();
    private readonly Task _eventPump;
    private TaskCompletionSource<OpenWireTransport> _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private OpenWireTransport? _transport;
    private long _generation;
    private OpenWireConnectionState _state;
    private Task _supervisor = Task.CompletedTask;
    private long _nextSessionId;
    private long _nextTempId;
    private long _nextConsumerId;
    private long _nextProducerId;
    private int _disposed;

    private OpenWireConnection(OpenWireOptions options, BrokerUri uri, ILoggerFactory? loggerFactory, TimeProvider time)
    {
        _options = options;
        _uri = uri;
        _logger = (ILogger?)loggerFactory?.CreateLogger("SiebelCti.OpenWire") ?? NullLogger.Instance;
        _time = time;
        _transportSettings = TransportSettings.From(options, uri);
        ConnectionId = $"ID:siebelcti-{Guid.NewGuid():N}:1";
        ClientId = options.ClientId ?? ConnectionId;
        _eventPump = Task.Run(PumpEventsAsync);
    }

    /// <summary>Raised (on a dedicated task, in order) whenever <see cref="State"/> changes.</summary>
    public event EventHandler<OpenWireStateChangedEventArgs>? StateChanged;

    public OpenWireConnectionState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    public string ClientId { get; }

    /// <summary>True when the current connection negotiated tight encoding (both sides offered it in their WireFormatInfo).</summary>
    public bool TightEncoding => _transport?.TightEncoding ?? false;

    /// <summary>The broker endpoint currently connected to (null while not open).</summary>
    public string? ConnectedBroker => State == OpenWireConnectionState.Open ? _transport?.Endpoint.ToString() : null;

    /// <summary>The fault that ended the connection when <see cref="State"/> is Faulted.</summary>
    public OpenWireException? Fault { get; private set; }

    internal string ConnectionId { get; }

    internal OpenWireOptions Options => _options;

    internal TimeProvider Time => _time;

    internal ILogger Logger => _logger;

    internal long Generation => Interlocked.Read(ref _generation);

    /// <summary>
    /// Validates the options, connects (trying every endpoint of a failover URI with back-off, all
    /// within <see cref="OpenWireOptions.ConnectTimeout"/>) and registers the connection.
    /// </summary>
    public static async Task<OpenWireConnection> ConnectAsync(OpenWireOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        var connection = new OpenWireConnection(options, options.ParseBrokerUri(), loggerFactory, timeProvider ?? TimeProvider.System);
        try
        {
            await connection.ConnectFirstAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Creates a session whose consumers acknowledge as <paramref name="mode"/> says.</summary>
    public async Task<OpenWireSession> CreateSessionAsync(AcknowledgeMode mode = AcknowledgeMode.Auto, CancellationToken cancellationToken = default)
    {
        var session = new OpenWireSession(this, new SessionId(ConnectionId, Interlocked.Increment(ref _nextSessionId)), mode);
        _sessions[session.Id.Value] = session;
        await RegisterAsync(session, session.Info, "session registration", cancellationToken).ConfigureAwait(false);
        return session;
    }

    internal long NextConsumerId() => Interlocked.Increment(ref _nextConsumerId);

    internal long NextProducerId() => Interlocked.Increment(ref _nextProducerId);

    internal async Task<Destination> CreateTemporaryQueueAsync(CancellationToken cancellationToken)
    {
        var destination = Destination.Temporary(DestinationKind.TemporaryQueue, $"{ConnectionId}:{Interlocked.Increment(ref _nextTempId)}");
        _tempDestinations[destination.Name] = destination;
        var info = new DestinationInfo { ConnectionId = new ConnectionId(ConnectionId), Destination = destination.ToWire(), OperationType = DestinationInfo.AddOperation };
        await RunAsync(t => t.RequestAsync(info, CancellationToken.None), "temporary queue creation", _options.RequestTimeout, retryOnLoss: false, cancellationToken).ConfigureAwait(false);
        return destination;
    }

    /// <summary>Deletes a temporary destination this connection created.</summary>
    public async Task DeleteTemporaryDestinationAsync(Destination destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!_tempDestinations.TryRemove(destination.Name, out _))
        {
            throw new OpenWireException(OpenWireErrorKind.InvalidOperation, $"{destination} is not a temporary destination of this connection");
        }

        var info = new DestinationInfo { ConnectionId = new ConnectionId(ConnectionId), Destination = destination.ToWire(), OperationType = DestinationInfo.RemoveOperation };
        await RunAsync(t => t.RequestAsync(info, CancellationToken.None), "temporary destination deletion", _options.RequestTimeout, retryOnLoss: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a consumer, producer or session at the broker if connected (best effort, bounded by RequestTimeout).</summary>
    internal async Task RemoveAsync(DataStructure id, long lastDeliveredSequenceId)
    {
        var transport = _transport;
        if (transport is null || State != OpenWireConnectionState.Open)
        {
            return;
        }

        try
        {
            using var cts = new CancellationTokenSource(_options.RequestTimeout, _time);
            await transport.RequestAsync(new RemoveInfo { ObjectId = id, LastDeliveredSequenceId = lastDeliveredSequenceId }, cts.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OpenWireException or OperationCanceledException)
        {
            // Gone with the transport anyway; the broker forgets it when the connection ends.
        }
    }

    internal void AddConsumer(OpenWireConsumer consumer) => _consumers[consumer.Id.Value] = consumer;

    internal void RemoveSession(OpenWireSession session) => _sessions.TryRemove(session.Id.Value, out _);

    internal void RemoveConsumer(OpenWireConsumer consumer) => _consumers.TryRemove(consumer.Id.Value, out _);

    /// <summary>
    /// Sends the registration of a recorded entity unless the replay already did on the current
    /// transport; if the transport is lost meanwhile, the replay on the next one covers it.
    /// </summary>
    internal Task RegisterAsync(IRecorded entity, Command info, string operation, CancellationToken cancellationToken) =>
        RunAsync(async t =>
        {
            var generation = Generation;
            if (!entity.MarkRegistered(generation))
            {
                return;
            }

            try
            {
                await t.RequestAsync(info, CancellationToken.None).ConfigureAwait(false);
            }
            catch (OpenWireException e) when (e.Kind is OpenWireErrorKind.BrokerError or OpenWireErrorKind.NotAuthorized)
            {
                entity.MarkRegistered(-1);
                throw;
            }
        }, operation, _options.RequestTimeout, retryOnLoss: true, cancellationToken);

    /// <summary>
    /// Runs <paramref name="action"/> on the open transport, waiting for a reconnect if needed, all
    /// within <paramref name="timeout"/>. With <paramref name="retryOnLoss"/> a transport loss during
    /// the action makes it run again on the next transport (failover URIs only).
    /// </summary>
    internal async Task RunAsync(Func<OpenWireTransport, Task> action, string operation, TimeSpan timeout, bool retryOnLoss, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token, _closing.Token);
        try
        {
            while (true)
            {
                var transport = await WaitOpenAsync(linked.Token).ConfigureAwait(false);
                try
                {
                    await action(transport).WaitAsync(linked.Token).ConfigureAwait(false);
                    return;
                }
                catch (OpenWireException e) when (e.IsTransient && e.Kind != OpenWireErrorKind.Timeout && _uri.IsFailover && transport.IsFaulted)
                {
                    if (!retryOnLoss)
                    {
                        // Recorded intent: the replay on the next transport performs it.
                        await WaitOpenAsync(linked.Token).ConfigureAwait(false);
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new OpenWireException(OpenWireErrorKind.Timeout, $"{operation} did not complete within {timeout} (state {State})");
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new OpenWireException(OpenWireErrorKind.ConnectionClosed, $"{operation}: the connection is closed");
        }
        catch (OpenWireException e) when (e.Kind is OpenWireErrorKind.BrokerError or OpenWireErrorKind.NotAuthorized)
        {
            OpenWireLog.BrokerRefused(_logger, operation, e.ErrorCode, e.BrokerExceptionClass, e.Message);
            throw;
        }
    }

    /// <summary>
    /// Sends a message within <see cref="OpenWireOptions.SendTimeout"/>. While the connection is open
    /// this goes straight to the transport: a persistent send's frame is written on the caller's thread
    /// when no other write is in progress, a non-persistent one is coalesced with the frames sent
    /// around it (complete once queued; see OpenWireTransport.Coalescing.cs), and a persistent send's deadline is kept by the transport's one deadline
    /// sweep (no timer or linked token per send). A transport lost mid-send, or a connection not open,
    /// takes <see cref="RunAsync"/> with the time left: it waits for the reconnect and sends again
    /// with the same message id (the broker drops duplicates).
    /// </summary>
    internal async Task SendMessageAsync(MessageCommand command, bool persistent, Destination target, CancellationToken cancellationToken)
    {
        var timeout = _options.SendTimeout;
        var started = _time.GetTimestamp();
        var transport = _transport;
        if (transport is not null && _state == OpenWireConnectionState.Open && !cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (persistent)
                {
                    await transport.RequestAsync(command, timeout, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await transport.SendAsync(command, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (OpenWireException e) when (e.Kind == OpenWireErrorKind.Timeout && !transport.IsFaulted)
            {
                throw new OpenWireException(OpenWireErrorKind.Timeout, $"send to {target} did not complete within {timeout} (state {State})");
            }
            catch (OpenWireException e) when (e.Kind is OpenWireErrorKind.BrokerError or OpenWireErrorKind.NotAuthorized)
            {
                OpenWireLog.BrokerRefused(_logger, $"send to {target}", e.ErrorCode, e.BrokerExceptionClass, e.Message);
                throw;
            }
            catch (OpenWireException e) when (e.IsTransient && _uri.IsFailover && transport.IsFaulted)
            {
                // Lost with the transport: the slow path below waits for the next one and sends again.
            }
        }

        var left = timeout - _time.GetElapsedTime(started);
        if (left <= TimeSpan.Zero)
        {
            throw new OpenWireException(OpenWireErrorKind.Timeout, $"send to {target} did not complete within {timeout} (state {State})");
        }

        await RunAsync(
            t => persistent ? t.RequestAsync(command, CancellationToken.None) : t.SendAsync(command, CancellationToken.None).AsTask(),
            $"send to {target}",
            left,
            retryOnLoss: true,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a one-way command on the current transport if open (acknowledgements); false if not sent.</summary>
    internal async Task<bool> TrySendAsync(Command command, long generation, CancellationToken cancellationToken)
    {
        var transport = _transport;
        if (transport is null || generation != Generation || State != OpenWireConnectionState.Open)
        {
            return false;
        }

        try
        {
            await transport.SendAsync(command, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OpenWireException e) when (e.IsTransient)
        {
            return false;
        }
    }

    private async Task<OpenWireTransport> WaitOpenAsync(CancellationToken cancellationToken)
    {
        Task<OpenWireTransport> open;
        lock (_lock)
        {
            if (_state is OpenWireConnectionState.Faulted or OpenWireConnectionState.Closed)
            {
                throw Fault ?? new OpenWireException(OpenWireErrorKind.ConnectionClosed, "the connection is closed");
            }

            open = _open.Task;
        }

        return await open.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    void ITransportListener.OnCommand(OpenWireTransport transport, Command command)
    {
        if (!ReferenceEquals(transport, _transport))
        {
            return;
        }

        switch (command)
        {
            case MessageDispatch { ConsumerId: { } id } dispatch:
                if (_consumers.TryGetValue(id.Value, out var consumer))
                {
                    consumer.Enqueue(dispatch, Generation);
                }
                else
                {
                    OpenWireLog.DispatchUnknownConsumer(_logger, $"{id.ConnectionId}:{id.SessionId}:{id.Value}");
                }

                break;
            case ConsumerControl { Close: true, ConsumerId: { } id } when _consumers.TryGetValue(id.Value, out var closed):
                closed.CompleteFromBroker(new OpenWireException(OpenWireErrorKind.ConnectionClosed, "the broker closed the consumer"));
                break;
            default:
                break;
        }
    }

    void ITransportListener.OnTransportFailed(OpenWireTransport transport, OpenWireException cause)
    {
        // The supervisor watches transport.Completion and reconnects. What must happen at once is
        // that nobody is handed the lost transport any more: a sender whose request failed with it
        // retries through WaitOpenAsync, which would otherwise return the same transport again.
        if (!_uri.IsFailover)
        {
            return;
        }

        lock (_lock)
        {
            if (ReferenceEquals(transport, _transport) && _open.Task.IsCompleted && _state == OpenWireConnectionState.Open)
            {
                _open = new TaskCompletionSource<OpenWireTransport>(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private async Task PumpEventsAsync()
    {
        await foreach (var e in _events.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                StateChanged?.Invoke(this, e);
            }
            catch (Exception ex)
            {
                OpenWireLog.EventHandlerFailed(_logger, ex);
            }
        }
    }

    internal void SetState(OpenWireConnectionState state, string? broker, OpenWireException? cause)
    {
        OpenWireConnectionState previous;
        lock (_lock)
        {
            previous = _state;
            if (previous == state || previous == OpenWireConnectionState.Closed)
            {
                return;
            }

            _state = state;
            if (state is OpenWireConnectionState.Faulted or OpenWireConnectionState.Closed)
            {
                Fault ??= state == OpenWireConnectionState.Faulted ? cause : null;
                _open.TrySetException(cause ?? new OpenWireException(OpenWireErrorKind.ConnectionClosed, "the connection is closed"));
                _open.Task.Exception?.Handle(_ => true);
            }
        }

        OpenWireLog.StateChanged(_logger, ClientId, previous, state, broker);
        if (!_events.Writer.TryWrite(new OpenWireStateChangedEventArgs(previous, state, broker, cause)))
        {
            OpenWireLog.StateChangeDropped(_logger, ClientId, previous, state, MaxQueuedStateChanges);
        }
    }

    /// <summary>Closes consumers, sessions and the connection at the broker, then the transport. Idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var session in _sessions.Values)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }

        var transport = _transport;
        if (State == OpenWireConnectionState.Open && transport is not null)
        {
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5), _time);
                await transport.RequestAsync(new RemoveInfo { ObjectId = new ConnectionId(ConnectionId), LastDeliveredSequenceId = -1 }, cts.Token).ConfigureAwait(false);
                await transport.SendAsync(new ShutdownInfo(), cts.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OpenWireException or OperationCanceledException)
            {
            }
        }

        SetState(OpenWireConnectionState.Closed, transport?.Endpoint.ToString(), null);
        await _closing.CancelAsync().ConfigureAwait(false);
        foreach (var consumer in _consumers.Values)
        {
            consumer.CompleteFromBroker(new OpenWireException(OpenWireErrorKind.ConnectionClosed, "the connection is closed"));
        }

        if (transport is not null)
        {
            await transport.CloseAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            await transport.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            await _supervisor.WaitAsync(TimeSpan.FromSeconds(10), _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }

        _events.Writer.TryComplete();
        await _eventPump.ConfigureAwait(false);
    }
}
