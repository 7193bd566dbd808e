using SiebelCti.OpenWire.Commands;

namespace SiebelCti.OpenWire.Transport;

/// <content>
/// Write coalescing for one-way frames (non-persistent messages, acknowledgements, keep-alives,
/// ShutdownInfo). A one-way send completes once its frame is encoded into <see cref="_queued"/>; it
/// never writes on the caller's thread. If no write is in progress, it schedules one flush on the
/// thread pool (at most one is queued per transport); frames added before that flush runs, or
/// while it writes, go out with it in one write, and it writes until nothing is queued. So a caller
/// sending back to back pays one encode per frame and one socket write per batch, and a lone
/// frame is written as soon as the pool runs the flush, without waiting for another send or for
/// any timer. A request caller that finds a flush scheduled but not started takes the writer role
/// itself and writes the queued frames and its own in one write (OpenWireTransport.Writing.cs).
/// </content>
/// <remarks>
/// <para>Bounded: while <see cref="OpenWireOptions.WriteQueueCapacity"/> frames or
/// <see cref="QueuedBytesLimit"/> bytes are queued behind a write in progress (or a scheduled
/// flush), further senders wait until the writer takes the batch (backpressure); a single frame
/// larger than the limit is admitted into an empty queue.</para>
/// <para>Loss: a one-way frame has no receipt. If the connection is lost before the flush that holds
/// it has been written, it is lost with the connection, exactly like a frame the kernel had
/// accepted but not delivered; the flush's failure faults the transport, so every later send fails
/// (or, on a failover URI, waits for the reconnect and is sent on the next transport).</para>
/// </remarks>
internal sealed partial class OpenWireTransport
{
    /// <summary>Bytes that may wait behind a write in progress (the pooled buffer keeps up to this much between writes).</summary>
    internal const int QueuedBytesLimit = 1 << 20;

    // The writer role is held by a flush scheduled on the pool that has not started yet.
    private bool _flushScheduled;

    // A flush work item is in the pool's queue (it may find nothing to do: taken over meanwhile).
    private bool _flushQueued;

    private bool IsFull => _queuedFrames >= _settings.WriteQueueCapacity || _queued.WrittenCount >= QueuedBytesLimit;

    /// <summary>
    /// Sends a one-way command: completes when its frame is in the write queue, which a write in
    /// progress or a flush scheduled now puts on the socket. Waits only while the queue is full.
    /// </summary>
    public ValueTask SendAsync(Command command, CancellationToken cancellationToken)
    {
        bool queue;
        lock (_writeGate)
        {
            if (_writesClosed)
            {
                throw ClosedForWrites();
            }

            if (_writing && IsFull)
            {
                return WaitForRoomThenSendAsync(command, cancellationToken);
            }

            Encode(command, NextCommandId(), responseRequired: false);
            if (_writing)
            {
                return ValueTask.CompletedTask; // the writer in progress, or the scheduled flush, takes it
            }

            _writing = true;
            queue = ScheduleFlush();
        }

        if (queue)
        {
            QueueFlush();
        }

        return ValueTask.CompletedTask;
    }

    private async ValueTask WaitForRoomThenSendAsync(Command command, CancellationToken cancellationToken)
    {
        await WaitForRoomAsync(scheduledCounts: true, cancellationToken).ConfigureAwait(false);
        await SendAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits until the queue has room or no write holds it. <paramref name="scheduledCounts"/>: whether a
    /// flush scheduled but not started makes the caller wait (a request caller takes it over instead).
    /// </summary>
    private async ValueTask WaitForRoomAsync(bool scheduledCounts, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task room;
            lock (_writeGate)
            {
                if (_writesClosed)
                {
                    throw ClosedForWrites();
                }

                if (!_writing || (_flushScheduled && !scheduledCounts) || !IsFull)
                {
                    return;
                }

                _room ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                room = _room.Task;
            }

            await room.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Queues a frame from the reader thread or the monitor (keep-alives): never writes on the calling thread.</summary>
    private void Post(Command command)
    {
        bool queue;
        lock (_writeGate)
        {
            if (_writesClosed)
            {
                return;
            }

            Encode(command, NextCommandId(), responseRequired: false);
            if (_writing)
            {
                return;
            }

            _writing = true;
            queue = ScheduleFlush();
        }

        if (queue)
        {
            QueueFlush();
        }
    }

    /// <summary>The writer role, held by the caller (reader thread), goes to a flush on the pool.</summary>
    private void HandOverToScheduledFlush()
    {
        bool queue;
        lock (_writeGate)
        {
            queue = ScheduleFlush();
        }

        if (queue)
        {
            QueueFlush();
        }
    }

    /// <summary>Gives the writer role (held by the caller, under the gate) to a pooled flush; true if a work item must be queued.</summary>
    private bool ScheduleFlush()
    {
        _flushScheduled = true;
        if (_flushQueued)
        {
            return false; // the work item in the queue has not looked yet: it takes this flush
        }

        _flushQueued = true;
        return true;
    }

    private void QueueFlush() =>
        ThreadPool.UnsafeQueueUserWorkItem(static t => t.RunScheduledFlush(), this, preferLocal: false);

    private void RunScheduledFlush()
    {
        lock (_writeGate)
        {
            _flushQueued = false;
            if (!_flushScheduled)
            {
                return; // a request caller took the writer role and wrote the queue itself
            }

            _flushScheduled = false;
        }

        try
        {
            Flush();
        }
        catch (OpenWireException)
        {
            // Recorded by Fault: later senders get it; the requests waiting on this transport have been failed.
        }
    }
}
