namespace SiebelCti.OpenWire.Commands;

/// <summary>Local transaction id (type 111). Decoded for completeness; we never start transactions.</summary>
internal sealed record LocalTransactionId(ConnectionId? ConnectionId, long Value) : DataStructure
{
    public override byte DataType => Codec.DataType.LocalTransactionId;
}
