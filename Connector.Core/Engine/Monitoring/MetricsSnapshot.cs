namespace SiebelCti.Connector.Engine.Monitoring;

/// <summary>What <see cref="ConnectorMetrics.GetSnapshot"/> returns: the metric parts of a <see cref="ConnectorSnapshot"/>.</summary>
public sealed record MetricsSnapshot(
    MessageRates Rates,
    LatencyPercentiles Latency,
    IReadOnlyList<KeyCount> RequestsByType,
    IReadOnlyList<KeyCount> ErrorsByCode,
    IReadOnlyList<ErrorRecord> RecentErrors)
{
    /// <summary>The Connector's own stages, since start, in <see cref="LatencyStage"/> order.</summary>
    public IReadOnlyList<StageLatency> Stages { get; init; } = [];

    /// <summary>The last re-read of every agent after a Finesse outage or failover; null before the first.</summary>
    public ResyncInfo? LastResync { get; init; }
}
