using SiebelCti.Connector.Engine;
using SiebelCti.Connector.Engine.Ports;
using SiebelCti.Connector.Contract;
using DialogAction = SiebelCti.Finesse.Model.DialogAction;

namespace SiebelCti.Connector.Core.Tests.Engine;

public sealed class ConnectorEngineRequestTests
{
    public static TheoryData<ConnectorMessage, DialogAction, string?> CallRequests() => new()
    {
        { new Answer("d1"), DialogAction.Answer, null },
        { new Release("d1"), DialogAction.Drop, null },
        { new Hold("d1"), DialogAction.Hold, null },
        { new Retrieve("d1"), DialogAction.Retrieve, null },
        { new ConsultCall("d1", "1002"), DialogAction.ConsultCall, "1002" },
        { new TransferComplete("d1"), DialogAction.Transfer, null },
        { new ConferenceComplete("d1"), DialogAction.Conference, null },
        { new SingleStepTransfer("d1", "1003"), DialogAction.TransferSst, "1003" },
    };

    [Fact]
    public async Task A_dialog_change_on_another_participants_session_does_not_answer_the_agents_request()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync("c1", "c2");
        await h.ConnectAndLoginAsync("c1", "a1", "1001");
        await h.ConnectAndLoginAsync("c2", "a2", "1002");

        // a2 answers a call from a1: Finesse copies a2's requestId into the dialog update of both agents.
        var correlation = h.Request("c2", new Answer("d1"), "a2");
        var call = await h.Finesse.NextCallAsync("DialogAction");
        h.Notify(new DialogNotification("a1", Dialogs.Active("d1"), call.RequestId));
        var atA1 = await h.NextAsync("c1");
        h.Notify(new DialogNotification("a2", Dialogs.Active("d1"), call.RequestId));
        var atA2 = await h.NextAsync("c2");

        Assert.Null(atA1.CorrelationId);
        Assert.Equal(("a2", correlation), (atA2.AgentId, atA2.CorrelationId));
    }

    [Theory]
    [MemberData(nameof(CallRequests))]
    public async Task Every_call_request_becomes_its_Finesse_dialog_action_and_is_answered_by_the_dialog_change(
        ConnectorMessage request, DialogAction action, string? toAddress)
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1", "1001");

        var correlation = h.Request("c1", request, "a1");
        var call = await h.Finesse.NextCallAsync("DialogAction");
        h.Notify(new DialogNotification("a1", Dialogs.Active("d1"), call.RequestId));
        var answer = await h.NextAsync("c1");

        var sent = Assert.IsType<DialogActionRequest>(call.Argument);
        Assert.Equal("d1", sent.DialogId);
        Assert.Equal(action, sent.Action);
        Assert.Equal("1001", sent.Extension);
        Assert.Equal(toAddress, sent.ToAddress);
        Assert.Null(sent.Digits);
        Assert.Equal(correlation, answer.CorrelationId);
        Assert.IsType<Dialog>(answer.Message);
    }

    [Fact]
    public async Task Ready_while_already_READY_is_answered_with_the_current_state_without_asking_Finesse()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1", "1001");
        h.Notify(new AgentStateNotification("a1", new AgentState("READY", Extension: "1001"), null));
        await h.NextAsync<AgentState>("c1");
        var callsBefore = h.Finesse.AllCalls.Count;

        var correlation = h.Request("c1", new Ready(), "a1");
        var answer = await h.NextAsync("c1");

        Assert.Equal(correlation, answer.CorrelationId);
        Assert.Equal("READY", Assert.IsType<AgentState>(answer.Message).State);
        Assert.Equal(callsBefore, h.Finesse.AllCalls.Count);
    }

    [Fact]
    public async Task NotReady_with_the_reason_the_agent_already_has_is_answered_at_once_and_another_reason_goes_to_Finesse()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1", "1001");
        var code = h.Finesse.NotReadyCodes[0];
        h.Notify(new AgentStateNotification("a1", new AgentState("NOT_READY", code.Code, code.Label, Extension: "1001"), null));
        await h.NextAsync<AgentState>("c1");
        var callsBefore = h.Finesse.AllCalls.Count(c => c.Operation == "ChangeState");

        var same = h.Request("c1", new NotReady(code.Code), "a1");
        var answer = await h.NextAsync("c1");

        Assert.Equal(same, answer.CorrelationId);
        Assert.Equal(code.Code, Assert.IsType<AgentState>(answer.Message).ReasonCode);
        Assert.Equal(callsBefore, h.Finesse.AllCalls.Count(c => c.Operation == "ChangeState"));

        h.Request("c1", new NotReady("9"), "a1");
        var change = await h.Finesse.NextCallAsync("ChangeState");
        Assert.Equal(("NOT_READY", "16"), (change.Argument, change.Detail));
    }

    [Fact]
    public async Task A_placed_call_that_fails_is_reported_ended_once_and_dropped_in_Finesse()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1", "1001");
        var dialing = Dialogs.Active("d9", "INITIATED") with { CallType = "OUT" };
        var failed = dialing with { State = "FAILED", Participants = [new Participant("1001", "FAILED", ["DROP"]), new Participant("0699999999", "FAILED", [])] };

        var correlation = h.Request("c1", new MakeCall("0699999999"), "a1");
        var call = await h.Finesse.NextCallAsync("MakeCall");
        h.Notify(new DialogNotification("a1", dialing, call.RequestId));
        var answer = await h.NextAsync<Dialog>("c1");
        h.Notify(new DialogNotification("a1", failed, null));
        h.Notify(new DialogNotification("a1", failed, null)); // Finesse may repeat it before the drop lands
        var ended = await h.NextAsync("c1");
        var drop = await h.Finesse.NextCallAsync("DialogAction");
        h.Notify(new DialogRemovedNotification("a1", "d9", null));
        var state = h.Request("c1", new GetState(), "a1");
        var snapshot = await h.NextAsync("c1");

        Assert.Equal("d9", answer.Id);
        Assert.Null(ended.CorrelationId);
        Assert.Equal(new DialogEnded("d9", "FAILED"), ended.Message);
        var action = Assert.IsType<DialogActionRequest>(drop.Argument);
        Assert.Equal(("d9", DialogAction.Drop, "1001"), (action.DialogId, action.Action, action.Extension));
        Assert.Equal(state, snapshot.CorrelationId); // nothing else (no second DialogEnded) came before it
        Assert.IsType<AgentState>(snapshot.Message);
    }

    [Fact]
    public async Task A_call_request_is_answered_by_its_dialog_change_even_when_the_user_update_echoes_its_request_id_first()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1", "1001");

        var correlation = h.Request("c1", new Answer("d1"), "a1");
        var call = await h.Finesse.NextCallAsync("DialogAction");
        h.Notify(new AgentStateNotification("a1", new AgentState("TALKING", Extension: "1001"), call.RequestId));
        var talking = await h.NextAsync("c1");
        h.Notify(new DialogNotification("a1", Dialogs.Active("d1"), call.RequestId));
        var answer = await h.NextAsync("c1");

        Assert.Null(talking.CorrelationId);
        Assert.IsType<AgentState>(talking.Message);
        Assert.Equal(correlation, answer.CorrelationId);
        Assert.IsType<Dialog>(answer.Message);
    }

    [Fact]
    public async Task SendDtmf_is_answered_with_the_call_once_Finesse_accepted_the_digits()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1", "1001");
        h.Notify(new DialogNotification("a1", Dialogs.Active("d1"), null));
        await h.NextAsync<Dialog>("c1");

        var correlation = h.Request("c1", new SendDtmf("d1", "12#"), "a1");
        var call = await h.Finesse.NextCallAsync("DialogAction");
        var answer = await h.NextAsync("c1");

        var sent = Assert.IsType<DialogActionRequest>(call.Argument);
        Assert.Equal((DialogAction.SendDtmf, "12#", "1001"), (sent.Action, sent.Digits, sent.Extension));
        Assert.Equal(correlation, answer.CorrelationId);
        Assert.Equal("d1", Assert.IsType<Dialog>(answer.Message).Id);
    }

    [Fact]
    public async Task MakeCall_dials_from_the_login_extension()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1", "1001");

        var correlation = h.Request("c1", new MakeCall("+44 20 7946 0018"), "a1");
        var call = await h.Finesse.NextCallAsync("MakeCall");
        // Finesse did not echo the requestId: the first dialog of the agent completes the request.
        h.Notify(new DialogNotification("a1", Dialogs.Active("d9", "INITIATING"), null));
        var answer = await h.NextAsync("c1");

        Assert.Equal("1001", call.Argument);
        Assert.Equal("+44 20 7946 0018", call.Detail);
        Assert.Equal(correlation, answer.CorrelationId);
    }

    [Fact]
    public async Task NotReady_resolves_the_reason_code_number_to_the_Finesse_reason_code_id_once()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");

        h.Request("c1", new NotReady("9"), "a1");
        var first = await h.Finesse.NextCallAsync("ChangeState");
        h.Request("c1", new NotReady("8"), "a1");
        var second = await h.Finesse.NextCallAsync("ChangeState");

        Assert.Equal(("NOT_READY", "16"), ((string)first.Argument!, first.Detail));
        Assert.Equal("15", second.Detail);
        Assert.Single(h.Finesse.AllCalls, c => c.Operation == "GetReasonCodes");
    }

    [Fact]
    public async Task An_unknown_reason_code_is_refused_without_a_state_change()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");

        var correlation = h.Request("c1", new NotReady("77"), "a1");
        var error = await h.NextAsync("c1");

        Assert.Equal(correlation, error.CorrelationId);
        Assert.Equal(ConnectorErrorCode.ReasonCodeUnknown, Assert.IsType<Error>(error.Message).Code);
        Assert.DoesNotContain(h.Finesse.AllCalls, c => c.Operation == "ChangeState");
    }

    [Fact]
    public async Task A_request_whose_effect_never_arrives_times_out_with_REQUEST_TIMEOUT()
    {
        await using var h = new EngineHarness(new EngineOptions { RequestTimeout = TimeSpan.FromSeconds(10) });
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");

        var correlation = h.Request("c1", new Ready(), "a1");
        await h.Finesse.NextCallAsync("ChangeState");
        h.Time.Advance(TimeSpan.FromSeconds(9));
        h.Time.Advance(TimeSpan.FromSeconds(2));
        var error = await h.NextAsync("c1");

        Assert.Equal(correlation, error.CorrelationId);
        Assert.Equal(ConnectorErrorCode.RequestTimeout, Assert.IsType<Error>(error.Message).Code);
    }

    [Fact]
    public async Task A_late_Finesse_error_notification_reaches_the_requester_only()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");
        await h.JoinAsync("c2", "a1");

        var correlation = h.Request("c1", new Hold("d1"), "a1");
        var call = await h.Finesse.NextCallAsync("DialogAction");
        h.Notify(new RequestFailedNotification("a1", call.RequestId, "FINESSE_INVALID_STATE", "CTI error 12 on HOLD"));
        var error = await h.NextAsync("c1");
        h.Notify(new AgentStateNotification("a1", new AgentState("TALKING", Extension: "1001"), null));
        var next = await h.NextAsync("c2");

        Assert.Equal(correlation, error.CorrelationId);
        Assert.Equal("FINESSE_INVALID_STATE", Assert.IsType<Error>(error.Message).Code);
        Assert.IsType<AgentState>(next.Message);
    }

    [Fact]
    public async Task A_Finesse_error_without_a_requestId_ends_the_request_on_the_dialog_its_source_names()
    {
        // Cisco's own "Dialog CTI Error" sample carries an empty requestId. Before: the error went to every
        // client uncorrelated and the HOLD stayed pending, so the next update of the dialog answered it as a success.
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");
        await h.JoinAsync("c2", "a1");
        h.Notify(new DialogNotification("a1", Dialogs.Active("d1"), null));
        await h.NextAsync<Dialog>("c1");
        await h.NextAsync<Dialog>("c2");

        var correlation = h.Request("c1", new Hold("d1"), "a1");
        await h.Finesse.NextCallAsync("DialogAction");
        h.Notify(new RequestFailedNotification("a1", null, "FINESSE_CTI_ERROR", "Finesse Call Operation Failure: CF_RESOURCE_OUT_OF_SERVICE 34", "/finesse/api/Dialog/d1"));
        var error = await h.NextAsync("c1");
        h.Notify(new DialogNotification("a1", Dialogs.Active("d1", "HELD"), null));
        var afterAtC1 = await h.NextAsync("c1");
        var afterAtC2 = await h.NextAsync("c2");

        Assert.Equal(correlation, error.CorrelationId);
        Assert.Equal("FINESSE_CTI_ERROR", Assert.IsType<Error>(error.Message).Code);
        Assert.Null(afterAtC1.CorrelationId); // the HOLD is over: the dialog update answers nothing
        Assert.IsType<Dialog>(afterAtC2.Message); // the other client of the agent got no error
    }

    [Fact]
    public async Task A_Finesse_error_without_a_requestId_on_the_users_source_ends_the_agents_state_request()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");

        var correlation = h.Request("c1", new Ready(), "a1");
        await h.Finesse.NextCallAsync("ChangeState");
        h.Notify(new RequestFailedNotification("a1", "", "FINESSE_INVALID_STATE", "Finesse Invalid State", "/finesse/api/User/a1"));
        var error = await h.NextAsync("c1");
        h.Notify(new AgentStateNotification("a1", new AgentState("READY", Extension: "1001"), null));
        var after = await h.NextAsync("c1");

        Assert.Equal(correlation, error.CorrelationId);
        Assert.Equal("FINESSE_INVALID_STATE", Assert.IsType<Error>(error.Message).Code);
        Assert.Null(after.CorrelationId);
    }

    [Fact]
    public async Task A_Finesse_error_without_a_requestId_on_the_users_Dialogs_ends_the_call_being_placed_not_a_state_request()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");

        var ready = h.Request("c1", new Ready(), "a1");
        await h.Finesse.NextCallAsync("ChangeState");
        var call = h.Request("c1", new MakeCall("0699999999"), "a1");
        await h.Finesse.NextCallAsync("MakeCall");
        h.Notify(new RequestFailedNotification("a1", null, "FINESSE_CTI_ERROR", "Finesse Call Operation Failure: CF_INVALID_DESTINATION", "/finesse/api/User/a1/Dialogs"));
        var error = await h.NextAsync("c1");
        h.Notify(new AgentStateNotification("a1", new AgentState("READY", Extension: "1001"), null));
        var readyAnswer = await h.NextAsync("c1");

        Assert.Equal(call, error.CorrelationId);
        Assert.Equal(ready, readyAnswer.CorrelationId);
    }

    [Fact]
    public async Task A_Finesse_error_without_a_requestId_on_another_dialog_ends_no_request()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");
        h.Notify(new DialogNotification("a1", Dialogs.Active("d1"), null));
        await h.NextAsync<Dialog>("c1");

        var correlation = h.Request("c1", new Hold("d1"), "a1");
        await h.Finesse.NextCallAsync("DialogAction");
        h.Notify(new RequestFailedNotification("a1", null, "FINESSE_CTI_ERROR", "Finesse Call Operation Failure", "/finesse/api/Dialog/d7"));
        var error = await h.NextAsync("c1");
        h.Notify(new DialogNotification("a1", Dialogs.Active("d1", "HELD"), null));
        var answer = await h.NextAsync("c1");

        Assert.Null(error.CorrelationId); // told, but not as the answer to the HOLD on d1
        Assert.Equal(correlation, answer.CorrelationId);
    }

    [Fact]
    public async Task Malformed_and_unknown_messages_get_an_Error_and_the_consumer_goes_on()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();

        h.StartSession("c1");
        var session = h.Broker.Sessions["c1"];
        h.RawRequest(new WireMessage("Ready", "{not json", "bad-1", "a1", "c1", 1) { Session = session });
        h.RawRequest(new WireMessage("Explode", "{}", "bad-2", "a1", "c1", 1) { Session = session });
        h.RawRequest(new WireMessage("Ready", "{}", "bad-3", "a1", "c1", 2) { Session = session });
        h.RawRequest(new WireMessage("Ready", "{}", "lost", "a1", null, 1) { Session = session });
        var hello = h.Request("c1", new Hello());

        var e1 = await h.NextAsync("c1");
        var e2 = await h.NextAsync("c1");
        var e3 = await h.NextAsync("c1");
        var ok = await h.NextAsync("c1");

        Assert.Equal(("bad-1", ConnectorErrorCode.MessageMalformed), (e1.CorrelationId, Assert.IsType<Error>(e1.Message).Code));
        Assert.Equal(("bad-2", ConnectorErrorCode.MessageTypeUnknown), (e2.CorrelationId, Assert.IsType<Error>(e2.Message).Code));
        Assert.Equal(("bad-3", ConnectorErrorCode.ProtocolVersionUnsupported), (e3.CorrelationId, Assert.IsType<Error>(e3.Message).Code));
        Assert.Equal(hello, ok.CorrelationId);
        Assert.IsType<SystemStatus>(ok.Message);
    }

    [Fact]
    public async Task Requests_are_refused_while_out_of_service()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");
        h.Notify(new FinesseHealthNotification(false, "A", "finesse-a", "SystemInfo OUT_OF_SERVICE"));
        var down = await h.NextAsync<SystemStatus>("c1");

        h.Request("c1", new Ready(), "a1");
        var error = await h.NextAsync<Error>("c1");

        Assert.Equal(SystemStatus.OutOfService, down.Status);
        Assert.Equal(ConnectorErrorCode.ConnectorOutOfService, error.Code);
        Assert.DoesNotContain(h.Finesse.AllCalls, c => c.Operation == "ChangeState");
    }

    [Fact]
    public async Task GetState_answers_the_requester_with_state_and_every_call()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");
        h.Finesse.State = _ => new AgentState("TALKING", Extension: "1001");
        h.Finesse.Dialogs = _ => [Dialogs.Active("d1"), Dialogs.Active("d2", "HELD")];

        var correlation = h.Request("c1", new GetState(), "a1");
        var state = await h.NextAsync("c1");
        var d1 = await h.NextAsync("c1");
        var d2 = await h.NextAsync("c1");

        Assert.All([state, d1, d2], e => Assert.Equal(correlation, e.CorrelationId));
        Assert.Equal("TALKING", Assert.IsType<AgentState>(state.Message).State);
        Assert.Equal(["d1", "d2"], new[] { d1, d2 }.Select(e => Assert.IsType<Dialog>(e.Message).Id));
    }

    [Fact]
    public async Task WorkReady_outside_wrap_up_is_an_invalid_state()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");

        h.Request("c1", new WorkReady(), "a1");
        var error = await h.NextAsync<Error>("c1");
        h.Notify(new AgentStateNotification("a1", new AgentState("WORK", Extension: "1001"), null));
        await h.NextAsync<AgentState>("c1");
        h.Request("c1", new WorkReady(), "a1");
        var call = await h.Finesse.NextCallAsync("ChangeState");

        Assert.Equal(ConnectorErrorCode.InvalidState, error.Code);
        Assert.Equal("READY", call.Argument);
    }

    [Fact]
    public async Task UpdateCallData_and_SetWrapUpReason_reach_Finesse_with_their_values()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");
        h.Notify(new DialogNotification("a1", Dialogs.Active("d1"), null));
        await h.NextAsync<Dialog>("c1");

        h.Request("c1", new UpdateCallData("d1", new Dictionary<string, string> { ["callVariable3"] = "a,b#c|d" }, new Dictionary<string, string> { ["user.x"] = "1" }), "a1");
        var update = await h.Finesse.NextCallAsync("UpdateCallData");
        h.Request("c1", new SetWrapUpReason("Sale"), "a1");
        var wrapUp = await h.Finesse.NextCallAsync("UpdateCallData");

        var data = Assert.IsType<CallDataUpdate>(update.Argument);
        Assert.Equal("a,b#c|d", data.CallVariables!["callVariable3"]);
        Assert.Equal("1", data.EccVariables!["user.x"]);
        Assert.Equal("d1", wrapUp.Detail);
        Assert.Equal("Sale", Assert.IsType<CallDataUpdate>(wrapUp.Argument).WrapUpReason);
    }
}
