using SiebelCti.Connector.Contract;

namespace SiebelCti.Connector.Engine.Ports;

/// <summary>
/// The engine's one way in: what the adapters take in (a driver's request, a change of broker
/// connectivity, a Finesse notification) is written straight into the engine's single bounded work
/// queue, in the order it happened. The engine attaches itself to each port when it is built.
/// </summary>
public interface IEngineInput
{
    /// <summary>
    /// Queues a request as the broker delivered it. Waits while the engine's queue is full, so the
    /// consumer reads no further and the broker holds the rest (backpressure, nothing dropped).
    /// </summary>
    ValueTask RequestAsync(WireMessage request, CancellationToken cancellationToken);

    /// <summary>
    /// Reports broker connectivity (true while publishing works). Never waits and is never lost:
    /// the engine takes in the latest state before the next item it handles.
    /// </summary>
    void BrokerConnectivity(bool connected);

    /// <summary>
    /// Queues a Finesse notification or health change. Waits while the engine's queue is full, so
    /// the XMPP session reads no further (backpressure to the server, nothing dropped).
    /// </summary>
    ValueTask NotificationAsync(FinesseNotification notification, CancellationToken cancellationToken);
}
