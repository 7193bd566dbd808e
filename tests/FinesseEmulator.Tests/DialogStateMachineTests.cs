using SiebelCti.FinesseEmulator.Engine;

namespace SiebelCti.FinesseEmulator.Tests;

public sealed class DialogStateMachineTests
{
    [Fact]
    public void Inbound_call_rings_reserves_the_agent_and_becomes_active_on_answer()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        h.Ready("5001");
        h.Take();
        var r = h.Center.InjectCall(new IncomingCall("3001")
        {
            Ani = "0612345678",
            Dnis = "8000",
            Variables = [new("callVariable1", "ACC-1"), new("user.customer.id", "C-9")],
        });
        Assert.True(r.Ok);
        var d = r.Value!;
        var ns = h.Take();
        Assert.Equal("RESERVED", ns[0].UserState());
        var post = ns[1];
        Assert.Equal(("/finesse/api/User/5001/Dialogs", "POST", "/finesse/api/User/5001/Dialogs", "dialogs"),
            (post.Node, post.Event, post.Source, post.Data.Name.LocalName));
        var dialog = post.DialogOf();
        Assert.Equal(("ALERTING", "0612345678", "8000"), (Harness.State(dialog), (string)dialog.Element("fromAddress")!, (string)dialog.Element("toAddress")!));
        var mp = dialog.Element("mediaProperties")!;
        // Unified CCE: DNIS is the agent's own extension, the number the caller dialled is dialedNumber (and toAddress).
        Assert.Equal(("PREROUTE_ACD_IN", "3001", "8000"), ((string)mp.Element("callType")!, (string)mp.Element("DNIS")!, (string)mp.Element("dialedNumber")!));
        Assert.Equal(("1", d), ((string)mp.Element("mediaId")!, (string)mp.Element("callKeyCallId")!));
        var vars = mp.Element("callvariables")!.Elements("CallVariable").ToDictionary(v => (string)v.Element("name")!, v => (string)v.Element("value")!);
        Assert.Equal(11, vars.Count);
        Assert.Equal(("ACC-1", "", "C-9"), (vars["callVariable1"], vars["callVariable10"], vars["user.customer.id"]));
        Assert.Equal(["ANSWER"], Harness.Actions(h.Participant("5001", d, "3001")));
        Assert.Equal("AGENT_DEVICE", (string)h.Participant("5001", d, "3001").Element("mediaAddressType")!);
        Assert.Equal("", (string)h.Participant("5001", d, "0612345678").Element("mediaAddressType")!);

        h.Act("5001", d, "ANSWER");
        ns = h.Take();
        Assert.Equal("TALKING", ns[0].UserState());
        Assert.Equal(("PUT", "/finesse/api/Dialog/" + d, "dialog"), (ns[1].Event, ns[1].Source, ns[1].Data.Name.LocalName));
        Assert.Equal("ACTIVE", Harness.State(ns[1].Data));
        Assert.Equal(["TRANSFER_SST", "CONSULT_CALL", "HOLD", "UPDATE_CALL_DATA", "SEND_DTMF", "DROP"], Harness.Actions(h.Participant("5001", d, "3001")));
        Assert.Equal("ACTIVE", Harness.State(h.Participant("5001", d, "0612345678")));
    }

    [Fact]
    public void Far_end_hang_up_deletes_the_dialog_then_returns_the_agent_to_ready()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        h.Ready("5001");
        var d = h.Inject();
        h.Act("5001", d, "ANSWER");
        h.Take();
        Assert.True(h.Center.HangUpFarEnd(d).Ok);
        var ns = h.Take();
        Assert.Equal("DELETE", ns[0].Event);
        Assert.Equal("DROPPED", Harness.State(ns[0].DialogOf()));
        Assert.Equal("READY", ns[1].UserState());
        Assert.Equal(404, h.Center.HangUpFarEnd(d).Status);
    }

    [Fact]
    public void Outbound_call_goes_initiating_initiated_then_active_when_the_far_end_answers()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        h.Take();
        var d = h.MakeCall("5001", "0611111111");
        var ns = h.Take();
        Assert.Equal("TALKING", ns[0].UserState());
        Assert.Equal("POST", ns[1].Event);
        var initiating = ns[1].DialogOf();
        Assert.Equal(("INITIATING", "AGENT_INSIDE", ""), (Harness.State(initiating), (string)initiating.Element("mediaProperties")!.Element("callType")!, (string)initiating.Element("toAddress")!));
        Assert.Equal("PUT", ns[2].Event);
        Assert.Equal(("INITIATED", "0611111111"), (Harness.State(ns[2].Data), (string)ns[2].Data.Element("toAddress")!));
        Assert.Equal(["DROP", "UPDATE_CALL_DATA"], Harness.Actions(h.Participant("5001", d, "3001")));

        h.Time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.Empty(h.Sent);
        h.Time.Advance(TimeSpan.FromMilliseconds(1));
        var active = Assert.Single(h.Take());
        Assert.Equal(("ACTIVE", "OUT"), (Harness.State(active.Data), (string)active.Data.Element("mediaProperties")!.Element("callType")!));
        Assert.Equal(2, active.Data.Element("participants")!.Elements().Count());

        h.Act("5001", d, "DROP");
        ns = h.Take();
        Assert.Equal(["DELETE", "NOT_READY"], ns.Select(n => n.Data.Name == "user" ? n.UserState() : n.Event));
    }

    [Fact]
    public void Dropping_before_the_far_end_answers_cancels_the_answer()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        var d = h.MakeCall("5001", "0611111111");
        h.Act("5001", d, "DROP");
        h.Take();
        h.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Empty(h.Sent);
        Assert.Equal(AgentState.NotReady, h.StateOf("5001"));
    }

    [Fact]
    public void Busy_number_fails_the_dialog_with_state_cause_BUSY()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        var d = h.MakeCall("5001", "5550000");
        h.Take();
        h.Time.Advance(TimeSpan.FromSeconds(2));
        var n = Assert.Single(h.Take());
        Assert.Equal("FAILED", Harness.State(n.Data));
        var p = h.Participant("5001", d, "3001");
        Assert.Equal(("FAILED", "BUSY"), (Harness.State(p), (string)p.Element("stateCause")!));
        Assert.Equal(["DROP"], Harness.Actions(p));
        h.Act("5001", d, "DROP");
        Assert.Empty(h.Center.DialogIdsOf("5001"));
    }

    [Fact]
    public void Make_call_validation_errors_are_synchronous()
    {
        using var h = new Harness();
        Assert.Equal("Invalid State", h.Center.MakeCall("5001", new DialogRequest("MAKE_CALL") { FromAddress = "3001", ToAddress = "1" })!.ErrorType);
        h.SignIn("5001", "3001");
        Assert.Equal("Invalid Input", h.Center.MakeCall("5001", new DialogRequest("MAKE_CALL") { FromAddress = "3009", ToAddress = "1" })!.ErrorType);
        Assert.Equal("Invalid Destination", h.Center.MakeCall("5001", new DialogRequest("MAKE_CALL") { FromAddress = "3001", ToAddress = "3001" })!.ErrorType);
        Assert.Equal("Parameter Missing", h.Center.MakeCall("5001", new DialogRequest("MAKE_CALL") { FromAddress = "3001" })!.ErrorType);
        Assert.Equal("Parameter Missing", h.Center.MakeCall("5001", new DialogRequest(null) { FromAddress = "3001", ToAddress = "1" })!.ErrorType);
        Assert.Equal("Invalid Input", h.Center.MakeCall("5001", new DialogRequest("ANSWER") { FromAddress = "3001", ToAddress = "1" })!.ErrorType);
        Assert.Equal("Invalid Input", h.Center.MakeCall("5001", new DialogRequest("MAKE_CALL")
        {
            FromAddress = "3001",
            ToAddress = "1",
            CallVariables = [new("BAStatus", "x")],
        })!.ErrorType);
        Assert.Empty(h.Center.DialogIdsOf("5001"));
    }

    [Fact]
    public void Make_call_carries_call_variables_on_ucce_and_uccx_rejects_media_properties()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        var d = h.Center.MakeCall("5001", new DialogRequest("MAKE_CALL") { FromAddress = "3001", ToAddress = "1", HasMediaProperties = true, CallVariables = [new("callVariable2", "X")] });
        Assert.Null(d);
        Assert.Equal("X", h.Center.ReadDialog(h.Center.DialogIdsOf("5001")[0], x => x.Variable("callVariable2")));

        using var x = new Harness(Harness.DefaultOptions("UCCX"));
        x.SignIn("5001", "3001");
        Assert.Equal("Invalid Input", x.Center.MakeCall("5001", new DialogRequest("MAKE_CALL") { FromAddress = "3001", ToAddress = "1", HasMediaProperties = true, CallVariables = [] })!.ErrorType);
    }

    [Fact]
    public void Call_to_another_agents_extension_rings_that_agent()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        h.SignIn("5002", "3002");
        h.Ready("5002");
        h.Take();
        var d = h.MakeCall("5001", "3002");
        var ns = h.Take();
        Assert.Equal("RESERVED", ns.UserUpdates("5002").Single().UserState());
        var bPost = ns.DialogUpdates("5002").Single();
        Assert.Equal("POST", bPost.Event);
        Assert.Equal("ALERTING", Harness.State(bPost.DialogOf()));
        Assert.Equal(["ANSWER"], Harness.Actions(h.Participant("5002", d, "3002")));
        Assert.Equal("INITIATED", Harness.State(h.Participant("5001", d, "3001")));

        h.Act("5002", d, "ANSWER");
        Assert.Equal((AgentState.Talking, AgentState.Talking), (h.StateOf("5001"), h.StateOf("5002")));
        Assert.Equal("ACTIVE", Harness.State(h.Participant("5001", d, "3001")));

        h.Act("5002", d, "DROP");
        Assert.Equal((AgentState.NotReady, AgentState.Ready), (h.StateOf("5001"), h.StateOf("5002")));
        Assert.Empty(h.Center.DialogIdsOf("5001"));
        Assert.Empty(h.Center.DialogIdsOf("5002"));
    }

    [Fact]
    public void Hold_and_retrieve_move_the_agent_between_HOLD_and_TALKING()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        h.Ready("5001");
        var d = h.Inject();
        h.Act("5001", d, "ANSWER");
        h.Take();
        h.Act("5001", d, "HOLD");
        var ns = h.Take();
        Assert.Equal("HOLD", ns.UserUpdates("5001").Single().UserState());
        Assert.Equal(["RETRIEVE", "DROP", "UPDATE_CALL_DATA"], Harness.Actions(h.Participant("5001", d, "3001")));
        Assert.Equal("ACTIVE", Harness.State(ns.DialogUpdates("5001").Single().Data));
        h.Act("5001", d, "RETRIEVE");
        Assert.Equal(AgentState.Talking, h.StateOf("5001"));
        Assert.Equal("ACTIVE", Harness.State(h.Participant("5001", d, "3001")));
    }

    [Fact]
    public void Uccx_reports_talking_while_on_hold()
    {
        using var h = new Harness(Harness.DefaultOptions("UCCX"));
        h.SignIn("5001", "3001");
        var d = h.MakeCall("5001", "0611111111");
        h.Time.Advance(TimeSpan.FromSeconds(2));
        h.Act("5001", d, "HOLD");
        Assert.Equal(AgentState.Talking, h.StateOf("5001"));
    }

    [Fact]
    public void Action_not_offered_in_the_participant_state_fails_asynchronously_with_Generic_Error()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        h.Ready("5001");
        var d = h.Inject();
        h.Take();
        Assert.Null(h.Center.DialogAction("5001", d, new DialogRequest("HOLD") { TargetMediaAddress = "3001" }, "rq"));
        var n = Assert.Single(h.Take());
        Assert.Equal(("/finesse/api/User/5001/Dialogs", "/finesse/api/Dialog/" + d, "rq", "PUT"), (n.Node, n.Source, n.RequestId, n.Event));
        Assert.Equal("Generic Error", (string)n.Data.Element("apiError")!.Element("errorType")!);
        Assert.Equal("ALERTING", Harness.State(h.Participant("5001", d, "3001")));
    }

    [Fact]
    public void Dialog_request_validation_errors_are_synchronous()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        h.SignIn("5002", "3002");
        h.Ready("5001");
        var d = h.Inject();
        Assert.Equal((404, "Dialog Not Found"), Pair(h.Center.DialogAction("5001", "1", new DialogRequest("ANSWER") { TargetMediaAddress = "3001" })));
        Assert.Equal((401, "Invalid Authorization User Specified"), Pair(h.Center.DialogAction("5002", d, new DialogRequest("ANSWER") { TargetMediaAddress = "3002" })));
        Assert.Equal((400, "Parameter Missing"), Pair(h.Center.DialogAction("5001", d, new DialogRequest("ANSWER"))));
        Assert.Equal((400, "Invalid Input"), Pair(h.Center.DialogAction("5001", d, new DialogRequest("ANSWER") { TargetMediaAddress = "3002" })));
        Assert.Equal((400, "Invalid Input"), Pair(h.Center.DialogAction("5001", d, new DialogRequest("FLY") { TargetMediaAddress = "3001" })));
        Assert.Equal((400, "Parameter Missing"), Pair(h.Center.DialogAction("5001", d, new DialogRequest(null) { TargetMediaAddress = "3001" })));
        Assert.Equal((501, "Not Implemented"), Pair(h.Center.DialogAction("5001", d, new DialogRequest("START_RECORDING") { TargetMediaAddress = "3001" })));
        Assert.Equal((400, "Parameter Missing"), Pair(h.Center.DialogAction("5001", d, new DialogRequest("CONSULT_CALL") { TargetMediaAddress = "3001" })));
        Assert.Equal((400, "Invalid Destination"), Pair(h.Center.DialogAction("5001", d, new DialogRequest("TRANSFER_SST") { TargetMediaAddress = "3001", ToAddress = "3001" })));
        Assert.Equal((400, "Parameter Missing"), Pair(h.Center.DialogAction("5001", d, new DialogRequest("UPDATE_CALL_DATA"))));
    }

    private static (int, string) Pair(ApiError? e) => (e!.Status, e.ErrorType);

    [Fact]
    public void Consult_then_transfer_hands_the_call_to_the_consulted_agent()
    {
        using var h = new Harness();
        var d1 = h.TwoReadyAgentsAndAnAnsweredCall();

        h.Act("5001", d1, "CONSULT_CALL", to: "3002");
        var d2 = h.Center.DialogIdsOf("5001").Single(x => x != d1);
        var ns = h.Take();
        Assert.Equal("CONSULT", (string)ns.DialogUpdates("5001").First(n => n.Event == "POST").DialogOf().Element("mediaProperties")!.Element("callType")!);
        Assert.Equal("HELD", Harness.State(h.Participant("5001", d1, "3001")));
        Assert.Equal(["RETRIEVE", "DROP", "UPDATE_CALL_DATA"], Harness.Actions(h.Participant("5001", d1, "3001")));
        Assert.Equal("ALERTING", Harness.State(h.Participant("5002", d2, "3002")));

        // Transfer before the consult leg is up.
        Assert.Equal((400, "Invalid State"), Pair(h.Center.DialogAction("5001", d1, new DialogRequest("TRANSFER") { TargetMediaAddress = "3001" })));

        h.Act("5002", d2, "ANSWER");
        ns = h.Take();
        Assert.Contains(ns.DialogUpdates("5001"), n => n.Source == "/finesse/api/Dialog/" + d1);
        Assert.Equal(["RETRIEVE", "DROP", "UPDATE_CALL_DATA", "TRANSFER", "CONFERENCE"], Harness.Actions(h.Participant("5001", d1, "3001")));

        h.Act("5001", d1, "TRANSFER");
        ns = h.Take();
        var a = ns.DialogUpdates("5001").ToList();
        Assert.Equal([("DELETE", d2), ("DELETE", d1)], a.Select(n => (n.Event, (string)n.DialogOf().Element("id")!)));
        var b = ns.DialogUpdates("5002").ToList();
        Assert.Equal([("DELETE", d2), ("POST", d1)], b.Select(n => (n.Event, (string)n.DialogOf().Element("id")!)));
        var survivor = b[1].DialogOf();
        Assert.Equal(("TRANSFER", d2, "0612345678"), ((string)survivor.Element("mediaProperties")!.Element("callType")!, (string)survivor.Element("secondaryId")!, (string)survivor.Element("fromAddress")!));
        Assert.Equal((AgentState.Ready, AgentState.Talking), (h.StateOf("5001"), h.StateOf("5002")));
        Assert.Equal("ACTIVE", Harness.State(h.Participant("5002", d1, "0612345678")));

        Assert.True(h.Center.HangUpFarEnd(d1).Ok);
        Assert.Equal(AgentState.Ready, h.StateOf("5002"));
    }

    [Fact]
    public void Consult_then_conference_keeps_three_parties_until_one_leaves()
    {
        using var h = new Harness();
        var d1 = h.TwoReadyAgentsAndAnAnsweredCall();
        h.Act("5001", d1, "CONSULT_CALL", to: "3002");
        var d2 = h.Center.DialogIdsOf("5001").Single(x => x != d1);
        h.Act("5002", d2, "ANSWER");
        h.Take();
        h.Act("5001", d1, "CONFERENCE");
        var ns = h.Take();
        Assert.Equal([d1], h.Center.DialogIdsOf("5001"));
        Assert.Equal([d1], h.Center.DialogIdsOf("5002"));
        var conf = ns.DialogUpdates("5002").Last().DialogOf();
        Assert.Equal(("CONFERENCE", d2), ((string)conf.Element("mediaProperties")!.Element("callType")!, (string)conf.Element("secondaryId")!));
        Assert.Equal(3, conf.Element("participants")!.Elements().Count(p => Harness.State(p) == "ACTIVE"));
        Assert.Equal((AgentState.Talking, AgentState.Talking), (h.StateOf("5001"), h.StateOf("5002")));

        h.Act("5001", d1, "DROP");
        Assert.Equal(AgentState.Ready, h.StateOf("5001"));
        Assert.Equal(AgentState.Talking, h.StateOf("5002"));
        Assert.Equal("ACTIVE", Harness.State(h.Participant("5002", d1, "0612345678")));
        h.Act("5002", d1, "DROP");
        Assert.Empty(h.Center.DialogIdsOf("5002"));
    }

    [Fact]
    public void Consult_to_an_external_number_is_answered_by_the_far_end_and_can_be_cancelled()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        var d1 = h.MakeCall("5001", "0611111111");
        h.Time.Advance(TimeSpan.FromSeconds(2));
        h.Act("5001", d1, "CONSULT_CALL", to: "0622222222");
        var d2 = h.Center.DialogIdsOf("5001").Single(x => x != d1);
        Assert.Equal("INITIATED", Harness.State(h.Participant("5001", d2, "3001")));
        h.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("ACTIVE", Harness.State(h.Participant("5001", d2, "3001")));
        Assert.Equal("CONSULT", h.Center.ReadDialog(d2, d => d.CallType));
        h.Act("5001", d2, "DROP");
        h.Act("5001", d1, "RETRIEVE");
        Assert.Equal([d1], h.Center.DialogIdsOf("5001"));
        Assert.Equal(AgentState.Talking, h.StateOf("5001"));
    }

    [Fact]
    public void Single_step_transfer_rings_the_target_agent_and_releases_the_transferring_agent()
    {
        using var h = new Harness();
        var d = h.TwoReadyAgentsAndAnAnsweredCall();
        h.Act("5001", d, "TRANSFER_SST", to: "3002");
        var ns = h.Take();
        Assert.Equal("DELETE", ns.DialogUpdates("5001").Single().Event);
        var post = ns.DialogUpdates("5002").Single();
        Assert.Equal(("POST", "TRANSFER"), (post.Event, (string)post.DialogOf().Element("mediaProperties")!.Element("callType")!));
        Assert.Equal((AgentState.Ready, AgentState.Reserved), (h.StateOf("5001"), h.StateOf("5002")));
        h.Act("5002", d, "ANSWER");
        Assert.Equal(AgentState.Talking, h.StateOf("5002"));
    }

    [Fact]
    public void Single_step_transfer_to_an_external_number_ends_the_dialog_for_the_agent()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        h.Ready("5001");
        var d = h.Inject();
        h.Act("5001", d, "ANSWER");
        h.Act("5001", d, "TRANSFER_SST", to: "0699999999");
        Assert.Empty(h.Center.DialogIdsOf("5001"));
        Assert.Equal(AgentState.Ready, h.StateOf("5001"));
    }

    [Fact]
    public void Dtmf_is_recorded_and_validated()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        var d = h.MakeCall("5001", "0611111111");
        h.Time.Advance(TimeSpan.FromSeconds(2));
        h.Take();
        DialogRequest Dtmf(string digits) => new("SEND_DTMF") { TargetMediaAddress = "3001", ActionParams = new Dictionary<string, string> { ["dtmfString"] = digits } };
        Assert.Null(h.Center.DialogAction("5001", d, Dtmf("12#*A")));
        Assert.Equal("12#*A", h.Center.ReadDialog(d, x => x.SentDtmf));
        Assert.Empty(h.Sent);
        Assert.Equal((400, "Invalid Input"), Pair(h.Center.DialogAction("5001", d, Dtmf("12x"))));
        Assert.Equal((400, "Parameter Missing"), Pair(h.Center.DialogAction("5001", d, new DialogRequest("SEND_DTMF") { TargetMediaAddress = "3001" })));
        h.Act("5001", d, "HOLD");
        Assert.Equal((401, "Invalid State"), Pair(h.Center.DialogAction("5001", d, Dtmf("1"))));
    }

    [Fact]
    public void Uccx_accepts_only_digits_star_and_hash_as_dtmf()
    {
        using var h = new Harness(Harness.DefaultOptions("UCCX"));
        h.SignIn("5001", "3001");
        var d = h.MakeCall("5001", "0611111111");
        h.Time.Advance(TimeSpan.FromSeconds(2));
        var e = h.Center.DialogAction("5001", d, new DialogRequest("SEND_DTMF") { TargetMediaAddress = "3001", ActionParams = new Dictionary<string, string> { ["dtmfString"] = "A" } });
        Assert.Equal("Invalid Input", e!.ErrorType);
    }

    [Fact]
    public void Update_call_data_sets_call_and_ecc_variables_and_is_published_to_every_agent_on_the_call()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        h.SignIn("5002", "3002");
        var d = h.MakeCall("5001", "3002");
        h.Act("5002", d, "ANSWER");
        h.Take();
        Assert.Null(h.Center.DialogAction("5001", d, new DialogRequest("UPDATE_CALL_DATA")
        {
            CallVariables = [new("callVariable3", "ACC-42"), new("user.order[1]", "O-7")],
            WrapUpReason = "Sale",
        }, "u1"));
        var ns = h.Take();
        Assert.Equal(2, ns.Count);
        foreach (var n in ns)
        {
            Assert.Equal(("PUT", "u1"), (n.Event, n.RequestId));
            var vars = n.Data.Element("mediaProperties")!.Element("callvariables")!.Elements().ToDictionary(v => (string)v.Element("name")!, v => (string)v.Element("value")!);
            Assert.Equal(("ACC-42", "O-7"), (vars["callVariable3"], vars["user.order[1]"]));
            Assert.Equal("Sale", (string)n.Data.Element("mediaProperties")!.Element("wrapUpReason")!);
        }
    }

    [Theory]
    [InlineData("callVariable1", "12345678901234567890123456789012345678901")]
    [InlineData("callVariable11", "x")]
    [InlineData("BAResponse", "x")]
    [InlineData("foo", "x")]
    public void Update_call_data_rejects_bad_variables(string name, string value)
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        var d = h.MakeCall("5001", "0611111111");
        var e = h.Center.DialogAction("5001", d, new DialogRequest("UPDATE_CALL_DATA") { CallVariables = [new(name, value)] });
        Assert.Equal((400, "Invalid Input"), Pair(e));
    }

    [Fact]
    public void Ecc_variables_are_limited_to_2000_bytes_in_total()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        var d = h.MakeCall("5001", "0611111111");
        var big = new string('x', 990);
        Assert.Null(h.Center.DialogAction("5001", d, new DialogRequest("UPDATE_CALL_DATA") { CallVariables = [new("user.a", big)] }));
        var e = h.Center.DialogAction("5001", d, new DialogRequest("UPDATE_CALL_DATA") { CallVariables = [new("user.b", big + "xxxxxxxxxxxxxxx")] });
        Assert.Equal("Invalid Input", e!.ErrorType);
    }

    [Fact]
    public void Injected_cti_failure_is_an_asynchronous_call_operation_failure()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        var d = h.MakeCall("5001", "0611111111");
        h.Time.Advance(TimeSpan.FromSeconds(2));
        h.Take();
        h.Center.InjectFailure("*", "HOLD", new ApiError(400, "Call Operation Failure", "CF_RESOURCE_OUT_OF_SERVICE", "34"));
        Assert.Null(h.Center.DialogAction("5001", d, new DialogRequest("HOLD") { TargetMediaAddress = "3001" }, "h1"));
        var n = Assert.Single(h.Take());
        var err = n.Data.Element("apiError")!;
        Assert.Equal(("34", "CF_RESOURCE_OUT_OF_SERVICE", "Call Operation Failure"),
            ((string)err.Elements().ElementAt(0), (string)err.Elements().ElementAt(1), (string)err.Elements().ElementAt(2)));
        Assert.Equal(["errorData", "errorMessage", "errorType"], err.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(AgentState.Talking, h.StateOf("5001"));
    }

    [Fact]
    public void A_second_make_call_while_talking_fails_asynchronously()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        h.MakeCall("5001", "0611111111");
        h.Take();
        Assert.Null(h.Center.MakeCall("5001", new DialogRequest("MAKE_CALL") { FromAddress = "3001", ToAddress = "0622222222" }));
        var n = Assert.Single(h.Take());
        Assert.Equal(("apiErrors", "/finesse/api/User/5001/Dialogs"), (n.Data.Name.LocalName, n.Source));
    }

    [Fact]
    public void Request_ids_are_carried_into_the_resulting_notifications_and_timer_events_have_none()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        h.Take();
        Assert.Null(h.Center.MakeCall("5001", new DialogRequest("MAKE_CALL") { FromAddress = "3001", ToAddress = "1" }, "mc-1"));
        Assert.All(h.Take(), n => Assert.Equal("mc-1", n.RequestId));
        h.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.All(h.Take(), n => Assert.Equal("", n.RequestId));
    }

    [Fact]
    public void An_inbound_delete_carries_only_the_agents_own_participant()
    {
        using var h = new Harness();
        var d = h.AnsweredInboundCall();

        h.Act("5001", d, "DROP");
        var delete = h.Take().DialogUpdates("5001").Single(n => n.Event == "DELETE").DialogOf();

        Assert.Equal("DROPPED", Harness.State(delete));
        var mine = Assert.Single(delete.Element("participants")!.Elements("Participant"));
        Assert.Equal(("3001", "DROPPED"), ((string)mine.Element("mediaAddress")!, Harness.State(mine)));
    }

    [Fact]
    public void An_outbound_call_abandoned_before_it_connects_is_deleted_still_initiated()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        var d = h.MakeCall("5001", "0699000000");
        h.Take();

        h.Act("5001", d, "DROP");
        var delete = h.Take().DialogUpdates("5001").Single(n => n.Event == "DELETE").DialogOf();

        Assert.Equal("INITIATED", Harness.State(delete)); // as real Finesse: the dialog keeps its last state
        Assert.Equal("DROPPED", Harness.State(Assert.Single(delete.Element("participants")!.Elements("Participant"))));
        Assert.Equal("0699000000", (string)delete.Element("toAddress")!);
    }

    [Fact]
    public void An_injected_call_can_name_the_queue_it_was_routed_through()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        var r = h.Center.InjectCall(new IncomingCall("3001") { Ani = "0612345678", Dnis = "8005550100", QueueNumber = "5022", QueueName = "Sales.SG" });
        var mp = h.Center.GetDialog(r.Value!, "5001", out _)!.Element("mediaProperties")!;

        Assert.Equal(("5022", "Sales.SG", "8005550100", "3001"), ((string)mp.Element("queueNumber")!, (string)mp.Element("queueName")!, (string)mp.Element("dialedNumber")!, (string)mp.Element("DNIS")!));
    }
}
