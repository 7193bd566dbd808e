namespace SiebelCti.OpenWire.Commands;

/// <summary>Connection id (type 120).</summary>
internal sealed record ConnectionId(string? Value) : DataStructure
{
    public override byte DataType => Codec.DataType.ConnectionId;
}
