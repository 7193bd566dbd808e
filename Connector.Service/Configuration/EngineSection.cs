using SiebelCti.Connector.Engine;

namespace SiebelCti.Connector.Service.Configuration;

/// <summary>
/// Section <c>Engine</c>, read straight into the engine's <see cref="EngineOptions"/>
/// (<c>DeadClientTimeout</c> is its <see cref="EngineOptions.ClientTimeout"/>, <c>DeadClientAction</c> its
/// <see cref="EngineOptions.DeadClientPolicy"/>) and the Service's own <see cref="EngineHostOptions"/>.
/// </summary>
internal sealed record EngineSection(EngineOptions Engine, EngineHostOptions Host)
{
    public const string Name = "Engine";

    public static readonly ConfigKeys Keys = new(Name, new Dictionary<string, string>
    {
        [nameof(EngineOptions.RequestTimeout)] = "RequestTimeout",
        [nameof(EngineOptions.QueueTimeout)] = "QueueTimeout",
        [nameof(EngineOptions.ClientTimeout)] = "DeadClientTimeout",
        [nameof(EngineOptions.DeadClientPolicy)] = "DeadClientAction",
        [nameof(EngineOptions.DeadClientLogoutReasonCode)] = "DeadClientLogoutReasonCode",
        [nameof(EngineOptions.MaxConcurrentFinesseRequests)] = "MaxConcurrentFinesseRequests",
        [nameof(EngineOptions.MaxPendingRequestsPerAgent)] = "MaxPendingRequestsPerAgent",
        [nameof(EngineOptions.MaxClients)] = "MaxClients",
        [nameof(EngineOptions.MaxAgentsPerClient)] = "MaxAgentsPerClient",
        [nameof(EngineOptions.MaxAgents)] = "MaxAgents",
        [nameof(EngineOptions.LoginFailureLimit)] = "LoginFailureLimit",
        [nameof(EngineOptions.LoginFailureBackoff)] = "LoginFailureBackoff",
        [nameof(EngineOptions.BindClientIdsToBrokerUsers)] = BrokerSection.Name + ":BindClientIdsToUsers",
    });

    public static EngineSection Read(IConfiguration configuration, ConfigProblems problems, List<string> unknownKeys)
    {
        var r = new ConfigReader(configuration, Name, problems);
        var d = new EngineOptions();
        var h = new EngineHostOptions();
        var section = new EngineSection(
            d with
            {
                RequestTimeout = r.Duration("RequestTimeout", d.RequestTimeout),
                ClientTimeout = r.Duration("DeadClientTimeout", d.ClientTimeout),
                DeadClientPolicy = r.Enum("DeadClientAction", d.DeadClientPolicy),
                DeadClientLogoutReasonCode = r.String("DeadClientLogoutReasonCode"),
                QueueTimeout = r.Duration("QueueTimeout", d.QueueTimeout),
                MaxConcurrentFinesseRequests = r.Int("MaxConcurrentFinesseRequests", d.MaxConcurrentFinesseRequests),
                MaxPendingRequestsPerAgent = r.Int("MaxPendingRequestsPerAgent", d.MaxPendingRequestsPerAgent),
                MaxClients = r.Int("MaxClients", d.MaxClients),
                MaxAgentsPerClient = r.Int("MaxAgentsPerClient", d.MaxAgentsPerClient),
                MaxAgents = r.Int("MaxAgents", d.MaxAgents),
                LoginFailureLimit = r.Int("LoginFailureLimit", d.LoginFailureLimit),
                LoginFailureBackoff = r.Duration("LoginFailureBackoff", d.LoginFailureBackoff),
            },
            new EngineHostOptions
            {
                HeartbeatInterval = r.Duration("HeartbeatInterval", h.HeartbeatInterval),
                ShutdownTimeout = r.Duration("ShutdownTimeout", h.ShutdownTimeout),
            });
        unknownKeys.AddRange(r.UnknownKeys());
        return section;
    }

    /// <summary>The Service's own rules of the section, then the engine's.</summary>
    public void Validate(ConfigProblems problems)
    {
        problems.AddFrom(list =>
        {
            Checks.Positive(list, $"{Name}:HeartbeatInterval", Host.HeartbeatInterval);
            Checks.Positive(list, $"{Name}:ShutdownTimeout", Host.ShutdownTimeout);
            if (Host.HeartbeatInterval > TimeSpan.Zero && Engine.ClientTimeout < Host.HeartbeatInterval * 2)
            {
                list.Add($"{Name}:DeadClientTimeout ({Engine.ClientTimeout}) must be at least twice {Name}:HeartbeatInterval ({Host.HeartbeatInterval})");
            }
        });
        problems.AddFrom(list => Engine.Validate(list, Keys.Of));
    }
}
