namespace SiebelCti.OpenWire.Commands;

/// <summary>A destination on the wire (types 100..103): queue, topic, temporary queue, temporary topic.</summary>
internal sealed record DestinationRef(byte Type, string? PhysicalName) : DataStructure
{
    public override byte DataType => Type;
}
