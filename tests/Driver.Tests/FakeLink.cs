using System.Collections.Concurrent;
using SiebelCti.Connector.Messaging;
using SiebelCti.Driver.Connector;

namespace SiebelCti.Driver.Tests;

/// <summary>A link that records what the driver sends; the test plays the broker through <see cref="Sink"/>.</summary>
internal sealed class FakeLink : IConnectorLink
{
    public IConnectorSink? Sink { get; private set; }

    public ConcurrentQueue<ConnectorEnvelope> Sent { get; } = new();

    public void Start(IConnectorSink sink) => Sink = sink;

    public bool TrySend(ConnectorEnvelope request)
    {
        Sent.Enqueue(request);
        return true;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
