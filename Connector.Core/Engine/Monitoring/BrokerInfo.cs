namespace SiebelCti.Connector.Engine.Monitoring;

/// <summary>The connection to the ActiveMQ broker.</summary>
/// <param name="Uri">The configured broker URI with every credential removed (<see cref="SecretRedactor.RedactUri"/>).</param>
/// <param name="Connected">Whether the connector can consume and publish right now.</param>
/// <param name="Since">When <paramref name="Connected"/> last changed; null before the first attempt.</param>
/// <param name="ReconnectCount">How many times the connection was re-established since start.</param>
public sealed record BrokerInfo(string Uri, bool Connected, DateTimeOffset? Since, int ReconnectCount);
