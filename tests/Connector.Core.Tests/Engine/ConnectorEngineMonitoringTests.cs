using SiebelCti.Connector.Diagnostics;
using SiebelCti.Connector.Engine.Ports;
using SiebelCti.Connector.Messaging;

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
        Assert.Contains(snapshot.ErrorsByCode, e => e.Key == ErrorCode.ReasonCodeUnknown && e.Count == 1);
        Assert.Contains(snapshot.RecentErrors, e => e.Code == ErrorCode.ReasonCodeUnknown && e.AgentId == "a1");
        Assert.Contains(snapshot.RequestsByType, r => r.Key == "Login" && r.Count == 1);
    }
}
