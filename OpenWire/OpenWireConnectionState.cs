namespace SiebelCti.OpenWire;

/// <summary>The one state of an <see cref="OpenWireConnection"/>, changed only by its supervisor.</summary>
public enum OpenWireConnectionState
{
    /// <summary>Created, not yet connecting.</summary>
    Disconnected,

    /// <summary>Opening the first transport (TCP/TLS, wire format negotiation, ConnectionInfo).</summary>
    Connecting,

    /// <summary>Connected; sends and deliveries flow.</summary>
    Open,

    /// <summary>The transport was lost; a failover URI is reconnecting and will replay sessions and consumers.</summary>
    Reconnecting,

    /// <summary>The connection failed for good (no failover, or reconnect attempts exhausted); see the fault.</summary>
    Faulted,

    /// <summary>Closed by the application.</summary>
    Closed,
}
