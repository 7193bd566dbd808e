namespace SiebelCti.OpenWire;

/// <summary>A JMS TextMessage (any Unicode text).</summary>
public sealed class TextMessage(string? text) : OpenWireMessage
{
    public TextMessage()
        : this(null)
    {
    }

    public string? Text { get; set; } = text;
}
