using Microsoft.Extensions.Time.Testing;
using SiebelCti.Connector.Engine.Monitoring;

namespace SiebelCti.Connector.Core.Tests.Monitoring;

public sealed class ConnectorMetricsTests
{
    private static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void GetSnapshot_NothingRecorded_AllZero()
    {
        var metrics = new ConnectorMetrics(NewClock());

        var snapshot = metrics.GetSnapshot();

        Assert.Equal(0, snapshot.Rates.TotalIn);
        Assert.Equal(0, snapshot.Rates.InPerSecond);
        Assert.Equal(0, snapshot.Latency.Count);
        Assert.Equal(0, snapshot.Latency.P99Ms);
        Assert.Empty(snapshot.RequestsByType);
        Assert.Empty(snapshot.RecentErrors);
    }

    [Fact]
    public void Rates_AverageCompleteSecondsOfTheWindow()
    {
        var clock = NewClock();
        var metrics = new ConnectorMetrics(clock, latencyWindowSeconds: 60, rateWindowSeconds: 10);
        clock.Advance(TimeSpan.FromSeconds(30));

        // 10 complete seconds with 1..10 messages in and twice that out: 55 in, 110 out.
        for (var second = 1; second <= 10; second++)
        {
            for (var i = 0; i < second; i++)
            {
                metrics.RecordMessageIn();
                metrics.RecordMessageOut();
                metrics.RecordMessageOut();
            }

            clock.Advance(TimeSpan.FromSeconds(1));
        }

        // The second in progress does not count.
        for (var i = 0; i < 1000; i++)
        {
            metrics.RecordMessageIn();
        }

        var rates = metrics.GetSnapshot().Rates;
        Assert.Equal(5.5, rates.InPerSecond, 6);
        Assert.Equal(11.0, rates.OutPerSecond, 6);
        Assert.Equal(1055, rates.TotalIn);
        Assert.Equal(110, rates.TotalOut);
        Assert.Equal(10, rates.WindowSeconds);
    }

    [Fact]
    public void Rates_RollOverTheWindow_OldSecondsDropOut()
    {
        var clock = NewClock();
        var metrics = new ConnectorMetrics(clock, latencyWindowSeconds: 60, rateWindowSeconds: 10);
        clock.Advance(TimeSpan.FromSeconds(100));
        for (var i = 0; i < 100; i++)
        {
            metrics.RecordMessageIn();
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(10.0, metrics.GetSnapshot().Rates.InPerSecond, 6);

        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(10.0, metrics.GetSnapshot().Rates.InPerSecond, 6);

        clock.Advance(TimeSpan.FromSeconds(1));
        var rates = metrics.GetSnapshot().Rates;
        Assert.Equal(0.0, rates.InPerSecond, 6);
        Assert.Equal(100, rates.TotalIn);
    }

    [Fact]
    public void Rates_RingSlotReusedAfterAFullLap_OldCountsCleared()
    {
        var clock = NewClock();
        var metrics = new ConnectorMetrics(clock, latencyWindowSeconds: 5, rateWindowSeconds: 5);
        clock.Advance(TimeSpan.FromSeconds(10));
        for (var i = 0; i < 50; i++)
        {
            metrics.RecordMessageIn();
        }

        // Exactly one lap of the 6-slot ring later the same slot is written again.
        clock.Advance(TimeSpan.FromSeconds(6));
        metrics.RecordMessageIn();
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0.2, metrics.GetSnapshot().Rates.InPerSecond, 6);
    }

    [Fact]
    public void Rates_ShortlyAfterStart_DivideByElapsedSecondsOnly()
    {
        var clock = NewClock();
        var metrics = new ConnectorMetrics(clock, rateWindowSeconds: 10);
        for (var i = 0; i < 6; i++)
        {
            metrics.RecordMessageOut();
        }

        Assert.Equal(0, metrics.GetSnapshot().Rates.OutPerSecond);
        clock.Advance(TimeSpan.FromSeconds(2));

        var rates = metrics.GetSnapshot().Rates;
        Assert.Equal(3.0, rates.OutPerSecond, 6);
        Assert.Equal(2, rates.WindowSeconds);
    }

    [Fact]
    public void Latency_UniformDistribution_PercentilesWithinBucketPrecision()
    {
        var clock = NewClock();
        var metrics = new ConnectorMetrics(clock);

        // 1 ms .. 1000 ms, each once: p50 = 500 ms, p90 = 900 ms, p99 = 990 ms, max = 1000 ms.
        for (var ms = 1; ms <= 1000; ms++)
        {
            metrics.RecordResponse("Ready", TimeSpan.FromMilliseconds(ms));
        }

        var latency = metrics.GetSnapshot().Latency;
        Assert.Equal(1000, latency.Count);
        AssertClose(500, latency.P50Ms);
        AssertClose(900, latency.P90Ms);
        AssertClose(990, latency.P99Ms);
        Assert.Equal(1000, latency.MaxMs);
    }

    [Fact]
    public void Latency_SkewedDistribution_TailPercentilesSeeTheOutliers()
    {
        var metrics = new ConnectorMetrics(NewClock());

        // 980 fast answers (2 ms), 15 slow (250 ms), 5 very slow (4 s).
        for (var i = 0; i < 980; i++)
        {
            metrics.RecordResponse("Login", TimeSpan.FromMilliseconds(2));
        }

        for (var i = 0; i < 15; i++)
        {
            metrics.RecordResponse("Login", TimeSpan.FromMilliseconds(250));
        }

        for (var i = 0; i < 5; i++)
        {
            metrics.RecordResponse("Login", TimeSpan.FromSeconds(4));
        }

        var latency = metrics.GetSnapshot().Latency;
        AssertClose(2, latency.P50Ms);
        AssertClose(2, latency.P90Ms);
        AssertClose(250, latency.P99Ms);
        Assert.Equal(4000, latency.MaxMs);
    }

    [Fact]
    public void Latency_SmallValues_Exact()
    {
        var metrics = new ConnectorMetrics(NewClock());
        metrics.RecordResponse("Hello", TimeSpan.FromTicks(50)); // 5 µs
        metrics.RecordResponse("Hello", TimeSpan.FromTicks(-10)); // clock went back: counts as 0

        var latency = metrics.GetSnapshot().Latency;
        Assert.Equal(2, latency.Count);
        Assert.Equal(0.0, latency.P50Ms);
        Assert.Equal(0.005, latency.P99Ms, 9);
        Assert.Equal(0.005, latency.MaxMs, 9);
    }

    [Fact]
    public void Latency_OlderThanTheWindow_Forgotten()
    {
        var clock = NewClock();
        var metrics = new ConnectorMetrics(clock, latencyWindowSeconds: 60, rateWindowSeconds: 10);
        metrics.RecordResponse("Ready", TimeSpan.FromSeconds(9));
        clock.Advance(TimeSpan.FromSeconds(30));
        metrics.RecordResponse("Ready", TimeSpan.FromMilliseconds(10));

        var both = metrics.GetSnapshot().Latency;
        Assert.Equal(2, both.Count);
        Assert.Equal(9000, both.MaxMs);

        clock.Advance(TimeSpan.FromSeconds(30));
        var recent = metrics.GetSnapshot().Latency;
        Assert.Equal(1, recent.Count);
        Assert.Equal(10, recent.MaxMs);
        AssertClose(10, recent.P99Ms);

        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(0, metrics.GetSnapshot().Latency.Count);
    }

    [Fact]
    public void Latency_HugeValue_ClampedIntoLastBucketButMaxExact()
    {
        var metrics = new ConnectorMetrics(NewClock());
        metrics.RecordResponse("Ready", TimeSpan.FromDays(3));

        var latency = metrics.GetSnapshot().Latency;
        Assert.Equal(TimeSpan.FromDays(3).TotalMilliseconds, latency.MaxMs);
        Assert.True(latency.P50Ms <= latency.MaxMs);
        Assert.True(latency.P50Ms > TimeSpan.FromMinutes(60).TotalMilliseconds);
    }

    [Fact]
    public void RequestsAndErrors_CountedByKey_Sorted()
    {
        var metrics = new ConnectorMetrics(NewClock());
        metrics.RecordRequest("Ready");
        metrics.RecordRequest("Login");
        metrics.RecordRequest("Ready");
        metrics.RecordRequest(null);
        metrics.RecordError("FINESSE_REJECTED", "state change refused", "1001", "dlg-1");
        metrics.RecordError("FINESSE_REJECTED", "again", "1001");
        metrics.RecordError("REQUEST_TIMEOUT", "no effect within 10 s");

        var snapshot = metrics.GetSnapshot();
        Assert.Equal([new("(none)", 1), new("Login", 1), new("Ready", 2)], snapshot.RequestsByType);
        Assert.Equal([new("FINESSE_REJECTED", 2), new("REQUEST_TIMEOUT", 1)], snapshot.ErrorsByCode);
        Assert.Equal(3, snapshot.RecentErrors.Count);
        Assert.Equal("REQUEST_TIMEOUT", snapshot.RecentErrors[0].Code);
        Assert.Equal("dlg-1", snapshot.RecentErrors[2].DialogId);
    }

    [Fact]
    public void RecordRequest_ManyDistinctBogusTypes_MemoryBoundedByOtherKey()
    {
        var metrics = new ConnectorMetrics(NewClock());
        for (var i = 0; i < ConnectorMetrics.MaxDistinctKeys + 500; i++)
        {
            metrics.RecordRequest("bogus-" + i);
        }

        var requests = metrics.GetSnapshot().RequestsByType;
        Assert.Equal(ConnectorMetrics.MaxDistinctKeys + 1, requests.Count);
        Assert.Equal(500, requests.Single(r => r.Key == ConnectorMetrics.OtherKey).Count);
    }

    [Fact]
    public void RecordError_PasswordInMessage_Redacted()
    {
        var metrics = new ConnectorMetrics(NewClock());
        metrics.RecordError("FINESSE_UNAUTHORIZED", "login of 1001 failed with password=Secret123 on tcp://admin:hunter2@amq:61616");

        var message = metrics.GetSnapshot().RecentErrors[0].Message;
        Assert.DoesNotContain("Secret123", message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", message, StringComparison.Ordinal);
        Assert.Contains("tcp://amq:61616", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_FromManyThreads_NothingLost()
    {
        var clock = NewClock();
        var metrics = new ConnectorMetrics(clock, errorCapacity: 50);
        const int Threads = 8;
        const int PerThread = 20_000;
        using var start = new ManualResetEventSlim();

        var workers = Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            start.Wait(TestContext.Current.CancellationToken);
            for (var i = 0; i < PerThread; i++)
            {
                metrics.RecordMessageIn();
                metrics.RecordMessageOut();
                metrics.RecordRequest(i % 2 == 0 ? "Ready" : "NotReady");
                metrics.RecordResponse("Ready", TimeSpan.FromMilliseconds(1 + (i % 100)));
                if (i % 100 == 0)
                {
                    metrics.RecordError("E" + t, "worker error");
                    _ = metrics.GetSnapshot();
                }
            }
        }, TestContext.Current.CancellationToken)).ToArray();
        start.Set();
        await Task.WhenAll(workers);

        var snapshot = metrics.GetSnapshot();
        Assert.Equal(Threads * PerThread, snapshot.Rates.TotalIn);
        Assert.Equal(Threads * PerThread, snapshot.Rates.TotalOut);
        Assert.Equal(Threads * PerThread, snapshot.RequestsByType.Sum(r => r.Count));
        Assert.Equal(Threads * PerThread, snapshot.Latency.Count);
        Assert.Equal(Threads * PerThread / 100, snapshot.ErrorsByCode.Sum(e => e.Count));
        Assert.Equal(50, snapshot.RecentErrors.Count);
        Assert.Equal(100, snapshot.Latency.MaxMs);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(60, 0)]
    [InlineData(10, 11)]
    [InlineData(3601, 10)]
    public void Constructor_BadWindows_Rejected(int latencyWindow, int rateWindow)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConnectorMetrics(NewClock(), latencyWindow, rateWindow));
    }

    private static void AssertClose(double expected, double actual)
    {
        // Histogram midpoints are within 1/32 of the value; allow a little more for the rank step.
        Assert.InRange(actual, expected * 0.96, expected * 1.04);
    }

    [Fact]
    public void Stages_KeepEveryDurationSinceStartWithTheirBuckets()
    {
        var clock = NewClock();
        var metrics = new ConnectorMetrics(clock, latencyWindowSeconds: 60);
        for (var i = 1; i <= 100; i++)
        {
            metrics.RecordStage(LatencyStage.RequestToFinesse, TimeSpan.FromMicroseconds(i * 100));
        }

        metrics.RecordStage(LatencyStage.NotificationToPublished, TimeSpan.FromMilliseconds(-1));

        // Unlike the request latency, stages are not windowed: a load test diffs two snapshots.
        clock.Advance(TimeSpan.FromMinutes(10));
        var stages = metrics.GetSnapshot().Stages;

        Assert.Equal(["requestToFinesse", "finesseQueueWait", "notificationToPublished", "requestToQueued"], stages.Select(s => s.Stage));
        var request = stages[0];
        Assert.Equal(100, request.Count);
        Assert.InRange(request.P50Ms, 4.8, 5.2);
        Assert.InRange(request.P99Ms, 9.6, 10.0);
        Assert.Equal(10.0, request.MaxMs);
        Assert.Equal(100, request.Buckets.Sum(b => b.Count));
        Assert.All(request.Buckets, b => Assert.InRange(b.Microseconds, 100, 10_000));
        Assert.Equal((0L, 0.0), (stages[1].Count, stages[1].MaxMs));
        Assert.Empty(stages[1].Buckets);
        Assert.Equal((1L, 0.0), (stages[2].Count, stages[2].MaxMs));
    }
}
