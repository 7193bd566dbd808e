using System.Runtime.CompilerServices;
using System.Threading.Channels;
using SiebelCti.OpenWire.Commands;
using SiebelCti.OpenWire.Session;

namespace SiebelCti.OpenWire;

/// <summary>
/// Receives the messages of one destination, in order. The broker's prefetch bounds what is
/// buffered here. Messages buffered when the transport is lost are discarded (the broker redelivers
/// them after the replay). In auto mode a message is acknowledged when it is taken; in client mode
/// <see cref="AcknowledgeAsync"/> acknowledges it and every earlier one of this consumer.
/// </summary>
public sealed class OpenWireConsumer : IAsyncDisposable, IRecorded
{
    private readonly OpenWireSession _session;
    private readonly Channel<(MessageDispatch Dispatch, long Generation)> _buffer =
        Channel.CreateUnbounded<(MessageDispatch, long)>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly Lock _lock = new();
    private readonly List<OpenWireMessage> _unacknowledged = [];
    private long _registered;
    private long _lastDeliveredSequence = -1;
    private int _disposed;

    internal OpenWireConsumer(OpenWireSession session, ConsumerId id, Destination destination, int prefetch, string? selector)
    {
        _session = session;
        Id = id;
        Destination = destination;
        Info = new ConsumerInfo
        {
            ConsumerId = id,
            Destination = destination.ToWire(),
            PrefetchSize = prefetch,
            DispatchAsync = true,
            Selector = selector,
        };
    }

    public Destination Destination { get; }

    internal ConsumerId Id { get; }

    internal ConsumerInfo Info { get; }

    bool IRecorded.MarkRegistered(long generation) => MarkRegistered(generation);

    internal bool MarkRegistered(long generation) => Interlocked.Exchange(ref _registered, generation) != generation;

    internal void Enqueue(MessageDispatch dispatch, long generation) => _buffer.Writer.TryWrite((dispatch, generation));

    internal void CompleteFromBroker(OpenWireException reason) => _buffer.Writer.TryComplete(reason);

    /// <summary>Waits for the next message. Throws when the consumer or connection closes.</summary>
    public async ValueTask<OpenWireMessage> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        var connection = _session.Connection;
        while (true)
        {
            (MessageDispatch dispatch, long generation) item;
            try
            {
                item = await _buffer.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ChannelClosedException e)
            {
                throw e.InnerException as OpenWireException ?? new OpenWireException(OpenWireErrorKind.ConnectionClosed, "the consumer is closed");
            }

            if (item.generation != connection.Generation || item.dispatch.Message is null)
            {
                continue; // delivered on a lost transport: the broker redelivers it
            }

            OpenWireMessage message;
            try
            {
                message = MessageMapper.FromWire(item.dispatch, connection.Options.MaxFrameSize);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Whatever a sender put in a message that cannot be read (a protocol error above all, but any other
                // failure of decoding too) is poison: acknowledged as such so that the broker does not hand it
                // to this consumer again, where it would fail again, forever.
                OpenWireLog.BadMessage(connection.Logger, item.dispatch.Message.MessageId?.ToJmsString(), e.Message);
                await AckAsync(item.dispatch, item.dispatch, 1, MessageAck.PoisonAck, item.generation, cancellationToken).ConfigureAwait(false);
                continue;
            }

            message.Generation = item.generation;
            Interlocked.Exchange(ref _lastDeliveredSequence, item.dispatch.Message.MessageId?.BrokerSequenceId ?? -1);
            if (_session.AcknowledgeMode == AcknowledgeMode.Auto)
            {
                await AckAsync(item.dispatch, item.dispatch, 1, MessageAck.StandardAck, item.generation, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                lock (_lock)
                {
                    _unacknowledged.Add(message);
                }
            }

            return message;
        }
    }

    /// <summary>Reads messages until the consumer closes or <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<OpenWireMessage> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            OpenWireMessage message;
            try
            {
                message = await ReceiveAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OpenWireException) when (_buffer.Reader.Completion.IsCompleted)
            {
                yield break;
            }

            yield return message;
        }
    }

    /// <summary>
    /// Client acknowledge: acknowledges <paramref name="message"/> and every message this consumer
    /// delivered before it. Messages delivered before a failover are not acknowledged (the broker
    /// redelivers them), so this call then does nothing for them.
    /// </summary>
    public async Task AcknowledgeAsync(OpenWireMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_session.AcknowledgeMode != AcknowledgeMode.Client)
        {
            throw new OpenWireException(OpenWireErrorKind.InvalidOperation, "AcknowledgeAsync is only for sessions in client acknowledge mode");
        }

        List<OpenWireMessage> range;
        lock (_lock)
        {
            var index = _unacknowledged.IndexOf(message);
            if (index < 0)
            {
                return;
            }

            range = _unacknowledged.GetRange(0, index + 1);
            _unacknowledged.RemoveRange(0, index + 1);
        }

        var current = range.Where(m => m.Generation == message.Generation).ToList();
        if (current.Count > 0)
        {
            await AckAsync(current[0].Dispatch!, message.Dispatch!, current.Count, MessageAck.StandardAck, message.Generation, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AckAsync(MessageDispatch first, MessageDispatch last, int count, byte type, long generation, CancellationToken cancellationToken)
    {
        var ack = new MessageAck
        {
            Destination = last.Destination,
            ConsumerId = Id,
            AckType = type,
            FirstMessageId = first.Message!.MessageId,
            LastMessageId = last.Message!.MessageId,
            MessageCount = count,
        };
        if (!await _session.Connection.TrySendAsync(ack, generation, cancellationToken).ConfigureAwait(false))
        {
            OpenWireLog.AckFailed(_session.Connection.Logger, $"{Id.ConnectionId}:{Id.SessionId}:{Id.Value}", OpenWireErrorCode.OpenWireConnectionClosed,
                "the transport that delivered the message is gone; the broker will redeliver it");
        }
    }

    /// <summary>Removes the consumer at the broker; unacknowledged messages are redelivered to others.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _session.Forget(this);
        _buffer.Writer.TryComplete();
        await _session.Connection.RemoveAsync(Id, Interlocked.Read(ref _lastDeliveredSequence)).ConfigureAwait(false);
    }
}
