namespace SiebelCti.OpenWire.Commands;

/// <summary>A top-level frame of a type we do not decode; the frame length lets us skip it safely.</summary>
internal sealed record UnknownCommand(byte Type, int Length) : DataStructure
{
    public override byte DataType => Type;
}
