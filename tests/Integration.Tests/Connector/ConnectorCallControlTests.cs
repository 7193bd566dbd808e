using SiebelCti.Connector.Contract;

namespace SiebelCti.Integration.Tests.Connector;

/// <summary>
/// Every call-control request of the contract end to end (contract client → ActiveMQ → Connector →
/// Finesse emulator → prosody → Connector → ActiveMQ → client): outbound calls (answered, busy and
/// to another agent), consult transfer, consult conference, single-step transfer, wrap-up, GetState (the driver's
/// ResetState) and Finesse rejections as stable error codes. Agent A is 3101, B is 3102, C is 3103
/// (wrap-up required on incoming calls); the tests of this class run one after another on one
/// connector and leave every agent without a call.
/// </summary>
[Collection(ConnectorCollection.Name)]
public sealed class ConnectorCallControlTests(ConnectorUnderTest connector) : IAsyncDisposable
{
    private readonly List<ContractClient> _clients = [];

    private readonly List<Agent> _agents = [];

    /// <summary>Leaves every agent the test used NOT_READY (the state the other tests of the collection start from).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var agent in _agents)
        {
            await NotReadyAsync(agent);
        }

        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task MakeCall_to_an_external_number_is_answered_by_the_far_end_and_released()
    {
        var a = await SignedInAsync("cc-1", connector.AgentA, "pw, with # and | ü", "3101");

        // MakeCall is answered by the first Dialog of the new call (Finesse INITIATING, no toAddress yet).
        var dialog = await CallAnswerAsync(a, new MakeCall("0201234567"), connector.AgentA, d => Party(d, "3101") is "INITIATING" or "INITIATED");
        var active = await a.Client.WaitForAsync(e => e.Message is Dialog { State: "ACTIVE" } d && d.Id == dialog.Id, "the far end answering");

        Assert.Equal(("OUT", "0201234567"), (((Dialog)active.Message).CallType, ((Dialog)active.Message).ToAddress));
        Assert.Null(active.CorrelationId);
        await ReleaseAsync(a, dialog.Id);
    }

    [Fact]
    public async Task MakeCall_to_a_busy_number_is_dialled_then_ends()
    {
        var a = await SignedInAsync("cc-2", connector.AgentA, "pw, with # and | ü", "3101");

        var dialog = await CallAnswerAsync(a, new MakeCall(ConnectorUnderTest.BusyNumber), connector.AgentA, _ => true);

        // Finesse marks the agent's participant FAILED: the call ends for the client (reason FAILED)
        // and the Connector drops it in Finesse, so the agent is free for the next call.
        var ended = await EventuallyAsync(a.Client, e => e.Message is DialogEnded d && d.DialogId == dialog.Id, "the busy call ending");
        Assert.Equal("FAILED", ((DialogEnded)ended.Message).Reason);
        Assert.DoesNotContain(a.Client.History, e => e.Message is Dialog d && d.Id == dialog.Id && Party(d, "3101") == "ACTIVE");
        var next = await CallAnswerAsync(a, new MakeCall("0201234567"), connector.AgentA, _ => true);
        await a.Client.WaitForAsync(e => e.Message is Dialog { State: "ACTIVE" } d && d.Id == next.Id, "the next call connected");
        await ReleaseAsync(a, next.Id);
    }

    [Fact]
    public async Task MakeCall_to_another_agent_rings_it_and_both_sides_see_the_call()
    {
        var a = await SignedInAsync("cc-3", connector.AgentA, "pw, with # and | ü", "3101");
        var b = await SignedInAsync("cc-4", connector.AgentB, "pw-b", "3102");

        var outbound = await CallAnswerAsync(a, new MakeCall("3102"), connector.AgentA, d => Party(d, "3101") is "INITIATING" or "INITIATED");
        var ringing = await RingingAsync(b);
        await Step(b, new Answer(ringing.Id), d => Party(d, "3102") == "ACTIVE");
        await a.Client.WaitForAsync(e => e.Message is Dialog d && d.Id == outbound.Id && Party(d, "3101") == "ACTIVE" && Party(d, "3102") == "ACTIVE", "the internal call connected");

        await ReleaseAsync(a, outbound.Id);
        await EventuallyAsync(b.Client, e => e.Message is DialogEnded ended && ended.DialogId == ringing.Id, "the call ending at B");
    }

    [Fact]
    public async Task ConsultCall_then_TransferComplete_hands_the_customer_to_the_consulted_agent()
    {
        var a = await SignedInAsync("cc-5", connector.AgentA, "pw, with # and | ü", "3101");
        var b = await SignedInAsync("cc-6", connector.AgentB, "pw-b", "3102");
        var original = await CustomerCallAsync(a, "3101", "transfer-me");

        var consult = await ConsultAsync(a, b, original);
        var transfer = await a.Client.SendAsync(new TransferComplete(original.Id), a.Id);
        var answer = await a.Client.WaitForAsync(e => e.CorrelationId == transfer, "the TransferComplete answer");

        Assert.True(answer.Message is DialogEnded or Dialog, $"unexpected {answer.Message}");
        await EventuallyAsync(a.Client, e => e.Message is DialogEnded ended && ended.DialogId == original.Id, "A leaving the original call");
        await EventuallyAsync(a.Client, e => e.Message is DialogEnded ended && ended.DialogId == consult.Id, "A leaving the consult call");
        var survivor = (Dialog)(await EventuallyAsync(b.Client, e => e.Message is Dialog { CallType: "TRANSFER" }, "the transferred call at B")).Message;
        Assert.Equal(original.Id, survivor.Id);
        Assert.Equal("ACTIVE", Party(survivor, "3102"));
        Assert.Equal("transfer-me", survivor.CallVariables["callVariable1"]);
        Assert.True(Party(survivor, "3101") is null or "DROPPED", $"A still on the transferred call: {Party(survivor, "3101")}");
        await EventuallyAsync(b.Client, e => e.Message is DialogEnded ended && ended.DialogId == consult.Id, "the consult leg gone at B");

        await ReleaseAsync(b, survivor.Id);
    }

    [Fact]
    public async Task ConsultCall_then_ConferenceComplete_joins_all_three()
    {
        var a = await SignedInAsync("cc-7", connector.AgentA, "pw, with # and | ü", "3101");
        var b = await SignedInAsync("cc-8", connector.AgentB, "pw-b", "3102");
        var original = await CustomerCallAsync(a, "3101", "conference-me");

        await ConsultAsync(a, b, original);
        var conference = await a.Client.SendAsync(new ConferenceComplete(original.Id), a.Id);
        var answer = await a.Client.WaitForAsync(e => e.CorrelationId == conference, "the ConferenceComplete answer");
        Assert.True(answer.Message is DialogEnded or Dialog, $"unexpected {answer.Message}");

        var atA = (Dialog)(await EventuallyAsync(a.Client, e => e.Message is Dialog { CallType: "CONFERENCE" } d && d.Id == original.Id && ActiveParties(d) == 3, "the conference at A")).Message;
        var atB = (Dialog)(await EventuallyAsync(b.Client, e => e.Message is Dialog { CallType: "CONFERENCE" } d && d.Id == original.Id && ActiveParties(d) == 3, "the conference at B")).Message;
        Assert.Equal("conference-me", atB.CallVariables["callVariable1"]);
        Assert.Equal(("ACTIVE", "ACTIVE"), (Party(atA, "3101"), Party(atA, "3102")));

        // A leaves: B and the customer stay connected; then B ends the call.
        await ReleaseAsync(a, original.Id);
        await EventuallyAsync(b.Client, e => e.Message is Dialog d && d.Id == original.Id && Party(d, "3101") is null or "DROPPED" && Party(d, "3102") == "ACTIVE", "the conference without A");
        await ReleaseAsync(b, original.Id);
    }

    [Fact]
    public async Task SingleStepTransfer_rings_the_target_and_releases_the_transferring_agent()
    {
        var a = await SignedInAsync("cc-9", connector.AgentA, "pw, with # and | ü", "3101");
        var b = await SignedInAsync("cc-10", connector.AgentB, "pw-b", "3102");
        var original = await CustomerCallAsync(a, "3101", "blind");

        var sst = await a.Client.SendAsync(new SingleStepTransfer(original.Id, "3102"), a.Id);
        var answer = await a.Client.WaitForAsync(e => e.CorrelationId == sst, "the SingleStepTransfer answer");
        Assert.True(answer.Message is DialogEnded or Dialog, $"unexpected {answer.Message}");
        await EventuallyAsync(a.Client, e => e.Message is DialogEnded ended && ended.DialogId == original.Id, "A released from the call");

        var ringing = await RingingAsync(b);
        Assert.Equal("blind", ringing.CallVariables["callVariable1"]);
        await Step(b, new Answer(ringing.Id), d => Party(d, "3102") == "ACTIVE");
        await ReleaseAsync(b, ringing.Id);
    }

    [Fact]
    public async Task Wrap_up_after_a_call_takes_a_reason_and_WorkReady_ends_it()
    {
        var c = await SignedInAsync("cc-11", connector.AgentC, "pw-c", "3103");
        var call = await CustomerCallAsync(c, "3103", "wrap");

        var reasons = await c.Client.SendAsync(new GetWrapUpReasons(), c.Id);
        var list = Assert.IsType<WrapUpReasons>((await c.Client.WaitForAsync(e => e.CorrelationId == reasons, "the wrap-up reasons")).Message);
        Assert.Equal(["Sale"], list.Reasons.Select(r => r.Label));

        await connector.ControlAsync($"/emulator/dialogs/{call.Id}/hangup");
        await c.Client.WaitForAsync(e => e.Message is AgentState { State: "WORK_READY" }, "wrap-up (WORK_READY)");
        await c.Client.WaitForAsync(e => e.Message is Dialog d && d.Id == call.Id && Party(d, "3103") == "WRAP_UP", "the call in wrap-up");

        var withReason = await Step(c, new SetWrapUpReason("Sale", call.Id), d => d.WrapUpReason == "Sale");
        Assert.Equal("WRAP_UP", Party(withReason, "3103"));

        var done = await c.Client.SendAsync(new WorkReady(), c.Id);
        var ready = await c.Client.WaitForAsync(e => e.CorrelationId == done || e.Message is Error, "the WorkReady answer");
        Assert.Equal("READY", Assert.IsType<AgentState>(ready.Message).State);
        // Finesse removes the wrapped-up call before it publishes the new state.
        Assert.Contains(c.Client.History, e => e.Message is DialogEnded ended && ended.DialogId == call.Id);

        var outside = await c.Client.SendAsync(new WorkReady(), c.Id);
        Assert.Equal("INVALID_STATE", Assert.IsType<Error>((await c.Client.WaitForAsync(e => e.CorrelationId == outside, "the Error")).Message).Code);
    }

    [Fact]
    public async Task GetState_answers_the_agent_and_its_call_and_Finesse_rejections_come_back_as_stable_codes()
    {
        var a = await SignedInAsync("cc-12", connector.AgentA, "pw, with # and | ü", "3101");
        var call = await CustomerCallAsync(a, "3101", "state");

        // ResetState in Siebel is GetState: the agent's state and every call, with the request's id.
        var get = await a.Client.SendAsync(new GetState(), a.Id);
        var state = await a.Client.WaitForAsync(e => e.CorrelationId == get, "the GetState AgentState");
        Assert.Equal("TALKING", Assert.IsType<AgentState>(state.Message).State);
        var dialog = await a.Client.WaitForAsync(e => e.CorrelationId == get, "the GetState Dialog");
        Assert.Equal(call.Id, Assert.IsType<Dialog>(dialog.Message).Id);

        // Digits outside 0-9 * # A-D never reach Finesse.
        var badDigits = await a.Client.SendAsync(new SendDtmf(call.Id, "12X"), a.Id);
        Assert.Equal("MESSAGE_INVALID", Assert.IsType<Error>((await a.Client.WaitForAsync(e => e.CorrelationId == badDigits, "the DTMF Error")).Message).Code);

        // Finesse refuses a consult to the agent's own extension (400 Invalid Destination).
        var self = await a.Client.SendAsync(new ConsultCall(call.Id, "3101"), a.Id);
        var refused = Assert.IsType<Error>((await a.Client.WaitForAsync(e => e.CorrelationId == self, "the consult Error")).Message);
        Assert.Equal("FINESSE_INVALID_DESTINATION", refused.Code);
        Assert.Equal("ConsultCall", refused.RequestType);

        // A transfer without a consult call is refused by Finesse (400 Invalid State).
        var early = await a.Client.SendAsync(new TransferComplete(call.Id), a.Id);
        Assert.Equal("FINESSE_INVALID_STATE", Assert.IsType<Error>((await a.Client.WaitForAsync(e => e.CorrelationId == early, "the transfer Error")).Message).Code);

        // A call that does not exist.
        var unknown = await a.Client.SendAsync(new Hold("99999999"), a.Id);
        Assert.Equal("FINESSE_NOT_FOUND", Assert.IsType<Error>((await a.Client.WaitForAsync(e => e.CorrelationId == unknown, "the Hold Error")).Message).Code);

        // The call is still fine after the rejections.
        await Step(a, new Hold(call.Id), d => Party(d, "3101") == "HELD");
        await Step(a, new Retrieve(call.Id), d => Party(d, "3101") == "ACTIVE");
        await ReleaseAsync(a, call.Id);
    }

    // ---- helpers ---------------------------------------------------------------------------

    /// <summary>A client with the agent signed in and NOT_READY or READY (whatever it was left in); disposed with the test.</summary>
    private async Task<Agent> SignedInAsync(string name, string agent, string password, string extension)
    {
        var client = await connector.ClientAsync(name);
        _clients.Add(client);
        await client.SendAsync(new Hello("test", "it-host"));
        await client.WaitForAsync(e => e.Message is SystemStatus { Status: SystemStatus.InService }, "System IN_SERVICE");
        await client.SendAsync(new Connect(), agent);
        var login = await client.SendAsync(new Login(password, extension), agent);
        var state = await client.WaitForAsync(e => e.CorrelationId == login && e.Message is AgentState or Error, "the Login answer");
        if (state.Message is not AgentState)
        {
            using var http = new HttpClient { BaseAddress = connector.Emulator };
            var emulator = await http.GetStringAsync("/emulator/state", TestContext.Current.CancellationToken);
            Assert.Fail($"Login of {agent} answered {state.Message}; emulator: {emulator}");
        }

        var signedIn = new Agent(client, agent, extension);
        _agents.Add(signedIn);
        return signedIn;
    }

    /// <summary>Offers a customer call to the (READY) agent and answers it.</summary>
    private async Task<Dialog> CustomerCallAsync(Agent agent, string extension, string callVariable1)
    {
        var ready = await agent.Client.SendAsync(new Ready(), agent.Id);
        Assert.Equal("READY", Assert.IsType<AgentState>((await agent.Client.WaitForAsync(e => e.CorrelationId == ready, "the Ready answer")).Message).State);
        await connector.OfferCallAsync(extension, callVariable1);
        var ringing = await RingingAsync(agent);
        return await Step(agent, new Answer(ringing.Id), d => Party(d, extension) == "ACTIVE");
    }

    /// <summary>A consults B from <paramref name="original"/>; B answers; returns the consult call once TRANSFER/CONFERENCE are offered on the held original.</summary>
    private static async Task<Dialog> ConsultAsync(Agent a, Agent b, Dialog original)
    {
        // Answered by the first dialog change of the agent: the original held or the new consult call.
        var request = await a.Client.SendAsync(new ConsultCall(original.Id, b.Extension), a.Id);
        var answer = await a.Client.WaitForAsync(e => e.CorrelationId == request, "the ConsultCall answer");
        Assert.IsType<Dialog>(answer.Message);
        var consult = (Dialog)(await EventuallyAsync(a.Client, e => e.Message is Dialog { CallType: "CONSULT" }, "the consult call")).Message;
        await EventuallyAsync(a.Client, e => e.Message is Dialog d && d.Id == original.Id && Party(d, a.Extension) == "HELD", "the original held");
        var ringing = (Dialog)(await EventuallyAsync(b.Client, e => e.Message is Dialog d && d.Id == consult.Id && Party(d, b.Extension) == "ALERTING", "the consult ringing at B")).Message;
        await Step(b, new Answer(ringing.Id), d => Party(d, b.Extension) == "ACTIVE");
        await EventuallyAsync(a.Client, e => e.Message is Dialog d && d.Id == original.Id
            && d.Participants.Single(p => p.Address == a.Extension).Actions.Contains("TRANSFER"), "TRANSFER offered on the held original");
        return consult;
    }

    private static int ActiveParties(Dialog d) => d.Participants.Count(p => p.State == "ACTIVE");

    private static async Task<Dialog> RingingAsync(Agent agent) =>
        (Dialog)(await EventuallyAsync(agent.Client, e => e.Message is Dialog d && Party(d, agent.Extension) == "ALERTING", $"a call ringing at {agent.Extension}")).Message;

    /// <summary>Sends a request answered by a Dialog; returns that Dialog after checking it.</summary>
    private static async Task<Dialog> CallAnswerAsync(Agent agent, ConnectorRequest request, string agentId, Func<Dialog, bool> expected)
    {
        var correlation = await agent.Client.SendAsync(request, agentId);
        var answer = await agent.Client.WaitForAsync(e => e.CorrelationId == correlation, $"the {request.MessageType} answer");
        var dialog = answer.Message as Dialog ?? throw new Xunit.Sdk.XunitException($"{request.MessageType} answered {answer.Message}");
        Assert.True(expected(dialog), $"{request.MessageType}: unexpected {dialog}");
        return dialog;
    }

    private static Task<Dialog> Step(Agent agent, ConnectorRequest request, Func<Dialog, bool> expected) =>
        CallAnswerAsync(agent, request, agent.Id, expected);

    private static async Task ReleaseAsync(Agent agent, string dialogId)
    {
        var release = await agent.Client.SendAsync(new Release(dialogId), agent.Id);
        var answer = await agent.Client.WaitForAsync(e => e.CorrelationId == release, "the Release answer");
        Assert.True(answer.Message is DialogEnded or Dialog, $"unexpected {answer.Message}");
        if (answer.Message is not DialogEnded)
        {
            await EventuallyAsync(agent.Client, e => e.Message is DialogEnded ended && ended.DialogId == dialogId, "the call ended");
        }
    }

    private static async Task NotReadyAsync(Agent agent)
    {
        // After a call, wait for the agent's state to leave the call (else NotReady could race it).
        static bool OffCall(ConnectorEnvelope e) => e.Message is AgentState { State: not ("TALKING" or "HOLD" or "RESERVED") };
        if (agent.Client.History.LastOrDefault(e => e.Message is AgentState) is { } last && !OffCall(last))
        {
            await agent.Client.WaitForAsync(OffCall, "the agent off the call");
        }

        var notReady = await agent.Client.SendAsync(new NotReady("10"), agent.Id);
        await agent.Client.WaitForAsync(e => e.CorrelationId == notReady, "the NotReady answer");
    }

    /// <summary>The first event matching <paramref name="match"/>, already received or still to come.</summary>
    private static async Task<ConnectorEnvelope> EventuallyAsync(ContractClient client, Func<ConnectorEnvelope, bool> match, string what) =>
        client.History.FirstOrDefault(match) ?? await client.WaitForAsync(match, what);

    private static string? Party(Dialog d, string address) => d.Participants.FirstOrDefault(p => p.Address == address)?.State;

    private sealed record Agent(ContractClient Client, string Id, string Extension);
}
