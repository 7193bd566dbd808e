namespace SiebelCti.OpenWire.Commands;

/// <summary>Reply to a command that required a response (type 30); base of the other responses.</summary>
internal record Response : Command
{
    public override byte DataType => Codec.DataType.Response;

    public int CorrelationId { get; init; }
}
