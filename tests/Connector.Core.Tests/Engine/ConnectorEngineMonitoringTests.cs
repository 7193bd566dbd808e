using SiebelCti.Connector.Engine;
using SiebelCti.Connector.Engine.Monitoring;
using SiebelCti.Connector.Engine.Ports;
using SiebelCti.Connector.Contract;

namespace SiebelCti.Connector.Core.Tests.Engine;

public sealed class ConnectorEngineMonitoringTests
{
    [Fact]
    public async Task The_snapshot_shows_clients_agents_calls_status_latency_and_errors()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        h.Request("c1", new Hello("1.0", "siebel-07"));
        await h.NextAsync<SystemStatus>("c1");
        await h.ConnectAndLoginAsync("c1", "a1", "1001");
        h.Notify(new DialogNotification("a1", Dialogs.Active("d1"), null));
        await h.NextAsync<Dialog>("c1");
        h.Request("c1", new NotReady("77"), "a1");
        await h.NextAsync<Error>("c1");

        h.Time.Advance(TimeSpan.FromSeconds(1));
        await EngineHarness.WaitUntilAsync(() => h.Engine.GetSnapshot().Agents.Count == 1 && h.Engine.GetSnapshot().Agents[0].Calls.Count == 1);
        var snapshot = h.Engine.GetSnapshot();

        Assert.Equal(SystemStatus.InService, snapshot.Status.Status);
        Assert.Equal("A", snapshot.Finesse.ActiveSide);
        Assert.True(snapshot.Broker.Connected);
        var client = Assert.Single(snapshot.Clients);
        Assert.Equal(("c1", "siebel-07", 1), (client.ClientId, client.Host, client.AgentCount));
        var agent = Assert.Single(snapshot.Agents);
        Assert.Equal(("a1", "NOT_READY", "1001"), (agent.AgentId, agent.State, agent.Extension));
        Assert.Equal("d1", Assert.Single(agent.Calls).DialogId);
        Assert.Equal(["c1"], agent.Clients);
        Assert.Contains(snapshot.ErrorsByCode, e => e.Key == ConnectorErrorCode.ReasonCodeUnknown && e.Count == 1);
        Assert.Contains(snapshot.RecentErrors, e => e.Code == ConnectorErrorCode.ReasonCodeUnknown && e.AgentId == "a1");
        Assert.Contains(snapshot.RequestsByType, r => r.Key == "Login" && r.Count == 1);
    }

    [Fact]
    public async Task Requests_REST_queueing_and_notifications_are_timed_as_stages()
    {
        await using var h = new EngineHarness(new EngineOptions { MaxConcurrentFinesseRequests = 1 });
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");
        var before = h.Engine.GetSnapshot().Stages;

        // The only REST slot is held, so the Ready waits 250 ms (fake time) before its call starts.
        h.Finesse.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Request("c1", new GetReasonCodes("NOT_READY"), "a1");
        await EngineHarness.WaitUntilAsync(() => h.Finesse.InFlight == 1);
        var ready = h.Request("c1", new Ready(), "a1");
        await h.SyncAsync(); // the Ready was handled: its call waits in the REST queue, stamped before the clock moves
        h.Time.Advance(TimeSpan.FromMilliseconds(250));
        h.Finesse.Gate.SetResult();
        var call = await h.Finesse.NextCallAsync("ChangeState");
        h.Notify(new AgentStateNotification("a1", new AgentState("READY", Extension: "1001"), call.RequestId));
        while ((await h.NextAsync("c1")).CorrelationId != ready)
        {
        }

        await EngineHarness.WaitUntilAsync(() => h.Engine.GetSnapshot().Stages[2].Count > before[2].Count);
        var after = h.Engine.GetSnapshot().Stages;
        Assert.True(after[0].Count - before[0].Count >= 2, "GetReasonCodes and Ready reached Finesse");
        Assert.True(after[0].MaxMs >= 250, $"the Ready waited 250 ms for its REST call, max {after[0].MaxMs} ms");
        Assert.True(after[1].MaxMs >= 250, $"queue wait max {after[1].MaxMs} ms");
        Assert.Equal(1, after[2].Count - before[2].Count);

        // The Connector's own handling up to the queue is timed apart from the wait for a connection.
        Assert.Equal(nameof(LatencyStage.RequestToQueued), after[(int)LatencyStage.RequestToQueued].Stage, ignoreCase: true);
        Assert.True(after[3].Count - before[3].Count >= 2, "GetReasonCodes and Ready were queued");
        Assert.True(after[3].MaxMs < 250, $"queued before the clock moved, max {after[3].MaxMs} ms");
    }
}
