using Microsoft.Extensions.Time.Testing;
using SiebelCti.OpenWire.Commands;

namespace SiebelCti.OpenWire.Tests;

/// <summary>The transport's one deadline sweep, driven by fake time: a persistent send the broker never answers.</summary>
public sealed class SendDeadlineTests
{
    [Fact]
    public async Task PersistentSend_BrokerNeverAnswers_TimesOutAtSendTimeoutAndTheConnectionStaysOpen()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var broker = new FakeBroker { Answers = c => c is not MessageCommand { Persistent: true, Type: "unanswered" } };
        _ = broker.ServeAsync(maxInactivityMs: null, ct);
        var options = new OpenWireOptions { BrokerUri = broker.Uri, SendTimeout = TimeSpan.FromSeconds(5) };
        await using var connection = await OpenWireConnection.ConnectAsync(options, null, time, ct);
        var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto, ct);
        var producer = await session.CreateProducerAsync(Destination.Queue("deadline"), ct);

        var send = producer.SendAsync(new TextMessage("x") { Type = "unanswered" }, persistent: true, ct);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(TimeSpan.FromSeconds(20));
        while (!broker.Received.OfType<MessageCommand>().Any())
        {
            await Task.Delay(10, wait.Token);
        }

        time.Advance(TimeSpan.FromSeconds(4.9));
        await Task.Delay(50, ct);
        Assert.False(send.IsCompleted, "the send gave up before its SendTimeout");

        time.Advance(TimeSpan.FromMilliseconds(200));
        var e = await Assert.ThrowsAsync<OpenWireException>(() => send).WaitAsync(TimeSpan.FromSeconds(10), ct);
        Assert.Equal(OpenWireErrorKind.Timeout, e.Kind);
        Assert.Contains("did not complete within 00:00:05", e.Message, StringComparison.Ordinal);

        // Only that request timed out: the next send on the same transport completes.
        Assert.Equal(OpenWireConnectionState.Open, connection.State);
        await producer.SendAsync(new TextMessage("y"), persistent: true, ct).WaitAsync(TimeSpan.FromSeconds(10), ct);
    }
}
