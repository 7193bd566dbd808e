namespace SiebelCti.OpenWire.Commands;

/// <summary>Message id (type 110): optional text view, producer id and the two sequence numbers.</summary>
internal sealed record MessageId(string? TextView, ProducerId? ProducerId, long ProducerSequenceId, long BrokerSequenceId) : DataStructure
{
    public override byte DataType => Codec.DataType.MessageId;

    /// <summary>The JMS form "ID:producer:sequence", as the Java client prints it.</summary>
    public string ToJmsString() => TextView ?? (ProducerId is { } p
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p.ConnectionId}:{p.SessionId}:{p.Value}:{ProducerSequenceId}")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ProducerSequenceId}"));
}
