namespace SiebelCti.OpenWire.Commands;

/// <summary>A response carrying one integer (type 34).</summary>
internal sealed record IntegerResponse : Response
{
    public override byte DataType => Codec.DataType.IntegerResponse;

    public int Result { get; init; }
}
