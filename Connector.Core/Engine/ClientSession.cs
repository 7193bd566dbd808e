namespace SiebelCti.Connector.Engine;

/// <summary>One driver instance (client) the engine knows. Owned by the engine loop.</summary>
internal sealed class ClientSession(string clientId, DateTimeOffset now)
{
    public string ClientId { get; } = clientId;

    public string? HostName { get; set; }

    public DateTimeOffset LastSeen { get; set; } = now;

    public HashSet<string> Agents { get; } = new(StringComparer.Ordinal);
}
