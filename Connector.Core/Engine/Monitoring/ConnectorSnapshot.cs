using System.Text.Json.Serialization;

namespace SiebelCti.Connector.Engine.Monitoring;

/// <summary>
/// Everything the Connector Monitor shows, taken at one instant. Immutable; the engine builds a new
/// one for every <see cref="IConnectorMonitorSource.GetSnapshot"/> call. Holds no secrets: URIs are
/// stored without credentials (see <see cref="SecretRedactor"/>) and error messages are redacted.
/// </summary>
public sealed record ConnectorSnapshot
{
    /// <summary>Product version of the connector.</summary>
    public required string Version { get; init; }

    /// <summary>When the connector process started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When this snapshot was taken.</summary>
    public required DateTimeOffset TakenAt { get; init; }

    /// <summary>Time since start, as of <see cref="TakenAt"/>.</summary>
    [JsonIgnore]
    public TimeSpan Uptime => TakenAt - StartedAt;

    /// <summary>Whole seconds since start (the form the monitor API carries).</summary>
    public long UptimeSeconds => (long)Math.Max(0, Uptime.TotalSeconds);

    /// <summary>The status the connector announces to drivers.</summary>
    public required ConnectorStatusInfo Status { get; init; }

    /// <summary>Both Finesse sides and which one is in use.</summary>
    public required FinesseInfo Finesse { get; init; }

    /// <summary>The ActiveMQ connection.</summary>
    public required BrokerInfo Broker { get; init; }

    /// <summary>Connected driver instances, ordered by client id; at most the engine's list limit (see <see cref="ClientCount"/>).</summary>
    public IReadOnlyList<ClientInfo> Clients { get; init; } = [];

    /// <summary>All connected driver instances, listed or not.</summary>
    public int ClientCount { get; init; }

    /// <summary>Agents the connector holds a session for, ordered by agent id; at most the engine's list limit (see <see cref="AgentCount"/>).</summary>
    public IReadOnlyList<AgentInfo> Agents { get; init; } = [];

    /// <summary>All agents the connector holds, listed or not.</summary>
    public int AgentCount { get; init; }

    /// <summary>Message rates over the metrics window.</summary>
    public MessageRates Rates { get; init; } = MessageRates.Empty;

    /// <summary>Request latency over the metrics window.</summary>
    public LatencyPercentiles Latency { get; init; } = LatencyPercentiles.Empty;

    /// <summary>Requests received since start, by request type.</summary>
    public IReadOnlyList<KeyCount> RequestsByType { get; init; } = [];

    /// <summary>Errors since start, by error code.</summary>
    public IReadOnlyList<KeyCount> ErrorsByCode { get; init; } = [];

    /// <summary>The most recent errors, newest first.</summary>
    public IReadOnlyList<ErrorRecord> RecentErrors { get; init; } = [];

    /// <summary>Durations of the Connector's own stages since start (request to REST call, REST queue wait, notification to event), with their histograms.</summary>
    public IReadOnlyList<StageLatency> Stages { get; init; } = [];

    /// <summary>The last re-read of every agent after a Finesse outage or failover (null before the first).</summary>
    public ResyncInfo? LastResync { get; init; }

    /// <summary>This snapshot with the rates, percentiles, counters and recent errors of <paramref name="metrics"/>.</summary>
    public ConnectorSnapshot WithMetrics(MetricsSnapshot metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return this with
        {
            Rates = metrics.Rates,
            Latency = metrics.Latency,
            RequestsByType = metrics.RequestsByType,
            ErrorsByCode = metrics.ErrorsByCode,
            RecentErrors = metrics.RecentErrors,
            Stages = metrics.Stages,
            LastResync = metrics.LastResync,
        };
    }
}
