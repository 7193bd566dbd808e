namespace SiebelCti.Connector.Engine.Monitoring;

/// <summary>One driver instance (a Siebel server process and driver profile).</summary>
/// <param name="ClientId">The client id the driver announced in <c>Hello</c>.</param>
/// <param name="Host">The host the driver runs on, when it said so; otherwise null.</param>
/// <param name="LastHeartbeat">When the last message from this client arrived.</param>
/// <param name="AgentCount">How many agents this client has connected.</param>
public sealed record ClientInfo(string ClientId, string? Host, DateTimeOffset? LastHeartbeat, int AgentCount);
