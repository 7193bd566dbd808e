namespace SiebelCti.Connector.Engine;

/// <summary>What the engine does with the agents of a client that stopped sending heartbeats.</summary>
public enum DeadClientPolicy
{
    /// <summary>Keep the agent signed in and its Finesse session open, waiting for a client to connect it again.</summary>
    Keep,

    /// <summary>Sign the agent out of Finesse and close its notification session.</summary>
    Logout,
}

/// <summary>Engine settings. Immutable; validated by <see cref="Validate"/> before the engine starts.</summary>
public sealed record EngineOptions
{
    /// <summary>How long a request may wait for its effect before the client gets <c>REQUEST_TIMEOUT</c>.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A client whose last message is older than this is dead.</summary>
    public TimeSpan ClientTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>How often timeouts and dead clients are checked.</summary>
    public TimeSpan HousekeepingInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>What happens to the agents of a dead client.</summary>
    public DeadClientPolicy DeadClientPolicy { get; init; } = DeadClientPolicy.Keep;

    /// <summary>Logout reason code used when the engine signs out an agent of a dead client (empty: none).</summary>
    public string? DeadClientLogoutReasonCode { get; init; }

    /// <summary>How long an agent's reason codes and wrap-up reasons are cached.</summary>
    public TimeSpan ReasonCodeCacheDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Every problem with these settings; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Positive(problems, RequestTimeout, nameof(RequestTimeout));
        Positive(problems, ClientTimeout, nameof(ClientTimeout));
        Positive(problems, HousekeepingInterval, nameof(HousekeepingInterval));
        Positive(problems, ReasonCodeCacheDuration, nameof(ReasonCodeCacheDuration));
        if (HousekeepingInterval > RequestTimeout)
        {
            problems.Add($"{nameof(HousekeepingInterval)} must not exceed {nameof(RequestTimeout)}");
        }

        if (ClientTimeout <= RequestTimeout)
        {
            problems.Add($"{nameof(ClientTimeout)} must be longer than {nameof(RequestTimeout)}");
        }

        if (!Enum.IsDefined(DeadClientPolicy))
        {
            problems.Add($"{nameof(DeadClientPolicy)} must be Keep or Logout");
        }

        return problems;
    }

    private static void Positive(List<string> problems, TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{name} must be positive");
        }
    }
}
