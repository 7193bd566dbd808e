using System.Collections.Immutable;

namespace SiebelCti.Driver.Connector;

// The driver's own view of the Driver <-> Connector exchange (ARCHITECTURE.md §3), independent of
// the wire: an IConnectorLink turns these into contract messages (Connector.Core/Messaging) and
// back. Keeping the services on this small model lets them be tested without a broker.

/// <summary>A request to the connector. <see cref="Type"/> is the contract's message type (JMSType).</summary>
internal sealed record ConnectorRequest(string Type, string RequestId, string AgentId, ImmutableDictionary<string, string> Fields)
{
    public string? Field(string name) => Fields.GetValueOrDefault(name);
}

/// <summary>Something the connector sent; <see cref="CorrelationId"/> is the request it answers, if any.</summary>
internal abstract record ConnectorEvent(string AgentId, string? CorrelationId);

/// <summary><c>System</c>: the connector's health (IN_SERVICE or OUT_OF_SERVICE).</summary>
internal sealed record SystemEvent(bool InService, string Reason, string? ActiveSide) : ConnectorEvent("", null);

/// <summary><c>AgentState</c>: the agent as Finesse reports it.</summary>
internal sealed record AgentStateEvent(string AgentId, string? CorrelationId, string State, string? ReasonCode, string? ReasonLabel,
    string? PendingState, string? Extension) : ConnectorEvent(AgentId, CorrelationId);

/// <summary>The agent's own participation in a dialog plus the dialog's data.</summary>
internal sealed record DialogSnapshot(string Id, string State, string MyState, string CallType, string? From, string? To,
    string? DialedNumber, int ParticipantCount, ImmutableDictionary<string, string> Variables, string? WrapUpReason);

/// <summary><c>Dialog</c>: the full dialog after a change.</summary>
internal sealed record DialogEvent(string AgentId, string? CorrelationId, DialogSnapshot Dialog) : ConnectorEvent(AgentId, CorrelationId);

/// <summary><c>DialogEnded</c>: the dialog is gone for this agent; <see cref="Reason"/> is e.g. TRANSFERRED or CONFERENCED.</summary>
internal sealed record DialogEndedEvent(string AgentId, string? CorrelationId, string DialogId, string? Reason) : ConnectorEvent(AgentId, CorrelationId);

/// <summary><c>ReasonCodes</c> / <c>WrapUpReasons</c>: a list the connector looked up.</summary>
internal sealed record ReasonListEvent(string AgentId, string? CorrelationId, string Kind, ImmutableArray<KeyValuePair<string, string>> Items)
    : ConnectorEvent(AgentId, CorrelationId);

/// <summary><c>Error</c>: the request <see cref="ConnectorEvent.CorrelationId"/> failed.</summary>
internal sealed record ErrorEvent(string AgentId, string? CorrelationId, string Code, string Message) : ConnectorEvent(AgentId, CorrelationId);

/// <summary>The link to the broker itself went up or down (not a connector message).</summary>
internal sealed record LinkStatusEvent(bool Up, string Reason) : ConnectorEvent("", null);

/// <summary>Where a link delivers what it receives. Called on the link's own thread; must not block.</summary>
internal interface IConnectorSink
{
    void OnEvent(ConnectorEvent message);
}

/// <summary>
/// "Send request / receive events": the one seam between the driver and its transport. The real
/// implementation speaks OpenWire to the connector; <see cref="LoopbackConnector"/> is the
/// test-only in-process connector.
/// </summary>
internal interface IConnectorLink : IAsyncDisposable
{
    /// <summary>Starts connecting in the background; events then flow to <paramref name="sink"/>.</summary>
    void Start(IConnectorSink sink);

    /// <summary>Queues <paramref name="request"/> without blocking; false when the link cannot take it.</summary>
    bool TrySend(ConnectorRequest request);
}
