namespace SiebelCti.OpenWire.Commands;

/// <summary>Removal of a connection, session, consumer or producer (type 12).</summary>
internal sealed record RemoveInfo : Command
{
    public override byte DataType => Codec.DataType.RemoveInfo;

    public DataStructure? ObjectId { get; init; }

    public long LastDeliveredSequenceId { get; init; }
}
