namespace SiebelCti.Connector.Engine;

/// <summary>
/// One driver instance (client) the engine knows, from its <c>Hello</c> until it goes silent. Its
/// <see cref="Session"/> token, given in the answer to that Hello, must come with every later
/// request: proofs (Logins) count only within the session they were made in. Owned by the engine loop.
/// </summary>
internal sealed class ClientSession(string clientId, string session, DateTimeOffset now)
{
    public string ClientId { get; } = clientId;

    /// <summary>The session token (secret; never logged).</summary>
    public string Session { get; set; } = session;

    public string? HostName { get; set; }

    /// <summary>The broker user that introduced the client (JMSXUserID of its Hello), if the broker stamps it.</summary>
    public string? BrokerUser { get; init; }

    public DateTimeOffset Joined { get; set; } = now;

    public DateTimeOffset LastSeen { get; set; } = now;

    /// <summary>The agents this client proved (see <see cref="AgentSession.Clients"/>).</summary>
    public HashSet<string> Agents { get; } = new(StringComparer.Ordinal);

    /// <summary>When this client was last told its session is not valid (such answers are rate-limited).</summary>
    public DateTimeOffset SessionInvalidSentAt { get; set; } = DateTimeOffset.MinValue;
}
