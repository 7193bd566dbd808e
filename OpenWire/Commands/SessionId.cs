namespace SiebelCti.OpenWire.Commands;

/// <summary>Session id (type 121).</summary>
internal sealed record SessionId(string? ConnectionId, long Value) : DataStructure
{
    public override byte DataType => Codec.DataType.SessionId;
}
