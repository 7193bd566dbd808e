namespace SiebelCti.OpenWire;

/// <summary>A state change of an <see cref="OpenWireConnection"/>, with the broker and the cause if any.</summary>
public sealed class OpenWireStateChangedEventArgs(OpenWireConnectionState previous, OpenWireConnectionState current, string? broker, OpenWireException? cause) : EventArgs
{
    public OpenWireConnectionState Previous { get; } = previous;

    public OpenWireConnectionState Current { get; } = current;

    /// <summary>The broker endpoint (<c>tcp://host:port</c>) now connected to, or the one just lost.</summary>
    public string? Broker { get; } = broker;

    public OpenWireException? Cause { get; } = cause;
}
