namespace SiebelCti.OpenWire.Commands;

/// <summary>Keep-alive (type 10), sent when a side has written nothing for a while.</summary>
internal sealed record KeepAliveInfo : Command
{
    public override byte DataType => Codec.DataType.KeepAliveInfo;
}
