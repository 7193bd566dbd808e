using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SiebelCti.Connector.Engine.Adapters;
using SiebelCti.OpenWire;

namespace SiebelCti.Integration.Tests.OpenWire;

/// <summary>
/// The lab broker as a trust boundary (scripts/activemq.sh, docs/operations.md): no anonymous access,
/// wrong passwords refused with a stable code and never echoed, and per-destination authorization so
/// that a driver user reads only its own client topics and writes only the request queues.
/// </summary>
public sealed class BrokerSecurityTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly FakeLogCollector _logs = new();
    private readonly LoggerFactory _loggers;

    public BrokerSecurityTests() => _loggers = new LoggerFactory([new FakeLoggerProvider(_logs)]);

    public void Dispose() => _loggers.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Tcp => $"tcp://{TestServices.Host}:{TestServices.ActiveMqPort}";

    private static OpenWireOptions As(BrokerUser? user, string? clientId = null, string? uri = null) => new()
    {
        BrokerUri = uri ?? Tcp,
        UserName = user?.Name,
        Password = user?.Password,
        ClientId = clientId,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        SendTimeout = TimeSpan.FromSeconds(10),
        RequestTimeout = TimeSpan.FromSeconds(10),
    };

    private Task<OpenWireConnection> ConnectAsync(OpenWireOptions options) => OpenWireConnection.ConnectAsync(options, _loggers, cancellationToken: Ct);

    private static string Unique() => Guid.NewGuid().ToString("N")[..10];

    private async Task UntilLoggedAsync(Func<FakeLogRecord, bool> match, string what)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Wait);
        try
        {
            while (!_logs.GetSnapshot().Any(match))
            {
                await Task.Delay(20, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
            throw new TimeoutException($"not logged within {Wait.TotalSeconds} s: {what}");
        }
    }

    private void AssertNoLogContains(string secret)
    {
        var lines = _logs.GetSnapshot().Select(r => r.Message + " " + r.Exception).ToList();
        Assert.NotEmpty(lines);
        Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_anonymous_connection_is_refused_with_OPENWIRE_AUTHENTICATION_FAILED_without_retrying()
    {
        // A failover URI retries transient failures until ConnectTimeout; a refused login is not one.
        var e = await Assert.ThrowsAsync<OpenWireException>(() => ConnectAsync(As(null, uri: $"failover:({Tcp})?initialReconnectDelay=100")));

        Assert.Equal(OpenWireErrorKind.AuthenticationFailed, e.Kind);
        Assert.Equal("OPENWIRE_AUTHENTICATION_FAILED", e.ErrorCode);
        Assert.False(e.IsTransient);
        Assert.Contains("anonymous", e.Message, StringComparison.Ordinal);
        Assert.Contains(_logs.GetSnapshot(), r => r.Message.Contains("[OPENWIRE_AUTHENTICATION_FAILED]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_OPENWIRE_AUTHENTICATION_FAILED_and_appears_in_no_message_or_log()
    {
        const string wrong = "Wrong-Broker-Pw-7391";
        var victim = TestServices.VictimUser;

        var e = await Assert.ThrowsAsync<OpenWireException>(() => ConnectAsync(As(victim with { Password = wrong })));

        Assert.Equal(OpenWireErrorKind.AuthenticationFailed, e.Kind);
        Assert.Equal("OPENWIRE_AUTHENTICATION_FAILED", e.ErrorCode);
        Assert.Contains($"'{victim.Name}'", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, e.ToString(), StringComparison.Ordinal);
        Assert.Contains(_logs.GetSnapshot(), r => r.Message.Contains("[OPENWIRE_AUTHENTICATION_FAILED]", StringComparison.Ordinal));
        AssertNoLogContains(wrong);
        var brokerLog = Path.Combine(Environment.GetEnvironmentVariable("SIEBELCTI_RUN")!, "activemq", "activemq.log");
        Assert.DoesNotContain(wrong, await File.ReadAllTextAsync(brokerLog, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_connectors_channel_with_a_wrong_password_logs_the_refused_login_by_its_code_and_keeps_trying()
    {
        const string wrong = "Wrong-Connector-Pw-8128";
        var options = new ClientChannelOptions
        {
            Broker = As(TestServices.ConnectorUser with { Password = wrong }),
            RequestQueue = "SiebelCti.Test.Requests." + Unique(),
            StartRetryDelay = TimeSpan.FromMilliseconds(100),
        };
        await using (var channel = new OpenWireClientChannel(options, _loggers))
        {
            channel.Attach(new SiebelCti.Integration.Tests.Connector.RecordedEngineInput());
            channel.Start();
            await UntilLoggedAsync(r => r.Id.Id == 5111 && r.Exception is OpenWireException { Kind: OpenWireErrorKind.AuthenticationFailed }
                && _logs.GetSnapshot().Count(l => l.Id.Id == 5111) >= 2, "two refused logins of the Connector's channel");
        }

        Assert.Contains(_logs.GetSnapshot(), r => r.Message.Contains("[OPENWIRE_AUTHENTICATION_FAILED]", StringComparison.Ordinal)
            && r.Message.Contains($"'{TestServices.ConnectorUser.Name}'", StringComparison.Ordinal));
        AssertNoLogContains(wrong);
    }

    [Fact]
    public async Task A_driver_user_reads_its_own_topics_but_not_another_clients_topic_nor_the_request_queue()
    {
        var attacker = TestServices.AttackerUser;
        var victim = TestServices.VictimUser;
        await using var connection = await ConnectAsync(As(attacker, attacker.ClientId(Unique())));
        var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto, Ct);

        await using var own = await session.CreateConsumerAsync(Destination.Topic("SiebelCti.Client." + connection.ClientId), cancellationToken: Ct);
        await using var ownFixed = await session.CreateConsumerAsync(Destination.Topic("SiebelCti.Client." + attacker.Name), cancellationToken: Ct);
        foreach (var forbidden in new[]
        {
            Destination.Topic("SiebelCti.Client." + victim.Name),
            Destination.Topic("SiebelCti.Client." + victim.ClientId("siebel-1")),
            Destination.Topic($"SiebelCti.Client.{victim.Name}.>"),
            Destination.Topic("SiebelCti.Client.>"),
            Destination.Topic(">"),
            Destination.Queue("SiebelCti.Connector.Requests"),
            Destination.Queue("SiebelCti.Test.Requests." + Unique()),
        })
        {
            var e = await Assert.ThrowsAsync<OpenWireException>(() => session.CreateConsumerAsync(forbidden, cancellationToken: Ct));
            Assert.Equal(OpenWireErrorKind.NotAuthorized, e.Kind);
            Assert.Equal("OPENWIRE_NOT_AUTHORIZED", e.ErrorCode);
            Assert.Contains($"User {attacker.Name} is not authorized to read from", e.Message, StringComparison.Ordinal);
        }

        Assert.Equal(OpenWireConnectionState.Open, connection.State);
        AssertNoLogContains(attacker.Password);
    }

    [Fact]
    public async Task A_wildcard_subscription_of_a_driver_user_gets_nothing_from_another_users_topics()
    {
        var attacker = TestServices.AttackerUser;
        var victim = TestServices.VictimUser;
        await using var spy = await ConnectAsync(As(attacker, attacker.ClientId(Unique())));
        var spySession = await spy.CreateSessionAsync(AcknowledgeMode.Auto, Ct);
        // ActiveMQ accepts this consumer (one matching entry lets the attacker read), but subscribes it
        // only to the matching topics the attacker may read, also to topics created after it.
        await using var wildcard = await spySession.CreateConsumerAsync(Destination.Topic("SiebelCti.Client.*.*"), cancellationToken: Ct);
        await using var victimConnection = await ConnectAsync(As(victim, victim.ClientId(Unique())));
        var victimTopic = Destination.Topic("SiebelCti.Client." + victimConnection.ClientId);
        await using var victimConsumer = await (await victimConnection.CreateSessionAsync(AcknowledgeMode.Auto, Ct)).CreateConsumerAsync(victimTopic, cancellationToken: Ct);
        await using var connector = await ConnectAsync(As(TestServices.ConnectorUser));
        var publisher = await (await connector.CreateSessionAsync(AcknowledgeMode.Auto, Ct)).CreateProducerAsync(null, Ct);

        await publisher.SendAsync(victimTopic, new TextMessage("the victim's call data"), persistent: false, Ct);
        await publisher.SendAsync(Destination.Topic("SiebelCti.Client." + spy.ClientId), new TextMessage("marker"), persistent: false, Ct);

        var toVictim = Assert.IsType<TextMessage>(await victimConsumer.ReceiveAsync(Ct).AsTask().WaitAsync(Wait, Ct));
        var toSpy = Assert.IsType<TextMessage>(await wildcard.ReceiveAsync(Ct).AsTask().WaitAsync(Wait, Ct));
        Assert.Equal("the victim's call data", toVictim.Text);
        Assert.Equal("marker", toSpy.Text); // published after the victim's message, yet the first the spy gets
    }

    [Fact]
    public async Task A_driver_user_cannot_write_a_client_topic_persistent_or_not_and_keeps_its_connection()
    {
        var attacker = TestServices.AttackerUser;
        var victim = TestServices.VictimUser;
        await using var victimConnection = await ConnectAsync(As(victim, victim.ClientId(Unique())));
        var victimTopic = Destination.Topic("SiebelCti.Client." + victimConnection.ClientId);
        await using var victimConsumer = await (await victimConnection.CreateSessionAsync(AcknowledgeMode.Auto, Ct)).CreateConsumerAsync(victimTopic, cancellationToken: Ct);
        await using var connection = await ConnectAsync(As(attacker, attacker.ClientId(Unique())));
        var producer = await (await connection.CreateSessionAsync(AcknowledgeMode.Auto, Ct)).CreateProducerAsync(null, Ct);

        var e = await Assert.ThrowsAsync<OpenWireException>(() => producer.SendAsync(victimTopic, new TextMessage("forged error (persistent)"), persistent: true, Ct));
        await producer.SendAsync(victimTopic, new TextMessage("forged error (one-way)"), persistent: false, Ct);
        await UntilLoggedAsync(r => r.Message.Contains("[OPENWIRE_NOT_AUTHORIZED]", StringComparison.Ordinal) && r.Message.Contains("one-way", StringComparison.Ordinal),
            "the broker's refusal of the one-way send");

        Assert.Equal(OpenWireErrorKind.NotAuthorized, e.Kind);
        Assert.Contains($"User {attacker.Name} is not authorized to write to", e.Message, StringComparison.Ordinal);
        Assert.Equal(OpenWireConnectionState.Open, connection.State);
        await using var connector = await ConnectAsync(As(TestServices.ConnectorUser));
        var publisher = await (await connector.CreateSessionAsync(AcknowledgeMode.Auto, Ct)).CreateProducerAsync(victimTopic, Ct);
        await publisher.SendAsync(new TextMessage("from the Connector"), persistent: false, Ct);
        var first = Assert.IsType<TextMessage>(await victimConsumer.ReceiveAsync(Ct).AsTask().WaitAsync(Wait, Ct));
        Assert.Equal("from the Connector", first.Text);
    }

    [Fact]
    public async Task A_driver_users_request_reaches_the_connector_user_stamped_by_the_broker_with_the_sending_user()
    {
        var queue = Destination.Queue("SiebelCti.Test.Requests." + Unique());
        var driverUser = TestServices.DriverUser;
        await using var connector = await ConnectAsync(As(TestServices.ConnectorUser));
        await using var requests = await (await connector.CreateSessionAsync(AcknowledgeMode.Auto, Ct)).CreateConsumerAsync(queue, cancellationToken: Ct);
        await using var driver = await ConnectAsync(As(driverUser, driverUser.ClientId(Unique())));
        var producer = await (await driver.CreateSessionAsync(AcknowledgeMode.Auto, Ct)).CreateProducerAsync(queue, Ct);

        await producer.SendAsync(new TextMessage("{}") { Type = "Hello" }, persistent: false, Ct);

        var request = await requests.ReceiveAsync(Ct).AsTask().WaitAsync(Wait, Ct);
        Assert.Equal("Hello", request.Type);
        Assert.Equal(driverUser.Name, request.UserId);
    }

    [Fact]
    public async Task Over_ssl_a_driver_user_connects_trusting_the_lab_ca_and_a_client_without_that_trust_is_refused()
    {
        var driverUser = TestServices.DriverUser;
        var ssl = $"ssl://{TestServices.Host}:{TestServices.ActiveMqSslPort}";

        await using (var connection = await ConnectAsync(As(driverUser, driverUser.ClientId(Unique()), ssl) with { TrustedCaCertificatesPath = TestServices.ActiveMqCaCertificate }))
        {
            var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto, Ct);
            await using var own = await session.CreateConsumerAsync(Destination.Topic("SiebelCti.Client." + connection.ClientId), cancellationToken: Ct);
            Assert.StartsWith("ssl://", connection.ConnectedBroker, StringComparison.Ordinal);
        }

        var e = await Assert.ThrowsAsync<OpenWireException>(() => ConnectAsync(As(driverUser, uri: ssl)));
        Assert.Equal(OpenWireErrorKind.TlsFailure, e.Kind);
        AssertNoLogContains(driverUser.Password);
    }
}
