namespace SiebelCti.OpenWire.Commands;

/// <summary>Any OpenWire structure that is marshalled with a leading type byte.</summary>
internal abstract record DataStructure
{
    public abstract byte DataType { get; }
}
