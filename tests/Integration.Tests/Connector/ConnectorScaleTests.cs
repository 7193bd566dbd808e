using SiebelCti.Connector.Engine;
using SiebelCti.Connector.Contract;
using SiebelCti.Finesse;

namespace SiebelCti.Integration.Tests.Connector;

/// <summary>A Connector with 100 extra agents and a REST limit of 4 calls at once (so every burst is larger than the limit).</summary>
public sealed class ScaleConnector() : IAsyncLifetime
{
    public ConnectorUnderTest Connector { get; } = new()
    {
        ExtraAgentCount = 100,
        EngineOptions = new EngineOptions
        {
            RequestTimeout = TimeSpan.FromSeconds(15),
            QueueTimeout = TimeSpan.FromSeconds(30),
            HousekeepingInterval = TimeSpan.FromMilliseconds(500),
            MaxConcurrentFinesseRequests = 4,
        },
    };

    public ValueTask InitializeAsync() => Connector.InitializeAsync();

    public ValueTask DisposeAsync() => Connector.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ScaleCollection : ICollectionFixture<ScaleConnector>
{
    public const string Name = "Connector at scale over real parts";
}

/// <summary>
/// Shift start over the real broker, emulator and prosody: many logins at once, a wrong password in
/// the middle of it, two logins of one agent racing, and bursts larger than the REST limit. The
/// Connector's status never changes and every request is answered.
/// </summary>
[Collection(ScaleCollection.Name)]
public sealed class ConnectorScaleTests(ScaleConnector lab) : IAsyncLifetime
{
    private readonly List<ContractClient> _clients = [];

    // The Connector answers every request in the end (its own queue timeout is 30 s here); on a
    // loaded 2-core machine a burst of 100 through 4 REST slots takes a while, so the test waits longer.
    private static readonly TimeSpan BurstPatience = TimeSpan.FromSeconds(120);

    private ConnectorUnderTest Connector => lab.Connector;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
    }

    private async Task<ContractClient> ClientAsync(string name)
    {
        var client = await Connector.ClientAsync(name);
        _clients.Add(client);
        _inServiceFrom[client] = await client.HelloInServiceAsync();
        return client;
    }

    // Where each client's history starts to count for "no status change": after it first saw IN_SERVICE.
    private readonly Dictionary<ContractClient, int> _inServiceFrom = [];

    private IEnumerable<ConnectorEnvelope> SinceInService(ContractClient client) => client.History.Skip(_inServiceFrom[client]);

    /// <summary>Logs in every extra agent, ten clients of ten agents, all Logins sent at once; returns each agent's client.</summary>
    private async Task<Dictionary<string, ContractClient>> LogInAllAsync(string prefix)
    {
        var clients = new List<ContractClient>();
        for (var i = 0; i < 10; i++)
        {
            clients.Add(await ClientAsync($"{prefix}{i}"));
        }

        var byAgent = new Dictionary<string, ContractClient>(StringComparer.Ordinal);
        var logins = new List<(ContractClient Client, string Correlation, string Agent)>();
        for (var i = 0; i < Connector.ExtraAgents.Count; i++)
        {
            var agent = Connector.ExtraAgents[i];
            var client = clients[i % clients.Count];
            byAgent[agent.LoginId] = client;
            await client.SendAsync(new Connect(), agent.LoginId);
            logins.Add((client, await client.SendAsync(new Login(agent.Password, agent.Extension), agent.LoginId), agent.LoginId));
        }

        foreach (var (client, correlation, agent) in logins)
        {
            var answer = await client.AnswerAsync(correlation, $"the Login answer of {agent}", BurstPatience);
            Assert.True(answer.Message is AgentState, $"{agent}: Login answered {answer.Message}");
        }

        return byAgent;
    }

    [Fact]
    public async Task A_hundred_logins_at_once_then_a_burst_beyond_the_REST_limit_all_complete_without_a_status_change()
    {
        var byAgent = await LogInAllAsync("shift");

        var readies = new List<(ContractClient Client, string Correlation, string Agent)>();
        foreach (var (agent, client) in byAgent)
        {
            readies.Add((client, await client.SendAsync(new Ready(), agent), agent));
        }

        foreach (var (client, correlation, agent) in readies)
        {
            var answer = await client.AnswerAsync(correlation, $"the Ready answer of {agent}", BurstPatience);
            Assert.True(answer.Message is AgentState { State: "READY" }, $"{agent}: Ready answered {answer.Message}");
        }

        var notReadies = new List<(ContractClient Client, string Correlation, string Agent)>();
        foreach (var (agent, client) in byAgent)
        {
            notReadies.Add((client, await client.SendAsync(new NotReady("10"), agent), agent));
        }

        foreach (var (client, correlation, agent) in notReadies)
        {
            var answer = await client.AnswerAsync(correlation, $"the NotReady answer of {agent}", BurstPatience);
            Assert.True(answer.Message is AgentState { State: "NOT_READY" }, $"{agent}: NotReady answered {answer.Message}");
        }

        Assert.All(_clients, c => Assert.DoesNotContain(SinceInService(c), e => e.Message is SystemStatus { Status: SystemStatus.OutOfService }));
        Assert.Equal(SystemStatus.InService, Connector.Engine.Status.Status);
    }

    [Fact]
    public async Task A_wrong_password_for_a_signed_in_agent_leaves_the_agent_and_the_Connector_untouched()
    {
        var agent = Connector.ExtraAgents[0];
        var owner = await ClientAsync("owner");
        await owner.SendAsync(new Connect(), agent.LoginId);
        var login = await owner.SendAsync(new Login(agent.Password, agent.Extension), agent.LoginId);
        await owner.WaitForAsync(e => e.CorrelationId == login, "the owner's Login answer");
        var intruder = await ClientAsync("wrong-password");

        var wrong = await intruder.SendAsync(new Login("not-" + agent.Password, "4999"), agent.LoginId);
        var refused = await intruder.WaitForAsync(e => e.CorrelationId == wrong, "the wrong Login's answer");
        var ready = await owner.SendAsync(new Ready(), agent.LoginId);
        var readyAnswer = await owner.WaitForAsync(e => e.CorrelationId == ready, "the owner's Ready answer");
        var notReady = await owner.SendAsync(new NotReady("10"), agent.LoginId);
        var back = await owner.WaitForAsync(e => e.CorrelationId == notReady, "the owner's NotReady answer");

        Assert.Equal(FinesseErrorCode.FinesseUnauthorized, Assert.IsType<Error>(refused.Message).Code);
        Assert.Equal(("READY", agent.Extension), (Assert.IsType<AgentState>(readyAnswer.Message).State, ((AgentState)readyAnswer.Message).Extension));
        Assert.IsType<AgentState>(back.Message);
        Assert.DoesNotContain(intruder.History, e => e.Message is AgentState or Dialog);
        Assert.DoesNotContain(SinceInService(owner), e => e.Message is SystemStatus { Status: SystemStatus.OutOfService });
        Assert.Equal(SystemStatus.InService, Connector.Engine.Status.Status);
    }

    [Fact]
    public async Task Two_logins_of_one_agent_at_once_are_both_answered_without_conflict_or_status_change()
    {
        var agent = Connector.ExtraAgents[1];
        var first = await ClientAsync("twin-1");
        var second = await ClientAsync("twin-2");

        var a = await first.SendAsync(new Login(agent.Password, agent.Extension), agent.LoginId);
        var b = await second.SendAsync(new Login(agent.Password, agent.Extension), agent.LoginId);
        var answerA = await first.WaitForAsync(e => e.CorrelationId == a, "the first Login answer");
        var answerB = await second.WaitForAsync(e => e.CorrelationId == b, "the second Login answer");
        var ready = await second.SendAsync(new Ready(), agent.LoginId);
        await second.WaitForAsync(e => e.CorrelationId == ready, "the Ready answer");
        var seenByFirst = await first.WaitForAsync(e => e.Message is AgentState { State: "READY" }, "READY at the other client");
        var notReady = await first.SendAsync(new NotReady("10"), agent.LoginId);
        await first.WaitForAsync(e => e.CorrelationId == notReady, "the NotReady answer");

        Assert.IsType<AgentState>(answerA.Message);
        Assert.IsType<AgentState>(answerB.Message);
        Assert.Null(seenByFirst.CorrelationId);
        Assert.DoesNotContain(SinceInService(first).Concat(SinceInService(second)), e => e.Message is SystemStatus { Status: SystemStatus.OutOfService } or Error);
    }
}
