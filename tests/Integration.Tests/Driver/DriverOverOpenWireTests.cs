using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using SiebelCti.Connector.Contract;
using SiebelCti.OpenWire;
using SiebelCti.Driver;
using SiebelCti.Driver.Configuration;
using SiebelCti.Driver.Connector;
using SiebelCti.Interop;

namespace SiebelCti.Integration.Tests.Driver;

/// <summary>
/// The driver's OpenWire link against the real ActiveMQ broker, with this test playing the
/// Connector on the request queue: the message contract on the wire (JMSType, correlation id,
/// agentId/clientId/protocolVersion properties) and the way back to the Siebel callbacks.
/// </summary>
public sealed class DriverOverOpenWireTests
{
    // Generous: under a full parallel run the driver may need a second connect attempt (5 s apart) before its Hello.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private static async Task Until(Func<bool> condition, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Wait);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    [Fact]
    public async Task Requests_reach_the_connector_queue_and_its_answers_reach_the_agent_callbacks()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = Guid.NewGuid().ToString("N")[..12];
        // The driver's and its OpenWire client's log, for explaining a failure: $SIEBELCTI_RUN/test-logs/driver-over-openwire-<id>.log.
        using var log = new SiebelCti.Integration.Tests.Connector.LabLogFile("driver-over-openwire-" + id);
        var problems = new List<string>();
        var driverUser = TestServices.DriverUser;
        var options = DriverOptions.TryCreate(
            [new("BrokerUri", $"tcp://{TestServices.Host}:{TestServices.ActiveMqPort}"), new("BrokerUser", driverUser.Name),
             new("BrokerPassword", driverUser.Password), new("RequestQueue", $"SiebelCti.Test.Requests.{id}"), new("RequestTimeout", "20")],
            $"drv-{id}", _ => null, problems, []);
        Assert.Empty(problems);
        Assert.Equal($"{driverUser.Name}.drv-{id}", options!.ClientId); // the default client id under the user's topics

        // The Connector's side, as the Connector's broker user: consume the request queue, publish on the client's topic.
        await using var connector = await OpenWireConnection.ConnectAsync(new OpenWireOptions
        {
            BrokerUri = options.BrokerUri,
            UserName = TestServices.ConnectorUser.Name,
            Password = TestServices.ConnectorUser.Password,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        }, cancellationToken: ct);
        var session = await connector.CreateSessionAsync(AcknowledgeMode.Auto, ct);
        var requests = await session.CreateConsumerAsync(Destination.Queue(options.RequestQueue), cancellationToken: ct);
        var replies = await session.CreateProducerAsync(Destination.Topic(options.ClientTopic), ct);

        async Task<OpenWireMessage> ReceiveAsync()
        {
            try
            {
                return await requests.ReceiveAsync(ct).AsTask().WaitAsync(Wait, ct);
            }
            catch (TimeoutException ex)
            {
                throw new TimeoutException($"no request reached {options.RequestQueue} within {Wait.TotalSeconds} s; the driver's log: {log.Path}", ex);
            }
        }

        async Task<(TextMessage Raw, ConnectorMessage Message)> Next(bool skipHello = true)
        {
            var raw = Assert.IsType<TextMessage>(await ReceiveAsync());
            while (skipHello && raw.Type == "Hello")
            {
                raw = Assert.IsType<TextMessage>(await ReceiveAsync());
            }
            var decoded = ConnectorMessageCodec.Decode(raw.Type, raw.Text);
            Assert.True(decoded.Success, decoded.ErrorMessage);
            Assert.Equal(options.ClientId, raw.Properties.Get<string>(ConnectorEnvelope.ClientIdProperty));
            Assert.Equal(1, raw.Properties.Get<int>(ConnectorEnvelope.ProtocolVersionProperty));
            Assert.False(string.IsNullOrEmpty(raw.CorrelationId));
            return (raw, decoded.Message!);
        }

        async Task Reply(ConnectorEvent message, string? correlationId, string? agentId)
        {
            var text = new TextMessage(ConnectorMessageCodec.Encode(message)) { Type = message.MessageType, CorrelationId = correlationId };
            if (agentId is not null)
            {
                text.Properties.Set(ConnectorEnvelope.AgentIdProperty, agentId);
            }
            await replies.SendAsync(text, persistent: false, ct);
        }

        var driver = new DriverInstance(options, "Voice", new OpenWireLink(options, log, TimeProvider.System), TimeProvider.System, log);
        driver.Start();
        var client = new EventsClient();
        var service = driver.CreateService(client, null, null);
        try
        {
            var (helloRaw, hello) = await Next(skipHello: false);
            Assert.IsType<Hello>(hello);
            await Until(() => client.Calls.Contains("ShowStatusText Connected to the message broker"), ct);
            // The Connector's answer to Hello gives the session every later request carries.
            await Reply(new SystemStatus(SystemStatus.InService, "ready", "A", Session: "session-7", Resumed: false), helloRaw.CorrelationId, null);
            await Until(() => client.Calls.Contains("HandleEvent ConnectorStatus IN_SERVICE"), ct);

            Assert.Equal(ScErrorCode.SC_EC_OK, service.InvokeCommand("t-login", "LogIn", null,
                [new("AgentId", "agent7"), new("AgentPin", "pin-7"), new("Extension", "1007")]));
            var (connectRaw, connect) = await Next();
            Assert.IsType<Connect>(connect);
            Assert.Equal("agent7", connectRaw.Properties.Get<string>(ConnectorEnvelope.AgentIdProperty));
            var (loginRaw, login) = await Next();
            Assert.Equal(new Login("pin-7", "1007"), login);
            Assert.Equal("session-7", loginRaw.Properties.Get<string>(ConnectorEnvelope.SessionProperty));
            Assert.NotNull(loginRaw.Expiration); // the deadline travels as JMSExpiration
            await Reply(new AgentState("NOT_READY", Extension: "1007"), connectRaw.CorrelationId, "agent7");
            await Reply(new AgentState("NOT_READY", Extension: "1007"), loginRaw.CorrelationId, "agent7");
            await Until(() => client.Calls.Count(c => c == "HandleEvent AgentStateChanged NOT_READY") == 2 && service.PendingCount == 0, ct);

            Assert.Equal(ScErrorCode.SC_EC_OK, service.InvokeCommand("t-ready", "ChangeReadyState", null, []));
            var (readyRaw, ready) = await Next();
            Assert.IsType<Ready>(ready);
            await Reply(new Error("FINESSE_REJECTED", "not now", "Ready"), readyRaw.CorrelationId, "agent7");
            await Until(() => client.Calls.Any(c => c.StartsWith("HandleError t-ready FINESSE_REJECTED", StringComparison.Ordinal)), ct);
            Assert.Equal(0, service.PendingCount);
        }
        finally
        {
            driver.Release();
        }
    }

    [Fact]
    public async Task With_a_wrong_broker_password_agents_see_the_refused_login_by_its_code_and_the_password_is_never_logged()
    {
        var ct = TestContext.Current.CancellationToken;
        const string wrong = "Wrong-Driver-Pw-5150";
        var logs = new FakeLogCollector();
        using var loggers = new LoggerFactory([new FakeLoggerProvider(logs)]);
        var problems = new List<string>();
        var options = DriverOptions.TryCreate(
            [new("BrokerUri", $"tcp://{TestServices.Host}:{TestServices.ActiveMqPort}"), new("BrokerUser", TestServices.DriverUser.Name), new("BrokerPassword", wrong)],
            "drv-wrongpw", _ => null, problems, []);
        Assert.Empty(problems);
        var driver = new DriverInstance(options!, "Voice", new OpenWireLink(options!, loggers, TimeProvider.System), TimeProvider.System, loggers);
        driver.Start();
        var client = new EventsClient();
        var service = driver.CreateService(client, "agent8", "1008");
        try
        {
            await Until(() => client.Calls.Contains("HandleEvent ConnectorStatus BROKER_DOWN"), ct);
            // ShowStatusText follows the ConnectorStatus event on the service's loop: wait for it too.
            await Until(() => client.Calls.Any(c => c.StartsWith("ShowStatusText Message broker unavailable: [OPENWIRE_AUTHENTICATION_FAILED]", StringComparison.Ordinal)
                && c.Contains($"'{TestServices.DriverUser.Name}'", StringComparison.Ordinal)), ct);
            Assert.Equal(ScErrorCode.SC_EC_NETWORK_ERROR, service.InvokeCommand("t-1", "ChangeReadyState", null, []));
            await Until(() => logs.GetSnapshot().Any(r => r.Message.Contains("[OPENWIRE_AUTHENTICATION_FAILED]", StringComparison.Ordinal)), ct);
            Assert.DoesNotContain(client.Calls, c => c.Contains(wrong, StringComparison.Ordinal));
            Assert.DoesNotContain(logs.GetSnapshot(), r => (r.Message + r.Exception).Contains(wrong, StringComparison.Ordinal));
        }
        finally
        {
            driver.Release();
        }
    }

    [Fact]
    public async Task With_the_broker_unreachable_agents_see_it_and_commands_fail_at_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var problems = new List<string>();
        var options = DriverOptions.TryCreate([new("BrokerUri", $"tcp://{TestServices.Host}:1"), new("ClientId", "drv-down")], "unused", _ => null, problems, []);
        Assert.Empty(problems);
        var driver = new DriverInstance(options!, "Voice", new OpenWireLink(options!, NullLoggerFactory.Instance, TimeProvider.System), TimeProvider.System, NullLoggerFactory.Instance);
        driver.Start();
        var client = new EventsClient();
        var service = driver.CreateService(client, "agent9", "1009");
        try
        {
            await Until(() => client.Calls.Contains("HandleEvent ConnectorStatus BROKER_DOWN"), ct);
            await Until(() => client.Calls.Any(c => c.StartsWith("ShowStatusText Message broker unavailable", StringComparison.Ordinal)), ct);

            Assert.Equal(ScErrorCode.SC_EC_NETWORK_ERROR, service.InvokeCommand("t-1", "ChangeReadyState", null, []));
            await Until(() => client.Calls.Any(c => c.StartsWith("HandleError t-1 DRIVER_CONNECTOR_UNAVAILABLE", StringComparison.Ordinal)), ct);
        }
        finally
        {
            driver.Release();
        }
    }

    [Fact]
    public void An_invalid_failover_option_fails_the_driver_parameters()
    {
        var problems = new List<string>();

        var options = DriverOptions.TryCreate([new("BrokerUri", "failover:(tcp://127.0.0.1:1)?maxReconnectDelay=soon")], "c1", _ => null, problems, []);

        Assert.Null(options);
        Assert.NotEmpty(problems);
    }
}
