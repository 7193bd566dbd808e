using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using SiebelCti.Connector.Engine;
using SiebelCti.Finesse.Tests;
using SiebelCti.Connector.Engine.Ports;
using SiebelCti.Connector.Contract;
using UserState = SiebelCti.Finesse.Model.UserState;
using UserStates = SiebelCti.Finesse.Model.UserStates;

namespace SiebelCti.Connector.Core.Tests.Engine;

/// <summary>
/// Runs a real <see cref="ConnectorEngine"/> against in-memory ports: requests are written as a
/// broker would deliver them, published envelopes are collected per client, and Finesse REST calls
/// are recorded and answered by scriptable handlers. Time is fake.
/// </summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly CancellationTokenSource _stop = new();
    private Task? _run;
    private int _correlation;

    /// <param name="options">The engine's options; null: the defaults.</param>
    /// <param name="start">False: the engine is built (its ports attached) but its loop runs only after <see cref="Start"/>.</param>
    public EngineHarness(EngineOptions? options = null, bool start = true)
    {
        Engine = new ConnectorEngine(options ?? new EngineOptions(), Broker, Finesse, Notifications, Log, Time);
        if (start)
        {
            Start();
        }
    }

    /// <summary>Runs the engine's loop.</summary>
    public void Start() => _run ??= Engine.RunAsync(_stop.Token);

    /// <summary>Every line the engine logged.</summary>
    public ListLogger<ConnectorEngine> Log { get; } = new();

    /// <summary>Requests the engine has handled (a Hello's answer proves that everything before it was handled).</summary>
    public async Task SyncAsync(string clientId = "sync")
    {
        var hello = Request(clientId, new SiebelCti.Connector.Contract.Hello("sync", "host"));
        while ((await NextAsync(clientId)).CorrelationId != hello)
        {
        }
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    public FakeClientChannel Broker { get; } = new();

    public FakeFinesseGateway Finesse { get; } = new();

    public FakeNotifications Notifications { get; } = new();

    public ConnectorEngine Engine { get; }

    /// <summary>
    /// Reports the broker up. The engine takes a connectivity change in before the next item it
    /// handles, so a request written right after always sees the broker up.
    /// </summary>
    public void BrokerUp() => Broker.Connected(true);

    /// <summary>Broker up and Finesse healthy on side A; drains the resulting System broadcast.</summary>

    public async Task BringInServiceAsync(params string[] clients)
    {
        Broker.Connected(true);
        Notifications.Deliver(new FinesseHealthNotification(true, "A", "finesse-a", null));
        await WaitUntilAsync(() => Engine.Status.Status == SystemStatus.InService);
        foreach (var client in clients)
        {
            // Clients that existed before get the broadcast; drain it if it came.
            Broker.DrainAll(client);
        }
    }

    /// <summary>
    /// Sends <paramref name="message"/> as <paramref name="clientId"/> would, with the client's session
    /// token. A client without a session says Hello first (its answer is consumed here, so tests see
    /// only the answers to their own requests); an explicit Hello names the current session.
    /// </summary>
    public string Request(string clientId, ConnectorMessage message, string? agentId = null, DateTimeOffset? deadline = null)
    {
        if (message is not SiebelCti.Connector.Contract.Hello && !Broker.Sessions.ContainsKey(clientId))
        {
            StartSession(clientId);
        }

        var correlationId = $"req-{Interlocked.Increment(ref _correlation)}";
        Broker.Deliver(new WireMessage(message.MessageType, ConnectorMessageCodec.Encode(message), correlationId, agentId, clientId, 1)
        {
            Session = Broker.Sessions.GetValueOrDefault(clientId),
            Deadline = deadline,
        });
        return correlationId;
    }

    /// <summary>Starts a session for <paramref name="clientId"/> (a Hello without a token) and consumes its answer.</summary>
    public SystemStatus StartSession(string clientId)
    {
        var correlationId = $"hello-{Interlocked.Increment(ref _correlation)}";
        Broker.Deliver(new WireMessage("Hello", ConnectorMessageCodec.Encode(new SiebelCti.Connector.Contract.Hello("test", "host")), correlationId, null, clientId, 1));
        using var timeout = new CancellationTokenSource(Wait);
        while (true)
        {
            var envelope = Broker.For(clientId).Reader.ReadAsync(timeout.Token).AsTask().GetAwaiter().GetResult();
            if (envelope.CorrelationId == correlationId)
            {
                return Assert.IsType<SystemStatus>(envelope.Message);
            }
        }
    }

    public void RawRequest(WireMessage request) => Broker.Deliver(request);

    public void Notify(FinesseNotification notification) => Notifications.Deliver(notification);

    /// <summary>The next envelope published to <paramref name="clientId"/>.</summary>
    public async Task<ConnectorEnvelope> NextAsync(string clientId)
    {
        using var timeout = new CancellationTokenSource(Wait);
        return await Broker.For(clientId).Reader.ReadAsync(timeout.Token);
    }

    public async Task<T> NextAsync<T>(string clientId)
        where T : ConnectorMessage
    {
        var envelope = await NextAsync(clientId);
        return Assert.IsType<T>(envelope.Message);
    }

    /// <summary>Logs in <paramref name="agentId"/> for <paramref name="clientId"/> through Connect and Login and returns the AgentState envelope.</summary>
    public async Task<ConnectorEnvelope> ConnectAndLoginAsync(string clientId, string agentId, string extension = "1001")
    {
        Request(clientId, new Connect(), agentId);
        await NextAsync<SystemStatus>(clientId);
        var login = Request(clientId, new Login("pw-" + agentId, extension), agentId);
        var signIn = await Finesse.NextCallAsync("SignIn");
        Notify(new AgentStateNotification(agentId, new AgentState("NOT_READY", Extension: extension), signIn.RequestId));
        var envelope = await NextAsync(clientId);
        Assert.Equal(login, envelope.CorrelationId);
        return envelope;
    }

    /// <summary>The monitor snapshot as of now: lets one housekeeping tick rebuild it first.</summary>
    public async Task<Connector.Engine.Monitoring.ConnectorSnapshot> FreshSnapshotAsync()
    {
        Time.Advance(TimeSpan.FromSeconds(1));
        await SyncAsync();
        return Engine.GetSnapshot();
    }

    /// <summary>
    /// A second client proves an agent another client signed in: Connect (answered by System only),
    /// then Login with the same credentials, answered at once (no Finesse call) with the agent's full
    /// state; returns that state envelope.
    /// </summary>
    public async Task<ConnectorEnvelope> JoinAsync(string clientId, string agentId, string extension = "1001")
    {
        Request(clientId, new Connect(), agentId);
        await NextAsync<SystemStatus>(clientId);
        var login = Request(clientId, new Login("pw-" + agentId, extension), agentId);
        var envelope = await NextAsync(clientId);
        Assert.Equal(login, envelope.CorrelationId);
        return envelope;
    }

    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run;
        }

        _stop.Dispose();
    }
}

internal sealed class FakeClientChannel : IClientChannel
{
    private readonly ConcurrentDictionary<string, Channel<ConnectorEnvelope>> _published = new(StringComparer.Ordinal);

    private IEngineInput? _engine;

    /// <summary>The engine this channel is attached to, as it sees it.</summary>
    public IEngineInput Engine => _engine!;

    public void Attach(IEngineInput engine) => _engine = engine;

    /// <summary>Delivers <paramref name="request"/> as the broker would (waits while the engine's queue is full).</summary>
    public void Deliver(WireMessage request) => _engine!.RequestAsync(request, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <summary>Reports broker connectivity as the channel would.</summary>
    public void Connected(bool connected) => _engine!.BrokerConnectivity(connected);

    public Channel<ConnectorEnvelope> For(string clientId) => _published.GetOrAdd(clientId, _ => Channel.CreateUnbounded<ConnectorEnvelope>());

    public List<ConnectorEnvelope> DrainAll(string clientId)
    {
        var drained = new List<ConnectorEnvelope>();
        while (For(clientId).Reader.TryRead(out var envelope))
        {
            drained.Add(envelope);
        }

        return drained;
    }

    /// <summary>Each client's session token, as the Connector's last answer to a Hello gave it.</summary>
    public ConcurrentDictionary<string, string> Sessions { get; } = new(StringComparer.Ordinal);

    /// <summary>While set and not completed, publishing waits for it (a broker that stopped taking messages).</summary>
    public TaskCompletionSource? PublishGate { get; set; }

    public async Task PublishAsync(string clientId, ConnectorEnvelope envelope, CancellationToken cancellationToken)
    {
        if (PublishGate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        Assert.Equal(clientId, envelope.ClientId);
        if (envelope.Message is SystemStatus { Session: { } session })
        {
            Sessions[clientId] = session;
        }

        For(clientId).Writer.TryWrite(envelope);
    }
}

/// <summary>One recorded Finesse REST call.</summary>
internal sealed record GatewayCall(string Operation, string AgentId, string? RequestId, object? Argument = null, string? Detail = null);

internal sealed class FakeFinesseGateway : IFinesseGateway
{
    private readonly Channel<GatewayCall> _calls = Channel.CreateUnbounded<GatewayCall>();

    public ConcurrentQueue<GatewayCall> AllCalls { get; } = new();

    /// <summary>When set, an operation of that name throws this instead of succeeding.</summary>
    public ConcurrentDictionary<string, Exception> Failures { get; } = new(StringComparer.Ordinal);

    /// <summary>Agents signed in through this fake, with their extension (a fresh agent is LOGOUT).</summary>
    public ConcurrentDictionary<string, string> SignedIn { get; } = new(StringComparer.Ordinal);

    /// <summary>Passwords Finesse refuses: a read with one of them fails with 401.</summary>
    public ConcurrentDictionary<string, bool> WrongPasswords { get; } = new(StringComparer.Ordinal);

    public Func<AgentCredentials, AgentState> State { get; set; }

    public FakeFinesseGateway()
    {
        State = a => SignedIn.TryGetValue(a.AgentId, out var extension)
            ? new AgentState("NOT_READY", Extension: extension)
            : new AgentState("LOGOUT");
    }

    public Func<AgentCredentials, IReadOnlyList<Dialog>> Dialogs { get; set; } = _ => [];

    public IReadOnlyList<ReasonCodeEntry> NotReadyCodes { get; set; } =
        [new("15", "8", "Lunch", ReasonCodeCategory.NotReady), new("16", "9", "Break", ReasonCodeCategory.NotReady)];

    public async Task<GatewayCall> NextCallAsync(string operation)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var call = await _calls.Reader.ReadAsync(timeout.Token);
            if (call.Operation == operation)
            {
                return call;
            }
        }
    }

    /// <summary>While set, every call waits for this task before it answers (to hold calls in flight).</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Calls answering now, and the most seen at once.</summary>
    public int InFlight => _inFlight;

    public int MaxInFlight => _maxInFlight;

    private int _inFlight;
    private int _maxInFlight;

    private async Task Record(string operation, AgentCredentials agent, string? requestId, object? argument = null, string? detail = null)
    {
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = _maxInFlight) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            var call = new GatewayCall(operation, agent.AgentId, requestId, argument, detail);
            AllCalls.Enqueue(call);
            _calls.Writer.TryWrite(call);
            if (Gate is { } gate)
            {
                await gate.Task.ConfigureAwait(false);
            }

            if (Failures.TryGetValue(operation, out var failure))
            {
                throw failure;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public async Task<AgentState> GetAgentStateAsync(AgentCredentials agent, CancellationToken cancellationToken)
    {
        await Record("GetAgentState", agent, null);
        if (WrongPasswords.ContainsKey(agent.Password))
        {
            throw new FinesseGatewayException(SiebelCti.Finesse.FinesseErrorCode.FinesseUnauthorized, "401 Authorization Failure");
        }

        return State(agent);
    }

    public async Task<IReadOnlyList<Dialog>> GetDialogsAsync(AgentCredentials agent, CancellationToken cancellationToken)
    {
        await Record("GetDialogs", agent, null);
        return Dialogs(agent);
    }

    public async Task SignInAsync(AgentCredentials agent, string extension, string requestId, CancellationToken cancellationToken)
    {
        await Record("SignIn", agent, requestId, extension);
        SignedIn[agent.AgentId] = extension;
    }

    /// <summary>Recorded with Finesse's name of the state (what the REST request carries).</summary>
    public Task ChangeStateAsync(AgentCredentials agent, UserState state, string? reasonCodeId, string requestId, CancellationToken cancellationToken) =>
        Record("ChangeState", agent, requestId, UserStates.ToWire(state), reasonCodeId);

    public Task MakeCallAsync(AgentCredentials agent, string extension, string destination, string requestId, CancellationToken cancellationToken) =>
        Record("MakeCall", agent, requestId, extension, destination);

    public Task DialogActionAsync(AgentCredentials agent, DialogActionRequest action, string requestId, CancellationToken cancellationToken) =>
        Record("DialogAction", agent, requestId, action);

    public Task UpdateCallDataAsync(AgentCredentials agent, string dialogId, CallDataUpdate update, string requestId, CancellationToken cancellationToken) =>
        Record("UpdateCallData", agent, requestId, update, dialogId);

    public async Task<IReadOnlyList<ReasonCodeEntry>> GetReasonCodesAsync(AgentCredentials agent, string category, CancellationToken cancellationToken)
    {
        await Record("GetReasonCodes", agent, null, category);
        return NotReadyCodes.Where(c => c.Category == category).ToList();
    }

    public async Task<IReadOnlyList<WrapUpReasonEntry>> GetWrapUpReasonsAsync(AgentCredentials agent, CancellationToken cancellationToken)
    {
        await Record("GetWrapUpReasons", agent, null);
        return [new WrapUpReasonEntry("Sale", "3")];
    }
}

internal sealed class FakeNotifications : IFinesseNotifications
{
    private IEngineInput? _engine;

    public void Attach(IEngineInput engine) => _engine = engine;

    /// <summary>Delivers <paramref name="notification"/> as the hub would (waits while the engine's queue is full).</summary>
    public void Deliver(FinesseNotification notification) =>
        _engine!.NotificationAsync(notification, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public ConcurrentQueue<string> Subscribed { get; } = new();

    public ConcurrentQueue<string> Unsubscribed { get; } = new();

    public ConcurrentQueue<AgentCredentials> Credentials { get; } = new();

    public Task SubscribeAsync(AgentCredentials agent, CancellationToken cancellationToken)
    {
        Subscribed.Enqueue(agent.AgentId);
        Credentials.Enqueue(agent);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(string agentId, CancellationToken cancellationToken)
    {
        Unsubscribed.Enqueue(agentId);
        return Task.CompletedTask;
    }
}
