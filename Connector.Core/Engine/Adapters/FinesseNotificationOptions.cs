using SiebelCti.Finesse.Xmpp;

namespace SiebelCti.Connector.Engine.Adapters;

/// <summary>How the Connector reaches the Finesse notification service.</summary>
public sealed record FinesseNotificationOptions
{
    /// <summary>
    /// Connection settings shared by every agent's session (host of side A, port, domain, TLS, trust,
    /// ping, reconnect). <see cref="XmppOptions.User"/> and <see cref="XmppOptions.Password"/> are
    /// replaced by each agent's own credentials.
    /// </summary>
    public required XmppOptions Xmpp { get; init; }

    /// <summary>Notification service host of side B; empty when both sides share one host.</summary>
    public string? SideBHost { get; init; }

    /// <summary>How often SystemInfo is read to follow Finesse's status and active side.</summary>
    public TimeSpan HealthPollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The XMPP user whose presence tells whether the Finesse web application is connected to its
    /// notification service (<c>finesse</c> on Finesse); every agent session asks to see it. Empty:
    /// not watched.
    /// </summary>
    public string FinesseUser { get; init; } = "finesse";

    /// <summary>Agents' notification sessions opened at once (shift-start logins, moves after a failover).</summary>
    public int MaxConcurrentOpens { get; init; } = 32;

    /// <summary>Longest ping interval of an agent's session: Finesse signs out agents whose session is silent.</summary>
    public static readonly TimeSpan MaxPingInterval = TimeSpan.FromSeconds(60);

    /// <summary>Every problem with these settings.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Validate(problems, static name => name);
        return problems;
    }

    /// <summary>
    /// Appends every problem with these settings to <paramref name="problems"/>. <paramref name="key"/>
    /// turns a property name into the name the caller's user knows it by (a configuration key); the
    /// properties of <see cref="Xmpp"/> are asked for as <c>Xmpp.Host</c>, <c>Xmpp.Port</c> and so on.
    /// </summary>
    public void Validate(List<string> problems, Func<string, string> key)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(key);

        // The template has no user of its own: validate it as an agent's session would be.
        (Xmpp with { User = "agent", Password = "password" }).Validate(problems, name => key(nameof(Xmpp) + "." + name));
        if (Xmpp.PingInterval > MaxPingInterval)
        {
            problems.Add($"{key(nameof(Xmpp) + "." + nameof(XmppOptions.PingInterval))} must be at most 60 seconds (Finesse signs out agents whose session is silent)");
        }

        if (HealthPollInterval <= TimeSpan.Zero)
        {
            problems.Add($"{key(nameof(HealthPollInterval))} must be positive");
        }

        if (MaxConcurrentOpens is < 1 or > 1000)
        {
            problems.Add($"{key(nameof(MaxConcurrentOpens))} must be between 1 and 1000");
        }

        if (FinesseUser.AsSpan().IndexOfAny("@/ ") >= 0)
        {
            problems.Add($"{key(nameof(FinesseUser))}: '{FinesseUser}' must be a user name without '@', '/' or spaces");
        }
    }
}
