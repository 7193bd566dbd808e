namespace SiebelCti.Connector.Engine.Monitoring;

/// <summary>
/// A monitor source holding one snapshot that callers replace. For tests and the monitor's demo
/// mode; thread-safe.
/// </summary>
public sealed class InMemoryConnectorMonitorSource : IConnectorMonitorSource
{
    private ConnectorSnapshot _snapshot;

    /// <summary>Starts with <paramref name="initial"/>.</summary>
    public InMemoryConnectorMonitorSource(ConnectorSnapshot initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _snapshot = initial;
    }

    /// <inheritdoc />
    public ConnectorSnapshot GetSnapshot() => Volatile.Read(ref _snapshot);

    /// <summary>Replaces the snapshot.</summary>
    public void Set(ConnectorSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Volatile.Write(ref _snapshot, snapshot);
    }

    /// <summary>Replaces the snapshot with <paramref name="change"/> applied to the current one (atomically).</summary>
    public void Update(Func<ConnectorSnapshot, ConnectorSnapshot> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        while (true)
        {
            var current = Volatile.Read(ref _snapshot);
            var next = change(current) ?? throw new InvalidOperationException("the change returned no snapshot");
            if (ReferenceEquals(Interlocked.CompareExchange(ref _snapshot, next, current), current))
            {
                return;
            }
        }
    }

    /// <summary>An empty snapshot: out of service with <paramref name="reason"/>, no clients, no agents.</summary>
    public static ConnectorSnapshot EmptySnapshot(TimeProvider timeProvider, string version, string reason, string brokerUri, IReadOnlyList<FinesseSideInfo> sides)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var now = timeProvider.GetUtcNow();
        return new ConnectorSnapshot
        {
            Version = version,
            StartedAt = now,
            TakenAt = now,
            Status = new ConnectorStatusInfo(Contract.SystemStatus.OutOfService, reason, now),
            Finesse = new FinesseInfo(null, sides),
            Broker = new BrokerInfo(SecretRedactor.RedactUri(brokerUri), false, null, 0),
        };
    }
}
