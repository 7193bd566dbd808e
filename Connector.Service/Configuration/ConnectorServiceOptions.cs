using SiebelCti.Connector.Engine;
using SiebelCti.Connector.Engine.Adapters;
using SiebelCti.Finesse.Rest;

namespace SiebelCti.Connector.Service.Configuration;

/// <summary>
/// All settings of the connector service, read at start straight into the options records of the
/// components they configure and validated together, once, before anything starts: the broker
/// channel's (<see cref="ClientChannelOptions"/>, section <c>Broker</c>), the Finesse REST client's
/// (<see cref="FinesseOptions"/>) and the notification hub's (<see cref="FinesseNotificationOptions"/>),
/// both from section <c>Finesse</c>, the engine's (<see cref="EngineOptions"/>, section <c>Engine</c>),
/// and the Service's own (<see cref="EngineHostOptions"/>, <see cref="MonitorOptions"/>).
/// </summary>
public sealed record ConnectorServiceOptions(
    ClientChannelOptions Broker,
    FinesseOptions Finesse,
    FinesseNotificationOptions Notifications,
    EngineOptions Engine,
    EngineHostOptions Host,
    MonitorOptions Monitor)
{
    /// <summary>
    /// Reads every section and validates it. <paramref name="problems"/> lists every error of every
    /// section (values that do not convert, the components' own rules and the Service's), each with
    /// its configuration key; <paramref name="warnings"/> lists keys that nothing reads (likely typos).
    /// </summary>
    public static ConnectorServiceOptions Load(IConfiguration configuration, out IReadOnlyList<string> problems, out IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var found = new ConfigProblems();
        var unknown = new List<string>();
        var broker = BrokerSection.Read(configuration, found, unknown);
        var finesse = FinesseSection.Read(configuration, found, unknown);
        var engine = EngineSection.Read(configuration, found, unknown);
        var monitor = MonitorOptions.Read(configuration, found, unknown);

        broker.Validate(found);
        finesse.Validate(found);
        engine.Validate(found);
        monitor.Validate(found);
        problems = [.. found.All.OrderBy(SectionRank)];
        warnings = unknown.Select(k => $"{k} is not a known setting and is ignored").ToList();
        return new ConnectorServiceOptions(
            broker.Channel,
            finesse.Rest,
            finesse.Notifications,
            engine.Engine with { BindClientIdsToBrokerUsers = broker.BindClientIdsToUsers },
            engine.Host,
            monitor);
    }

    private static readonly string[] Sections = [BrokerSection.Name, FinesseSection.Name, EngineSection.Name, MonitorOptions.SectionName];

    /// <summary>Problems are listed section by section, each section's in the order they were found.</summary>
    private static int SectionRank(string problem)
    {
        var index = Array.FindIndex(Sections, s => problem.StartsWith(s + ":", StringComparison.Ordinal));
        return index < 0 ? Sections.Length : index;
    }
}

/// <summary>The configuration is not usable; <see cref="Problems"/> lists every reason.</summary>
public sealed class ConnectorConfigurationException : Exception
{
    public ConnectorConfigurationException(IReadOnlyList<string> problems)
        : base("The configuration has " + problems.Count + " problem(s):" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems))
    {
        Problems = problems;
    }

    public ConnectorConfigurationException()
        : this([])
    {
    }

    public ConnectorConfigurationException(string message)
        : base(message)
    {
        Problems = [message];
    }

    public ConnectorConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public IReadOnlyList<string> Problems { get; }
}
