namespace SiebelCti.Connector.Engine.Monitoring;

/// <summary>
/// Where the Connector Monitor reads from. The engine implements it; <see cref="InMemoryConnectorMonitorSource"/>
/// serves tests and the monitor's demo mode.
/// </summary>
public interface IConnectorMonitorSource
{
    /// <summary>
    /// The current state. Called from request threads (about once a second per open monitor page), so
    /// it must be thread-safe, must not block on I/O and must not throw.
    /// </summary>
    ConnectorSnapshot GetSnapshot();

    /// <summary>
    /// Only the status, for the unauthenticated health probe: a source that can read it without building a
    /// whole snapshot (metrics merged under their lock) should, as anyone who reaches the port may poll it.
    /// </summary>
    ConnectorStatusInfo GetStatus() => GetSnapshot().Status;
}
