namespace SiebelCti.OpenWire.Commands;

/// <summary>Broker-side control of a consumer (type 17): close, prefetch change, start/stop.</summary>
internal sealed record ConsumerControl : Command
{
    public override byte DataType => Codec.DataType.ConsumerControl;

    public DestinationRef? Destination { get; init; }

    public bool Close { get; init; }

    public ConsumerId? ConsumerId { get; init; }

    public int Prefetch { get; init; }

    public bool Flush { get; init; }

    public bool Start { get; init; }

    public bool Stop { get; init; }
}
