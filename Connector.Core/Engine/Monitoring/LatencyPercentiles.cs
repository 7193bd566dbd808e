namespace SiebelCti.Connector.Engine.Monitoring;

/// <summary>
/// Request latency (request received to response or effect sent) over the last
/// <paramref name="WindowSeconds"/> seconds. Percentiles are accurate to about 3% of the value
/// (histogram buckets); <paramref name="MaxMs"/> is exact. All zero when <paramref name="Count"/> is 0.
/// </summary>
public sealed record LatencyPercentiles(long Count, double P50Ms, double P90Ms, double P99Ms, double MaxMs, double WindowSeconds)
{
    /// <summary>No responses in the window.</summary>
    public static LatencyPercentiles Empty { get; } = new(0, 0, 0, 0, 0, 0);
}
