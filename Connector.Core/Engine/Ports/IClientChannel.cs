using SiebelCti.Connector.Contract;

namespace SiebelCti.Connector.Engine.Ports;

/// <summary>
/// The broker side of the engine: requests from the request queue in, envelopes out to client
/// destinations. The production implementation runs over our OpenWire client.
/// </summary>
public interface IClientChannel
{
    /// <summary>
    /// Called once by the engine when it is built: from then on every request (undecoded; the engine
    /// decodes and answers bad ones) and every change of connectivity goes to <paramref name="engine"/>.
    /// </summary>
    void Attach(IEngineInput engine);

    /// <summary>Publishes <paramref name="envelope"/> on the destination of <paramref name="clientId"/>.</summary>
    Task PublishAsync(string clientId, ConnectorEnvelope envelope, CancellationToken cancellationToken);
}
