namespace SiebelCti.OpenWire.Commands;

/// <summary>Orderly shutdown notice (type 11), the last command before closing the socket.</summary>
internal sealed record ShutdownInfo : Command
{
    public override byte DataType => Codec.DataType.ShutdownInfo;
}
