using SiebelCti.Connector.Contract;
using SiebelCti.OpenWire;
using SiebelCti.Integration.Tests.Connector;
using SiebelCti.Finesse;

namespace SiebelCti.Integration.Tests.Hostile;

[CollectionDefinition(Name)]
public sealed class HostileCollection : ICollectionFixture<HostileLab>
{
    public const string Name = "Hostile broker clients against the Connector process";
}

/// <summary>
/// Every attack of the trust issue, repeated by a broker client against the real Connector process
/// (docs/security.md): the victim's call stays untouched, no victim data reaches the attacker, the
/// Connector stays in service, nothing runs late, memory, log and monitor stay bounded.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class HostileClientTests(HostileLab lab) : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }
    }

    private async Task<ContractClient> ClientAsync(string name, BrokerUser user)
    {
        var client = await lab.ClientAsync(name, user);
        _owned.Add(client);
        return client;
    }

    private async Task<Attacker> AttackerAsync()
    {
        var attacker = await lab.AttackerAsync();
        _owned.Add(attacker);
        return attacker;
    }

    /// <summary>The victim's own client with the victim signed in and on a live call.</summary>
    private async Task<(ContractClient Victim, string DialogId)> VictimOnACallAsync(string name)
    {
        var victim = await ClientAsync(name, TestServices.VictimUser);
        await lab.SignInReadyAsync(victim, lab.Victim);
        var dialog = await lab.ActiveCallAsync(victim, lab.Victim, "secret-account-4711");
        return (victim, dialog);
    }

    private async Task EndCallAsync(ContractClient victim, string dialogId)
    {
        var release = await victim.SendAsync(new Release(dialogId), lab.Victim.LoginId);
        await victim.WaitForAsync(e => e.CorrelationId == release, "the Release answer");
    }

    [Fact]
    public async Task Connect_without_a_password_gives_no_control_of_the_victim_and_none_of_its_data()
    {
        var (victim, dialog) = await VictimOnACallAsync("victim-1");
        var intruder = await ClientAsync("intruder-1", TestServices.AttackerUser);

        await intruder.SendAsync(new Connect(), lab.Victim.LoginId);
        var attempts = new List<string>();
        foreach (var request in new ConnectorRequest[]
        {
            new Hold(dialog), new Retrieve(dialog), new Release(dialog), new ConsultCall(dialog, "3299"), new TransferComplete(dialog),
            new SingleStepTransfer(dialog, "3299"), new MakeCall("0611111111"), new GetState(), new UpdateCallData(dialog, new Dictionary<string, string> { ["callVariable1"] = "pwned" }),
            new Logout("20"), new NotReady("10"),
        })
        {
            attempts.Add(await intruder.SendAsync(request, lab.Victim.LoginId));
        }

        foreach (var attempt in attempts)
        {
            var answer = await intruder.WaitForAsync(e => e.CorrelationId == attempt, "the refusal");
            Assert.Equal(ConnectorErrorCode.AgentNotAuthorized, Assert.IsType<Error>(answer.Message).Code);
        }

        Assert.Equal("ACTIVE", await lab.ParticipantStateAsync(lab.Victim, dialog));
        Assert.DoesNotContain(intruder.History, e => e.Message is Dialog or AgentState or DialogEnded);
        Assert.DoesNotContain(intruder.History, e => e.AgentId == lab.Victim.LoginId && e.Message is not (Error or SystemStatus));
        await EndCallAsync(victim, dialog);
    }

    [Fact]
    public async Task Another_broker_user_cannot_even_restart_the_victims_session()
    {
        var (victim, dialog) = await VictimOnACallAsync("victim-8");
        var attacker = await AttackerAsync();

        await attacker.SendAsync(new Hello("x", "x"), victim.ClientId);
        await attacker.SendAsync(new Hold(dialog), victim.ClientId, lab.Victim.LoginId);
        var probe = await victim.SendAsync(new Hold(dialog), lab.Victim.LoginId);
        var held = await victim.WaitForAsync(e => e.CorrelationId == probe, "the victim's own Hold");

        Assert.IsType<Dialog>(held.Message); // the victim's session was not replaced: its token still works
        Assert.Equal("HELD", await lab.ParticipantStateAsync(lab.Victim, dialog));
        Assert.Single(victim.History, e => e.Message is SystemStatus { Session: not null });
        var retrieve = await victim.SendAsync(new Retrieve(dialog), lab.Victim.LoginId);
        await victim.WaitForAsync(e => e.CorrelationId == retrieve, "the Retrieve answer");
        await EndCallAsync(victim, dialog);
    }

    [Fact]
    public async Task The_broker_does_not_let_another_driver_user_read_the_victims_topic()
    {
        var victim = await ClientAsync("victim-7", TestServices.VictimUser);
        var attacker = await AttackerAsync();

        var refused = await Assert.ThrowsAsync<OpenWireException>(() => attacker.ListenAsync(ConnectorWire.DefaultClientTopicPrefix + victim.ClientId));
        var wildcard = await Assert.ThrowsAsync<OpenWireException>(() => attacker.ListenAsync(ConnectorWire.DefaultClientTopicPrefix + ">"));

        Assert.Equal(OpenWireErrorCode.OpenWireNotAuthorized, refused.ErrorCode);
        Assert.Equal(OpenWireErrorCode.OpenWireNotAuthorized, wildcard.ErrorCode);
    }

    [Fact]
    public async Task Using_the_victims_client_id_without_its_session_is_dropped()
    {
        var (victim, dialog) = await VictimOnACallAsync("victim-2");
        var attacker = await AttackerAsync();

        await attacker.SendAsync(new Hold(dialog), victim.ClientId, lab.Victim.LoginId);
        await attacker.SendAsync(new Hold(dialog), victim.ClientId, lab.Victim.LoginId, session: "guessed");
        await attacker.SendAsync(new Logout("20"), victim.ClientId, lab.Victim.LoginId, session: "");
        // In order: once the victim's own request is answered, the forged ones before it were handled.
        var probe = await victim.SendAsync(new GetState(), lab.Victim.LoginId);
        await victim.WaitForAsync(e => e.CorrelationId == probe, "the GetState answer");

        Assert.Equal("ACTIVE", await lab.ParticipantStateAsync(lab.Victim, dialog));
        Assert.DoesNotContain(victim.History, e => e.Message is Error);
        await EndCallAsync(victim, dialog);
    }

    [Theory]
    [InlineData("x,queue://{queue}")]
    [InlineData("x,SiebelCti.Client.{victim}")]
    public async Task A_client_id_naming_other_destinations_is_dropped_and_the_Connector_never_answers_itself(string clientIdTemplate)
    {
        var victim = await ClientAsync("victim-3", TestServices.VictimUser);
        var attacker = await AttackerAsync();
        var observer = await lab.ObserverAsync();
        _owned.Add(observer);
        await observer.ListenAsync("SiebelCti.Client.x");
        var clientId = clientIdTemplate.Replace("{queue}", lab.RequestQueue, StringComparison.Ordinal).Replace("{victim}", victim.ClientId, StringComparison.Ordinal);
        var loggedBefore = lab.ConnectorLogLines().Count;

        foreach (var type in new[] { "Hello", "Error", "Ready" })
        {
            await attacker.SendAsync(type, """{"code":"FAKE","message":"attacker text"}""", clientId, "a1");
        }

        // The victim's own round trip after the poison: everything before it was handled (requests are handled in order).
        var probe = await victim.SendAsync(new Heartbeat());
        var hello = await victim.SendAsync(new Hello("hostile-lab", "lab"));
        await victim.WaitForAsync(e => e.CorrelationId == hello, "the second Hello answer");
        var (snapshot, _) = await lab.MonitorSnapshotAsync();

        Assert.NotNull(probe);
        Assert.True(observer.Received["SiebelCti.Client.x"].IsEmpty, "the Connector published to a destination the attacker named");
        Assert.DoesNotContain(victim.History, e => e.Message is Error);
        Assert.Equal(SystemStatus.InService, snapshot.RootElement.GetProperty("status").GetProperty("status").GetString());
        Assert.True(lab.ConnectorLogLines().Count - loggedBefore < 20, "the poison flooded the log");
    }

    [Fact]
    public async Task A_command_reported_failed_while_the_Connector_was_paused_never_runs_later()
    {
        var (victim, dialog) = await VictimOnACallAsync("victim-4");

        lab.Signal("STOP");
        string hold;
        try
        {
            // What the driver does: a deadline RequestExpiry after the command, here 1 s.
            var deadline = TimeProvider.System.GetUtcNow().AddSeconds(1);
            hold = await victim.SendAsync(new Hold(dialog), lab.Victim.LoginId, deadline: deadline);
            while (TimeProvider.System.GetUtcNow() < deadline.AddSeconds(1))
            {
                // The Connector stays paused until the deadline has surely passed.
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }
        finally
        {
            lab.Signal("CONT");
        }

        var probe = await victim.SendAsync(new GetState(), lab.Victim.LoginId);
        await victim.WaitForAsync(e => e.CorrelationId == probe, "the GetState answer after the pause");
        var answers = victim.History.Where(e => e.CorrelationId == hold).ToList();

        Assert.Equal("ACTIVE", await lab.ParticipantStateAsync(lab.Victim, dialog));
        // The broker may have discarded the expired message itself; if the Connector saw it, it said so.
        Assert.All(answers, e => Assert.Equal(ConnectorErrorCode.RequestExpired, Assert.IsType<Error>(e.Message).Code));
        await EndCallAsync(victim, dialog);
    }

    [Fact]
    public async Task Wrong_passwords_for_the_victim_change_nothing_and_never_reach_the_Finesse_lockout()
    {
        var (victim, dialog) = await VictimOnACallAsync("victim-5");
        var intruder = await ClientAsync("intruder-5", TestServices.AttackerUser);

        var codes = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var login = await intruder.SendAsync(new Login("guess-" + i, "3299"), lab.Victim.LoginId);
            codes.Add(Assert.IsType<Error>((await intruder.WaitForAsync(e => e.CorrelationId == login, "the Login refusal")).Message).Code);
        }

        var probe = await victim.SendAsync(new Hold(dialog), lab.Victim.LoginId);
        var held = await victim.WaitForAsync(e => e.CorrelationId == probe, "the victim's own Hold");
        var (snapshot, _) = await lab.MonitorSnapshotAsync();

        Assert.Equal(3, codes.Count(c => c == FinesseErrorCode.FinesseUnauthorized));
        Assert.Equal(3, codes.Count(c => c == ConnectorErrorCode.LoginThrottled));
        Assert.IsType<Dialog>(held.Message); // the victim's toolbar still works: session and extension untouched
        Assert.Equal("HELD", await lab.ParticipantStateAsync(lab.Victim, dialog));
        Assert.Equal(SystemStatus.InService, snapshot.RootElement.GetProperty("status").GetProperty("status").GetString());
        Assert.DoesNotContain(intruder.History, e => e.Message is Dialog or AgentState);
        var retrieve = await victim.SendAsync(new Retrieve(dialog), lab.Victim.LoginId);
        await victim.WaitForAsync(e => e.CorrelationId == retrieve, "the Retrieve answer");
        await EndCallAsync(victim, dialog);
    }

    [Fact]
    public async Task Thousands_of_invented_clients_and_agents_leave_memory_log_and_monitor_bounded()
    {
        var victim = await ClientAsync("victim-6", TestServices.VictimUser);
        var attacker = await AttackerAsync();
        _ = await lab.MonitorSnapshotAsync();
        var rssBefore = lab.ConnectorRssKiB();
        var logBefore = lab.ConnectorLogLines().Count;

        for (var i = 0; i < 5000; i++)
        {
            var client = $"fake-{i:D5}";
            await attacker.SendAsync(new Hello("x", "x"), client);
            await attacker.SendAsync(new Connect(), client, $"agent-{i:D5}");
        }

        var hello = await victim.SendAsync(new Hello("hostile-lab", "lab"));
        await victim.WaitForAsync(e => e.CorrelationId == hello, "the Hello answer after the flood");
        var (snapshot, bytes) = await lab.MonitorSnapshotAsync();
        var rssGrowthKiB = lab.ConnectorRssKiB() - rssBefore;
        var logged = lab.ConnectorLogLines().Count - logBefore;

        Assert.True(bytes < 300_000, $"the monitor snapshot is {bytes} bytes");
        Assert.True(snapshot.RootElement.GetProperty("clients").GetArrayLength() <= 500);
        Assert.True(snapshot.RootElement.GetProperty("agentCount").GetInt32() <= 2, "invented agent ids were kept"); // the victim and the intruder at most
        Assert.True(logged < 200, $"{logged} log lines for 10,000 invented requests");
        Assert.True(rssGrowthKiB < 64 * 1024, $"the Connector grew by {rssGrowthKiB} KiB");
        Assert.Equal(SystemStatus.InService, snapshot.RootElement.GetProperty("status").GetProperty("status").GetString());
    }
}
