using SiebelCti.Connector.Contract;

namespace SiebelCti.Integration.Tests.Connector;

/// <summary>
/// The login flow of ARCHITECTURE.md §1 and every call-control request, from a contract client over
/// ActiveMQ through the Connector to the Finesse emulator and back through prosody.
/// </summary>
[Collection(ConnectorCollection.Name)]
public sealed class ConnectorEndToEndTests(ConnectorUnderTest connector)
{
    [Fact]
    public async Task Login_ready_inbound_call_control_and_logout_round_trip_through_every_real_part()
    {
        var agent = connector.AgentA;
        await using var client = await connector.ClientAsync("siebel-1");

        // 1-2. Hello is answered by System; wait until the Connector sees Finesse in service.
        await client.SendAsync(new Hello("test", "it-host"));
        await client.WaitForAsync(e => e.Message is SystemStatus { Status: SystemStatus.InService }, "System IN_SERVICE");

        // 3-4. Connect, 5-8. Login: the agent's own state comes back with the request's correlation id.
        await client.SendAsync(new Connect(), agent);
        var login = await client.SendAsync(new Login("pw, with # and | ü", "3101"), agent);
        var signedIn = await client.WaitForAsync(e => e.CorrelationId == login, "the Login answer");
        Assert.True(signedIn.Message is AgentState, $"the Login was answered by {signedIn.Message}");
        Assert.Equal("NOT_READY", ((AgentState)signedIn.Message).State);
        Assert.Equal((agent, client.ClientId), (signedIn.AgentId, signedIn.ClientId));

        var ready = await client.SendAsync(new Ready(), agent);
        Assert.Equal("READY", Assert.IsType<AgentState>((await client.WaitForAsync(e => e.CorrelationId == ready, "the Ready answer")).Message).State);

        await connector.OfferCallAsync("3101", "ACC-42, tier #1 | gold");
        var ringing = (Dialog)(await client.WaitForAsync(e => e.Message is Dialog { State: "ALERTING" }, "a ringing call")).Message;
        Assert.Equal("ACC-42, tier #1 | gold", ringing.CallVariables["callVariable1"]);

        await Step(client, new Answer(ringing.Id), agent, d => AgentParticipant(d) == "ACTIVE");
        await Step(client, new Hold(ringing.Id), agent, d => AgentParticipant(d) == "HELD");
        await Step(client, new Retrieve(ringing.Id), agent, d => AgentParticipant(d) == "ACTIVE");
        await Step(client, new SendDtmf(ringing.Id, "12#"), agent, _ => true);
        await Step(client, new UpdateCallData(ringing.Id, new Dictionary<string, string> { ["callVariable2"] = "set, by #Siebel|" }), agent,
            d => d.CallVariables.GetValueOrDefault("callVariable2") == "set, by #Siebel|");

        var release = await client.SendAsync(new Release(ringing.Id), agent);
        var released = await client.WaitForAsync(e => e.CorrelationId == release, "the Release answer");
        Assert.True(released.Message is DialogEnded or Dialog, $"unexpected {released.Message}");

        var notReady = await client.SendAsync(new NotReady("10"), agent);
        var paused = await client.WaitForAsync(e => e.CorrelationId == notReady || e.Message is Error, "the NotReady answer");
        Assert.Equal(("NOT_READY", "10", "Break"), Summary(paused));

        var logout = await client.SendAsync(new Logout("20"), agent);
        var loggedOut = await client.WaitForAsync(e => e.CorrelationId == logout || e.Message is Error, "the Logout answer");
        Assert.Equal("LOGOUT", Assert.IsType<AgentState>(loggedOut.Message).State);
    }

    [Fact]
    public async Task Two_clients_share_one_agent_and_both_see_its_events()
    {
        var agent = connector.AgentB;
        await using var first = await connector.ClientAsync("siebel-2");
        await using var second = await connector.ClientAsync("siebel-3");
        await first.SendAsync(new Hello());
        await first.WaitForAsync(e => e.Message is SystemStatus { Status: SystemStatus.InService }, "System IN_SERVICE");
        await first.SendAsync(new Connect(), agent);
        var login = await first.SendAsync(new Login("pw-b", "3102"), agent);
        await first.WaitForAsync(e => e.CorrelationId == login, "the Login answer");

        // The second client proves the agent too (same credentials): answered at once with its state.
        await second.SendAsync(new Hello());
        await second.SendAsync(new Connect(), agent);
        var login2 = await second.SendAsync(new Login("pw-b", "3102"), agent);
        var shared = await second.WaitForAsync(e => e.CorrelationId == login2 && e.Message is AgentState, "the shared agent's state");
        var ready = await first.SendAsync(new Ready(), agent);
        var toFirst = await first.WaitForAsync(e => e.CorrelationId == ready, "the Ready answer");
        var toSecond = await second.WaitForAsync(e => e.Message is AgentState { State: "READY" }, "READY on the other client");

        Assert.Equal("NOT_READY", Assert.IsType<AgentState>(shared.Message).State);
        Assert.Equal("READY", Assert.IsType<AgentState>(toFirst.Message).State);
        Assert.Null(toSecond.CorrelationId);
    }

    [Fact]
    public async Task A_request_for_an_agent_that_never_logged_in_gets_an_Error_over_the_broker()
    {
        await using var client = await connector.ClientAsync("siebel-4");
        await client.SendAsync(new Hello());

        var ready = await client.SendAsync(new Ready(), "nobody");
        var error = await client.WaitForAsync(e => e.CorrelationId == ready, "the Error");

        Assert.Equal("AGENT_NOT_AUTHORIZED", Assert.IsType<Error>(error.Message).Code);
    }

    private static async Task Step(ContractClient client, ConnectorRequest request, string agent, Func<Dialog, bool> expected)
    {
        var correlation = await client.SendAsync(request, agent);
        var answer = await client.WaitForAsync(e => e.CorrelationId == correlation, $"the {request.MessageType} answer");
        var dialog = Assert.IsType<Dialog>(answer.Message);
        Assert.True(expected(dialog), $"{request.MessageType}: unexpected {string.Join(", ", dialog.Participants.Select(p => p.Address + "=" + p.State))}");
    }

    private static string AgentParticipant(Dialog d) => d.Participants.Single(p => p.Address == "3101").State;

    private static (string, string?, string?) Summary(ConnectorEnvelope e) => e.Message switch
    {
        AgentState s => (s.State, s.ReasonCode, s.ReasonCodeLabel),
        Error err => ("ERROR " + err.Code, err.Message, null),
        var other => (other.MessageType, null, null),
    };
}
