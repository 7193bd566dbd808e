using SiebelCti.OpenWire.Commands;
using SiebelCti.OpenWire.Session;

namespace SiebelCti.OpenWire;

/// <summary>
/// Sends messages. Persistent sends wait for the broker's receipt, one at a time per producer (use
/// several producers for parallel persistent sends); non-persistent sends do not wait and may run
/// concurrently. All sends give up after SendTimeout.
/// </summary>
public sealed class OpenWireProducer : IAsyncDisposable, IRecorded
{
    private readonly OpenWireSession _session;
    private readonly SemaphoreSlim _persistentTurn = new(1, 1);
    private long _sequence;
    private long _registered;
    private int _disposed;

    internal OpenWireProducer(OpenWireSession session, ProducerId id, Destination? destination)
    {
        _session = session;
        Id = id;
        Destination = destination;
        Info = new ProducerInfo { ProducerId = id, Destination = destination?.ToWire() };
    }

    /// <summary>The destination this producer is bound to; null for an anonymous producer.</summary>
    public Destination? Destination { get; }

    internal ProducerId Id { get; }

    internal ProducerInfo Info { get; }

    bool IRecorded.MarkRegistered(long generation) => MarkRegistered(generation);

    internal bool MarkRegistered(long generation) => Interlocked.Exchange(ref _registered, generation) != generation;

    /// <summary>Sends to the producer's own destination.</summary>
    public Task SendAsync(OpenWireMessage message, bool persistent = true, CancellationToken cancellationToken = default) =>
        SendAsync(null, message, persistent, cancellationToken);

    /// <summary>
    /// Sends <paramref name="message"/> to <paramref name="destination"/> (or the producer's own). A
    /// persistent send completes when the broker has stored the message; during a failover reconnect
    /// it waits and is re-sent with the same message id (the broker drops duplicates). Throws a
    /// <see cref="OpenWireErrorKind.Timeout"/> exception after <see cref="OpenWireOptions.SendTimeout"/>.
    /// </summary>
    public async Task SendAsync(Destination? destination, OpenWireMessage message, bool persistent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new OpenWireException(OpenWireErrorKind.InvalidOperation, "the producer is closed");
        }

        var target = destination ?? Destination
            ?? throw new OpenWireException(OpenWireErrorKind.InvalidOperation, "an anonymous producer needs a destination for every send");
        if (Destination is not null && destination is not null && destination != Destination)
        {
            throw new OpenWireException(OpenWireErrorKind.InvalidOperation, $"this producer sends only to {Destination}");
        }

        if (!persistent)
        {
            // Not audited by the broker: concurrent non-persistent sends need no order.
            await SendNumberedAsync(target, message, persistent: false, cancellationToken).ConfigureAwait(false);
            return;
        }

        // One persistent send of a producer at a time, numbered inside the turn (as the Java client's
        // session does). On a connection that registered with FailoverReconnect the broker drops,
        // and acknowledges, any persistent message whose producer sequence is not above the last one
        // it stored or received from that producer; so persistent messages must reach it in sequence
        // order, and a resend after a failover must go before any newer message. Concurrent
        // persistent sends on one producer would reorder and lose messages after a failover.
        await _persistentTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await SendNumberedAsync(target, message, persistent: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _persistentTurn.Release();
        }
    }

    /// <summary>Gives the message the producer's next sequence number, sends it, and stamps its id and time.</summary>
    private async Task SendNumberedAsync(Destination target, OpenWireMessage message, bool persistent, CancellationToken cancellationToken)
    {
        var connection = _session.Connection;
        var now = connection.Time.GetUtcNow();
        var command = MessageMapper.ToWire(message, Id, Interlocked.Increment(ref _sequence), target, persistent, now.ToUnixTimeMilliseconds());
        await connection.SendMessageAsync(command, persistent, target, cancellationToken).ConfigureAwait(false);
        message.MessageId = command.MessageId!.ToJmsString();
        message.Timestamp = now;
    }

    /// <summary>Removes the producer at the broker.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _session.Forget(this);
        await _session.Connection.RemoveAsync(Id, -2).ConfigureAwait(false);
    }
}
