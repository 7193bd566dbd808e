namespace SiebelCti.OpenWire.Commands;

/// <summary>Producer flow-control acknowledgement (type 19).</summary>
internal sealed record ProducerAck : Command
{
    public override byte DataType => Codec.DataType.ProducerAck;

    public ProducerId? ProducerId { get; init; }

    public int Size { get; init; }
}
