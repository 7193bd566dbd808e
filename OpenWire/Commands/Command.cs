namespace SiebelCti.OpenWire.Commands;

/// <summary>An OpenWire command: a structure with a command id and a response-required flag.</summary>
internal abstract record Command : DataStructure
{
    public int CommandId { get; init; }

    public bool ResponseRequired { get; init; }
}
