using SiebelCti.Connector.Finesse.Xmpp;

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

    /// <summary>The pubsub service JID; empty means <c>pubsub.&lt;domain&gt;</c>.</summary>
    public string? PubSubService { get; init; }

    /// <summary>How often SystemInfo is read to follow Finesse's status and active side.</summary>
    public TimeSpan HealthPollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The pubsub service in effect.</summary>
    public string EffectivePubSubService => PubSubService is { Length: > 0 } s ? s : "pubsub." + Xmpp.Domain;

    /// <summary>Every problem with these settings.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        // The template has no user of its own: validate it as an agent's session would be.
        problems.AddRange(Xmpp with { User = "agent", Password = "password" } is var probe ? probe.Validate() : []);
        if (HealthPollInterval <= TimeSpan.Zero)
        {
            problems.Add($"{nameof(HealthPollInterval)} must be positive");
        }

        return problems;
    }
}
