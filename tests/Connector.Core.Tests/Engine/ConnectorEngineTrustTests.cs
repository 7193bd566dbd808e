using SiebelCti.Connector.Engine;
using SiebelCti.Connector.Engine.Ports;
using SiebelCti.Connector.Contract;
using SiebelCti.Finesse;

namespace SiebelCti.Connector.Core.Tests.Engine;

/// <summary>
/// The trust rules of docs/security.md at the engine: what reaches the request queue is answered,
/// executed or dropped exactly as the gate says, and only a client that proved an agent acts for it.
/// </summary>
public sealed class ConnectorEngineTrustTests
{
    [Theory]
    [InlineData("x,queue://SiebelCti.Connector.Requests")]
    [InlineData("x,SiebelCti.Client.victim")]
    [InlineData("queue://SiebelCti.Connector.Requests")]
    [InlineData("a b")]
    [InlineData("")]
    [InlineData("with>wildcard")]
    public async Task A_client_id_that_is_no_name_is_dropped_unanswered(string clientId)
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();

        h.RawRequest(new WireMessage("Hello", "{}", "h1", null, clientId, 1));
        h.RawRequest(new WireMessage("Hold", """{"dialogId":"d1"}""", "r1", "a1", clientId, 1));
        await h.SyncAsync("probe");

        Assert.Empty(h.Broker.DrainAll(clientId));
        Assert.Contains(h.Log.Entries, e => e.Id.Id == 5019 && e.Message.Contains(ConnectorErrorCode.ClientIdInvalid, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("agentId")]
    [InlineData("correlation")]
    [InlineData("session")]
    public async Task A_request_with_an_id_longer_than_MaxIdLength_is_dropped_unanswered_and_not_echoed(string field)
    {
        // Before: ids were unbounded (a broker frame may carry 16 MB of properties) and echoed back in answers.
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        h.StartSession("c1");
        var huge = new string('x', 100_000);

        h.RawRequest(new WireMessage("Connect", "{}", field == "correlation" ? huge : "r1", field == "agentId" ? huge : "a1", "c1", 1)
        {
            Session = field == "session" ? huge : h.Broker.Sessions["c1"],
        });
        await h.SyncAsync("c1");

        Assert.Empty(h.Broker.DrainAll("c1"));
        var rejection = Assert.Single(h.Log.Entries, e => e.Id.Id == 5019 && e.Message.Contains(ConnectorErrorCode.MessageTooLarge, StringComparison.Ordinal));
        Assert.True(rejection.Message.Length < 1000, "the rejection's log line carries no 100,000-character id");
    }

    [Theory]
    [InlineData("Error", """{"code":"X","message":"loop"}""")]
    [InlineData("System", """{"status":"IN_SERVICE"}""")]
    [InlineData("AgentState", """{"state":"READY"}""")]
    public async Task A_response_or_event_on_the_request_queue_is_never_answered(string type, string body)
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        h.StartSession("c1");

        h.RawRequest(new WireMessage(type, body, "e1", "a1", "c1", 1) { Session = h.Broker.Sessions["c1"] });
        h.RawRequest(new WireMessage(type, body, "e2", "a1", "c2", 1));
        await h.SyncAsync("c1");

        Assert.Empty(h.Broker.DrainAll("c1"));
        Assert.Empty(h.Broker.DrainAll("c2"));
        Assert.Contains(h.Log.Entries, e => e.Id.Id == 5019 && e.Message.Contains(ConnectorErrorCode.NotARequest, StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_client_ids_bound_to_broker_users_only_the_owner_speaks_for_a_client()
    {
        await using var h = new EngineHarness(new EngineOptions { BindClientIdsToBrokerUsers = true });
        await h.BringInServiceAsync();

        h.RawRequest(new WireMessage("Hello", "{}", "own", null, "siebel1.profile", 1) { BrokerUser = "siebel1" });
        var answer = await h.NextAsync("siebel1.profile");
        h.RawRequest(new WireMessage("Hello", "{}", "foreign", null, "siebel1.profile", 1) { BrokerUser = "siebel2" });
        h.RawRequest(new WireMessage("Hello", "{}", "prefix-trick", null, "siebel1x.profile", 1) { BrokerUser = "siebel1" });
        h.RawRequest(new WireMessage("Hello", "{}", "unstamped", null, "siebel1.other", 1));
        // A user name with a dot owns nothing: "siebel4" would otherwise own (and read the topics of) user "siebel4.x".
        h.RawRequest(new WireMessage("Hello", "{}", "dotted-user", null, "siebel4.x.profile", 1) { BrokerUser = "siebel4.x" });
        h.RawRequest(new WireMessage("Hello", "{}", "exact", null, "siebel3", 1) { BrokerUser = "siebel3" });
        var exact = await h.NextAsync("siebel3");

        Assert.Equal("own", answer.CorrelationId);
        Assert.Equal("exact", exact.CorrelationId);
        Assert.Empty(h.Broker.DrainAll("siebel1.profile"));
        Assert.Empty(h.Broker.DrainAll("siebel1x.profile"));
        Assert.Empty(h.Broker.DrainAll("siebel1.other"));
        Assert.Empty(h.Broker.DrainAll("siebel4.x.profile"));
        Assert.Equal(4, h.Log.Entries.Count(e => e.Message.Contains(ConnectorErrorCode.ClientIdNotOwned, StringComparison.Ordinal)));
        Assert.Contains(h.Log.Entries, e => e.Message.Contains("cannot own client ids", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Connect_with_an_id_proves_nothing_the_agent_stays_untouched_and_sends_nothing_to_the_intruder()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("victim", "a1");
        h.Notify(new DialogNotification("a1", Dialogs.Active("d1"), null));
        await h.NextAsync<Dialog>("victim");

        h.Request("intruder", new Connect(), "a1");
        var status = await h.NextAsync("intruder");
        foreach (var request in new ConnectorMessage[] { new Hold("d1"), new Release("d1"), new Logout(), new GetState(), new MakeCall("5550000"), new SingleStepTransfer("d1", "5550001") })
        {
            h.Request("intruder", request, "a1");
        }

        var refusals = new List<Error>();
        for (var i = 0; i < 6; i++)
        {
            refusals.Add(await h.NextAsync<Error>("intruder"));
        }

        h.Notify(new DialogNotification("a1", Dialogs.Active("d1", "HELD"), null));
        await h.NextAsync<Dialog>("victim");
        await h.SyncAsync("intruder");

        Assert.IsType<SystemStatus>(status.Message);
        Assert.All(refusals, e => Assert.Equal(ConnectorErrorCode.AgentNotAuthorized, e.Code));
        Assert.Empty(h.Broker.DrainAll("intruder"));
        Assert.DoesNotContain(h.Finesse.AllCalls, c => c.Operation is "DialogAction" or "ChangeState" or "MakeCall");
    }

    [Fact]
    public async Task A_request_with_the_victims_client_id_but_not_its_session_is_dropped()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("victim", "a1");

        h.RawRequest(new WireMessage("Hold", """{"dialogId":"d1"}""", "x1", "a1", "victim", 1));
        h.RawRequest(new WireMessage("Hold", """{"dialogId":"d1"}""", "x2", "a1", "victim", 1) { Session = "guessed-token" });
        h.RawRequest(new WireMessage("Logout", "{}", "x3", "a1", "victim", 1) { Session = "" });
        await h.SyncAsync();

        Assert.Empty(h.Broker.DrainAll("victim"));
        Assert.DoesNotContain(h.Finesse.AllCalls, c => c.Operation is "DialogAction" or "ChangeState");
        Assert.Contains(h.Log.Entries, e => e.Message.Contains(ConnectorErrorCode.ClientSessionInvalid, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_heartbeat_of_a_foreign_session_is_told_so_at_most_once_per_interval()
    {
        await using var h = new EngineHarness(new EngineOptions { RejectionLogInterval = TimeSpan.FromSeconds(10) });
        await h.BringInServiceAsync();
        h.StartSession("c1");

        for (var i = 0; i < 5; i++)
        {
            h.RawRequest(new WireMessage("Heartbeat", "{}", $"hb{i}", null, "c1", 1) { Session = "old" });
        }

        await h.SyncAsync();
        var first = h.Broker.DrainAll("c1");
        h.Time.Advance(TimeSpan.FromSeconds(11));
        h.RawRequest(new WireMessage("Heartbeat", "{}", "hb9", null, "c1", 1) { Session = "old" });
        await h.SyncAsync();
        var later = h.Broker.DrainAll("c1");

        var told = Assert.Single(first);
        Assert.Equal(ConnectorErrorCode.ClientSessionInvalid, Assert.IsType<Error>(told.Message).Code);
        Assert.Equal("hb0", told.CorrelationId);
        Assert.Equal(ConnectorErrorCode.ClientSessionInvalid, Assert.IsType<Error>(Assert.Single(later).Message).Code);
    }

    [Fact]
    public async Task A_Hello_naming_the_session_resumes_it_any_other_Hello_starts_a_new_one_without_the_old_proofs()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");
        var first = h.Broker.Sessions["c1"];

        var resume = h.Request("c1", new Hello("v", "host"));
        var resumed = await h.NextAsync("c1");
        var state = await h.NextAsync("c1");
        h.Broker.Sessions.TryRemove("c1", out _);
        var fresh = h.StartSession("c1");
        h.Request("c1", new Ready(), "a1");
        var refused = await h.NextAsync<Error>("c1");

        Assert.Equal(resume, resumed.CorrelationId);
        Assert.Equal(first, Assert.IsType<SystemStatus>(resumed.Message).Session);
        Assert.True(Assert.IsType<SystemStatus>(resumed.Message).Resumed);
        Assert.IsType<AgentState>(state.Message);
        Assert.False(fresh.Resumed);
        Assert.NotEqual(first, fresh.Session);
        Assert.Equal(ConnectorErrorCode.AgentNotAuthorized, refused.Code);
        Assert.Empty(h.Notifications.Unsubscribed); // the agent itself stays signed in
    }

    [Fact]
    public async Task An_expired_request_is_not_executed_and_says_so()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");
        var callsBefore = h.Finesse.AllCalls.Count;

        var late = h.Request("c1", new Ready(), "a1", deadline: h.Time.GetUtcNow().AddMilliseconds(-1));
        var error = await h.NextAsync("c1");
        await h.SyncAsync("c1");

        Assert.Equal(late, error.CorrelationId);
        Assert.Equal(ConnectorErrorCode.RequestExpired, Assert.IsType<Error>(error.Message).Code);
        Assert.Equal(callsBefore, h.Finesse.AllCalls.Count);
    }

    [Fact]
    public async Task A_wrong_password_for_a_signed_in_agent_changes_nothing_but_answers_that_client()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1", "1001");
        h.Finesse.WrongPasswords["guess"] = true;

        h.Request("c2", new Connect(), "a1");
        await h.NextAsync<SystemStatus>("c2");
        var login = h.Request("c2", new Login("guess", "2002"), "a1");
        var error = await h.NextAsync("c2");
        h.Request("c1", new Ready(), "a1");
        var ready = await h.Finesse.NextCallAsync("ChangeState");
        h.Notify(new AgentStateNotification("a1", new AgentState("READY", Extension: "1001"), ready.RequestId));
        var toOwner = await h.NextAsync<AgentState>("c1");
        await h.SyncAsync("c2");

        Assert.Equal(login, error.CorrelationId);
        Assert.Equal(FinesseErrorCode.FinesseUnauthorized, Assert.IsType<Error>(error.Message).Code);
        Assert.Single(h.Notifications.Subscribed);
        Assert.Empty(h.Notifications.Unsubscribed);
        Assert.Single(h.Finesse.AllCalls, c => c.Operation == "SignIn");
        Assert.Equal("READY", toOwner.State);
        Assert.Empty(h.Broker.DrainAll("c2")); // not authorized: no event of the agent
        Assert.Equal(SystemStatus.InService, h.Engine.Status.Status);
        Assert.Equal("1001", (await h.FreshSnapshotAsync()).Agents.Single().Extension);
    }

    [Fact]
    public async Task After_three_refused_passwords_Logins_are_refused_without_asking_Finesse_but_the_held_password_still_works()
    {
        await using var h = new EngineHarness(new EngineOptions { LoginFailureLimit = 3, LoginFailureBackoff = TimeSpan.FromMinutes(5) });
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");
        h.Finesse.WrongPasswords["guess"] = true;

        var codes = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            h.Request("c2", new Login("guess", "1001"), "a1");
            codes.Add((await h.NextAsync<Error>("c2")).Code);
        }

        var proofs = h.Finesse.AllCalls.Count(c => c.Operation == "GetAgentState" && c.AgentId == "a1");
        var right = h.Request("c2", new Login("pw-a1", "1001"), "a1");
        var state = await h.NextAsync("c2");
        h.Time.Advance(TimeSpan.FromMinutes(6));
        h.Request("c3", new Login("guess", "1001"), "a1");
        var afterBackoff = await h.NextAsync<Error>("c3");

        Assert.Equal([FinesseErrorCode.FinesseUnauthorized, FinesseErrorCode.FinesseUnauthorized, FinesseErrorCode.FinesseUnauthorized, ConnectorErrorCode.LoginThrottled, ConnectorErrorCode.LoginThrottled], codes);
        Assert.Equal(4, proofs); // the first login's proof and three refused ones: Finesse never saw a fourth wrong password
        Assert.Equal(right, state.CorrelationId);
        Assert.IsType<AgentState>(state.Message);
        Assert.Equal(FinesseErrorCode.FinesseUnauthorized, afterBackoff.Code);
    }

    [Fact]
    public async Task Refused_Logins_of_an_agent_nobody_holds_count_although_its_session_is_dropped_between_them()
    {
        // Before: the count lived on the agent's session, which a refused first Login drops; every guess started
        // again at zero and reached Finesse, which locks the account after five.
        await using var h = new EngineHarness(new EngineOptions { LoginFailureLimit = 3, LoginFailureBackoff = TimeSpan.FromMinutes(5) });
        await h.BringInServiceAsync();
        h.Finesse.WrongPasswords["guess"] = true;

        var codes = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            h.Request("c2", new Login("guess", "1001"), "victim");
            codes.Add((await h.NextAsync<Error>("c2")).Code);
        }

        Assert.Equal([FinesseErrorCode.FinesseUnauthorized, FinesseErrorCode.FinesseUnauthorized, FinesseErrorCode.FinesseUnauthorized, ConnectorErrorCode.LoginThrottled, ConnectorErrorCode.LoginThrottled], codes);
        Assert.Equal(3, h.Finesse.AllCalls.Count(c => c.Operation == "GetAgentState" && c.AgentId == "victim"));
        Assert.Empty((await h.FreshSnapshotAsync()).Agents); // and no session is kept for it
    }

    [Fact]
    public async Task Agent_ids_Finesse_refused_take_no_place_among_MaxAgents()
    {
        // Before: a refused agent's session was kept for the whole back-off, so invented ids refused three times
        // each filled MaxAgents and every real agent's Login failed with CONNECTOR_LIMIT_REACHED.
        await using var h = new EngineHarness(new EngineOptions { MaxAgents = 3, MaxAgentsPerClient = 3, LoginFailureLimit = 3, LoginFailureBackoff = TimeSpan.FromMinutes(5) });
        await h.BringInServiceAsync();
        h.Finesse.WrongPasswords["guess"] = true;
        for (var id = 0; id < 5; id++)
        {
            // Four at once: one in progress and three waiting keep the session alive across three refusals.
            for (var i = 0; i < 4; i++)
            {
                h.Request("c2", new Login("guess", "1001"), $"invented{id}");
            }

            for (var i = 0; i < 4; i++)
            {
                await h.NextAsync<Error>("c2");
            }
        }

        var signedIn = await h.ConnectAndLoginAsync("c1", "a1");

        Assert.Equal("NOT_READY", Assert.IsType<AgentState>(signedIn.Message).State);
    }

    [Fact]
    public async Task A_Login_with_an_extension_Finesse_refuses_leaves_extension_and_authorization_as_they_were()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1", "1001");

        var login = h.Request("c2", new Login("pw-a1", "9999"), "a1");
        var signIn = await h.Finesse.NextCallAsync("SignIn");
        h.Notify(new RequestFailedNotification("a1", signIn.RequestId, FinesseErrorCode.FinesseDeviceError, "Invalid Device"));
        var error = await h.NextAsync("c2");
        h.Request("c2", new Ready(), "a1");
        var refused = await h.NextAsync<Error>("c2");

        Assert.Equal(login, error.CorrelationId);
        Assert.Equal(FinesseErrorCode.FinesseDeviceError, Assert.IsType<Error>(error.Message).Code);
        Assert.Equal(ConnectorErrorCode.AgentNotAuthorized, refused.Code);
        var agent = (await h.FreshSnapshotAsync()).Agents.Single();
        Assert.Equal("1001", agent.Extension);
        Assert.Equal(["c1"], agent.Clients);
    }

    [Fact]
    public async Task Two_Logins_of_one_agent_at_once_open_one_session_and_sign_in_once()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        h.StartSession("c1");
        h.StartSession("c2");
        h.Finesse.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = h.Request("c1", new Login("pw-a1", "1001"), "a1");
        var second = h.Request("c2", new Login("pw-a1", "1001"), "a1");
        await h.Finesse.NextCallAsync("GetAgentState");
        h.Finesse.Gate.SetResult();
        var signIn = await h.Finesse.NextCallAsync("SignIn");
        h.Notify(new AgentStateNotification("a1", new AgentState("NOT_READY", Extension: "1001"), signIn.RequestId));
        var one = await h.NextAsync("c1");
        var two = await h.NextAsync("c2");

        Assert.Equal(first, one.CorrelationId);
        Assert.Equal(second, two.CorrelationId);
        Assert.IsType<AgentState>(two.Message);
        Assert.Single(h.Notifications.Subscribed);
        Assert.Single(h.Finesse.AllCalls, c => c.Operation == "SignIn");
        Assert.Single(h.Finesse.AllCalls, c => c.Operation == "GetAgentState"); // the second was proved by the held credentials
    }

    [Fact]
    public async Task Rejections_are_logged_ten_per_code_and_interval_then_summarised()
    {
        await using var h = new EngineHarness(new EngineOptions { RejectionLogInterval = TimeSpan.FromSeconds(10) });
        await h.BringInServiceAsync();

        for (var i = 0; i < 1000; i++)
        {
            h.RawRequest(new WireMessage("Hello", "{}", $"h{i}", null, $"bad,{i}", 1));
        }

        await h.SyncAsync("probe");
        h.Time.Advance(TimeSpan.FromSeconds(11));
        await EngineHarness.WaitUntilAsync(() => h.Log.Entries.Any(e => e.Id.Id == 5020));

        Assert.Equal(10, h.Log.Entries.Count(e => e.Id.Id == 5019));
        var summary = Assert.Single(h.Log.Entries, e => e.Id.Id == 5020);
        Assert.Contains("990", summary.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_broker_users_flood_of_client_ids_evicts_its_own_clients_not_another_servers_driver()
    {
        // Before: the longest-idle unproven client went first, whoever owned it: a driver of another Siebel server
        // between its Hello and its first Login was evicted by a flood of fresh ids from one broker user.
        await using var h = new EngineHarness(new EngineOptions { MaxClients = 5, BindClientIdsToBrokerUsers = true });
        await h.BringInServiceAsync();
        async Task<ConnectorEnvelope> Send(string clientId, string user, ConnectorMessage message, string? agentId = null)
        {
            var correlation = $"{clientId}-{Guid.NewGuid():N}";
            h.RawRequest(new WireMessage(message.MessageType, ConnectorMessageCodec.Encode(message), correlation, agentId, clientId, 1)
            {
                BrokerUser = user,
                Session = h.Broker.Sessions.GetValueOrDefault(clientId),
            });
            while (true)
            {
                var envelope = await h.NextAsync(clientId);
                if (envelope.CorrelationId == correlation)
                {
                    return envelope;
                }
            }
        }

        await Send("crm02.drv", "crm02", new Hello("driver", "siebel-02"));
        for (var i = 0; i < 50; i++)
        {
            h.Time.Advance(TimeSpan.FromSeconds(1));
            await Send($"crm01.f{i}", "crm01", new Hello("hostile", "x"));
        }

        var answer = await Send("crm02.drv", "crm02", new Connect(), "a9");

        Assert.IsType<SystemStatus>(answer.Message); // still known: not CLIENT_UNKNOWN
        Assert.Contains(h.Log.Entries, e => e.Message.Contains("Client crm01.f0, which proved no agent, was dropped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invented_clients_beyond_the_limit_replace_idle_unproven_ones_never_clients_with_agents()
    {
        await using var h = new EngineHarness(new EngineOptions { MaxClients = 3, MonitorListLimit = 2 });
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("real", "a1");

        for (var i = 0; i < 50; i++)
        {
            h.StartSession($"fake{i}");
        }

        h.Request("real", new Ready(), "a1");
        var ready = await h.Finesse.NextCallAsync("ChangeState");
        var snapshot = await h.FreshSnapshotAsync();

        Assert.NotNull(ready.RequestId); // the real client was never evicted: its request ran
        Assert.Equal(3, snapshot.ClientCount);
        Assert.Equal(2, snapshot.Clients.Count);
        Assert.Equal(1, snapshot.AgentCount);
    }
}
