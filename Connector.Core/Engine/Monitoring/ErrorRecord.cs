namespace SiebelCti.Connector.Engine.Monitoring;

/// <summary>One error the connector reported.</summary>
/// <param name="Time">When it happened.</param>
/// <param name="Code">Stable code (an OpenWireErrorCode, FinesseErrorCode or ConnectorErrorCode).</param>
/// <param name="Message">Human message, already redacted (never a password).</param>
/// <param name="AgentId">The agent concerned, if any.</param>
/// <param name="DialogId">The Finesse dialog concerned, if any.</param>
public sealed record ErrorRecord(DateTimeOffset Time, string Code, string Message, string? AgentId, string? DialogId);
