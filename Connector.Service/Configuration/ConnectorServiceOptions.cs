using Microsoft.Extensions.Options;

namespace SiebelCti.Connector.Service.Configuration;

/// <summary>All settings of the connector service, read and validated together at start.</summary>
public sealed record ConnectorServiceOptions(
    BrokerOptions Broker,
    FinesseOptions Finesse,
    EngineServiceOptions Engine,
    MonitorOptions Monitor)
{
    /// <summary>
    /// Reads every section and validates it. <paramref name="problems"/> lists every error of every
    /// section (values that do not convert and rules that fail), each with its configuration key;
    /// <paramref name="warnings"/> lists keys that nothing reads (likely typos).
    /// </summary>
    public static ConnectorServiceOptions Load(IConfiguration configuration, out IReadOnlyList<string> problems, out IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var found = new List<string>();
        var unknown = new List<string>();
        var options = new ConnectorServiceOptions(
            BrokerOptions.Read(configuration, found, unknown),
            FinesseOptions.Read(configuration, found, unknown),
            EngineServiceOptions.Read(configuration, found, unknown),
            MonitorOptions.Read(configuration, found, unknown));

        Collect(found, new BrokerOptionsValidator().Validate(null, options.Broker));
        Collect(found, new FinesseOptionsValidator().Validate(null, options.Finesse));
        Collect(found, new EngineServiceOptionsValidator().Validate(null, options.Engine));
        Collect(found, new MonitorOptionsValidator().Validate(null, options.Monitor));
        problems = found;
        warnings = unknown.Select(k => $"{k} is not a known setting and is ignored").ToList();
        return options;
    }

    private static void Collect(List<string> problems, ValidateOptionsResult result)
    {
        if (result.Failed && result.Failures is not null)
        {
            problems.AddRange(result.Failures);
        }
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
