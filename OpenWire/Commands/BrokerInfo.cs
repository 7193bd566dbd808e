namespace SiebelCti.OpenWire.Commands;

/// <summary>Broker description (type 2), sent by the broker after negotiation.</summary>
internal sealed record BrokerInfo : Command
{
    public override byte DataType => Codec.DataType.BrokerInfo;

    public BrokerId? BrokerId { get; init; }

    public string? BrokerUrl { get; init; }

    public IReadOnlyList<BrokerInfo>? PeerBrokerInfos { get; init; }

    public string? BrokerName { get; init; }

    public bool SlaveBroker { get; init; }

    public bool MasterBroker { get; init; }

    public bool FaultTolerantConfiguration { get; init; }

    public bool DuplexConnection { get; init; }

    public bool NetworkConnection { get; init; }

    public long ConnectionId { get; init; }

    public string? BrokerUploadUrl { get; init; }

    public string? NetworkProperties { get; init; }
}
