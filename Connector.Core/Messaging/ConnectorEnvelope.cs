namespace SiebelCti.Connector.Messaging;

/// <summary>
/// A contract message with the identity that travels in message headers: <c>JMSType</c> (the
/// message type), <c>JMSCorrelationID</c> (the request id: set by the Driver on a request and echoed
/// on every response, event or error that answers it) and the properties <c>agentId</c>,
/// <c>clientId</c> and <c>protocolVersion</c>.
/// </summary>
public sealed record ConnectorEnvelope(
    ConnectorMessage Message,
    string? CorrelationId = null,
    string? AgentId = null,
    string? ClientId = null,
    int ProtocolVersion = ConnectorEnvelope.CurrentProtocolVersion)
{
    /// <summary>The contract version this build speaks.</summary>
    public const int CurrentProtocolVersion = 1;

    /// <summary>Message property holding the agent id.</summary>
    public const string AgentIdProperty = "agentId";

    /// <summary>Message property holding the client id.</summary>
    public const string ClientIdProperty = "clientId";

    /// <summary>Message property holding the protocol version.</summary>
    public const string ProtocolVersionProperty = "protocolVersion";

    /// <summary>The <c>JMSType</c> value.</summary>
    public string MessageType => Message.MessageType;
}
