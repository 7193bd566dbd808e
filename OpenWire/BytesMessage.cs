namespace SiebelCti.OpenWire;

/// <summary>A JMS BytesMessage (an opaque body).</summary>
public sealed class BytesMessage(ReadOnlyMemory<byte> body) : OpenWireMessage
{
    public BytesMessage()
        : this(ReadOnlyMemory<byte>.Empty)
    {
    }

    public ReadOnlyMemory<byte> Body { get; set; } = body;
}
