namespace SiebelCti.OpenWire.Commands;

/// <summary>Asynchronous connection error from the broker (type 16); the broker closes the connection after it.</summary>
internal sealed record ConnectionError : Command
{
    public override byte DataType => Codec.DataType.ConnectionError;

    public BrokerError? Exception { get; init; }

    public ConnectionId? ConnectionId { get; init; }
}
