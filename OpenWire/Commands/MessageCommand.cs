namespace SiebelCti.OpenWire.Commands;

/// <summary>
/// An ActiveMQ message (types 23..29, given by <see cref="Kind"/>). <see cref="Content"/> is the
/// marshalled body (text: 32-bit length + modified UTF-8; bytes: raw), possibly deflated when
/// <see cref="Compressed"/>; <see cref="MarshalledProperties"/> is a primitive map.
/// </summary>
internal sealed record MessageCommand : Command
{
    public required byte Kind { get; init; }

    public override byte DataType => Kind;

    public ProducerId? ProducerId { get; init; }

    public DestinationRef? Destination { get; init; }

    public DataStructure? TransactionId { get; init; }

    public DestinationRef? OriginalDestination { get; init; }

    public MessageId? MessageId { get; init; }

    public DataStructure? OriginalTransactionId { get; init; }

    public string? GroupId { get; init; }

    public int GroupSequence { get; init; }

    public string? CorrelationId { get; init; }

    public bool Persistent { get; init; }

    public long Expiration { get; init; }

    public byte Priority { get; init; }

    public DestinationRef? ReplyTo { get; init; }

    public long Timestamp { get; init; }

    public string? Type { get; init; }

    public byte[]? Content { get; init; }

    public byte[]? MarshalledProperties { get; init; }

    public DataStructure? DataStructure { get; init; }

    public ConsumerId? TargetConsumerId { get; init; }

    public bool Compressed { get; init; }

    public int RedeliveryCounter { get; init; }

    public IReadOnlyList<BrokerId>? BrokerPath { get; init; }

    public long Arrival { get; init; }

    public string? UserId { get; init; }

    public bool ReceivedByDfBridge { get; init; }

    public bool Droppable { get; init; }

    public IReadOnlyList<BrokerId>? Cluster { get; init; }

    public long BrokerInTime { get; init; }

    public long BrokerOutTime { get; init; }

    public bool JmsxGroupFirstForConsumer { get; init; }
}
