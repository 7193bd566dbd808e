namespace SiebelCti.Connector.Service.Configuration;

/// <summary>What the connector does with the agents of a client that stopped sending heartbeats.</summary>
public enum DeadClientAction
{
    /// <summary>Keep the agents signed in, waiting for a client to connect them again.</summary>
    Keep,

    /// <summary>Sign the agents out of Finesse.</summary>
    Logout,
}

/// <summary>
/// Settings of the connector engine (section <c>Engine</c>). The engine's own options record is
/// built from these at the registration point (<see cref="ServiceCollectionExtensions.AddConnectorEngine"/>).
/// </summary>
public sealed record EngineServiceOptions
{
    public const string SectionName = "Engine";

    /// <summary>How long a request may wait for its effect before the driver gets an error.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often drivers are expected to send <c>Heartbeat</c>.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A client silent for longer than this is dead.</summary>
    public TimeSpan DeadClientTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>What happens to the agents of a dead client.</summary>
    public DeadClientAction DeadClientAction { get; init; } = DeadClientAction.Keep;

    /// <summary>Logout reason code used when agents of a dead client are signed out; null: none.</summary>
    public string? DeadClientLogoutReasonCode { get; init; }

    /// <summary>How long shutdown may take (stop consuming, finish requests in flight, flush logs).</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    internal static EngineServiceOptions Read(IConfiguration configuration, List<string> problems, List<string> warnings)
    {
        var r = new ConfigReader(configuration, SectionName, problems);
        var d = new EngineServiceOptions();
        var options = new EngineServiceOptions
        {
            RequestTimeout = r.Duration(nameof(RequestTimeout), d.RequestTimeout),
            HeartbeatInterval = r.Duration(nameof(HeartbeatInterval), d.HeartbeatInterval),
            DeadClientTimeout = r.Duration(nameof(DeadClientTimeout), d.DeadClientTimeout),
            DeadClientAction = r.Enum(nameof(DeadClientAction), d.DeadClientAction),
            DeadClientLogoutReasonCode = r.String(nameof(DeadClientLogoutReasonCode)),
            ShutdownTimeout = r.Duration(nameof(ShutdownTimeout), d.ShutdownTimeout),
        };
        warnings.AddRange(r.UnknownKeys());
        return options;
    }
}
