namespace SiebelCti.OpenWire.Commands;

/// <summary>Broker id (type 124).</summary>
internal sealed record BrokerId(string? Value) : DataStructure
{
    public override byte DataType => Codec.DataType.BrokerId;
}
