namespace SiebelCti.Connector.Engine.Monitoring;

/// <summary>
/// The last re-read of every agent after Finesse came back or switched sides: when it started (the
/// switch was seen), how many agents, how many reads failed, and how long until the last one ended
/// and its differences were published.
/// </summary>
public sealed record ResyncInfo(DateTimeOffset StartedAt, string? Side, int Agents, int Failed, double DurationMs);
