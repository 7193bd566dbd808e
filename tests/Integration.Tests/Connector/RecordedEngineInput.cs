using System.Threading.Channels;
using SiebelCti.Connector.Contract;
using SiebelCti.Connector.Engine.Ports;

namespace SiebelCti.Integration.Tests.Connector;

/// <summary>Stands where the engine would: records what a port writes into it, in order.</summary>
internal sealed class RecordedEngineInput : IEngineInput
{
    public Channel<FinesseNotification> Notifications { get; } = Channel.CreateUnbounded<FinesseNotification>();

    public Channel<WireMessage> Requests { get; } = Channel.CreateUnbounded<WireMessage>();

    public Channel<bool> Connectivity { get; } = Channel.CreateUnbounded<bool>();

    public ValueTask RequestAsync(WireMessage request, CancellationToken cancellationToken) => Requests.Writer.WriteAsync(request, cancellationToken);

    public void BrokerConnectivity(bool connected) => Connectivity.Writer.TryWrite(connected);

    public ValueTask NotificationAsync(FinesseNotification notification, CancellationToken cancellationToken) =>
        Notifications.Writer.WriteAsync(notification, cancellationToken);
}
