namespace SiebelCti.OpenWire.Commands;

/// <summary>XA transaction id (type 112). Decoded for completeness; we never start transactions.</summary>
internal sealed record XaTransactionId(int FormatId, byte[]? GlobalTransactionId, byte[]? BranchQualifier) : DataStructure
{
    public override byte DataType => Codec.DataType.XaTransactionId;
}
