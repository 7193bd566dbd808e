namespace SiebelCti.Connector.Engine;

/// <summary>What the engine does with the agents of a client that stopped sending heartbeats.</summary>
public enum DeadClientPolicy
{
    /// <summary>Keep the agent signed in and its Finesse session open, waiting for a client to connect it again.</summary>
    Keep,

    /// <summary>Sign the agent out of Finesse and close its notification session.</summary>
    Logout,
}

/// <summary>Engine settings. Immutable; validated by <see cref="Validate()"/> before the engine starts.</summary>
public sealed record EngineOptions
{
    /// <summary>
    /// How long Finesse may take to confirm a request once it was sent (the REST call started) before
    /// the client gets <c>REQUEST_TIMEOUT</c>. Time spent waiting in the Connector does not count.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a request without a deadline of its own may wait for a free Finesse connection before
    /// it is dropped unsent (<c>CONNECTOR_BUSY</c>).
    /// </summary>
    public TimeSpan QueueTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Finesse REST calls running at once, shared fairly between agents (one per agent at a time).</summary>
    public int MaxConcurrentFinesseRequests { get; init; } = 32;

    /// <summary>REST calls one agent may have waiting for a slot.</summary>
    public int MaxQueuedCallsPerAgent { get; init; } = 16;

    /// <summary>Requests of one agent that may be in progress (sent or waiting) before more are refused with <c>AGENT_BUSY</c>.</summary>
    public int MaxPendingRequestsPerAgent { get; init; } = 8;

    /// <summary>Logins of one agent that may wait while another login of it is in progress.</summary>
    public int MaxWaitingLoginsPerAgent { get; init; } = 4;

    /// <summary>Clients (driver instances) the Connector keeps; a new one beyond it replaces the longest-idle client that proved no agent.</summary>
    public int MaxClients { get; init; } = 1000;

    /// <summary>Agents one client may hold.</summary>
    public int MaxAgentsPerClient { get; init; } = 2000;

    /// <summary>Agents the Connector holds (signed in, or logging in) at most.</summary>
    public int MaxAgents { get; init; } = 10000;

    /// <summary>
    /// Failed logins (credentials Finesse refused) of one agent after which further attempts are
    /// refused without asking Finesse for <see cref="LoginFailureBackoff"/>: Finesse locks an account
    /// after five wrong passwords in a row, so the Connector must never be the one that locks it.
    /// </summary>
    public int LoginFailureLimit { get; init; } = 3;

    /// <summary>How long logins of an agent are refused after <see cref="LoginFailureLimit"/> failures.</summary>
    public TimeSpan LoginFailureBackoff { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Interval of the rejected-request log: per code, 10 lines in full, then one summary line.</summary>
    public TimeSpan RejectionLogInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Accept a request only when its client id belongs to the broker user that sent it (JMSXUserID,
    /// stamped by a broker with <c>populateJMSXUserID="true"</c>): the id is the user's name or starts
    /// with it and a dot. Then nobody can speak for another user's clients, not even to start a new
    /// session for them. Needs a broker that authenticates users and stamps the id.
    /// </summary>
    public bool BindClientIdsToBrokerUsers { get; init; }

    /// <summary>Agents and clients listed in the Connector Monitor snapshot at most (the totals are always given).</summary>
    public int MonitorListLimit { get; init; } = 500;

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

    /// <summary>
    /// Items (requests, notifications, finished REST calls) the engine's work queue holds at most.
    /// While it is full, the broker consumer and the XMPP sessions wait for room instead of reading
    /// further: a burst slows down, memory does not grow and nothing is dropped.
    /// </summary>
    public int WorkQueueCapacity { get; init; } = 10_000;

    /// <summary>
    /// Events waiting to be published to the broker at most. When it is full (the broker is slow or
    /// away), further events are dropped and each client that lost one gets the full state of its
    /// agents once the queue has drained to half.
    /// </summary>
    public int OutboundQueueCapacity { get; init; } = 100_000;

    /// <summary>Every problem with these settings; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Validate(problems, static name => name);
        return problems;
    }

    /// <summary>
    /// Appends every problem with these settings to <paramref name="problems"/>. <paramref name="key"/>
    /// turns a property name into the name the caller's user knows it by (a configuration key such as
    /// <c>Engine:DeadClientTimeout</c> for <see cref="ClientTimeout"/>).
    /// </summary>
    public void Validate(List<string> problems, Func<string, string> key)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(key);
        var timesValid = Positive(problems, RequestTimeout, key(nameof(RequestTimeout)))
            & Positive(problems, ClientTimeout, key(nameof(ClientTimeout)))
            & Positive(problems, HousekeepingInterval, key(nameof(HousekeepingInterval)));
        Positive(problems, ReasonCodeCacheDuration, key(nameof(ReasonCodeCacheDuration)));
        Positive(problems, QueueTimeout, key(nameof(QueueTimeout)));
        Positive(problems, LoginFailureBackoff, key(nameof(LoginFailureBackoff)));
        Positive(problems, RejectionLogInterval, key(nameof(RejectionLogInterval)));
        Range(problems, MaxConcurrentFinesseRequests, 1, 1000, key(nameof(MaxConcurrentFinesseRequests)));
        Range(problems, MaxQueuedCallsPerAgent, 1, 1000, key(nameof(MaxQueuedCallsPerAgent)));
        Range(problems, MaxPendingRequestsPerAgent, 1, 1000, key(nameof(MaxPendingRequestsPerAgent)));
        Range(problems, MaxWaitingLoginsPerAgent, 0, 100, key(nameof(MaxWaitingLoginsPerAgent)));
        Range(problems, MaxClients, 1, 1_000_000, key(nameof(MaxClients)));
        Range(problems, MaxAgentsPerClient, 1, 1_000_000, key(nameof(MaxAgentsPerClient)));
        Range(problems, MaxAgents, 1, 1_000_000, key(nameof(MaxAgents)));
        Range(problems, LoginFailureLimit, 1, 4, key(nameof(LoginFailureLimit)));
        Range(problems, MonitorListLimit, 1, 100_000, key(nameof(MonitorListLimit)));
        Range(problems, WorkQueueCapacity, 16, 1_000_000, key(nameof(WorkQueueCapacity)));
        Range(problems, OutboundQueueCapacity, 16, 10_000_000, key(nameof(OutboundQueueCapacity)));
        if (timesValid && HousekeepingInterval > RequestTimeout)
        {
            problems.Add($"{key(nameof(RequestTimeout))} ({RequestTimeout}) must not be shorter than {key(nameof(HousekeepingInterval))} ({HousekeepingInterval})");
        }

        if (timesValid && ClientTimeout <= RequestTimeout)
        {
            problems.Add($"{key(nameof(ClientTimeout))} ({ClientTimeout}) must be longer than {key(nameof(RequestTimeout))} ({RequestTimeout})");
        }

        if (!Enum.IsDefined(DeadClientPolicy))
        {
            problems.Add($"{key(nameof(DeadClientPolicy))} must be Keep or Logout");
        }
    }

    private static void Range(List<string> problems, int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            problems.Add($"{name} must be between {min} and {max}");
        }
    }

    private static bool Positive(List<string> problems, TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{name} must be positive");
            return false;
        }

        return true;
    }
}
