using System.Collections.Concurrent;
using System.Diagnostics;
using SiebelCti.OpenWire;

namespace SiebelCti.Integration.Tests.OpenWire;

/// <summary>
/// Restarts the real broker (scripts/activemq.sh stop/start with this worktree's SIEBELCTI_* env)
/// in the middle of persistent traffic over a failover URI: no message is lost, the consumer
/// survives through the recorded-intent replay, and the state events show the reconnect.
/// </summary>
[Collection(BrokerRestartCollection.Name)]
public sealed class BrokerRestartTests
{
    internal static async Task ActiveMqAsync(string verb, CancellationToken ct)
    {
        var root = Environment.GetEnvironmentVariable("SIEBELCTI_ROOT")
            ?? throw new InvalidOperationException("SIEBELCTI_ROOT is not set: run through 'bash scripts/test.sh'.");
        using var process = Process.Start(new ProcessStartInfo("bash", ["scripts/activemq.sh", verb]) { WorkingDirectory = root })!;
        await process.WaitForExitAsync(ct);
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public async Task BrokerRestart_DuringPersistentSends_NoMessageLostAndConsumerResumes()
    {
        var ct = TestContext.Current.CancellationToken;
        var uri = $"failover:(tcp://{TestServices.Host}:{TestServices.ActiveMqPort})?initialReconnectDelay=100&maxReconnectDelay=1000";
        var options = BrokerTests.Options(uri) with { SendTimeout = TimeSpan.FromSeconds(90), RequestTimeout = TimeSpan.FromSeconds(30) };
        await using var connection = await OpenWireConnection.ConnectAsync(options, cancellationToken: ct);
        var states = new List<OpenWireConnectionState>();
        connection.StateChanged += (_, e) =>
        {
            lock (states)
            {
                states.Add(e.Current);
            }
        };
        var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto, ct);
        var queue = Destination.Queue($"test.restart.{Guid.NewGuid():N}");
        var consumer = await session.CreateConsumerAsync(queue, 10, cancellationToken: ct);
        var producer = await session.CreateProducerAsync(queue, ct);
        const int total = 60;
        var received = new HashSet<int>();
        var allReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = Task.Run(async () =>
        {
            await foreach (var m in consumer.ReadAllAsync(ct))
            {
                lock (received)
                {
                    received.Add(m.Properties.Get<int>("n"));
                    if (received.Count == total)
                    {
                        allReceived.TrySetResult();
                        return;
                    }
                }
            }
        }, ct);

        for (var n = 0; n < total; n++)
        {
            if (n == total / 3)
            {
                await ActiveMqAsync("stop", ct);
                var restart = Task.Run(() => ActiveMqAsync("start", ct), ct);
                var message = new TextMessage($"message {n}");
                message.Properties.Set("n", n);
                await producer.SendAsync(message, persistent: true, ct); // waits for the reconnect
                await restart;
                continue;
            }

            var m = new TextMessage($"message {n}");
            m.Properties.Set("n", n);
            await producer.SendAsync(m, persistent: true, ct);
        }

        await allReceived.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
        Assert.Equal(Enumerable.Range(0, total), received.Order());
        lock (states)
        {
            Assert.Contains(OpenWireConnectionState.Reconnecting, states);
        }

        Assert.Equal(OpenWireConnectionState.Open, connection.State);
        await reader;
    }

    [Fact]
    public async Task BrokerRestart_During32ConcurrentSenders_EverySendCompletesAndNoMessageIsLost()
    {
        var ct = TestContext.Current.CancellationToken;
        var uri = $"failover:(tcp://{TestServices.Host}:{TestServices.ActiveMqPort})?initialReconnectDelay=100&maxReconnectDelay=1000";
        var options = BrokerTests.Options(uri) with { SendTimeout = TimeSpan.FromSeconds(90), RequestTimeout = TimeSpan.FromSeconds(30) };
        await using var connection = await OpenWireConnection.ConnectAsync(options, cancellationToken: ct);
        var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto, ct);
        var queue = Destination.Queue($"test.restart32.{Guid.NewGuid():N}");
        var producer = await session.CreateProducerAsync(queue, ct);
        const int callers = 32;
        var next = 0;
        var sent = new ConcurrentBag<int>();
        var warm = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var restarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reconnected = false;
        connection.StateChanged += (_, e) => reconnected |= e.Current == OpenWireConnectionState.Reconnecting;

        // 32 callers share one producer and one transport: they contend for the writer, and each
        // has a send in flight (written, or queued behind another caller's write) when the broker
        // goes away. Each keeps sending until it has completed 5 sends after the restart.
        var senders = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            var afterRestart = 0;
            while (afterRestart < 5)
            {
                var wasRestarted = restarted.Task.IsCompleted;
                var n = Interlocked.Increment(ref next);
                var m = new TextMessage($"message {n}");
                m.Properties.Set("n", n);
                await producer.SendAsync(m, persistent: true, ct);
                sent.Add(n);
                if (sent.Count >= 200)
                {
                    warm.TrySetResult();
                }

                afterRestart += wasRestarted ? 1 : 0;
            }
        }, ct)).ToArray();

        await warm.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
        await ActiveMqAsync("stop", ct);
        await ActiveMqAsync("start", ct);
        restarted.SetResult();
        await Task.WhenAll(senders).WaitAsync(TimeSpan.FromSeconds(120), ct);
        Assert.True(reconnected, "the connection never saw the broker go away");
        Assert.Equal(OpenWireConnectionState.Open, connection.State);
        Assert.Equal(Volatile.Read(ref next), sent.Count); // every send that started completed

        // Every completed send is in the queue after the restart: read them back on a fresh consumer.
        var consumer = await session.CreateConsumerAsync(queue, 100, cancellationToken: ct);
        var received = new HashSet<int>();
        using var drained = CancellationTokenSource.CreateLinkedTokenSource(ct);
        drained.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            while (received.Count < sent.Count)
            {
                var m = await consumer.ReceiveAsync(drained.Token);
                received.Add(m.Properties.Get<int>("n"));
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Reported below: which sends the queue does not hold.
        }

        Assert.Equal(sent.Order(), received.Order());
    }

    [Fact]
    public async Task SendAsync_BrokerDownLongerThanSendTimeout_FailsWithTimeoutKind()
    {
        var ct = TestContext.Current.CancellationToken;
        var uri = $"failover:(tcp://{TestServices.Host}:{TestServices.ActiveMqPort})?initialReconnectDelay=100&maxReconnectDelay=500";
        var options = BrokerTests.Options(uri) with { SendTimeout = TimeSpan.FromSeconds(2) };
        await using var connection = await OpenWireConnection.ConnectAsync(options, cancellationToken: ct);
        var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto, ct);
        var producer = await session.CreateProducerAsync(Destination.Queue("test.sendtimeout"), ct);
        await ActiveMqAsync("stop", ct);
        try
        {
            var e = await Assert.ThrowsAsync<OpenWireException>(() => producer.SendAsync(new TextMessage("x"), true, ct)).WaitAsync(TimeSpan.FromSeconds(30), ct);
            Assert.Equal(OpenWireErrorKind.Timeout, e.Kind);
        }
        finally
        {
            await ActiveMqAsync("start", ct);
        }
    }
}
