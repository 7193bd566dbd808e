using SiebelCti.Connector.Engine;
using SiebelCti.Connector.Engine.Ports;
using SiebelCti.Connector.Contract;

namespace SiebelCti.Connector.Core.Tests.Engine;

public sealed class ConnectorEngineRecoveryTests
{
    [Fact]
    public async Task After_a_Finesse_failover_only_what_changed_is_published_and_vanished_calls_end()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");
        h.Notify(new DialogNotification("a1", Dialogs.Active("d1"), null));
        h.Notify(new DialogNotification("a1", Dialogs.Active("d2"), null));
        await h.NextAsync<Dialog>("c1");
        await h.NextAsync<Dialog>("c1");

        h.Notify(new FinesseHealthNotification(false, "A", "finesse-a", "XMPP connection lost"));
        Assert.Equal(SystemStatus.OutOfService, (await h.NextAsync<SystemStatus>("c1")).Status);
        // Side B: the agent is unchanged, d1 is unchanged, d2 ended inside the outage window.
        h.Finesse.State = _ => new AgentState("NOT_READY", Extension: "1001");
        h.Finesse.Dialogs = _ => [Dialogs.Active("d1")];
        h.Notify(new FinesseHealthNotification(true, "B", "finesse-b", null));
        var up = await h.NextAsync<SystemStatus>("c1");
        var ended = await h.NextAsync<DialogEnded>("c1");
        await h.Finesse.NextCallAsync("GetDialogs");
        // A marker event proves nothing else was queued before it.
        h.Notify(new AgentStateNotification("a1", new AgentState("READY", Extension: "1001"), null));
        var marker = await h.NextAsync<AgentState>("c1");

        Assert.Equal((SystemStatus.InService, "B"), (up.Status, up.ActiveSide));
        Assert.Equal("d2", ended.DialogId);
        Assert.Equal("READY", marker.State);

        // The monitor (and the chain load benchmark) see how long the re-read of every agent took.
        var resync = h.Engine.GetSnapshot().LastResync;
        Assert.NotNull(resync);
        Assert.Equal(("B", 1, 0), (resync.Side, resync.Agents, resync.Failed));
    }

    [Fact]
    public async Task After_a_broker_outage_clients_get_the_status_and_their_Hello_the_resync_snapshot_with_calls_ended_meanwhile()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");
        h.Notify(new DialogNotification("a1", Dialogs.Active("d1"), null));
        h.Notify(new DialogNotification("a1", Dialogs.Active("d2"), null));
        await h.NextAsync<Dialog>("c1");
        await h.NextAsync<Dialog>("c1");
        h.Time.Advance(TimeSpan.FromSeconds(5));

        h.Broker.Connected(false);
        await EngineHarness.WaitUntilAsync(() => h.Engine.Status.Status == SystemStatus.OutOfService);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        h.Notify(new DialogRemovedNotification("a1", "d1", null)); // the customer hangs up while the broker is down
        var lostWhileDown = await h.NextAsync<DialogEnded>("c1");
        h.Broker.Connected(true);
        var status = await h.NextAsync("c1");
        var hello = h.Request("c1", new Hello());
        var snapshot = new List<ConnectorEnvelope>();
        for (var i = 0; i < 4; i++)
        {
            snapshot.Add(await h.NextAsync("c1"));
        }

        Assert.Equal("d1", lostWhileDown.DialogId);
        Assert.Equal((SystemStatus.InService, null), (Assert.IsType<SystemStatus>(status.Message).Status, status.CorrelationId));
        Assert.All(snapshot, e => Assert.Equal(hello, e.CorrelationId));
        Assert.IsType<SystemStatus>(snapshot[0].Message);
        Assert.Equal("NOT_READY", Assert.IsType<AgentState>(snapshot[1].Message).State);
        Assert.Equal("d2", Assert.IsType<Dialog>(snapshot[2].Message).Id);
        Assert.Equal("d1", Assert.IsType<DialogEnded>(snapshot[3].Message).DialogId);
    }

    [Fact]
    public async Task A_Hello_repeats_only_calls_that_ended_after_the_client_was_last_heard_from()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");
        h.Notify(new DialogNotification("a1", Dialogs.Active("d1"), null));
        await h.NextAsync<Dialog>("c1");
        h.Notify(new DialogRemovedNotification("a1", "d1", null));
        await h.NextAsync<DialogEnded>("c1");
        h.Time.Advance(TimeSpan.FromSeconds(5));
        h.Request("c1", new Heartbeat());

        var hello = h.Request("c1", new Hello());
        var status = await h.NextAsync("c1");
        var state = await h.NextAsync("c1");
        var marker = h.Request("c1", new GetState(), "a1");
        var next = await h.NextAsync("c1");

        Assert.Equal((hello, hello), (status.CorrelationId, state.CorrelationId));
        Assert.IsType<AgentState>(state.Message);
        Assert.Equal(marker, next.CorrelationId); // no DialogEnded for d1: it ended before the last heartbeat
    }

    [Fact]
    public async Task A_restored_agent_session_rereads_state_and_publishes_changes()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");
        h.Finesse.State = _ => new AgentState("READY", Extension: "1001");

        h.Notify(new AgentSessionNotification("a1", false, "XMPP stream closed"));
        h.Notify(new AgentSessionNotification("a1", true, null));
        var state = await h.NextAsync<AgentState>("c1");

        Assert.Equal("READY", state.State);
    }

    [Fact]
    public async Task A_dead_client_with_policy_Logout_signs_its_agent_out_from_NOT_READY_and_unsubscribes()
    {
        await using var h = new EngineHarness(new EngineOptions { ClientTimeout = TimeSpan.FromSeconds(30), DeadClientPolicy = DeadClientPolicy.Logout });
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");
        h.Notify(new AgentStateNotification("a1", new AgentState("READY", Extension: "1001"), null));
        await h.NextAsync<AgentState>("c1");

        h.Time.Advance(TimeSpan.FromSeconds(31));
        var notReady = await h.Finesse.NextCallAsync("ChangeState");
        var logout = await h.Finesse.NextCallAsync("ChangeState");
        await EngineHarness.WaitUntilAsync(() => h.Notifications.Unsubscribed.Contains("a1"));

        Assert.Equal("NOT_READY", notReady.Argument);
        Assert.Equal("LOGOUT", logout.Argument);
    }

    [Fact]
    public async Task A_dead_client_with_policy_Keep_leaves_its_agent_signed_in_for_the_next_client()
    {
        await using var h = new EngineHarness(new EngineOptions { ClientTimeout = TimeSpan.FromSeconds(30), DeadClientPolicy = DeadClientPolicy.Keep });
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");

        h.Time.Advance(TimeSpan.FromSeconds(31));
        h.Request("c1", new Heartbeat());
        var unknown = await h.NextAsync<Error>("c1");
        var state = Assert.IsType<AgentState>((await h.JoinAsync("c2", "a1")).Message);

        Assert.Equal(ConnectorErrorCode.ClientUnknown, unknown.Code);
        Assert.Equal("NOT_READY", state.State);
        Assert.DoesNotContain(h.Finesse.AllCalls, c => c.Operation == "ChangeState");
        Assert.Empty(h.Notifications.Unsubscribed);
    }

    [Fact]
    public async Task Heartbeats_keep_a_client_alive()
    {
        await using var h = new EngineHarness(new EngineOptions { ClientTimeout = TimeSpan.FromSeconds(30), DeadClientPolicy = DeadClientPolicy.Logout });
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");

        for (var i = 0; i < 4; i++)
        {
            h.Time.Advance(TimeSpan.FromSeconds(20));
            h.Request("c1", new Heartbeat());
            // Requests are handled in order: the Hello's answer proves the heartbeat was handled.
            h.Request("c1", new Hello());
            await h.NextAsync<SystemStatus>("c1");
            await h.NextAsync<AgentState>("c1"); // the resync snapshot of its agent
        }

        h.Request("c1", new Ready(), "a1");
        var call = await h.Finesse.NextCallAsync("ChangeState");

        Assert.Equal("READY", call.Argument);
        Assert.Empty(h.Notifications.Unsubscribed);
    }
}
