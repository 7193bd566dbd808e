using SiebelCti.Driver.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using SiebelCti.Connector.Contract;
using SiebelCti.Driver.Configuration;
using SiebelCti.Driver.Services;
using SiebelCti.Interop;

namespace SiebelCti.Driver.Tests;

/// <summary>
/// The driver keeps its Connector session alive with <c>Heartbeat</c> and restores it after
/// <c>CLIENT_UNKNOWN</c> (Hello, Connect, Login again). Timer logic runs on fake time.
/// </summary>
public sealed class HeartbeatTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private const string Pin = "pin-very-secret-4711";

    private readonly FakeLogCollector _logs = new();
    private readonly ILoggerFactory _loggers;
    private readonly FakeLink _link = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
    private readonly DriverInstance _driver;
    private bool _released;

    public HeartbeatTests()
    {
        _loggers = new LoggerFactory([new FakeLoggerProvider(_logs)]);
        var problems = new List<string>();
        var options = DriverOptions.TryCreate([new("BrokerUri", "tcp://127.0.0.1:1"), new("RequestTimeout", "5"), new("HeartbeatInterval", "10")],
            "drv-hb", _ => null, problems, []);
        Assert.Empty(problems);
        _driver = new DriverInstance(options!, "Voice", _link, _time, _loggers);
        _driver.Start();
    }

    public void Dispose()
    {
        Release();
        _loggers.Dispose();
    }

    private void Release()
    {
        if (!_released)
        {
            _released = true;
            _driver.Release();
        }
    }

    private ConnectorEnvelope[] Heartbeats => [.. _link.Sent.Where(e => e.Message is Heartbeat)];

    /// <summary>Moves fake time on by one interval and waits until the loop has handled that tick.</summary>
    private void Tick()
    {
        var before = _driver.HeartbeatTicks;
        _time.Advance(Interval);
        Wait.Until(() => _driver.HeartbeatTicks > before);
    }

    private static WireMessage Wire(ConnectorEvent message, string? correlationId = null, string? agentId = null) =>
        ConnectorWire.Read(ConnectorWire.ToMessage(new ConnectorEnvelope(message, correlationId, agentId)));

    private (AgentService Service, RecordingClient Client) LogIn(string agentId)
    {
        var client = new RecordingClient();
        var service = _driver.CreateService(client, null, null);
        Assert.Equal(ScErrorCode.SC_EC_OK, service.InvokeCommand("t-login-" + agentId, "LogIn", null,
            [new("AgentId", agentId), new("AgentPin", Pin), new("Extension", "1001")]));
        return (service, client);
    }

    /// <summary>Answers the agent's pending Login with <paramref name="state"/> and waits until its toolbar shows it.</summary>
    private void Answer(string agentId, RecordingClient client, string state)
    {
        var login = _link.Sent.Last(e => e.AgentId == agentId && e.Message is Login);
        var seen = client.Events("AgentStateChanged").Length;
        _link.Sink!.OnMessage(Wire(new AgentState(state, Extension: "1001"), login.CorrelationId, agentId));
        Wait.Until(() => client.Events("AgentStateChanged").Length > seen);
    }

    [Fact]
    public void Heartbeat_IsSentEveryIntervalOnlyWhileTheLinkIsUpAndTheSessionAnswered()
    {
        Tick(); // the link is not up yet
        Assert.Empty(Heartbeats);

        _link.Up("s1");
        Tick();
        Assert.Single(Heartbeats);
        Tick();
        Assert.Equal(2, Heartbeats.Length);
        Assert.All(Heartbeats, h => Assert.Equal(("drv-hb", (string?)null, "s1"), (h.ClientId, h.AgentId, h.Session)));
        Assert.All(Heartbeats, h => Assert.NotNull(h.Deadline));
        Assert.Equal(2, Heartbeats.Select(h => h.CorrelationId).Distinct().Count());

        _link.Sink!.OnLinkStatus(false, "broker gone");
        Tick();
        Tick();
        Assert.Equal(2, Heartbeats.Length);

        _link.Sink.OnLinkStatus(true, "connected again");
        var hello = _link.Sent.Last(e => e.Message is Hello);
        Assert.Equal("s1", hello.Session); // names the session so the Connector can resume it
        _link.AnswerHello(hello, "s1", resumed: true);
        Tick();
        Assert.Equal(3, Heartbeats.Length);
    }

    [Fact]
    public void Requests_wait_for_the_answer_to_Hello_and_leave_with_its_session()
    {
        _link.Sink!.OnLinkStatus(true, "connected");
        var hello = _link.Sent.Single(e => e.Message is Hello);
        var (service, _) = LogIn("a1");
        Assert.DoesNotContain(_link.Sent, e => e.AgentId == "a1");

        _link.AnswerHello(hello, "s1", resumed: false);

        var sent = _link.Sent.Where(e => e.AgentId == "a1").ToList();
        Assert.Equal(["Connect", "Login"], sent.Select(e => e.MessageType));
        Assert.All(sent, e => Assert.Equal("s1", e.Session));
        // Each leaves the Connector the same 2.5 s to confirm what it started: a Connect's answer is due
        // after the request timeout (5 s), a Login's after the login timeout (60 s).
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(2.5), sent[0].Deadline);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(57.5), sent[1].Deadline);
        Assert.Equal(2, service.PendingCount);
    }

    [Fact]
    public void A_Hello_without_an_answer_is_sent_again()
    {
        _link.Sink!.OnLinkStatus(true, "connected");
        Tick(); // 10 s: longer than the request timeout (5 s)

        var hellos = _link.Sent.Where(e => e.Message is Hello).ToList();
        Assert.Equal(2, hellos.Count);
        _link.AnswerHello(hellos[1], "s1", resumed: false);
        Tick();
        Assert.Single(Heartbeats);
    }

    [Fact]
    public void Heartbeat_NoneIsSentAfterRelease()
    {
        _link.Up();
        Tick();
        Assert.Single(Heartbeats);

        Release();
        var ticks = _driver.HeartbeatTicks;
        _time.Advance(Interval * 5);

        Assert.Equal(ticks, _driver.HeartbeatTicks);
        Assert.Single(Heartbeats);
        Assert.DoesNotContain(_logs.GetSnapshot(), r => r.Id.Id == DriverEventIds.ConnectorLinkFailed);
    }

    [Fact]
    public void ClientUnknown_StartsANewSessionWhoseAnswerProvesEveryAgentAgain_Once()
    {
        _link.Up("s1");
        var (_, signedIn) = LogIn("a1");
        Answer("a1", signedIn, "NOT_READY");
        var (loggedOutService, loggedOut) = LogIn("b2");
        Answer("b2", loggedOut, "NOT_READY");
        Assert.Equal(ScErrorCode.SC_EC_OK, loggedOutService.InvokeCommand("t-logout", "LogOut", null, []));
        _link.Sink!.OnMessage(Wire(new AgentState("LOGOUT", Extension: "1001"), null, "b2"));
        Wait.Until(() => loggedOutService.View.AgentState == "LOGOUT");
        _driver.CreateService(new RecordingClient(), null, null); // never logged in: nothing to restore
        Tick();
        var heartbeat = Assert.Single(Heartbeats);
        _link.Sent.Clear();

        _link.Sink.OnMessage(Wire(new Error(ConnectorErrorCode.ClientUnknown, "this Connector does not know the client", "Heartbeat"), heartbeat.CorrelationId));

        var hello = Assert.Single(_link.Sent);
        Assert.IsType<Hello>(hello.Message);
        Assert.Null(hello.Session); // a new session: the old token is forgotten
        _link.AnswerHello(hello, "s2", resumed: false);
        var sent = _link.Sent.Skip(1).ToArray();
        Assert.Equal([("a1", "Connect"), ("a1", "Login"), ("b2", "Connect")], sent.Select(e => (e.AgentId, e.MessageType)));
        var login = (Login)sent.Single(e => e.Message is Login).Message;
        Assert.Equal((Pin, "1001"), (login.Password, login.Extension));
        Assert.All(sent, e => Assert.Equal(("drv-hb", "s2"), (e.ClientId, e.Session)));
        Assert.Single(_logs.GetSnapshot(), r => r.Id.Id == DriverEventIds.ClientRecovered);

        // The Connector answers the replayed Login with the agent's state: the toolbar follows it.
        Answer("a1", signedIn, "READY");
        Assert.Equal("READY", signedIn.Events("AgentStateChanged").Last().Fields!.Single(f => f.Key == "AgentState").Value);

        // The same heartbeat's error again, or that of any heartbeat sent before the recovery, is stale: no storm.
        _link.Sent.Clear();
        _link.Sink.OnMessage(Wire(new Error(ConnectorErrorCode.ClientUnknown, "again", "Heartbeat"), heartbeat.CorrelationId));
        Assert.Empty(_link.Sent);

        // A heartbeat sent after the recovery whose session is not valid either: recovered again.
        Tick();
        var later = Assert.Single(Heartbeats);
        _link.Sent.Clear();
        _link.Sink.OnMessage(Wire(new Error(ConnectorErrorCode.ClientSessionInvalid, "session not valid", "Heartbeat"), later.CorrelationId));
        _link.AnswerHello(_link.Sent.Single(), "s3", resumed: false);
        Assert.Equal(["Hello", "Connect", "Login", "Connect"], _link.Sent.Select(e => e.MessageType));

        Assert.DoesNotContain(_logs.GetSnapshot(), r => r.Message.Contains(Pin, StringComparison.Ordinal)
            || (r.Exception?.ToString().Contains(Pin, StringComparison.Ordinal) ?? false));
    }

    [Fact]
    public void A_resumed_session_proves_nothing_again()
    {
        _link.Up("s1");
        var (_, client) = LogIn("a1");
        Answer("a1", client, "NOT_READY");
        _link.Sink!.OnLinkStatus(false, "broker gone");
        _link.Sink.OnLinkStatus(true, "broker back");
        var hello = _link.Sent.Last();
        Assert.Equal(("Hello", "s1"), (hello.MessageType, hello.Session));
        _link.Sent.Clear();

        _link.AnswerHello(hello, "s1", resumed: true);

        Assert.DoesNotContain(_link.Sent, e => e.AgentId is not null);
    }

    [Fact]
    public void ClientUnknown_DoesNotReplayALoginTheConnectorRefused()
    {
        _link.Up();
        var (service, client) = LogIn("a1");
        var login = _link.Sent.Single(e => e.Message is Login);
        _link.Sink!.OnMessage(Wire(new Error("FINESSE_REQUEST_FAILED", "wrong password", "Login"), login.CorrelationId, "a1"));
        Wait.Until(() => client.Calls.Any(c => c.Method == "HandleError"));
        Assert.Equal(1, service.PendingCount); // Connect still waits for its System answer
        Tick();
        var heartbeat = Assert.Single(Heartbeats);
        _link.Sent.Clear();

        _link.Sink.OnMessage(Wire(new Error(ConnectorErrorCode.ClientUnknown, "unknown", "Heartbeat"), heartbeat.CorrelationId));
        _link.AnswerHello(_link.Sent.Single(), "s2", resumed: false);

        Assert.Equal([("Hello", null), ("Connect", "a1")], _link.Sent.Select(e => (e.MessageType, e.AgentId)));
    }
}
