namespace SiebelCti.OpenWire.Commands;

/// <summary>Destination add/remove (type 8), used for temporary destinations.</summary>
internal sealed record DestinationInfo : Command
{
    public const byte AddOperation = 0;
    public const byte RemoveOperation = 1;

    public override byte DataType => Codec.DataType.DestinationInfo;

    public ConnectionId? ConnectionId { get; init; }

    public DestinationRef? Destination { get; init; }

    public byte OperationType { get; init; }

    public long Timeout { get; init; }

    public IReadOnlyList<BrokerId>? BrokerPath { get; init; }
}
