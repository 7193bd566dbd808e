using SiebelCti.Connector.Contract;

namespace SiebelCti.Integration.Tests.Connector;

/// <summary>
/// A Finesse failover (emulator side A out of service, side B in service) in the middle of an
/// established call: the Connector moves to side B, re-reads the agent and its call, and publishes
/// only what changed — here nothing, so the client sees no AgentState or Dialog from the failover at
/// all, only the System status moving to side B. The call stays controllable on side B.
/// </summary>
[Collection(ConnectorCollection.Name)]
public sealed class ConnectorFailoverTests
{
    [Fact]
    public async Task Failover_during_a_call_moves_to_side_B_without_duplicate_or_lost_events_and_the_call_stays_controllable()
    {
        await using var connector = new ConnectorUnderTest { WithSideB = true };
        await connector.InitializeAsync();
        await using var client = await connector.ClientAsync("failover");
        var agent = connector.AgentA;
        var ringing = await connector.EstablishedCallAsync(client, "failover");
        Assert.Equal("A", client.History.Select(e => e.Message).OfType<SystemStatus>().Last().ActiveSide);
        var before = client.History.Count;

        await connector.ControlAsync("/emulator/failover");
        await client.WaitForAsync(e => e.Message is SystemStatus { Status: SystemStatus.InService, ActiveSide: "B" }, "System IN_SERVICE on B");

        // The agent and its call are re-read on side B (GetState answers from there) and equal what the client has.
        var get = await client.SendAsync(new GetState(), agent);
        var state = await client.WaitForAsync(e => e.CorrelationId == get, "the GetState state");
        var call = await client.WaitForAsync(e => e.CorrelationId == get, "the GetState call");
        Assert.Equal("TALKING", Assert.IsType<AgentState>(state.Message).State);
        Assert.Equal(("ACTIVE", "failover"), (Party((Dialog)call.Message), ((Dialog)call.Message).CallVariables["callVariable1"]));
        var failoverWindow = client.History.Skip(before).TakeWhile(e => e.CorrelationId != get).ToList();

        foreach (var (request, expected) in new (ConnectorRequest, string)[] { (new Hold(ringing.Id), "HELD"), (new Retrieve(ringing.Id), "ACTIVE") })
        {
            var id = await client.SendAsync(request, agent);
            var dialog = Assert.IsType<Dialog>((await client.WaitForAsync(e => e.CorrelationId == id, $"the {request.MessageType} answer")).Message);
            Assert.Equal(expected, Party(dialog));
        }

        var release = await client.SendAsync(new Release(ringing.Id), agent);
        await client.WaitForAsync(e => e.CorrelationId == release, "the Release answer");
        await client.WaitForAsync(e => e.Message is AgentState { State: "READY" }, "READY after the call");

        // Between the failover and GetState: System messages only (no republished AgentState or Dialog).
        Assert.All(failoverWindow, e => Assert.IsType<SystemStatus>(e.Message));
        Assert.Equal("B", ((SystemStatus)failoverWindow.Last().Message).ActiveSide);

        // After it, each change exactly once and in order.
        var after = client.History.Skip(before).Where(e => e.CorrelationId != get && e.Message is not SystemStatus).ToList();
        Assert.Equal(["HOLD", "TALKING", "READY"], after.Select(e => e.Message).OfType<AgentState>().Select(s => s.State));
        Assert.Equal(["HELD", "ACTIVE", "ENDED"], after.Select(e => e.Message switch { Dialog d => Party(d), DialogEnded => "ENDED", _ => null }).OfType<string>());
    }

    private static string Party(Dialog d) => d.Participants.Single(p => p.Address == "3101").State;
}
