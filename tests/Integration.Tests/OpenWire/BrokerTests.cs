using SiebelCti.OpenWire;

namespace SiebelCti.Integration.Tests.OpenWire;

/// <summary>Our OpenWire client against the real ActiveMQ 5.17 broker started by scripts/test.sh.</summary>
public sealed class BrokerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>Options for the lab broker as its privileged test user (arbitrary destinations).</summary>
    internal static OpenWireOptions Options(string? uri = null) => new()
    {
        BrokerUri = uri ?? $"tcp://{TestServices.Host}:{TestServices.ActiveMqPort}",
        UserName = TestServices.TestUser.Name,
        Password = TestServices.TestUser.Password,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        SendTimeout = TimeSpan.FromSeconds(10),
        RequestTimeout = TimeSpan.FromSeconds(10),
    };

    private static string Unique(string prefix) => $"test.{prefix}.{Guid.NewGuid():N}";

    [Fact]
    public async Task SendAndReceive_TextWithPropertiesAndHeaders_RoundTripsEveryField()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = await OpenWireConnection.ConnectAsync(Options(), cancellationToken: ct);
        Assert.Equal(OpenWireConnectionState.Open, connection.State);
        var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto, ct);
        var queue = Destination.Queue(Unique("text"));
        var consumer = await session.CreateConsumerAsync(queue, 10, cancellationToken: ct);
        var producer = await session.CreateProducerAsync(queue, ct);
        var replyTo = Destination.Topic("reply.topic");
        var sent = new TextMessage("héllo € 𝄞 \u0000 end") { Type = "Hello", CorrelationId = "corr-1", ReplyTo = replyTo };
        sent.Properties.Set("b", true).Set("y", (byte)7).Set("s", (short)-300).Set("i", 70000).Set("l", 1L << 40)
            .Set("f", 1.5f).Set("d", 2.25).Set("str", "ü").Set("bytes", new byte[] { 1, 2, 255 });

        await producer.SendAsync(sent, persistent: true, ct);
        var received = Assert.IsType<TextMessage>(await consumer.ReceiveAsync(ct).AsTask().WaitAsync(Wait, ct));

        Assert.Equal(sent.Text, received.Text);
        Assert.Equal("Hello", received.Type);
        Assert.Equal("corr-1", received.CorrelationId);
        Assert.Equal(replyTo, received.ReplyTo);
        Assert.Equal(queue, received.Destination);
        Assert.True(received.Persistent);
        Assert.Equal(sent.MessageId, received.MessageId);
        Assert.NotNull(received.Timestamp);
        Assert.Equal(true, received.Properties["b"]);
        Assert.Equal((byte)7, received.Properties["y"]);
        Assert.Equal((short)-300, received.Properties["s"]);
        Assert.Equal(70000, received.Properties["i"]);
        Assert.Equal(1L << 40, received.Properties["l"]);
        Assert.Equal(1.5f, received.Properties["f"]);
        Assert.Equal(2.25, received.Properties["d"]);
        Assert.Equal("ü", received.Properties["str"]);
        Assert.Equal(new byte[] { 1, 2, 255 }, received.Properties["bytes"]);
    }

    [Fact]
    public async Task SendAndReceive_BytesOnTopicNonPersistent_Delivered()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = await OpenWireConnection.ConnectAsync(Options(), cancellationToken: ct);
        var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto, ct);
        var topic = Destination.Topic(Unique("bytes"));
        var consumer = await session.CreateConsumerAsync(topic, cancellationToken: ct);
        var producer = await session.CreateProducerAsync(null, ct);

        await producer.SendAsync(topic, new BytesMessage(new byte[] { 0, 1, 2, 3 }), persistent: false, ct);
        var received = Assert.IsType<BytesMessage>(await consumer.ReceiveAsync(ct).AsTask().WaitAsync(Wait, ct));

        Assert.Equal(new byte[] { 0, 1, 2, 3 }, received.Body.ToArray());
        Assert.False(received.Persistent);
    }

    [Fact]
    public async Task NonPersistentSendsBackToBack_Coalesced_ArriveCompleteAndInOrderAtAConsumer()
    {
        // Each send completes once its frame is queued; the writes carry many frames each. The
        // lone send of SendAndReceive_BytesOnTopicNonPersistent_Delivered is the other end: one
        // frame, no further send, still delivered.
        var ct = TestContext.Current.CancellationToken;
        await using var connection = await OpenWireConnection.ConnectAsync(Options(), cancellationToken: ct);
        var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto, ct);
        var queue = Destination.Queue(Unique("burst"));
        var consumer = await session.CreateConsumerAsync(queue, 1000, cancellationToken: ct);
        var producer = await session.CreateProducerAsync(queue, ct);
        const int count = 10_000;

        for (var i = 0; i < count; i++)
        {
            await producer.SendAsync(new TextMessage(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), persistent: false, ct);
        }

        for (var i = 0; i < count; i++)
        {
            var received = Assert.IsType<TextMessage>(await consumer.ReceiveAsync(ct).AsTask().WaitAsync(Wait, ct));
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), received.Text);
            Assert.False(received.Persistent);
        }
    }

    [Fact]
    public async Task ClientAcknowledge_UnackedMessage_IsRedeliveredToTheNextConsumer()
    {
        var ct = TestContext.Current.CancellationToken;
        var queue = Destination.Queue(Unique("clientack"));
        await using (var connection = await OpenWireConnection.ConnectAsync(Options(), cancellationToken: ct))
        {
            var session = await connection.CreateSessionAsync(AcknowledgeMode.Client, ct);
            var producer = await session.CreateProducerAsync(queue, ct);
            await producer.SendAsync(new TextMessage("one"), true, ct);
            await producer.SendAsync(new TextMessage("two"), true, ct);
            var consumer = await session.CreateConsumerAsync(queue, 10, cancellationToken: ct);
            var first = await consumer.ReceiveAsync(ct).AsTask().WaitAsync(Wait, ct);
            await consumer.AcknowledgeAsync(first, ct);
            var second = await consumer.ReceiveAsync(ct).AsTask().WaitAsync(Wait, ct);
            Assert.Equal("two", ((TextMessage)second).Text);
        }

        await using var again = await OpenWireConnection.ConnectAsync(Options(), cancellationToken: ct);
        var session2 = await again.CreateSessionAsync(AcknowledgeMode.Auto, ct);
        var consumer2 = await session2.CreateConsumerAsync(queue, cancellationToken: ct);
        var redelivered = Assert.IsType<TextMessage>(await consumer2.ReceiveAsync(ct).AsTask().WaitAsync(Wait, ct));
        Assert.Equal("two", redelivered.Text);
        Assert.True(redelivered.Redelivered);
    }

    [Fact]
    public async Task RequestAsync_ResponderOnQueue_ReturnsTheCorrelatedReply()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = await OpenWireConnection.ConnectAsync(Options(), cancellationToken: ct);
        var service = Destination.Queue(Unique("service"));
        var serverSession = await connection.CreateSessionAsync(AcknowledgeMode.Auto, ct);
        var requests = await serverSession.CreateConsumerAsync(service, cancellationToken: ct);
        var replier = await serverSession.CreateProducerAsync(null, ct);
        var server = Task.Run(async () =>
        {
            var request = (TextMessage)await requests.ReceiveAsync(ct);
            await replier.SendAsync(request.ReplyTo!, new TextMessage("re: " + request.Text) { CorrelationId = request.CorrelationId }, false, ct);
        }, ct);
        var client = await connection.CreateSessionAsync(AcknowledgeMode.Auto, ct);

        var reply = await client.RequestAsync(service, new TextMessage("ping"), TimeSpan.FromSeconds(10), ct);

        Assert.Equal("re: ping", ((TextMessage)reply).Text);
        Assert.Equal(DestinationKind.TemporaryQueue, reply.Destination!.Kind);
        await server;
    }

    [Fact]
    public async Task RequestAsync_NobodyAnswers_ThrowsTimeoutKind()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = await OpenWireConnection.ConnectAsync(Options(), cancellationToken: ct);
        var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto, ct);

        var e = await Assert.ThrowsAsync<OpenWireException>(() => session.RequestAsync(Destination.Queue(Unique("silent")), new TextMessage("x"), TimeSpan.FromMilliseconds(500), ct));

        Assert.Equal(OpenWireErrorKind.Timeout, e.Kind);
    }

    [Fact]
    public async Task ConnectAsync_DuplicateClientId_ThrowsBrokerErrorWithExceptionClass()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = Options() with { ClientId = "dup-" + Guid.NewGuid().ToString("N") };
        await using var first = await OpenWireConnection.ConnectAsync(options, cancellationToken: ct);

        var e = await Assert.ThrowsAsync<OpenWireException>(() => OpenWireConnection.ConnectAsync(options, cancellationToken: ct));

        Assert.Equal(OpenWireErrorKind.BrokerError, e.Kind);
        Assert.Equal("OPENWIRE_BROKER_ERROR", e.ErrorCode);
        Assert.Equal("javax.jms.InvalidClientIDException", e.BrokerExceptionClass);
        Assert.DoesNotContain(options.Password!, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(options.Password!, options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_NothingListening_FailsWithinConnectTimeout()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = Options("failover:(tcp://127.0.0.1:1)?initialReconnectDelay=50") with { ConnectTimeout = TimeSpan.FromSeconds(1) };

        var e = await Assert.ThrowsAsync<OpenWireException>(() => OpenWireConnection.ConnectAsync(options, cancellationToken: ct)).WaitAsync(Wait, ct);

        Assert.Equal(OpenWireErrorKind.ConnectFailed, e.Kind);
    }
}
