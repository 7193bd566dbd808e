namespace SiebelCti.OpenWire.Commands;

/// <summary>A message delivered to one of our consumers (type 21).</summary>
internal sealed record MessageDispatch : Command
{
    public override byte DataType => Codec.DataType.MessageDispatch;

    public ConsumerId? ConsumerId { get; init; }

    public DestinationRef? Destination { get; init; }

    public MessageCommand? Message { get; init; }

    public int RedeliveryCounter { get; init; }
}
