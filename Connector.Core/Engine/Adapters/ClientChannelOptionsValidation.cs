namespace SiebelCti.Connector.Engine.Adapters;

/// <summary>
/// The rules of <see cref="ClientChannelOptions"/>: its broker connection's own rules and the names of
/// its destinations. (An extension rather than a member only while <c>OpenWireClientChannel.cs</c>,
/// which holds the record, is being reworked; it belongs on the record.)
/// </summary>
public static class ClientChannelOptionsValidation
{
    /// <summary>Every problem with <paramref name="options"/>; empty when they are usable.</summary>
    public static IReadOnlyList<string> Validate(this ClientChannelOptions options)
    {
        var problems = new List<string>();
        options.Validate(problems, static name => name);
        return problems;
    }

    /// <summary>
    /// Appends every problem with <paramref name="options"/> to <paramref name="problems"/>.
    /// <paramref name="key"/> turns a property name into the name the caller's user knows it by; the
    /// properties of <see cref="ClientChannelOptions.Broker"/> are asked for as <c>Broker.BrokerUri</c> and so on.
    /// </summary>
    public static void Validate(this ClientChannelOptions options, List<string> problems, Func<string, string> key)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(key);
        options.Broker.Validate(problems, name => key(nameof(ClientChannelOptions.Broker) + "." + name));
        Destination(problems, key(nameof(ClientChannelOptions.RequestQueue)), options.RequestQueue);
        Destination(problems, key(nameof(ClientChannelOptions.ClientTopicPrefix)), options.ClientTopicPrefix);
        if (options.StartRetryDelay <= TimeSpan.Zero)
        {
            problems.Add($"{key(nameof(ClientChannelOptions.StartRetryDelay))} must be positive");
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
