namespace SiebelCti.OpenWire.Commands;

/// <summary>Session registration (type 4).</summary>
internal sealed record SessionInfo : Command
{
    public override byte DataType => Codec.DataType.SessionInfo;

    public SessionId? SessionId { get; init; }
}
