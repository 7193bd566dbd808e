using System.Globalization;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SiebelCti.Connector.Engine;
using SiebelCti.Connector.Engine.Adapters;
using SiebelCti.Finesse.Rest;
using SiebelCti.Finesse.Xmpp;
using SiebelCti.Connector.Contract;
using SiebelCti.OpenWire;
using SiebelCti.FinesseEmulator;
using SiebelCti.FinesseEmulator.Publishing;
using SiebelCti.FinesseEmulator.Testing;

namespace SiebelCti.Integration.Tests.Connector;

/// <summary>
/// The whole Connector over real parts: the engine with its OpenWire channel on the real ActiveMQ,
/// its Finesse REST gateway against the Finesse emulator, and per-agent XMPP sessions on the real
/// prosody to which the emulator publishes. Clients are played by <see cref="ContractClient"/>s
/// speaking the contract over OpenWire, as the driver does. Queue and agent ids are unique per
/// fixture so nothing is shared with other tests.
/// </summary>
public sealed class ConnectorUnderTest : IAsyncLifetime
{
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("connector-e2e").FullName;
    private readonly CancellationTokenSource _stop = new();
    private WebApplication? _emulator;
    private OpenWireClientChannel? _channel;
    private FinesseRestClient? _rest;
    private FinesseNotificationHub? _hub;
    private LabLogFile? _log;
    private Task? _engineRun;

    public string RequestQueue { get; } = "SiebelCti.Test.Requests." + Guid.NewGuid().ToString("N")[..8];

    public string AgentA { get; } = "a" + Guid.NewGuid().ToString("N")[..10];

    public string AgentB { get; } = "b" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A third agent (extension 3103, password pw-c) whose incoming calls need wrap-up (REQUIRED, no timeout).</summary>
    public string AgentC { get; } = "c" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>An external number the emulator answers busy.</summary>
    public const string BusyNumber = "0699999999";

    public ConnectorEngine Engine { get; private set; } = null!;

    public Uri Emulator { get; private set; } = null!;

    /// <summary>The engine's settings; a test may shorten e.g. <see cref="EngineOptions.ClientTimeout"/> (set before <see cref="InitializeAsync"/>).</summary>
    public EngineOptions EngineOptions { get; init; } = new() { RequestTimeout = TimeSpan.FromSeconds(15), HousekeepingInterval = TimeSpan.FromMilliseconds(500) };

    /// <summary>How many agents to configure besides A and B (ids in <see cref="ExtraAgents"/>, extensions from 4001).</summary>
    public int ExtraAgentCount { get; init; }

    /// <summary>Agent A's <c>WrapUpOnIncoming</c> (the emulator's default, <c>NOT_ALLOWED</c>, when null).</summary>
    public string? AgentAWrapUpOnIncoming { get; init; }

    /// <summary>
    /// Agent A is a supervisor (roles Agent and Supervisor) of a team of its own with agent B, so
    /// that its notification session also receives B's summaries on <c>/finesse/api/Team/{id}/Users</c>.
    /// The team id is unique to the fixture: pub-sub nodes are shared by every emulator on the prosody.
    /// </summary>
    public bool SupervisorA { get; init; }

    /// <summary>The team of A and B when <see cref="SupervisorA"/>.</summary>
    public string Team { get; } = "t" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Configure a Finesse side B too; the connector's REST client then knows both sides.</summary>
    public bool WithSideB { get; init; }

    /// <summary>The agents configured by <see cref="ExtraAgentCount"/>, filled by <see cref="InitializeAsync"/>.</summary>
    public IReadOnlyList<TestAgent> ExtraAgents { get; private set; } = [];

    /// <summary>Side B of the emulator when <see cref="WithSideB"/>.</summary>
    public Uri? EmulatorSideB { get; private set; }

    public static string BrokerUri => $"failover:(tcp://{TestServices.Host}:{TestServices.ActiveMqPort})?initialReconnectDelay=100&maxReconnectDelay=1000";

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var run = Environment.GetEnvironmentVariable("SIEBELCTI_RUN") is { Length: > 0 } r ? r : throw new InvalidOperationException("SIEBELCTI_RUN is not set: run through scripts/test.sh");
        var config = EmulatorTestConfig.Standard();
        EmulatorTestConfig.SingleSide(config);
        EmulatorTestConfig.ThroughProsody(config, TestServices.Host, TestServices.XmppPort, TestServices.XmppDomain, run);
        config["Emulator:FarEndAnswerDelay"] = "00:00:00.200";
        config["Emulator:BusyNumbers:0"] = BusyNumber;
        EmulatorTestConfig.SetAgent(config, 0, new TestAgent(AgentA, "pw, with # and | ü", "3101")
        {
            WrapUpOnIncoming = AgentAWrapUpOnIncoming,
            Roles = SupervisorA ? ["Agent", "Supervisor"] : [],
            TeamId = SupervisorA ? Team : "10",
            TeamName = SupervisorA ? "Blue" : "Sales",
        });
        EmulatorTestConfig.SetAgent(config, 1, new TestAgent(AgentB, "pw-b", "3102") { TeamId = SupervisorA ? Team : "10", TeamName = SupervisorA ? "Blue" : "Sales" });
        EmulatorTestConfig.SetAgent(config, 2, new TestAgent(AgentC, "pw-c", "3103") { WrapUpOnIncoming = "REQUIRED" });
        config["Emulator:Agents:2:WrapUpTimeout"] = "00:00:00";
        var prefix = "x" + Guid.NewGuid().ToString("N")[..8];
        ExtraAgents = [.. Enumerable.Range(0, ExtraAgentCount).Select(i => new TestAgent(
            $"{prefix}{i:D3}", $"pw-{i}", (4001 + i).ToString(CultureInfo.InvariantCulture)))];
        for (var i = 0; i < ExtraAgents.Count; i++)
        {
            EmulatorTestConfig.SetAgent(config, i + 3, ExtraAgents[i]);
        }

        if (WithSideB)
        {
            config["Emulator:SideB:Urls:0"] = "http://127.0.0.1:0";
        }

        _emulator = EmulatorApp.Build([], config, contentRoot: _contentRoot);
        await _emulator.StartAsync(ct);
        await _emulator.Services.GetRequiredService<PublisherStatus>().Ready.WaitAsync(TimeSpan.FromSeconds(60), ct);
        Emulator = _emulator.Services.GetRequiredService<Listeners>().UrlsOf(0).Single();
        EmulatorSideB = WithSideB ? _emulator.Services.GetRequiredService<Listeners>().UrlsOf(1).Single() : null;

        _log = new LabLogFile("connector-" + RequestQueue);
        var logs = _log;
        _channel = new OpenWireClientChannel(new ClientChannelOptions
        {
            Broker = new OpenWireOptions
            {
                BrokerUri = BrokerUri, ClientId = "connector-" + RequestQueue,
                UserName = TestServices.ConnectorUser.Name, Password = TestServices.ConnectorUser.Password,
            },
            RequestQueue = RequestQueue,
        }, logs);
        _rest = new FinesseRestClient(new FinesseOptions { SideA = Emulator, SideB = EmulatorSideB, AllowHttp = true });
        _hub = new FinesseNotificationHub(new FinesseNotificationOptions
        {
            Xmpp = new XmppOptions { Host = TestServices.Host, Port = TestServices.XmppPort, Domain = TestServices.XmppDomain, TlsMode = XmppTlsMode.None, Resource = "connector" },
            HealthPollInterval = TimeSpan.FromMilliseconds(500),
        }, _rest, logs);
        Engine = new ConnectorEngine(
            EngineOptions,
            _channel, new FinesseRestGateway(_rest), _hub, logs.CreateLogger<ConnectorEngine>());
        _channel.Start();
        _hub.Start();
        _engineRun = Engine.RunAsync(_stop.Token);
    }

    /// <summary>A new client (driver instance) connected to the broker as the privileged test user and listening on its topic.</summary>
    public async Task<ContractClient> ClientAsync(string name) =>
        await ContractClient.ConnectAsync(BrokerUri, RequestQueue, $"{name}-{RequestQueue}", TestServices.TestUser, TestContext.Current.CancellationToken);

    /// <summary>
    /// A new client connected as the driver user <paramref name="user"/>, as a driver does: its client id
    /// is <c>&lt;user&gt;.&lt;name&gt;-&lt;unique&gt;</c>, so its topic is one the user may read.
    /// </summary>
    public async Task<ContractClient> ClientAsync(string name, BrokerUser user) =>
        await ContractClient.ConnectAsync(BrokerUri, RequestQueue, user.ClientId($"{name}-{Guid.NewGuid().ToString("N")[..8]}"), user, TestContext.Current.CancellationToken);

    /// <summary>Offers a customer call to <paramref name="extension"/> through the emulator's control API.</summary>
    public async Task OfferCallAsync(string extension, string callVariable1)
    {
        using var http = new HttpClient { BaseAddress = Emulator };
        var json = System.Text.Json.JsonSerializer.Serialize(new
        {
            extension,
            ani = "0612345678",
            dnis = "8000",
            callVariables = new Dictionary<string, string> { ["callVariable1"] = callVariable1 },
        });
        using var body = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        (await http.PostAsync("/emulator/calls", body, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Signs agent A (3101) in through <paramref name="client"/> (Hello, Connect, Login, Ready), offers it a
    /// customer call and answers it; returns once the client has the call ACTIVE and the agent TALKING.
    /// </summary>
    public async Task<Dialog> EstablishedCallAsync(ContractClient client, string callVariable1)
    {
        await client.SendAsync(new Hello("test", "it-host"));
        await client.WaitForAsync(e => e.Message is SystemStatus { Status: SystemStatus.InService }, "System IN_SERVICE");
        await client.SendAsync(new Connect(), AgentA);
        var login = await client.SendAsync(new Login("pw, with # and | ü", "3101"), AgentA);
        Assert.IsType<AgentState>((await client.WaitForAsync(e => e.CorrelationId == login, "the Login answer")).Message);
        var ready = await client.SendAsync(new Ready(), AgentA);
        await client.WaitForAsync(e => e.CorrelationId == ready, "the Ready answer");
        await OfferCallAsync("3101", callVariable1);
        var ringing = (Dialog)(await client.WaitForAsync(e => e.Message is Dialog { State: "ALERTING" }, "a ringing call")).Message;
        var answer = await client.SendAsync(new Answer(ringing.Id), AgentA);
        var active = Assert.IsType<Dialog>((await client.WaitForAsync(e => e.CorrelationId == answer, "the Answer answer")).Message);
        if (!client.History.Any(e => e.Message is AgentState { State: "TALKING" }))
        {
            await client.WaitForAsync(e => e.Message is AgentState { State: "TALKING" }, "TALKING");
        }

        return active;
    }

    /// <summary>POSTs to the emulator's control API (e.g. <c>/emulator/failover</c>, <c>/emulator/dialogs/{id}/hangup</c>).</summary>
    public async Task ControlAsync(string path)
    {
        using var http = new HttpClient { BaseAddress = Emulator };
        (await http.PostAsync(path, null, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_engineRun is not null)
        {
            await _engineRun;
        }

        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }

        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        _rest?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.StopAsync(CancellationToken.None);
            await _emulator.DisposeAsync();
        }

        Directory.Delete(_contentRoot, recursive: true);
        _stop.Dispose();
        _log?.Dispose();
    }
}

/// <summary>Plays a driver instance: sends contract requests to the Connector's queue, reads its topic.</summary>
public sealed class ContractClient : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly OpenWireConnection _connection;
    private readonly OpenWireProducer _producer;
    private readonly Destination _requests;
    private readonly Channel<ConnectorEnvelope> _events = Channel.CreateUnbounded<ConnectorEnvelope>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;
    private readonly List<ConnectorEnvelope> _history = [];
    private TaskCompletionSource _grew = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _sessionStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _session;
    private int _next;

    private ContractClient(string clientId, OpenWireConnection connection, OpenWireProducer producer, OpenWireConsumer consumer, Destination requests)
    {
        ClientId = clientId;
        _connection = connection;
        _producer = producer;
        _requests = requests;
        _pump = Task.Run(async () =>
        {
            try
            {
                await foreach (var message in consumer.ReadAllAsync(_stop.Token))
                {
                    var wire = ConnectorWire.Read(message);
                    var decoded = ConnectorMessageCodec.Decode(wire.MessageType, wire.Body);
                    Assert.True(decoded.Success, decoded.ErrorMessage);
                    var envelope = new ConnectorEnvelope(decoded.Message!, wire.CorrelationId, wire.AgentId, wire.ClientId, wire.ProtocolVersion ?? 0);
                    if (envelope.Message is SystemStatus { Session: { } session })
                    {
                        // The answer to a Hello: later requests carry this session, as the driver's do.
                        Volatile.Write(ref _session, session);
                        _sessionStarted.TrySetResult();
                    }

                    TaskCompletionSource grew;
                    lock (_history)
                    {
                        _history.Add(envelope);
                        grew = _grew;
                        _grew = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    }

                    grew.TrySetResult();

                    _events.Writer.TryWrite(envelope);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    public string ClientId { get; }

    /// <summary>The client's broker connection (e.g. to watch its failover state).</summary>
    public OpenWireConnection Connection => _connection;

    /// <summary>Every message received so far, in arrival order (including those <see cref="WaitForAsync"/> skipped).</summary>
    public IReadOnlyList<ConnectorEnvelope> History
    {
        get
        {
            lock (_history)
            {
                return [.. _history];
            }
        }
    }

    public static async Task<ContractClient> ConnectAsync(string brokerUri, string requestQueue, string clientId, BrokerUser user, CancellationToken ct)
    {
        var connection = await OpenWireConnection.ConnectAsync(
            new OpenWireOptions { BrokerUri = brokerUri, ClientId = clientId, UserName = user.Name, Password = user.Password }, cancellationToken: ct);
        var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto, ct);
        var consumer = await session.CreateConsumerAsync(ConnectorWire.ClientTopic(ConnectorWire.DefaultClientTopicPrefix, clientId), cancellationToken: ct);
        var producer = await session.CreateProducerAsync(null, ct);
        return new ContractClient(clientId, connection, producer, consumer, Destination.Queue(requestQueue));
    }

    /// <summary>
    /// Sends a request with the client's session token (a Hello names the current one, to resume it);
    /// a request before any answered Hello first waits for that answer, as the driver does.
    /// </summary>
    public async Task<string> SendAsync(ConnectorRequest request, string? agentId = null, DateTimeOffset? deadline = null)
    {
        if (request is not Hello)
        {
            await _sessionStarted.Task.WaitAsync(Wait, TestContext.Current.CancellationToken);
        }

        var correlationId = $"{ClientId}-{Interlocked.Increment(ref _next)}";
        var envelope = new ConnectorEnvelope(request, correlationId, agentId, ClientId) { Session = Volatile.Read(ref _session), Deadline = deadline };
        await _producer.SendAsync(_requests, ConnectorWire.ToMessage(envelope), persistent: true, TestContext.Current.CancellationToken);
        return correlationId;
    }

    /// <summary>
    /// Says Hello, waits for its answer (the session), then until the Connector says IN_SERVICE (the
    /// answer itself, or a later broadcast); returns how many messages the client had by then.
    /// </summary>
    public async Task<int> HelloInServiceAsync()
    {
        var hello = await SendAsync(new Hello("test", "it-host"));
        var answer = await WaitForAsync(e => e.CorrelationId == hello, "the Hello answer");
        if (answer.Message is not SystemStatus { Status: SystemStatus.InService })
        {
            await WaitForAsync(e => e.Message is SystemStatus { Status: SystemStatus.InService }, "System IN_SERVICE");
        }

        return History.Count;
    }

    /// <summary>
    /// The answer to request <paramref name="correlationId"/>, whenever it arrived: unlike
    /// <see cref="WaitForAsync"/> nothing is skipped, so the answers of many requests in flight on one
    /// client can be awaited in any order.
    /// </summary>
    public async Task<ConnectorEnvelope> AnswerAsync(string correlationId, string what, TimeSpan? patience = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(patience ?? Wait);
        while (true)
        {
            Task grew;
            lock (_history)
            {
                foreach (var envelope in _history)
                {
                    if (envelope.CorrelationId == correlationId)
                    {
                        return envelope;
                    }
                }

                grew = _grew.Task;
            }

            try
            {
                await grew.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{ClientId}: no {what} (correlation {correlationId}) within {(patience ?? Wait).TotalSeconds} s; {History.Count} messages received");
            }
        }
    }

    /// <summary>The next event matching <paramref name="match"/>; earlier ones are skipped.</summary>
    public async Task<ConnectorEnvelope> WaitForAsync(Func<ConnectorEnvelope, bool> match, string what, TimeSpan? patience = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(patience ?? Wait);
        var seen = new List<string>();
        try
        {
            while (true)
            {
                var envelope = await _events.Reader.ReadAsync(timeout.Token);
                if (match(envelope))
                {
                    return envelope;
                }

                seen.Add(envelope.Message.ToString());
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{ClientId}: no {what} within {(patience ?? Wait).TotalSeconds} s; saw: {string.Join(" | ", seen)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pump;
        await _connection.DisposeAsync();
        _stop.Dispose();
    }
}
