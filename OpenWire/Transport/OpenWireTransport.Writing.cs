using System.Net.Sockets;
using SiebelCti.OpenWire.Codec;
using SiebelCti.OpenWire.Commands;

namespace SiebelCti.OpenWire.Transport;

/// <content>
/// The writer. Frames are encoded straight into <see cref="_queued"/> (a pooled buffer) under
/// <see cref="_writeGate"/>; whoever holds the writer role swaps the buffer with
/// <see cref="_inFlight"/> and puts it on the socket, repeating until nothing is queued. A request
/// (a frame whose response is awaited) takes the role on its caller's thread when no write is in
/// progress; one-way frames are coalesced (OpenWireTransport.Coalescing.cs). Only the buffer swap
/// happens under the lock, never socket I/O.
/// </content>
internal sealed partial class OpenWireTransport
{
    // Most the reader thread writes itself (the kernel takes that much at once when poll() says writable).
    private const int ReaderWriteLimit = 16 * 1024;

    private readonly Lock _writeGate = new();
    private PooledBufferWriter _queued = new();
    private PooledBufferWriter _inFlight = new();
    private int _queuedFrames;
    private bool _writing;
    private bool _writesClosed;
    private TaskCompletionSource? _room;
    private TaskCompletionSource? _idle;

    /// <summary>
    /// Writes a request frame. The caller becomes the writer when no write is in progress (taking
    /// over a scheduled flush, so coalesced frames ahead of it go out in the same write); otherwise
    /// the writer in progress takes it with its next batch.
    /// </summary>
    private ValueTask WriteAsync(Command command, int commandId, CancellationToken cancellationToken)
    {
        lock (_writeGate)
        {
            if (_writesClosed)
            {
                throw ClosedForWrites();
            }

            if (_writing && !_flushScheduled && IsFull)
            {
                return WaitForRoomThenWriteAsync(command, commandId, cancellationToken);
            }

            Encode(command, commandId, responseRequired: true);
            if (_writing && !_flushScheduled)
            {
                return ValueTask.CompletedTask; // the writer in progress takes it with its next batch
            }

            if (Thread.CurrentThread == _reader && _flushScheduled)
            {
                return ValueTask.CompletedTask; // the scheduled flush takes it; the reader never writes a batch it did not check
            }

            _writing = true;
            _flushScheduled = false; // taken over: a scheduled flush that runs later finds nothing to do
        }

        if (Thread.CurrentThread == _reader)
        {
            // A sender's continuation on the reader thread (after its response): write here only if
            // the socket can take the batch at once. A reader blocked in send() would stop reading,
            // and a broker blocked writing to us would stop reading too.
            if (!CanWriteWithoutBlocking())
            {
                HandOverToScheduledFlush();
                return ValueTask.CompletedTask;
            }
        }

        return FlushAsync();
    }

    private bool CanWriteWithoutBlocking()
    {
        lock (_writeGate)
        {
            if (_queued.WrittenCount > ReaderWriteLimit)
            {
                return false;
            }
        }

        try
        {
            return _socket.Poll(0, SelectMode.SelectWrite);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return false; // the flush on the pool reports it
        }
    }

    private async ValueTask WaitForRoomThenWriteAsync(Command command, int commandId, CancellationToken cancellationToken)
    {
        await WaitForRoomAsync(scheduledCounts: false, cancellationToken).ConfigureAwait(false);
        await WriteAsync(command, commandId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Encodes into the queued buffer (the caller holds the gate); a refused frame leaves nothing behind.</summary>
    private void Encode(Command command, int commandId, bool responseRequired)
    {
        var start = _queued.WrittenCount;
        int length;
        try
        {
            length = OpenWireCodec.WriteFrame(_queued, command, commandId, responseRequired, _tight);
        }
        catch (OpenWireProtocolException e)
        {
            throw new OpenWireException(OpenWireErrorKind.InvalidOperation, e.Message);
        }

        if (SendFrameLimit > 0 && length - 4 > SendFrameLimit)
        {
            _queued.Truncate(start);
            throw new OpenWireException(OpenWireErrorKind.InvalidOperation,
                $"a {command.GetType().Name} of {length - 4} bytes exceeds the frame limit of {SendFrameLimit} bytes");
        }

        _queuedFrames++;
        if (_trace)
        {
            OpenWireLog.FrameSent(_logger, _endpoint.ToString(), command with { CommandId = commandId, ResponseRequired = responseRequired });
        }
    }

    /// <summary>Runs by the one caller that holds the writer role: writes batches until none is queued.</summary>
    private ValueTask FlushAsync()
    {
        try
        {
            Flush();
            return ValueTask.CompletedTask;
        }
        catch (OpenWireException e)
        {
            return ValueTask.FromException(e);
        }
    }

    private void Flush()
    {
        try
        {
            while (true)
            {
                PooledBufferWriter batch;
                TaskCompletionSource? room;
                lock (_writeGate)
                {
                    if (_queued.WrittenCount == 0 || _fault is not null)
                    {
                        _writing = false;
                        _idle?.TrySetResult();
                        return;
                    }

                    batch = _queued;
                    _queued = _inFlight;
                    _inFlight = batch;
                    _queuedFrames = 0;
                    room = _room;
                    _room = null;
                }

                room?.TrySetResult();

                // A blocking write on the writer's own thread: it returns at once while the socket
                // has room, and blocks (backpressure) only while the broker is not reading.
                _stream.Write(batch.WrittenSpan);
                Volatile.Write(ref _lastWrite, _time.GetTimestamp());
                batch.Reset();
            }
        }
        catch (Exception e)
        {
            lock (_writeGate)
            {
                _writing = false;
                _idle?.TrySetResult();
            }

            if (e is IOException or SocketException or ObjectDisposedException)
            {
                throw Fault(new OpenWireException(OpenWireErrorKind.ConnectionClosed, $"connection to {_endpoint} lost while writing: {e.Message}", e));
            }

            OpenWireLog.LoopFailed(_logger, e, "write", _endpoint.ToString());
            throw Fault(new OpenWireException(OpenWireErrorKind.ConnectionClosed, $"writing to {_endpoint} failed: {e.Message}", e));
        }
    }

    /// <summary>Refuses new frames; the returned task completes when the write in progress (if any) has finished.</summary>
    private Task CloseWrites()
    {
        TaskCompletionSource? room;
        Task idle;
        lock (_writeGate)
        {
            _writesClosed = true;
            room = _room;
            _room = null;
            if (_writing)
            {
                _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                idle = _idle.Task;
            }
            else
            {
                idle = Task.CompletedTask;
            }
        }

        room?.TrySetResult();
        return idle;
    }

    /// <summary>Gives the write buffers back to the pool once no write can use them any more.</summary>
    private void ReleaseWriteBuffers()
    {
        lock (_writeGate)
        {
            if (_writing)
            {
                return; // a stuck write still holds one; the collector takes them
            }

            _queued.Dispose();
            _inFlight.Dispose();
        }
    }

    private OpenWireException ClosedForWrites() =>
        _fault ?? new OpenWireException(OpenWireErrorKind.ConnectionClosed, $"the connection to {_endpoint} is closed");
}
