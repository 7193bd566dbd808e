using System.Collections.Concurrent;
using SiebelCti.OpenWire.Commands;
using SiebelCti.OpenWire.Session;

namespace SiebelCti.OpenWire;

/// <summary>A session: creates producers, consumers and temporary queues, and offers request-reply.</summary>
public sealed class OpenWireSession : IAsyncDisposable, IRecorded
{
    private readonly OpenWireConnection _connection;
    private readonly ConcurrentDictionary<long, OpenWireProducer> _producers = new();
    private readonly ConcurrentDictionary<long, OpenWireConsumer> _consumers = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<OpenWireMessage>> _replies = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _replyLock = new(1, 1);
    private OpenWireProducer? _requestProducer;
    private Destination? _replyQueue;
    private Task? _replyPump;
    private long _registered;
    private int _disposed;

    internal OpenWireSession(OpenWireConnection connection, SessionId id, AcknowledgeMode mode)
    {
        _connection = connection;
        Id = id;
        AcknowledgeMode = mode;
        Info = new SessionInfo { SessionId = id };
    }

    public AcknowledgeMode AcknowledgeMode { get; }

    internal SessionId Id { get; }

    internal SessionInfo Info { get; }

    internal OpenWireConnection Connection => _connection;

    internal IEnumerable<OpenWireProducer> Producers => _producers.Values;

    internal IEnumerable<OpenWireConsumer> Consumers => _consumers.Values;

    bool IRecorded.MarkRegistered(long generation) => MarkRegistered(generation);

    internal bool MarkRegistered(long generation) => Interlocked.Exchange(ref _registered, generation) != generation;

    /// <summary>Creates a producer bound to <paramref name="destination"/>, or an anonymous one when null.</summary>
    public async Task<OpenWireProducer> CreateProducerAsync(Destination? destination = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var id = new ProducerId(_connection.ConnectionId, _connection.NextProducerId(), Id.Value);
        var producer = new OpenWireProducer(this, id, destination);
        _producers[id.Value] = producer;
        try
        {
            await _connection.RegisterAsync(producer, producer.Info, "producer registration", cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _producers.TryRemove(id.Value, out _);
            throw;
        }

        return producer;
    }

    /// <summary>Creates a consumer; the broker sends it up to <paramref name="prefetch"/> unacknowledged messages ahead.</summary>
    public async Task<OpenWireConsumer> CreateConsumerAsync(Destination destination, int prefetch = 1000, string? selector = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(prefetch);
        ThrowIfDisposed();
        var id = new ConsumerId(_connection.ConnectionId, Id.Value, _connection.NextConsumerId());
        var consumer = new OpenWireConsumer(this, id, destination, prefetch, selector);
        _consumers[id.Value] = consumer;
        _connection.AddConsumer(consumer);
        try
        {
            await _connection.RegisterAsync(consumer, consumer.Info, "consumer registration", cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _consumers.TryRemove(id.Value, out _);
            _connection.RemoveConsumer(consumer);
            throw;
        }

        return consumer;
    }

    /// <summary>Creates a temporary queue that lives as long as the connection (and is recreated after failover).</summary>
    public Task<Destination> CreateTemporaryQueueAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return _connection.CreateTemporaryQueueAsync(cancellationToken);
    }

    /// <summary>
    /// Sends <paramref name="request"/> with a fresh correlation id and this session's reply queue as
    /// ReplyTo, and waits for the message that answers it (same JMSCorrelationID) on that queue.
    /// </summary>
    public async Task<OpenWireMessage> RequestAsync(Destination destination, OpenWireMessage request, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(request);
        var wait = timeout ?? _connection.Options.RequestTimeout;
        await EnsureReplyQueueAsync(cancellationToken).ConfigureAwait(false);
        var correlationId = Guid.NewGuid().ToString("N");
        var tcs = new TaskCompletionSource<OpenWireMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _replies[correlationId] = tcs;
        try
        {
            request.CorrelationId = correlationId;
            request.ReplyTo = _replyQueue;
            await _requestProducer!.SendAsync(destination, request, persistent: false, cancellationToken).ConfigureAwait(false);
            return await tcs.Task.WaitAsync(wait, _connection.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new OpenWireException(OpenWireErrorKind.Timeout, $"no reply from {destination} within {wait}");
        }
        finally
        {
            _replies.TryRemove(correlationId, out _);
        }
    }

    private async Task EnsureReplyQueueAsync(CancellationToken cancellationToken)
    {
        if (_replyPump is not null)
        {
            return;
        }

        await _replyLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_replyPump is not null)
            {
                return;
            }

            _replyQueue ??= await CreateTemporaryQueueAsync(cancellationToken).ConfigureAwait(false);
            _requestProducer ??= await CreateProducerAsync(null, cancellationToken).ConfigureAwait(false);
            var consumer = await CreateConsumerAsync(_replyQueue, 100, null, cancellationToken).ConfigureAwait(false);
            _replyPump = Task.Run(() => PumpRepliesAsync(consumer), CancellationToken.None);
        }
        finally
        {
            _replyLock.Release();
        }
    }

    private async Task PumpRepliesAsync(OpenWireConsumer consumer)
    {
        try
        {
            await foreach (var reply in consumer.ReadAllAsync().ConfigureAwait(false))
            {
                if (AcknowledgeMode == AcknowledgeMode.Client)
                {
                    await consumer.AcknowledgeAsync(reply).ConfigureAwait(false);
                }

                if (reply.CorrelationId is { } id && _replies.TryGetValue(id, out var tcs))
                {
                    tcs.TrySetResult(reply);
                }
            }
        }
        catch (OpenWireException)
        {
            // The connection or consumer closed; pending requests time out or are cancelled.
        }
    }

    internal void Forget(OpenWireProducer producer) => _producers.TryRemove(producer.Id.Value, out _);

    internal void Forget(OpenWireConsumer consumer)
    {
        _consumers.TryRemove(consumer.Id.Value, out _);
        _connection.RemoveConsumer(consumer);
    }

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new OpenWireException(OpenWireErrorKind.InvalidOperation, "the session is closed");
        }
    }

    /// <summary>Closes the session's consumers and producers and removes the session at the broker.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var consumer in _consumers.Values)
        {
            await consumer.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var producer in _producers.Values)
        {
            await producer.DisposeAsync().ConfigureAwait(false);
        }

        _connection.RemoveSession(this);
        await _connection.RemoveAsync(Id, -1).ConfigureAwait(false);
        if (_replyPump is not null)
        {
            await _replyPump.ConfigureAwait(false);
        }
    }
}
