namespace SiebelCti.OpenWire.Commands;

/// <summary>Free-form control command (type 14).</summary>
internal sealed record ControlCommand : Command
{
    public override byte DataType => Codec.DataType.ControlCommand;

    public string? Command { get; init; }
}
