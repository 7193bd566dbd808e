using SiebelCti.Connector.Messaging;

namespace SiebelCti.Driver.Connector;

/// <summary>
/// The link used for a real broker URI until the OpenWire client is wired in: it reports the
/// broker as unavailable, and every request fails at once (HandleError with the command's tracking
/// id) instead of hanging. Replaced by the OpenWire link when Connector.Core/OpenWire lands.
/// </summary>
internal sealed class PendingOpenWireLink(string brokerUri) : IConnectorLink
{
    public void Start(IConnectorSink sink) =>
        sink.OnLinkStatus(false, $"no OpenWire transport in this build for {brokerUri}");

    public bool TrySend(ConnectorEnvelope request) => false;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
