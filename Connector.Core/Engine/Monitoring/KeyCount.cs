namespace SiebelCti.Connector.Engine.Monitoring;

/// <summary>A counter with its key (a request type or an error code).</summary>
public sealed record KeyCount(string Key, long Count);
