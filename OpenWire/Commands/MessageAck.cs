namespace SiebelCti.OpenWire.Commands;

/// <summary>Acknowledgement of a range of delivered messages (type 22).</summary>
internal sealed record MessageAck : Command
{
    public const byte DeliveredAck = 0;
    public const byte PoisonAck = 1;
    public const byte StandardAck = 2;
    public const byte IndividualAck = 4;

    public override byte DataType => Codec.DataType.MessageAck;

    public DestinationRef? Destination { get; init; }

    public DataStructure? TransactionId { get; init; }

    public ConsumerId? ConsumerId { get; init; }

    public byte AckType { get; init; }

    public MessageId? FirstMessageId { get; init; }

    public MessageId? LastMessageId { get; init; }

    public int MessageCount { get; init; }

    public BrokerError? PoisonCause { get; init; }
}
