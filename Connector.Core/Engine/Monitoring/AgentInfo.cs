namespace SiebelCti.Connector.Engine.Monitoring;

/// <summary>One agent the connector holds a Finesse session for.</summary>
public sealed record AgentInfo
{
    /// <summary>The Finesse agent id.</summary>
    public required string AgentId { get; init; }

    /// <summary>The Finesse state (<c>READY</c>, <c>NOT_READY</c>, <c>TALKING</c>, <c>LOGOUT</c>, ...).</summary>
    public required string State { get; init; }

    /// <summary>Reason code of the state, when there is one.</summary>
    public string? ReasonCode { get; init; }

    /// <summary>Label of the reason code, when known.</summary>
    public string? ReasonCodeLabel { get; init; }

    /// <summary>The extension the agent signed in with.</summary>
    public string? Extension { get; init; }

    /// <summary>The agent's current calls.</summary>
    public IReadOnlyList<CallInfo> Calls { get; init; } = [];

    /// <summary>When the last Finesse event for this agent arrived.</summary>
    public DateTimeOffset? LastEventTime { get; init; }

    /// <summary>Client ids of the drivers connected to this agent.</summary>
    public IReadOnlyList<string> Clients { get; init; } = [];
}
