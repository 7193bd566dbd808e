namespace SiebelCti.OpenWire.Commands;

/// <summary>Consumer id (type 122).</summary>
internal sealed record ConsumerId(string? ConnectionId, long SessionId, long Value) : DataStructure
{
    public override byte DataType => Codec.DataType.ConsumerId;
}
