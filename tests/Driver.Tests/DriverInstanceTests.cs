using SiebelCti.Driver.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using SiebelCti.Connector.Contract;
using SiebelCti.OpenWire;
using SiebelCti.Driver.Configuration;
using SiebelCti.Driver.Services;
using SiebelCti.Interop;

namespace SiebelCti.Driver.Tests;

/// <summary>How <see cref="DriverInstance.OnMessage(WireMessage)"/> decodes and routes what the Connector sends.</summary>
public sealed class DriverInstanceTests : IDisposable
{
    private readonly FakeLogCollector _logs = new();
    private readonly ILoggerFactory _loggers;
    private readonly FakeLink _link = new();
    private readonly DriverInstance _driver;

    public DriverInstanceTests()
    {
        _loggers = new LoggerFactory([new FakeLoggerProvider(_logs)]);
        var problems = new List<string>();
        var options = DriverOptions.TryCreate([new("BrokerUri", "tcp://127.0.0.1:1"), new("RequestTimeout", "5")], "drv-test", _ => null, problems, []);
        Assert.Empty(problems);
        _driver = new DriverInstance(options!, "Voice", _link, new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero)), _loggers);
        _driver.Start();
        _link.Up();
    }

    public void Dispose()
    {
        _driver.Release();
        _loggers.Dispose();
    }

    /// <summary>What a link hands the driver: the envelope through the contract's wire mapping.</summary>
    private static WireMessage Wire(ConnectorEvent message, string? correlationId = null, string? agentId = null) =>
        ConnectorWire.Read(ConnectorWire.ToMessage(new ConnectorEnvelope(message, correlationId, agentId)));

    /// <summary>A service whose agent <paramref name="agentId"/> has sent LogIn: Connect and Login are pending.</summary>
    private (AgentService Service, RecordingClient Client, ConnectorEnvelope Connect, ConnectorEnvelope Login) LoggedIn(string agentId)
    {
        var client = new RecordingClient();
        var service = _driver.CreateService(client, null, null);
        Assert.Equal(ScErrorCode.SC_EC_OK, service.InvokeCommand("t-login-" + agentId, "LogIn", null,
            [new("AgentId", agentId), new("AgentPin", "pin"), new("Extension", "1001")]));
        var sent = _link.Sent.Where(e => e.AgentId == agentId).ToList();
        Assert.Equal(2, service.PendingCount);
        return (service, client, Assert.Single(sent, e => e.Message is Connect), Assert.Single(sent, e => e.Message is Login));
    }

    private FakeLogRecord[] Logged(int id) => [.. _logs.GetSnapshot().Where(r => r.Id.Id == id)];

    [Fact]
    public void OnMessage_SystemAnsweringConnect_CompletesThatRequestOfTheAgentAndShowsTheStatus()
    {
        var (service, client, connect, _) = LoggedIn("a1");

        _link.Sink!.OnMessage(Wire(new SystemStatus(SystemStatus.InService, "ready", "A"), connect.CorrelationId, "a1"));

        // Acknowledged at once, Login is still waiting for its AgentState.
        Assert.Equal(1, service.PendingCount);
        Wait.Until(() => client.Events("ConnectorStatus").Any(e => e.Fields!.Any(f => f is { Key: "Status", Value: "IN_SERVICE" })));
        Assert.DoesNotContain(client.Calls, c => c.Method == "HandleError");
    }

    [Fact]
    public void OnMessage_SystemWithoutAgent_GoesToEveryServiceAndAnswersNoRequest()
    {
        var (first, firstClient, connect, _) = LoggedIn("a1");
        var (second, secondClient, _, _) = LoggedIn("b2");

        // The correlation id of a1's Connect, but no agent: it answers nothing (the driver's own Hello is answered this way).
        _link.Sink!.OnMessage(Wire(new SystemStatus(SystemStatus.OutOfService, "Finesse down", null), connect.CorrelationId));

        Assert.Equal((2, 2), (first.PendingCount, second.PendingCount));
        foreach (var client in new[] { firstClient, secondClient })
        {
            Wait.Until(() => client.Events("ConnectorStatus").Any(e => e.Fields!.Any(f => f is { Key: "Status", Value: "OUT_OF_SERVICE" })));
        }
    }

    [Fact]
    public void OnMessage_AnyOtherType_GoesToTheServicesOfItsAgentOnly()
    {
        var (first, firstClient, _, login) = LoggedIn("a1");
        var (_, otherClient, _, _) = LoggedIn("b2");

        _link.Sink!.OnMessage(Wire(new AgentState("NOT_READY", Extension: "1001"), login.CorrelationId, "a1"));

        Wait.Until(() => firstClient.Events("AgentStateChanged").Length == 1);
        Assert.Equal(1, first.PendingCount); // Login answered; Connect still waits for its System answer
        _link.Sink.OnMessage(Wire(new AgentState("READY", Extension: "1001"), null, "b2"));
        Wait.Until(() => otherClient.Events("AgentStateChanged").Length == 1);
        Assert.Equal("READY", otherClient.Events("AgentStateChanged").Single().Fields!.Single(f => f.Key == "AgentState").Value);
        Assert.Single(firstClient.Events("AgentStateChanged"));
    }

    [Fact]
    public void OnMessage_ForAnAgentNoServiceServes_IsLoggedWithItsCodeAndDropped()
    {
        var (_, client, _, login) = LoggedIn("a1");

        _link.Sink!.OnMessage(Wire(new AgentState("READY"), null, "nobody"));

        var record = Assert.Single(Logged(DriverEventIds.ConnectorMessageUnrouted));
        Assert.Contains(DriverErrorCode.DriverUnknownAgent, record.Message, StringComparison.Ordinal);
        Assert.Contains("nobody", record.Message, StringComparison.Ordinal);
        // The driver goes on routing.
        _link.Sink.OnMessage(Wire(new AgentState("NOT_READY", Extension: "1001"), login.CorrelationId, "a1"));
        Wait.Until(() => client.Events("AgentStateChanged").Length == 1);
        Assert.Equal("NOT_READY", client.Events("AgentStateChanged").Single().Fields!.Single(f => f.Key == "AgentState").Value);
    }

    public static TheoryData<string, WireMessage> Malformed => new()
    {
        { ConnectorErrorCode.MessageMalformed, new WireMessage("AgentState", "{not json", null, "a1", null, 1) },
        { ConnectorErrorCode.MessageMalformed, new WireMessage("AgentState", null, null, "a1", null, 1) },
        { ConnectorErrorCode.MessageTypeMissing, new WireMessage(null, "{}", null, "a1", null, 1) },
        { ConnectorErrorCode.MessageTypeUnknown, new WireMessage("Explode", "{}", null, "a1", null, 1) },
        { ConnectorErrorCode.ProtocolVersionUnsupported, new WireMessage("AgentState", """{"state":"READY"}""", null, "a1", null, 2) },
        { DriverErrorCode.DriverMessageWithoutAgent, Wire(new AgentState("READY")) },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void OnMessage_Malformed_IsLoggedWithAStableCodeAndDropped(string code, WireMessage message)
    {
        var (service, client, _, login) = LoggedIn("a1");

        _link.Sink!.OnMessage(message);

        var record = Assert.Single(Logged(DriverEventIds.ConnectorMessageDropped));
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Contains($"[{code}]", record.Message, StringComparison.Ordinal);
        // Nothing reached the agent: the next good message is the first AgentState it sees.
        _link.Sink.OnMessage(Wire(new AgentState("NOT_READY", Extension: "1001"), login.CorrelationId, "a1"));
        Wait.Until(() => client.Events("AgentStateChanged").Length == 1);
        Assert.Equal("NOT_READY", client.Events("AgentStateChanged").Single().Fields!.Single(f => f.Key == "AgentState").Value);
        Assert.Equal(1, service.PendingCount);
    }

    [Fact]
    public void OnMessage_ErrorWithoutAgent_IsLoggedWithTheConnectorsCode()
    {
        _link.Sink!.OnLinkStatus(true, "connected again");
        var hello = _link.Sent.Last(e => e.Message is Hello);

        _link.Sink.OnMessage(Wire(new Error(ConnectorErrorCode.ProtocolVersionUnsupported, "protocolVersion 1 is not supported", "Hello"), hello.CorrelationId));

        var record = Assert.Single(Logged(DriverEventIds.ConnectorErrorReported));
        Assert.Contains($"[{ConnectorErrorCode.ProtocolVersionUnsupported}]", record.Message, StringComparison.Ordinal);
        Assert.Contains(hello.CorrelationId!, record.Message, StringComparison.Ordinal);
        Assert.Empty(Logged(DriverEventIds.ConnectorLinkFailed));
    }

    [Fact]
    public void OnMessage_TextMessageWithBadProperties_IsDroppedWithoutThrowing()
    {
        // Properties of the wrong types, as another client might set them: agentId a number, the version text.
        var raw = new TextMessage("""{"state":"READY"}""") { Type = "AgentState" };
        raw.Properties.Set(ConnectorEnvelope.AgentIdProperty, 42);
        raw.Properties.Set(ConnectorEnvelope.ProtocolVersionProperty, "one");

        _link.Sink!.OnMessage(ConnectorWire.Read(raw));

        var record = Assert.Single(Logged(DriverEventIds.ConnectorMessageDropped));
        Assert.Contains($"[{ConnectorErrorCode.ProtocolVersionUnsupported}]", record.Message, StringComparison.Ordinal);
        Assert.Empty(Logged(DriverEventIds.ConnectorLinkFailed));
    }

    [Fact]
    public void Releasing_the_last_service_of_a_ready_agent_queues_Not_Ready_and_Disconnect_without_waiting()
    {
        var (service, client, _, login) = LoggedIn("a7");
        _link.Sink!.OnMessage(Wire(new AgentState("READY", Extension: "1001"), login.CorrelationId, "a7"));
        Wait.Until(() => service.View.AgentState == "READY");
        var second = _driver.CreateService(new RecordingClient(), "a7", "1001");
        Assert.Equal(ScErrorCode.SC_EC_OK, second.InvokeCommand("t2", "LogIn", null, [new("AgentPin", "pin")]));
        var idle = _driver.CreateService(new RecordingClient(), "a7", "1001");
        var before = _link.Sent.Count;

        _driver.ReleaseService(second); // the first service still has a7 connected: nothing to say
        _driver.ReleaseService(idle);
        Assert.Equal(before, _link.Sent.Count);
        _driver.ReleaseService(service);

        var farewell = _link.Sent.Skip(before).ToList();
        Assert.Equal(["NotReady", "Disconnect"], farewell.Select(e => e.MessageType));
        Assert.All(farewell, e => Assert.Equal("a7", e.AgentId));
        Assert.Null(((NotReady)farewell[0].Message).ReasonCode);
        Assert.Equal(2, Logged(DriverEventIds.ServiceFarewell).Length);
        Assert.DoesNotContain(client.Calls, c => c.Method == "HandleError");
    }
}
