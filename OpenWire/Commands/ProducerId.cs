namespace SiebelCti.OpenWire.Commands;

/// <summary>Producer id (type 123). Wire order: connection id, value, session id.</summary>
internal sealed record ProducerId(string? ConnectionId, long Value, long SessionId) : DataStructure
{
    public override byte DataType => Codec.DataType.ProducerId;
}
