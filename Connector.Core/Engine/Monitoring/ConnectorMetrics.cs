namespace SiebelCti.Connector.Engine.Monitoring;

/// <summary>
/// Counters, rates and latency percentiles of the connector, over a sliding window of one-second
/// slices kept in a fixed ring (no allocation while recording, except the first time a new request
/// type or error code is seen). All time comes from the <see cref="TimeProvider"/>. Thread-safe: one
/// short lock guards the ring and the counters.
/// </summary>
/// <remarks>
/// Message rates are averages over the last <see cref="RateWindowSeconds"/> complete seconds (the
/// second in progress is not counted, so a rate does not dip at the start of every second).
/// Latency percentiles cover the last <see cref="LatencyWindowSeconds"/> seconds including the one in
/// progress. Request types and error codes are counted since start; at most
/// <see cref="MaxDistinctKeys"/> distinct keys each are kept, the rest count under
/// <see cref="OtherKey"/> so that bad input cannot grow memory.
/// </remarks>
public sealed class ConnectorMetrics
{
    /// <summary>Distinct request types or error codes kept before the rest are counted as <see cref="OtherKey"/>.</summary>
    public const int MaxDistinctKeys = 256;

    /// <summary>The key that collects request types or error codes beyond <see cref="MaxDistinctKeys"/>.</summary>
    public const string OtherKey = "(other)";

    private readonly TimeProvider _time;
    private readonly Slice[] _ring;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _requestsByType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _errorsByCode = new(StringComparer.Ordinal);
    private readonly long _startSecond;
    private readonly long[][] _stageBuckets = [.. Enum.GetValues<LatencyStage>().Select(_ => new long[LatencyHistogram.BucketCount])];
    private readonly long[] _stageCount = new long[Enum.GetValues<LatencyStage>().Length];
    private readonly long[] _stageMax = new long[Enum.GetValues<LatencyStage>().Length];
    private long _totalIn;
    private ResyncInfo? _lastResync;
    private long _totalOut;

    /// <summary>Creates the metrics.</summary>
    /// <param name="timeProvider">Clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="latencyWindowSeconds">Seconds covered by the latency percentiles (1..3600).</param>
    /// <param name="rateWindowSeconds">Complete seconds averaged into the message rates (1..<paramref name="latencyWindowSeconds"/>).</param>
    /// <param name="errorCapacity">How many recent errors are kept.</param>
    public ConnectorMetrics(TimeProvider? timeProvider = null, int latencyWindowSeconds = 60, int rateWindowSeconds = 10, int errorCapacity = RecentErrors.DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latencyWindowSeconds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(latencyWindowSeconds, 3600);
        ArgumentOutOfRangeException.ThrowIfLessThan(rateWindowSeconds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rateWindowSeconds, latencyWindowSeconds);
        _time = timeProvider ?? TimeProvider.System;
        LatencyWindowSeconds = latencyWindowSeconds;
        RateWindowSeconds = rateWindowSeconds;
        Errors = new RecentErrors(errorCapacity);

        // One slice more than the longest window: the rate window looks back from the previous second.
        _ring = new Slice[latencyWindowSeconds + 1];
        for (var i = 0; i < _ring.Length; i++)
        {
            _ring[i] = new Slice();
        }

        _startSecond = CurrentSecond();
    }

    /// <summary>Seconds covered by the latency percentiles.</summary>
    public int LatencyWindowSeconds { get; }

    /// <summary>Complete seconds averaged into the message rates.</summary>
    public int RateWindowSeconds { get; }

    /// <summary>The most recent errors (fed by <see cref="RecordError"/>).</summary>
    public RecentErrors Errors { get; }

    /// <summary>Counts one message received from the broker.</summary>
    public void RecordMessageIn()
    {
        var second = CurrentSecond();
        lock (_lock)
        {
            SliceFor(second).In++;
            _totalIn++;
        }
    }

    /// <summary>Counts one message published to the broker.</summary>
    public void RecordMessageOut()
    {
        var second = CurrentSecond();
        lock (_lock)
        {
            SliceFor(second).Out++;
            _totalOut++;
        }
    }

    /// <summary>Counts one request of <paramref name="type"/> (the contract message type).</summary>
    public void RecordRequest(string? type)
    {
        lock (_lock)
        {
            Increment(_requestsByType, type);
        }
    }

    /// <summary>Records the latency of one answered request (request received to answer or effect sent).</summary>
    /// <param name="type">The request type (kept for callers' symmetry; latency is aggregated over all types).</param>
    /// <param name="latency">Time from receiving the request to sending its answer; negative counts as zero.</param>
    public void RecordResponse(string? type, TimeSpan latency)
    {
        _ = type;
        var microseconds = Math.Max(0, latency.Ticks / TimeSpan.TicksPerMicrosecond);
        var bucket = LatencyHistogram.BucketOf(microseconds);
        var second = CurrentSecond();
        lock (_lock)
        {
            var slice = SliceFor(second);
            slice.Buckets[bucket]++;
            slice.LatencyCount++;
            slice.MaxMicroseconds = Math.Max(slice.MaxMicroseconds, microseconds);
        }
    }

    /// <summary>Records one duration of <paramref name="stage"/> (kept since start; negative counts as zero).</summary>
    public void RecordStage(LatencyStage stage, TimeSpan latency)
    {
        var i = (int)stage;
        if ((uint)i >= (uint)_stageCount.Length)
        {
            return;
        }

        var microseconds = Math.Max(0, latency.Ticks / TimeSpan.TicksPerMicrosecond);
        var bucket = LatencyHistogram.BucketOf(microseconds);
        lock (_lock)
        {
            _stageBuckets[i][bucket]++;
            _stageCount[i]++;
            _stageMax[i] = Math.Max(_stageMax[i], microseconds);
        }
    }

    /// <summary>Keeps the last re-read of every agent after a Finesse outage or failover.</summary>
    public void RecordResync(ResyncInfo resync)
    {
        Volatile.Write(ref _lastResync, resync);
    }

    /// <summary>Counts one error under <paramref name="code"/> and keeps it among the recent errors (message redacted).</summary>
    public void RecordError(string code, string? message, string? agentId = null, string? dialogId = null)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            Increment(_errorsByCode, code);
        }

        Errors.Add(now, code, message, agentId, dialogId);
    }

    /// <summary>Rates, percentiles, counters and recent errors as of now.</summary>
    public MetricsSnapshot GetSnapshot()
    {
        var now = CurrentSecond();
        Span<long> merged = stackalloc long[LatencyHistogram.BucketCount];
        MessageRates rates;
        LatencyPercentiles latency;
        KeyCount[] requests;
        KeyCount[] errors;
        StageLatency[] stages;
        lock (_lock)
        {
            // Rates: complete seconds only, and never seconds before the metrics existed.
            var rateSeconds = (int)Math.Min(RateWindowSeconds, now - _startSecond);
            long inCount = 0, outCount = 0;
            for (var s = now - rateSeconds; s < now; s++)
            {
                var slice = _ring[Index(s)];
                if (slice.Second == s)
                {
                    inCount += slice.In;
                    outCount += slice.Out;
                }
            }

            rates = rateSeconds == 0
                ? new MessageRates(0, 0, _totalIn, _totalOut, 0)
                : new MessageRates((double)inCount / rateSeconds, (double)outCount / rateSeconds, _totalIn, _totalOut, rateSeconds);

            long count = 0, max = 0;
            for (var s = now - LatencyWindowSeconds + 1; s <= now; s++)
            {
                var slice = _ring[Index(s)];
                if (slice.Second != s || slice.LatencyCount == 0)
                {
                    continue;
                }

                count += slice.LatencyCount;
                max = Math.Max(max, slice.MaxMicroseconds);
                for (var b = 0; b < merged.Length; b++)
                {
                    merged[b] += slice.Buckets[b];
                }
            }

            latency = count == 0
                ? new LatencyPercentiles(0, 0, 0, 0, 0, LatencyWindowSeconds)
                : new LatencyPercentiles(
                    count,
                    LatencyHistogram.Percentile(merged, count, 0.50, max) / 1000.0,
                    LatencyHistogram.Percentile(merged, count, 0.90, max) / 1000.0,
                    LatencyHistogram.Percentile(merged, count, 0.99, max) / 1000.0,
                    max / 1000.0,
                    LatencyWindowSeconds);
            requests = ToSortedArray(_requestsByType);
            errors = ToSortedArray(_errorsByCode);
            stages = new StageLatency[_stageCount.Length];
            foreach (var stage in Enum.GetValues<LatencyStage>())
            {
                stages[(int)stage] = StageSnapshot(stage);
            }
        }

        return new MetricsSnapshot(rates, latency, requests, errors, Errors.Snapshot()) { Stages = stages, LastResync = Volatile.Read(ref _lastResync) };
    }

    // Caller holds _lock.
    private StageLatency StageSnapshot(LatencyStage stage)
    {
        var i = (int)stage;
        var counts = _stageBuckets[i];
        var count = _stageCount[i];
        var max = _stageMax[i];
        var buckets = new List<HistogramBucket>();
        for (var b = 0; b < counts.Length; b++)
        {
            if (counts[b] > 0)
            {
                buckets.Add(new HistogramBucket(Math.Min(LatencyHistogram.RepresentativeOf(b), max), counts[b]));
            }
        }

        var name = stage.ToString();
        name = char.ToLowerInvariant(name[0]) + name[1..];
        return count == 0
            ? new StageLatency(name, 0, 0, 0, 0, buckets)
            : new StageLatency(
                name,
                count,
                LatencyHistogram.Percentile(counts, count, 0.50, max) / 1000.0,
                LatencyHistogram.Percentile(counts, count, 0.99, max) / 1000.0,
                max / 1000.0,
                buckets);
    }

    private long CurrentSecond() => _time.GetUtcNow().ToUnixTimeSeconds();

    private int Index(long second) => (int)(((second % _ring.Length) + _ring.Length) % _ring.Length);

    // Caller holds _lock. Returns the slice of `second`, clearing it first when it still holds an older second.
    private Slice SliceFor(long second)
    {
        var slice = _ring[Index(second)];
        if (slice.Second != second)
        {
            slice.Reset(second);
        }

        return slice;
    }

    private static void Increment(Dictionary<string, long> counters, string? key)
    {
        key = string.IsNullOrEmpty(key) ? "(none)" : key;
        if (counters.TryGetValue(key, out var value))
        {
            counters[key] = value + 1;
        }
        else if (counters.Count < MaxDistinctKeys)
        {
            counters[key] = 1;
        }
        else
        {
            counters[OtherKey] = counters.GetValueOrDefault(OtherKey) + 1;
        }
    }

    private static KeyCount[] ToSortedArray(Dictionary<string, long> counters)
    {
        var result = new KeyCount[counters.Count];
        var i = 0;
        foreach (var (key, count) in counters)
        {
            result[i++] = new KeyCount(key, count);
        }

        Array.Sort(result, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return result;
    }

    private sealed class Slice
    {
        public long Second { get; private set; } = long.MinValue;

        public int In { get; set; }

        public int Out { get; set; }

        public long LatencyCount { get; set; }

        public long MaxMicroseconds { get; set; }

        public long[] Buckets { get; } = new long[LatencyHistogram.BucketCount];

        public void Reset(long second)
        {
            Second = second;
            In = 0;
            Out = 0;
            LatencyCount = 0;
            MaxMicroseconds = 0;
            Array.Clear(Buckets);
        }
    }
}
