using SiebelCti.Connector.Contract;
using SiebelCti.OpenWire;

namespace SiebelCti.Connector.Engine.Adapters;

/// <summary>Where the Connector meets the broker.</summary>
public sealed record ClientChannelOptions
{
    /// <summary>Broker connection (URI with failover, credentials, timeouts, TLS trust).</summary>
    public required OpenWireOptions Broker { get; init; }

    /// <summary>The queue the Connector consumes requests from.</summary>
    public string RequestQueue { get; init; } = ConnectorWire.DefaultRequestQueue;

    /// <summary>Prefix of each client's topic: the Connector publishes to <c>prefix + clientId</c>.</summary>
    public string ClientTopicPrefix { get; init; } = ConnectorWire.DefaultClientTopicPrefix;

    /// <summary>How many requests the broker may push ahead of the engine.</summary>
    public int Prefetch { get; init; } = 1000;

    /// <summary>Delay between connection attempts while the broker cannot be reached (at start, or after a connection ended for good).</summary>
    public TimeSpan StartRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Every problem with these settings; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Validate(problems, static name => name);
        return problems;
    }

    /// <summary>
    /// Appends every problem with these settings to <paramref name="problems"/>. <paramref name="key"/>
    /// turns a property name into the name the caller's user knows it by; the properties of
    /// <see cref="Broker"/> are asked for as <c>Broker.BrokerUri</c> and so on.
    /// </summary>
    public void Validate(List<string> problems, Func<string, string> key)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(key);
        Broker.Validate(problems, name => key(nameof(Broker) + "." + name));
        Destination(problems, key(nameof(RequestQueue)), RequestQueue);
        Destination(problems, key(nameof(ClientTopicPrefix)), ClientTopicPrefix);
        if (StartRetryDelay <= TimeSpan.Zero)
        {
            problems.Add($"{key(nameof(StartRetryDelay))} must be positive");
        }
    }

    private static void Destination(List<string> problems, string key, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{key} must not be empty");
        }
        else if (value.Any(c => char.IsWhiteSpace(c) || c is '*' or '>' or ','))
        {
            problems.Add($"{key}: '{value}' must not contain spaces or the wildcard characters * > ,");
        }
    }
}
