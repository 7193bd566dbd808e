namespace SiebelCti.OpenWire.Transport;

/// <summary>One broker address of a broker URI: <c>tcp://host:port</c> or <c>ssl://host:port</c>.</summary>
public sealed record BrokerEndpoint(bool UseTls, string Host, int Port)
{
    public override string ToString() => $"{(UseTls ? "ssl" : "tcp")}://{Host}:{Port}";
}
