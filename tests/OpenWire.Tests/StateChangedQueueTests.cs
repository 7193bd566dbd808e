using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SiebelCti.OpenWire.Tests;

/// <summary>The StateChanged queue is bounded: a handler that blocks loses later changes (logged), never grows memory.</summary>
public sealed class StateChangedQueueTests
{
    [Fact]
    public async Task A_blocked_StateChanged_handler_gets_the_first_64_waiting_changes_and_the_rest_are_logged_not_queued()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var broker = new FakeBroker();
        _ = broker.ServeAsync(null, ct);
        using var logs = new CapturingLoggerFactory();
        await using var connection = await OpenWireConnection.ConnectAsync(new OpenWireOptions { BrokerUri = broker.Uri }, logs, null, ct);
        var gate = new ManualResetEventSlim(false);
        var block = false;
        var seen = new ConcurrentQueue<OpenWireConnectionState>();
        var blocked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.StateChanged += (_, e) =>
        {
            seen.Enqueue(e.Current);
            if (Volatile.Read(ref block))
            {
                blocked.TrySetResult();
                gate.Wait(TimeSpan.FromSeconds(30));
            }
        };

        // Everything before is delivered once this change is seen; from then on the handler blocks.
        connection.SetState(OpenWireConnectionState.Reconnecting, null, null);
        while (!seen.Contains(OpenWireConnectionState.Reconnecting))
        {
            await Task.Delay(10, ct);
        }

        seen.Clear();
        Volatile.Write(ref block, true);

        // The first change is taken by the handler, which blocks; 64 more wait; the other 35 are dropped.
        connection.SetState(OpenWireConnectionState.Open, null, null);
        await blocked.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        for (var i = 1; i < 100; i++)
        {
            connection.SetState(i % 2 == 1 ? OpenWireConnectionState.Reconnecting : OpenWireConnectionState.Open, null, null);
        }

        Assert.Equal(100 - 1 - OpenWireConnection.MaxQueuedStateChanges, logs.Ids.Count(id => id == OpenWireEventIds.OpenWireStateChangeDropped));
        Assert.Equal(OpenWireConnectionState.Reconnecting, connection.State); // current even when not delivered

        gate.Set();
        while (seen.Count < 1 + OpenWireConnection.MaxQueuedStateChanges)
        {
            await Task.Delay(10, ct);
        }

        await Task.Delay(50, ct);
        Assert.Equal(1 + OpenWireConnection.MaxQueuedStateChanges, seen.Count);
    }

    private sealed class CapturingLoggerFactory : ILoggerFactory, ILogger
    {
        public ConcurrentQueue<int> Ids { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Ids.Enqueue(eventId.Id);

        public void Dispose()
        {
        }
    }
}
