namespace SiebelCti.Connector.Contract;

/// <summary>
/// A contract message with the identity that travels in message headers: <c>JMSType</c> (the
/// message type), <c>JMSCorrelationID</c> (the request id: set by the Driver on a request and echoed
/// on every response, event or error that answers it), <c>JMSExpiration</c> (a request's
/// <see cref="Deadline"/>) and the properties <c>agentId</c>, <c>clientId</c>,
/// <c>clientSession</c> and <c>protocolVersion</c>.
/// </summary>
public sealed record ConnectorEnvelope(
    ConnectorMessage Message,
    string? CorrelationId = null,
    string? AgentId = null,
    string? ClientId = null,
    int ProtocolVersion = ConnectorEnvelope.CurrentProtocolVersion)
{
    /// <summary>
    /// The client's session token (the one the Connector's answer to <c>Hello</c> gave it), on every
    /// request after that <c>Hello</c>; never logged. It binds the request to the session whose
    /// logins proved the agents' credentials (docs/security.md).
    /// </summary>
    public string? Session { get; init; }

    /// <summary>
    /// A request's deadline (JMSExpiration), set by the Driver: after it the Connector drops the
    /// request unexecuted. Null: no deadline.
    /// </summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>Message property holding the client's session token.</summary>
    public const string SessionProperty = "clientSession";

    /// <summary>The contract version this build speaks.</summary>
    public const int CurrentProtocolVersion = 1;

    /// <summary>Message property holding the agent id.</summary>
    public const string AgentIdProperty = "agentId";

    /// <summary>Message property holding the client id.</summary>
    public const string ClientIdProperty = "clientId";

    /// <summary>Message property holding the protocol version.</summary>
    public const string ProtocolVersionProperty = "protocolVersion";

    /// <summary>
    /// The longest agent id, correlation id or <c>clientSession</c> a side accepts (characters); a request with a
    /// longer one is dropped unanswered (<c>MESSAGE_TOO_LARGE</c>): the body's limit does not cover properties.
    /// </summary>
    public const int MaxIdLength = 256;

    /// <summary>The <c>JMSType</c> value.</summary>
    public string MessageType => Message.MessageType;
}
