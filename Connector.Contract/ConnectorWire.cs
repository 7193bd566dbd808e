using System.Globalization;
using SiebelCti.OpenWire;

namespace SiebelCti.Connector.Contract;

/// <summary>
/// How contract messages travel as OpenWire TextMessages (docs/protocols/connector-messages.md):
/// the body is the JSON object, <c>JMSType</c> the message type, <c>JMSCorrelationID</c> the request
/// id, and the properties <c>agentId</c>, <c>clientId</c> and <c>protocolVersion</c>. Shared by the
/// Driver and the Connector so the two sides cannot drift.
/// </summary>
public static class ConnectorWire
{
    /// <summary>The Connector's request queue unless configured otherwise.</summary>
    public const string DefaultRequestQueue = "SiebelCti.Connector.Requests";

    /// <summary>The prefix of each client's topic unless configured otherwise.</summary>
    public const string DefaultClientTopicPrefix = "SiebelCti.Client.";

    /// <summary>
    /// The destination on which the Connector publishes to <paramref name="clientId"/>. Only a
    /// <see cref="ClientIds.IsValid">valid</see> client id names a destination: ActiveMQ reads a
    /// comma as a list of destinations and a scheme prefix as another destination kind.
    /// </summary>
    /// <exception cref="ArgumentException">The client id is not valid.</exception>
    public static Destination ClientTopic(string prefix, string clientId) =>
        ClientIds.IsValid(clientId)
            ? Destination.Topic(prefix + clientId)
            : throw new ArgumentException($"'{ClientIds.Printable(clientId)}' is not a valid client id", nameof(clientId));

    /// <summary>The TextMessage carrying <paramref name="envelope"/>.</summary>
    /// <exception cref="MessageEncodeException">The body would be too large.</exception>
    public static TextMessage ToMessage(ConnectorEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var message = new TextMessage(ConnectorMessageCodec.Encode(envelope.Message))
        {
            Type = envelope.MessageType,
            CorrelationId = envelope.CorrelationId,
            Expiration = envelope.Deadline,
        };
        if (envelope.AgentId is { } agentId)
        {
            message.Properties.Set(ConnectorEnvelope.AgentIdProperty, agentId);
        }

        if (envelope.ClientId is { } clientId)
        {
            message.Properties.Set(ConnectorEnvelope.ClientIdProperty, clientId);
        }

        if (envelope.Session is { } session)
        {
            message.Properties.Set(ConnectorEnvelope.SessionProperty, session);
        }

        message.Properties.Set(ConnectorEnvelope.ProtocolVersionProperty, envelope.ProtocolVersion);
        return message;
    }

    /// <summary>The parts of a received message, undecoded: whatever the sender put there, or nulls.</summary>
    public static WireMessage Read(OpenWireMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new WireMessage(
            message.Type,
            (message as TextMessage)?.Text,
            message.CorrelationId,
            StringProperty(message, ConnectorEnvelope.AgentIdProperty),
            StringProperty(message, ConnectorEnvelope.ClientIdProperty),
            VersionProperty(message))
        {
            Session = StringProperty(message, ConnectorEnvelope.SessionProperty),
            Deadline = message.Expiration,
            BrokerUser = message.UserId,
        };
    }

    /// <summary>
    /// Decodes a received message into an envelope. Refuses a <c>protocolVersion</c> other than
    /// <see cref="ConnectorEnvelope.CurrentProtocolVersion"/> (a message without one is taken to be
    /// of this version) and whatever the codec refuses, each with its stable
    /// <see cref="ConnectorErrorCode"/>. Never throws for bad input.
    /// </summary>
    public static EnvelopeDecodeResult Decode(WireMessage wire)
    {
        ArgumentNullException.ThrowIfNull(wire);
        if (wire.ProtocolVersion is { } version && version != ConnectorEnvelope.CurrentProtocolVersion)
        {
            return EnvelopeDecodeResult.Fail(ConnectorErrorCode.ProtocolVersionUnsupported,
                $"protocolVersion {version} is not supported; this side speaks {ConnectorEnvelope.CurrentProtocolVersion}");
        }

        var decoded = ConnectorMessageCodec.Decode(wire.MessageType, wire.Body);
        return decoded.Success
            ? EnvelopeDecodeResult.Ok(new ConnectorEnvelope(decoded.Message!, wire.CorrelationId, wire.AgentId, wire.ClientId,
                wire.ProtocolVersion ?? ConnectorEnvelope.CurrentProtocolVersion) { Session = wire.Session, Deadline = wire.Deadline })
            : EnvelopeDecodeResult.Fail(decoded.ErrorCode!, decoded.ErrorMessage!);
    }

    private static string? StringProperty(OpenWireMessage message, string name) =>
        message.Properties.TryGetValue(name, out var value) ? value as string : null;

    // Accept the version as any integer type or as text: other clients may set it either way.
    private static int? VersionProperty(OpenWireMessage message) =>
        message.Properties.TryGetValue(ConnectorEnvelope.ProtocolVersionProperty, out var value)
            ? value switch
            {
                int i => i,
                long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
                short s => s,
                byte b => b,
                string text when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => -1,
            }
            : null;
}

/// <summary>A received contract message before decoding.</summary>
public sealed record WireMessage(string? MessageType, string? Body, string? CorrelationId, string? AgentId, string? ClientId, int? ProtocolVersion)
{
    /// <summary>The <c>clientSession</c> property, if any.</summary>
    public string? Session { get; init; }

    /// <summary>JMSExpiration, if the sender set one.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>JMSXUserID: the broker user that sent the message, as a broker that stamps it says (null otherwise).</summary>
    public string? BrokerUser { get; init; }
}
