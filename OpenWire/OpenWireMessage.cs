using SiebelCti.OpenWire.Commands;

namespace SiebelCti.OpenWire;

/// <summary>A JMS message: <see cref="TextMessage"/> or <see cref="BytesMessage"/>.</summary>
public abstract class OpenWireMessage
{
    private protected OpenWireMessage()
    {
    }

    /// <summary>JMSType.</summary>
    public string? Type { get; set; }

    /// <summary>JMSCorrelationID.</summary>
    public string? CorrelationId { get; set; }

    /// <summary>JMSReplyTo.</summary>
    public Destination? ReplyTo { get; set; }

    /// <summary>
    /// JMSExpiration: after this instant the broker discards the message and a consumer should not
    /// act on it; null (the default) never expires. Carried in milliseconds since the Unix epoch of
    /// the sender's clock, as every JMS client does.
    /// </summary>
    public DateTimeOffset? Expiration { get; set; }

    /// <summary>JMSPriority (0..9, default 4).</summary>
    public byte Priority { get; set; } = 4;

    public MessageProperties Properties { get; } = new();

    /// <summary>JMSMessageID, set on sent and received messages.</summary>
    public string? MessageId { get; internal set; }

    /// <summary>JMSTimestamp, set on sent and received messages.</summary>
    public DateTimeOffset? Timestamp { get; internal set; }

    /// <summary>The destination a received message was sent to.</summary>
    public Destination? Destination { get; internal set; }

    /// <summary>JMSDeliveryMode of a received message.</summary>
    public bool Persistent { get; internal set; }

    /// <summary>How often the broker delivered a received message before (JMSRedelivered when above 0).</summary>
    public int RedeliveryCounter { get; internal set; }

    public bool Redelivered => RedeliveryCounter > 0;

    /// <summary>
    /// JMSXUserID of a received message: the broker user that sent it. Trustworthy only from a broker
    /// that stamps it itself (ActiveMQ <c>populateJMSXUserID="true"</c>, see docs/operations.md);
    /// otherwise whatever the sender put there, or null.
    /// </summary>
    public string? UserId { get; internal set; }

    internal MessageDispatch? Dispatch { get; set; }

    internal long Generation { get; set; }
}
