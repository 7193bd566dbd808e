namespace SiebelCti.Connector.Engine.Monitoring;

/// <summary>A stage of the Connector's own work whose duration <see cref="ConnectorMetrics"/> keeps as a histogram.</summary>
public enum LatencyStage
{
    /// <summary>A driver's request taken from the broker to its REST request starting towards Finesse (the queue wait included).</summary>
    RequestToFinesse,

    /// <summary>A REST call waiting for a free Finesse connection (<c>Engine:MaxConcurrentFinesseRequests</c>), every call, the Connector's own too.</summary>
    FinesseQueueWait,

    /// <summary>A Finesse notification taken from its XMPP session to the resulting event handed to the broker (every client's copy).</summary>
    NotificationToPublished,

    /// <summary>
    /// A driver's request taken from the broker to its first REST call queued for a Finesse connection:
    /// the Connector's own handling, without the deliberate wait for a connection that <see cref="RequestToFinesse"/> includes.
    /// </summary>
    RequestToQueued,
}

/// <summary>
/// The durations of one <see cref="LatencyStage"/> since the Connector started: percentiles accurate
/// to about 3% (<see cref="MaxMs"/> exact), and the non-empty histogram buckets themselves, so that a
/// load test can subtract two snapshots and read the figures of what happened in between.
/// </summary>
public sealed record StageLatency(string Stage, long Count, double P50Ms, double P99Ms, double MaxMs, IReadOnlyList<HistogramBucket> Buckets);

/// <summary>One histogram bucket: <paramref name="Microseconds"/> stands for every value in it (its midpoint).</summary>
public sealed record HistogramBucket(double Microseconds, long Count);
