using SiebelCti.OpenWire.Commands;

namespace SiebelCti.OpenWire.Transport;

/// <summary>Receives what a transport's read loop produces. Implementations must not block.</summary>
internal interface ITransportListener
{
    /// <summary>A command that is not a response and not transport housekeeping (dispatches, controls, broker info).</summary>
    void OnCommand(OpenWireTransport transport, Command command);

    /// <summary>The transport failed; called exactly once, never for an orderly close.</summary>
    void OnTransportFailed(OpenWireTransport transport, OpenWireException cause);
}
