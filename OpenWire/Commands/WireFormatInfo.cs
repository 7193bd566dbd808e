namespace SiebelCti.OpenWire.Commands;

/// <summary>Wire format negotiation (type 1): magic "ActiveMQ", version and a property map.</summary>
internal sealed record WireFormatInfo(int Version, IReadOnlyDictionary<string, object?> Properties) : DataStructure
{
    public static ReadOnlySpan<byte> Magic => "ActiveMQ"u8;

    public override byte DataType => Codec.DataType.WireFormatInfo;

    public bool GetBool(string name) => Properties.TryGetValue(name, out var v) && v is true;

    public long? GetLong(string name) => Properties.TryGetValue(name, out var v) ? v switch
    {
        long l => l,
        int i => i,
        _ => null,
    } : null;
}
