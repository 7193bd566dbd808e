namespace SiebelCti.OpenWire.Commands;

/// <summary>Broker-side control of the connection (type 18).</summary>
internal sealed record ConnectionControl : Command
{
    public override byte DataType => Codec.DataType.ConnectionControl;

    public bool Close { get; init; }

    public bool Exit { get; init; }

    public bool FaultTolerant { get; init; }

    public bool Resume { get; init; }

    public bool Suspend { get; init; }

    public string? ConnectedBrokers { get; init; }

    public string? ReconnectTo { get; init; }

    public bool RebalanceConnection { get; init; }

    public byte[]? Token { get; init; }
}
