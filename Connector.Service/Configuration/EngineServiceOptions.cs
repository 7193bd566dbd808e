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

    /// <summary>How long a request may wait for a free Finesse connection when the driver gave it no deadline.</summary>
    public TimeSpan QueueTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Finesse REST calls in flight at once, shared fairly between agents.</summary>
    public int MaxConcurrentFinesseRequests { get; init; } = 32;

    /// <summary>Requests of one agent in progress at once.</summary>
    public int MaxPendingRequestsPerAgent { get; init; } = 8;

    /// <summary>Clients (driver instances) kept at most.</summary>
    public int MaxClients { get; init; } = 1000;

    /// <summary>Agents one client may hold.</summary>
    public int MaxAgentsPerClient { get; init; } = 2000;

    /// <summary>Agents the Connector holds at most.</summary>
    public int MaxAgents { get; init; } = 10000;

    /// <summary>Logins of one agent Finesse may refuse in a row before further ones are refused without asking it (1 to 4; Finesse locks the account at 5).</summary>
    public int LoginFailureLimit { get; init; } = 3;

    /// <summary>How long Logins of such an agent are refused.</summary>
    public TimeSpan LoginFailureBackoff { get; init; } = TimeSpan.FromMinutes(5);

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
            QueueTimeout = r.Duration(nameof(QueueTimeout), d.QueueTimeout),
            MaxConcurrentFinesseRequests = r.Int(nameof(MaxConcurrentFinesseRequests), d.MaxConcurrentFinesseRequests),
            MaxPendingRequestsPerAgent = r.Int(nameof(MaxPendingRequestsPerAgent), d.MaxPendingRequestsPerAgent),
            MaxClients = r.Int(nameof(MaxClients), d.MaxClients),
            MaxAgentsPerClient = r.Int(nameof(MaxAgentsPerClient), d.MaxAgentsPerClient),
            MaxAgents = r.Int(nameof(MaxAgents), d.MaxAgents),
            LoginFailureLimit = r.Int(nameof(LoginFailureLimit), d.LoginFailureLimit),
            LoginFailureBackoff = r.Duration(nameof(LoginFailureBackoff), d.LoginFailureBackoff),
        };
        warnings.AddRange(r.UnknownKeys());
        return options;
    }
}
