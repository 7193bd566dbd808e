using System.Threading.Tasks.Sources;
using SiebelCti.OpenWire.Commands;

namespace SiebelCti.OpenWire.Transport;

/// <content>
/// Requests awaiting a response. Each is a pooled <see cref="PendingRequest"/> in
/// <see cref="_pending"/>; whoever removes it from the table (the reader with the response, the
/// deadline sweep, a cancellation, <see cref="Fault"/>) completes it, so it completes exactly once.
/// One timer serves every deadline: it is armed for the earliest one and re-armed by each sweep.
/// </content>
internal sealed partial class OpenWireTransport
{
    private readonly ITimer _sweeper;
    private readonly Lock _sweepGate = new();
    private readonly PendingRequest?[] _free = new PendingRequest?[32];
    private int _freeCount;
    private long _sweepDue = long.MaxValue;

    /// <summary>Sends a command that requires a response and waits for it, bounded only by <paramref name="cancellationToken"/>.</summary>
    public Task<Response> RequestAsync(Command command, CancellationToken cancellationToken) =>
        RequestAsync(command, Timeout.InfiniteTimeSpan, cancellationToken).AsTask();

    /// <summary>
    /// Sends a command that requires a response and waits for it. An ExceptionResponse becomes a
    /// BrokerError (or NotAuthorized) exception; no response within <paramref name="timeout"/> a
    /// Timeout exception; the loss of the transport its fault.
    /// </summary>
    public ValueTask<Response> RequestAsync(Command command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var request = Rent();
        var id = NextCommandId();
        var version = request.Start(id, timeout, timeout == Timeout.InfiniteTimeSpan ? long.MaxValue : Deadline(timeout));
        _pending[id] = request;
        if (Volatile.Read(ref _fault) is { } fault)
        {
            Complete(id, request, fault);
            return new ValueTask<Response>(request, version);
        }

        ArmSweep(request.Deadline);
        if (cancellationToken.CanBeCanceled)
        {
            request.Registration = cancellationToken.UnsafeRegister(static (s, token) =>
            {
                var r = (PendingRequest)s!;
                r.Owner.Complete(r.CommandId, r, new OperationCanceledException(token));
            }, request);
        }

        ValueTask write;
        try
        {
            write = WriteAsync(command, id, cancellationToken);
        }
        catch (Exception e)
        {
            Complete(id, request, e);
            return new ValueTask<Response>(request, version);
        }

        if (write.IsCompletedSuccessfully)
        {
            return new ValueTask<Response>(request, version);
        }

        return AwaitWriteThenResponseAsync(write, id, request, version);
    }

    private async ValueTask<Response> AwaitWriteThenResponseAsync(ValueTask write, int id, PendingRequest request, short version)
    {
        try
        {
            await write.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Complete(id, request, e);
        }

        return await new ValueTask<Response>(request, version).ConfigureAwait(false);
    }

    /// <summary>Completes a request if it is still pending under <paramref name="id"/> (false: someone else did).</summary>
    private bool Complete(int id, PendingRequest request, Exception error)
    {
        if (!_pending.TryRemove(new KeyValuePair<int, PendingRequest>(id, request)))
        {
            return false;
        }

        request.SetException(error);
        return true;
    }

    /// <summary>A response from the reader thread: the waiting sender continues on this thread.</summary>
    private void CompleteResponse(Response response)
    {
        if (!_pending.TryRemove(response.CorrelationId, out var request))
        {
            return; // its sender gave up (timeout, cancellation) or it was never ours
        }

        if (response is ExceptionResponse error)
        {
            request.SetException(OpenWireException.Refused(error.Exception?.ExceptionClass, error.Exception?.Message));
        }
        else
        {
            request.SetResult(response);
        }
    }

    private void FailAllPending(OpenWireException cause)
    {
        foreach (var (id, request) in _pending)
        {
            Complete(id, request, cause);
        }
    }

    private long Deadline(TimeSpan timeout) =>
        _time.GetTimestamp() + (long)Math.Min(timeout.TotalSeconds * _time.TimestampFrequency, long.MaxValue / 4);

    private void ArmSweep(long deadline)
    {
        if (deadline >= Volatile.Read(ref _sweepDue))
        {
            return; // the timer fires earlier and re-arms for this one
        }

        lock (_sweepGate)
        {
            if (deadline >= _sweepDue || _fault is not null)
            {
                return;
            }

            _sweepDue = deadline;
            var now = _time.GetTimestamp();
            var due = deadline <= now ? TimeSpan.Zero : _time.GetElapsedTime(now, deadline) + TimeSpan.FromMilliseconds(1);
            _sweeper.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The one deadline mechanism: fails every request past its deadline and re-arms for the next.</summary>
    private void Sweep()
    {
        lock (_sweepGate)
        {
            _sweepDue = long.MaxValue;
        }

        var now = _time.GetTimestamp();
        var next = long.MaxValue;
        foreach (var (id, request) in _pending)
        {
            var deadline = request.Deadline;
            if (deadline <= now)
            {
                Complete(id, request, new OpenWireException(OpenWireErrorKind.Timeout,
                    $"{_endpoint} did not answer command {id} within {request.Timeout}"));
            }
            else
            {
                next = Math.Min(next, deadline);
            }
        }

        if (next != long.MaxValue)
        {
            ArmSweep(next);
        }
    }

    private PendingRequest Rent()
    {
        lock (_free)
        {
            if (_freeCount > 0)
            {
                var request = _free[--_freeCount]!;
                _free[_freeCount] = null;
                return request;
            }
        }

        return new PendingRequest(this);
    }

    private void Return(PendingRequest request)
    {
        lock (_free)
        {
            if (_freeCount < _free.Length)
            {
                _free[_freeCount++] = request;
            }
        }
    }

    /// <summary>
    /// One request awaiting its response: a reusable value-task source. Continuations run where it
    /// is completed (normally the reader thread), not queued to the thread pool.
    /// </summary>
    private sealed class PendingRequest(OpenWireTransport owner) : IValueTaskSource<Response>
    {
        private ManualResetValueTaskSourceCore<Response> _core = new() { RunContinuationsAsynchronously = false };

        public OpenWireTransport Owner { get; } = owner;

        public int CommandId { get; private set; }

        public long Deadline { get; private set; }

        public TimeSpan Timeout { get; private set; }

        public CancellationTokenRegistration Registration { get; set; }

        public short Start(int commandId, TimeSpan timeout, long deadline)
        {
            CommandId = commandId;
            Timeout = timeout;
            Deadline = deadline;
            return _core.Version;
        }

        public void SetResult(Response response) => _core.SetResult(response);

        public void SetException(Exception error) => _core.SetException(error);

        public Response GetResult(short token)
        {
            try
            {
                return _core.GetResult(token);
            }
            finally
            {
                // Waits for a cancellation callback running on another thread; never for one on this thread.
                Registration.Dispose();
                Registration = default;
                Deadline = long.MaxValue;
                _core.Reset();
                Owner.Return(this);
            }
        }

        public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

        public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
            _core.OnCompleted(continuation, state, token, flags);
    }
}
