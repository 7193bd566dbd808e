namespace SiebelCti.OpenWire.Commands;

/// <summary>Producer registration (type 6).</summary>
internal sealed record ProducerInfo : Command
{
    public override byte DataType => Codec.DataType.ProducerInfo;

    public ProducerId? ProducerId { get; init; }

    public DestinationRef? Destination { get; init; }

    public IReadOnlyList<BrokerId>? BrokerPath { get; init; }

    public bool DispatchAsync { get; init; }

    public int WindowSize { get; init; }
}
