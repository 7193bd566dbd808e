namespace SiebelCti.OpenWire.Commands;

/// <summary>The broker refused a command (type 31).</summary>
internal sealed record ExceptionResponse : Response
{
    public override byte DataType => Codec.DataType.ExceptionResponse;

    public BrokerError? Exception { get; init; }
}
