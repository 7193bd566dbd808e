namespace SiebelCti.Connector.Service.Configuration;

/// <summary>
/// The settings of section <c>Engine</c> that belong to the Service rather than to the engine's own
/// options (<see cref="Engine.EngineOptions"/>): how long a stop may take, and the heartbeat interval
/// the drivers are told to keep (checked against <c>Engine:DeadClientTimeout</c>).
/// </summary>
public sealed record EngineHostOptions
{
    /// <summary>How often drivers are expected to send <c>Heartbeat</c>.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long shutdown may take (stop consuming, finish requests in flight, flush logs).</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
