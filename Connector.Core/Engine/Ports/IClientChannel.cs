using System.Threading.Channels;
using SiebelCti.Connector.Contract;

namespace SiebelCti.Connector.Engine.Ports;

/// <summary>
/// The broker side of the engine: requests from the request queue in, envelopes out to client
/// destinations. The production implementation runs over our OpenWire client.
/// </summary>
public interface IClientChannel
{
    /// <summary>Requests as they arrive, undecoded (the engine decodes and answers bad ones).</summary>
    ChannelReader<WireMessage> Requests { get; }

    /// <summary>Broker connectivity: true while the channel can publish.</summary>
    ChannelReader<bool> ConnectivityChanges { get; }

    /// <summary>Publishes <paramref name="envelope"/> on the destination of <paramref name="clientId"/>.</summary>
    Task PublishAsync(string clientId, ConnectorEnvelope envelope, CancellationToken cancellationToken);
}
