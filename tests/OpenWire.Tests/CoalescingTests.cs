using System.Globalization;
using SiebelCti.OpenWire.Commands;

namespace SiebelCti.OpenWire.Tests;

/// <summary>
/// Write coalescing of one-way frames (OpenWireTransport.Coalescing.cs) against the scripted broker,
/// which records every frame in the order it read it: nothing is left in the queue, order holds,
/// the queue is bounded, and a lost connection fails later sends as before. (Against the real
/// broker: tests/Integration.Tests/OpenWire/BrokerTests.cs.)
/// </summary>
public sealed class CoalescingTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static OpenWireOptions Options(string uri, int writeQueueCapacity = 1024) => new()
    {
        BrokerUri = uri,
        MaxInactivityDuration = TimeSpan.Zero, // no keep-alives: nothing but the test's sends writes
        WriteQueueCapacity = writeQueueCapacity,
        SendTimeout = Wait,
        RequestTimeout = Wait,
        ConnectTimeout = Wait,
    };

    /// <summary>A fake broker (no keep-alives) and one connection to it with one producer.</summary>
    private sealed class Rig : IAsyncDisposable
    {
        public required FakeBroker Broker { get; init; }

        public required OpenWireConnection Connection { get; init; }

        public required OpenWireProducer Producer { get; init; }

        public static async Task<Rig> StartAsync(string queue, CancellationToken ct, int writeQueueCapacity = 1024)
        {
            var broker = new FakeBroker();
            _ = broker.ServeAsync(maxInactivityMs: 0, ct);
            var connection = await OpenWireConnection.ConnectAsync(Options(broker.Uri, writeQueueCapacity), cancellationToken: ct);
            var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto, ct);
            var producer = await session.CreateProducerAsync(Destination.Queue(queue), ct);
            return new Rig { Broker = broker, Connection = connection, Producer = producer };
        }

        public async ValueTask DisposeAsync()
        {
            await Connection.DisposeAsync();
            await Broker.DisposeAsync();
        }
    }

    private static TextMessage Numbered(int i, string body = "x") => new(body) { Type = i.ToString(CultureInfo.InvariantCulture) };

    private static List<int> Numbers(FakeBroker broker) =>
        [.. broker.Received.OfType<MessageCommand>().Where(m => !m.Persistent).Select(m => int.Parse(m.Type!, CultureInfo.InvariantCulture))];

    private static async Task UntilAsync(Func<bool> condition, string what, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(Wait);
        while (!condition())
        {
            try
            {
                await Task.Delay(5, limit.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                Assert.Fail($"not within {Wait}: {what}");
            }
        }
    }

    [Fact]
    public async Task LoneNonPersistentSend_ReachesTheBrokerWithoutAnyFurtherSend()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = await Rig.StartAsync("lone", ct);
        var (broker, connection, producer) = (rig.Broker, rig.Connection, rig.Producer);

        var send = producer.SendAsync(Numbered(7), persistent: false, ct);

        Assert.True(send.IsCompletedSuccessfully, "a non-persistent send completes once its frame is queued");
        await UntilAsync(() => Numbers(broker).Count == 1, "the lone frame reaches the broker", ct);
        Assert.Equal([7], Numbers(broker));
    }

    [Fact]
    public async Task BackToBackNonPersistentSends_ArriveCompleteAndInOrder_AheadOfTheNextPersistentSend()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = await Rig.StartAsync("burst", ct);
        var (broker, connection, producer) = (rig.Broker, rig.Connection, rig.Producer);
        const int count = 5000;

        for (var i = 0; i < count; i++)
        {
            await producer.SendAsync(Numbered(i), persistent: false, ct);
        }

        // The broker answers a persistent send after it read every frame written before it.
        await producer.SendAsync(new TextMessage("fence") { Type = "fence" }, persistent: true, ct).WaitAsync(Wait, ct);

        var messages = broker.Received.OfType<MessageCommand>().ToList();
        Assert.Equal(count + 1, messages.Count);
        Assert.Equal(Enumerable.Range(0, count), Numbers(broker));
        Assert.Equal("fence", messages[^1].Type);
        Assert.Equal(Enumerable.Range(1, count + 1).Select(i => (long)i), messages.Select(m => m.MessageId!.ProducerSequenceId));
    }

    [Fact]
    public async Task ConcurrentNonPersistentSenders_EachProducersFramesArriveInItsOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var broker = new FakeBroker();
        _ = broker.ServeAsync(maxInactivityMs: 0, ct);
        await using var connection = await OpenWireConnection.ConnectAsync(Options(broker.Uri, writeQueueCapacity: 16), cancellationToken: ct);
        var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto, ct);
        var producers = new List<OpenWireProducer>();
        for (var p = 0; p < 4; p++)
        {
            producers.Add(await session.CreateProducerAsync(Destination.Queue($"concurrent.{p}"), ct));
        }

        const int each = 1000;
        await Task.WhenAll(producers.Select(p => Task.Run(async () =>
        {
            for (var i = 0; i < each; i++)
            {
                await p.SendAsync(Numbered(i), persistent: false, ct);
            }
        }, ct))).WaitAsync(Wait, ct);
        await producers[0].SendAsync(new TextMessage("fence"), persistent: true, ct).WaitAsync(Wait, ct);

        var byQueue = broker.Received.OfType<MessageCommand>().Where(m => !m.Persistent).GroupBy(m => m.Destination!.PhysicalName).ToList();
        Assert.Equal(4, byQueue.Count);
        Assert.All(byQueue, g => Assert.Equal(Enumerable.Range(0, each), g.Select(m => int.Parse(m.Type!, CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task BrokerStopsReading_SendersWaitAtTheQueueBound_ThenEveryFrameArrivesInOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        const int capacity = 8;
        await using var rig = await Rig.StartAsync("backpressure", ct, capacity);
        var (broker, connection, producer) = (rig.Broker, rig.Connection, rig.Producer);
        var body = new string('x', 64 * 1024);

        // What can be held while the broker does not read: the kernel's send and receive buffers
        // at their largest, the batch being written and the queue (each at most `capacity` frames).
        const int frame = 64 * 1024;
        var bound = (KernelBufferLimit("tcp_wmem") + KernelBufferLimit("tcp_rmem")) / frame + (2 * capacity) + 1;
        var total = (int)bound + 50;
        broker.PauseReading();
        var completed = 0;
        var sending = Task.Run(async () =>
        {
            for (var i = 0; i < total; i++)
            {
                await producer.SendAsync(Numbered(i, body), persistent: false, ct);
                Interlocked.Increment(ref completed);
            }
        }, ct);

        // A correct queue can never let all of them complete while nothing is read, however long we look.
        await Task.WhenAny(sending, Task.Delay(TimeSpan.FromSeconds(2), ct));
        Assert.False(sending.IsCompleted, $"all {total} sends completed while the broker read nothing: the queue is not bounded");
        Assert.InRange(Volatile.Read(ref completed), 1, bound);

        broker.ResumeReading();
        await sending.WaitAsync(Wait, ct);
        await producer.SendAsync(new TextMessage("fence"), persistent: true, ct).WaitAsync(Wait, ct);
        Assert.Equal(Enumerable.Range(0, total), Numbers(broker));
    }

    [Fact]
    public async Task ConnectionLostWhileSendingBackToBack_ConnectionFaultsAndLaterSendsFailAsBefore()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = await Rig.StartAsync("lost", ct);
        var (broker, connection, producer) = (rig.Broker, rig.Connection, rig.Producer);
        for (var i = 0; i < 100; i++)
        {
            await producer.SendAsync(Numbered(i), persistent: false, ct);
        }

        var faulted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.StateChanged += (_, e) =>
        {
            if (e.Current == OpenWireConnectionState.Faulted)
            {
                faulted.TrySetResult();
            }
        };

        broker.Abort();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(Wait);
        OpenWireException? failure = null;
        while (failure is null)
        {
            limit.Token.ThrowIfCancellationRequested();
            try
            {
                // Queued (at once) or failed; never waiting for a write that does not come.
                await producer.SendAsync(Numbered(-1), persistent: false, ct).WaitAsync(Wait, ct);
            }
            catch (OpenWireException e)
            {
                failure = e;
            }
        }

        Assert.NotNull(failure);
        Assert.Equal(OpenWireErrorKind.ConnectionClosed, failure.Kind);
        await faulted.Task.WaitAsync(Wait, ct);
        Assert.Equal(OpenWireConnectionState.Faulted, connection.State);
        var persistent = await Assert.ThrowsAsync<OpenWireException>(() => producer.SendAsync(Numbered(-2), persistent: true, ct)).WaitAsync(Wait, ct);
        Assert.Equal(OpenWireErrorKind.ConnectionClosed, persistent.Kind);
    }

    [Fact]
    public async Task FailoverWhileSendingBackToBack_NoSendFails_NextBrokerGetsTheReplayFirstThenTheRestInOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = new FakeBroker();
        await using var second = new FakeBroker();
        _ = first.ServeAsync(maxInactivityMs: 0, ct);
        _ = second.ServeAsync(maxInactivityMs: 0, ct);
        var uri = $"failover:({first.Uri},{second.Uri})?randomize=false&initialReconnectDelay=10&maxReconnectDelay=50";
        await using var connection = await OpenWireConnection.ConnectAsync(Options(uri), cancellationToken: ct);
        var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto, ct);
        var producer = await session.CreateProducerAsync(Destination.Queue("failover"), ct);
        const int before = 200, after = 500;
        for (var i = 0; i < before; i++)
        {
            await producer.SendAsync(Numbered(i), persistent: false, ct);
        }

        first.Abort();
        await first.DisposeAsync(); // no reconnect to it: its port refuses from now on

        // Sends complete once queued (or wait for the reconnect); none fails. Send until the
        // producer is registered on the second broker, then some more.
        var next = before;
        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            limit.CancelAfter(Wait);
            while (!second.Received.OfType<ProducerInfo>().Any())
            {
                await producer.SendAsync(Numbered(next++), persistent: false, ct).WaitAsync(limit.Token);
                await Task.Yield();
            }
        }

        var total = next + after;
        while (next < total)
        {
            await producer.SendAsync(Numbered(next++), persistent: false, ct).WaitAsync(Wait, ct);
        }

        await producer.SendAsync(new TextMessage("fence"), persistent: true, ct).WaitAsync(Wait, ct);

        // Replayed intent before any message on the new transport.
        var commands = second.Received.OfType<Command>().ToList();
        var firstMessage = commands.FindIndex(c => c is MessageCommand);
        Assert.Contains(commands.Take(firstMessage), c => c is ConnectionInfo);
        Assert.Contains(commands.Take(firstMessage), c => c is ProducerInfo);

        // Non-persistent frames queued on the lost transport are lost with it (no receipt, as
        // before); after it nothing is lost: the new broker gets a contiguous, ordered tail.
        var onFirst = Numbers(first);
        var onSecond = Numbers(second);
        Assert.Equal(Enumerable.Range(0, onFirst.Count), onFirst);
        Assert.True(onSecond.Count >= after, $"only {onSecond.Count} frames reached the second broker");
        Assert.Equal(Enumerable.Range(onSecond[0], total - onSecond[0]), onSecond);
        Assert.True(onSecond[0] >= onFirst.Count, "a frame reached both brokers");
    }

    /// <summary>The largest buffer the kernel may give a TCP socket (the third number of net.ipv4.tcp_wmem / tcp_rmem).</summary>
    private static long KernelBufferLimit(string name)
    {
        try
        {
            var fields = File.ReadAllText($"/proc/sys/net/ipv4/{name}").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return long.Parse(fields[2], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 32L << 20; // not Linux: generous
        }
    }
}
