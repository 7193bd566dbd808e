namespace SiebelCti.OpenWire.Commands;

/// <summary>Consumer registration (type 5).</summary>
internal sealed record ConsumerInfo : Command
{
    public override byte DataType => Codec.DataType.ConsumerInfo;

    public ConsumerId? ConsumerId { get; init; }

    public bool Browser { get; init; }

    public DestinationRef? Destination { get; init; }

    public int PrefetchSize { get; init; }

    public int MaximumPendingMessageLimit { get; init; }

    public bool DispatchAsync { get; init; }

    public string? Selector { get; init; }

    public string? ClientId { get; init; }

    public string? SubscriptionName { get; init; }

    public bool NoLocal { get; init; }

    public bool Exclusive { get; init; }

    public bool Retroactive { get; init; }

    public byte Priority { get; init; }

    public IReadOnlyList<BrokerId>? BrokerPath { get; init; }

    public bool NetworkSubscription { get; init; }

    public bool OptimizedAcknowledge { get; init; }

    public bool NoRangeAcks { get; init; }

    public IReadOnlyList<ConsumerId>? NetworkConsumerPath { get; init; }
}
