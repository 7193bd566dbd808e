using System.Collections.Concurrent;
using SiebelCti.Connector.Contract;
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

    /// <summary>
    /// Brings the link up as the real link does once the broker answers, and answers the driver's
    /// Hello as the Connector would: with a session (new unless <paramref name="resumed"/>).
    /// </summary>
    public ConnectorEnvelope Up(string session = "session-1", bool resumed = false)
    {
        Sink!.OnLinkStatus(true, "test link up");
        var hello = Sent.Last(e => e.Message is Hello);
        AnswerHello(hello, session, resumed);
        return hello;
    }

    /// <summary>The Connector's answer to <paramref name="hello"/>.</summary>
    public void AnswerHello(ConnectorEnvelope hello, string session, bool resumed) =>
        Sink!.OnMessage(ConnectorWire.Read(ConnectorWire.ToMessage(new ConnectorEnvelope(
            new SystemStatus(SystemStatus.InService, "test", "A", Session: session, Resumed: resumed), hello.CorrelationId))));
}
