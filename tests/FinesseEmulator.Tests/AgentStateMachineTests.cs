using SiebelCti.FinesseEmulator.Engine;

namespace SiebelCti.FinesseEmulator.Tests;

public sealed class AgentStateMachineTests
{
    [Fact]
    public void Sign_in_lands_in_NOT_READY_and_publishes_the_full_user()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        var n = Assert.Single(h.Take());
        Assert.Equal("/finesse/api/User/5001", n.Node);
        Assert.Equal("PUT", n.Event);
        Assert.Equal("/finesse/api/User/5001", n.Source);
        Assert.Equal("user", n.Data.Name.LocalName);
        Assert.Equal("NOT_READY", n.UserState());
        Assert.Equal("3001", (string)n.Data.Element("extension")!);
        Assert.Null(n.Data.Element("reasonCodeId")); // UCCE sends no reason code while none applies
        Assert.Null(n.Data.Element("reasonCode"));
        Assert.Equal("2026-01-05T09:00:00.000Z", (string)n.Data.Element("stateChangeTime")!);
        Assert.Equal("-1", (string)h.Center.GetUser("5001")!.Element("reasonCodeId")!); // the REST User, as the developer guide shows it
    }

    [Fact]
    public void Sign_in_rejects_missing_and_malformed_extensions()
    {
        using var h = new Harness();
        var missing = h.Center.ChangeAgentState("5001", new UserRequest("LOGIN"));
        Assert.Equal(("Parameter Missing", 400), (missing!.ErrorType, missing.Status));
        var bad = h.Center.ChangeAgentState("5001", new UserRequest("LOGIN", "30a1"));
        Assert.Equal(("Bad Request", 400), (bad!.ErrorType, bad.Status));
        Assert.Empty(h.Sent);
        Assert.Equal(AgentState.Logout, h.StateOf("5001"));
    }

    [Fact]
    public void Unknown_user_is_404_User_Not_Found()
    {
        using var h = new Harness();
        var e = h.Center.ChangeAgentState("9999", new UserRequest("READY"));
        Assert.Equal((404, "User Not Found"), (e!.Status, e.ErrorType));
    }

    [Fact]
    public void Sign_in_on_an_extension_in_use_fails_asynchronously_with_Device_Busy()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        h.Take();
        Assert.Null(h.Center.ChangeAgentState("5002", new UserRequest("LOGIN", "3001"), "r-1"));
        var n = Assert.Single(h.Take());
        Assert.Equal("apiErrors", n.Data.Name.LocalName);
        Assert.Equal("Device Busy", (string)n.Data.Element("apiError")!.Element("errorType")!);
        Assert.Equal("r-1", n.RequestId);
        Assert.Equal(AgentState.Logout, h.StateOf("5002"));
    }

    [Fact]
    public void Repeated_sign_in_keeps_the_state_and_republishes()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        h.Ready("5001");
        h.Take();
        h.SignIn("5001", "3001");
        Assert.Equal("READY", Assert.Single(h.Take()).UserState());
    }

    [Fact]
    public void Ready_and_not_ready_with_reason_code()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        h.Ready("5001");
        h.NotReady("5001", "2");
        var ns = h.Take();
        Assert.Equal(["NOT_READY", "READY", "NOT_READY"], ns.Select(n => n.UserState()));
        var last = ns[^1].Data;
        Assert.Equal("2", (string)last.Element("reasonCodeId")!);
        Assert.Null(last.Element("ReasonCode")); // UCCE spells it reasonCode in notifications
        Assert.Equal("11", (string)last.Element("reasonCode")!.Element("code")!);
        Assert.Equal("Lunch", (string)last.Element("reasonCode")!.Element("label")!);
        Assert.Equal("/finesse/api/ReasonCode/2", (string)last.Element("reasonCode")!.Element("uri")!);
        Assert.Equal("false", (string)last.Element("reasonCode")!.Element("systemCode")!);
        Assert.Equal("11", (string)h.Center.GetUser("5001")!.Element("ReasonCode")!.Element("code")!);
    }

    [Fact]
    public void Changing_the_not_ready_reason_publishes_the_new_reason()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        h.NotReady("5001", "1");
        h.NotReady("5001", "2");
        Assert.Equal([null, "1", "2"], h.Take().Select(n => (string?)n.Data.Element("reasonCodeId")));
    }

    [Fact]
    public void Not_ready_without_reason_is_Parameter_Missing_when_codes_exist()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        var e = h.Center.ChangeAgentState("5001", new UserRequest("NOT_READY"));
        Assert.Equal((400, "Parameter Missing", "finesse.api.reasoncode.require_reasoncode"), (e!.Status, e.ErrorType, e.ErrorData));
    }

    [Fact]
    public void Not_ready_without_reason_is_accepted_when_no_codes_exist()
    {
        var o = Harness.DefaultOptions() with { ReasonCodes = [] };
        using var h = new Harness(o);
        h.SignIn("5001", "3001");
        h.Ready("5001");
        Assert.Null(h.Center.ChangeAgentState("5001", new UserRequest("NOT_READY")));
        Assert.Equal(AgentState.NotReady, h.StateOf("5001"));
    }

    [Theory]
    [InlineData("99")]
    [InlineData("4")]
    [InlineData("abc")]
    public void Unknown_or_wrong_category_reason_code_is_Invalid_Input(string rc)
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        var e = h.Center.ChangeAgentState("5001", new UserRequest("NOT_READY", ReasonCodeId: rc));
        Assert.Equal((400, "Invalid Input"), (e!.Status, e.ErrorType));
    }

    [Fact]
    public void Logout_from_not_ready_with_reason_clears_the_extension()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        h.Take();
        Assert.Null(h.Center.ChangeAgentState("5001", new UserRequest("LOGOUT", ReasonCodeId: "4")));
        var n = Assert.Single(h.Take());
        Assert.Equal("LOGOUT", n.UserState());
        Assert.Equal("", (string)n.Data.Element("extension")!);
        Assert.Equal("4", (string)n.Data.Element("reasonCodeId")!);
    }

    [Fact]
    public void Logout_without_reason_is_Parameter_Missing_when_logout_codes_exist()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        var e = h.Center.ChangeAgentState("5001", new UserRequest("LOGOUT"));
        Assert.Equal("Parameter Missing", e!.ErrorType);
    }

    [Fact]
    public void Ucce_rejects_logout_from_ready_asynchronously_but_uccx_allows_it()
    {
        using var ucce = new Harness();
        ucce.SignIn("5001", "3001");
        ucce.Ready("5001");
        ucce.Take();
        Assert.Null(ucce.Center.ChangeAgentState("5001", new UserRequest("LOGOUT", ReasonCodeId: "4")));
        var n = Assert.Single(ucce.Take());
        Assert.Equal("Invalid State", (string)n.Data.Element("apiError")!.Element("errorType")!);
        Assert.Equal(AgentState.Ready, ucce.StateOf("5001"));

        using var uccx = new Harness(Harness.DefaultOptions("UCCX"));
        uccx.SignIn("5001", "3001");
        uccx.Ready("5001");
        Assert.Null(uccx.Center.ChangeAgentState("5001", new UserRequest("LOGOUT", ReasonCodeId: "4")));
        Assert.Equal(AgentState.Logout, uccx.StateOf("5001"));
    }

    [Theory]
    [InlineData("WORK")]
    [InlineData("WORK_READY")]
    [InlineData("TALKING")]
    public void States_reached_only_through_calls_cannot_be_requested(string state)
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        h.Ready("5001");
        h.Take();
        Assert.Null(h.Center.ChangeAgentState("5001", new UserRequest(state)));
        Assert.Equal("Invalid State", (string)Assert.Single(h.Take()).Data.Element("apiError")!.Element("errorType")!);
        Assert.Equal(AgentState.Ready, h.StateOf("5001"));
    }

    [Fact]
    public void Garbage_state_is_Invalid_Input_and_missing_state_is_Parameter_Missing()
    {
        using var h = new Harness();
        Assert.Equal("Invalid Input", h.Center.ChangeAgentState("5001", new UserRequest("SLEEPING"))!.ErrorType);
        Assert.Equal("Parameter Missing", h.Center.ChangeAgentState("5001", new UserRequest(""))!.ErrorType);
    }

    [Fact]
    public void Requests_while_logged_out_fail_asynchronously()
    {
        using var h = new Harness();
        Assert.Null(h.Center.ChangeAgentState("5001", new UserRequest("READY")));
        Assert.Equal("Invalid State", (string)Assert.Single(h.Take()).Data.Element("apiError")!.Element("errorType")!);
    }

    [Fact]
    public void Ucce_not_ready_while_talking_is_pending_and_applied_when_the_call_ends()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        h.Ready("5001");
        var d = h.Inject();
        h.Act("5001", d, "ANSWER");
        h.Take();
        h.NotReady("5001", "2");
        var pending = Assert.Single(h.Take());
        Assert.Equal("TALKING", pending.UserState());
        Assert.Equal("NOT_READY", (string)pending.Data.Element("pendingState")!);
        Assert.True(h.Center.HangUpFarEnd(d).Ok);
        var user = h.Take().UserUpdates("5001").Last();
        Assert.Equal("NOT_READY", user.UserState());
        Assert.Equal("", (string)user.Data.Element("pendingState")!);
        Assert.Equal("2", (string)user.Data.Element("reasonCodeId")!);
    }

    [Fact]
    public void Logout_while_talking_fails_asynchronously()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        h.MakeCall("5001", "0611111111");
        h.Take();
        Assert.Null(h.Center.ChangeAgentState("5001", new UserRequest("LOGOUT", ReasonCodeId: "4")));
        Assert.Equal("Invalid State", (string)Assert.Single(h.Take()).Data.Element("apiError")!.Element("errorType")!);
        Assert.Equal(AgentState.Talking, h.StateOf("5001"));
    }

    [Fact]
    public void Uccx_rejects_ready_as_pending_state_and_a_second_pending_not_ready()
    {
        using var h = new Harness(Harness.DefaultOptions("UCCX"));
        h.SignIn("5001", "3001");
        h.MakeCall("5001", "0611111111");
        h.Take();
        Assert.Null(h.Center.ChangeAgentState("5001", new UserRequest("READY")));
        var err = Assert.Single(h.Take()).Data.Element("apiError")!;
        Assert.Equal(("Invalid State", "265", "CF_INVALID_AGENT_WORKMODE"), ((string)err.Element("errorType")!, (string)err.Element("errorData")!, (string)err.Element("errorMessage")!));
        h.NotReady("5001", "1");
        Assert.Equal("NOT_READY", (string)Assert.Single(h.Take()).Data.Element("pendingState")!);
        h.NotReady("5001", "2");
        Assert.Equal("265", (string)Assert.Single(h.Take()).Data.Element("apiError")!.Element("errorData")!);
    }

    [Fact]
    public void Wrap_up_after_an_incoming_call_goes_WORK_READY_then_READY_on_timer()
    {
        using var h = new Harness(Harness.DefaultOptions(wrapUpIncoming: "REQUIRED"));
        h.SignIn("5001", "3001");
        h.Ready("5001");
        var d = h.Inject();
        h.Act("5001", d, "ANSWER");
        h.Take();
        Assert.True(h.Center.HangUpFarEnd(d).Ok);
        var ns = h.Take();
        Assert.Equal("WORK_READY", ns.UserUpdates("5001").Single().UserState());
        var put = ns.DialogUpdates("5001").Single();
        Assert.Equal("PUT", put.Event);
        Assert.Equal(["UPDATE_CALL_DATA"], Harness.Actions(h.Participant("5001", d, "3001")));
        Assert.Equal("WRAP_UP", Harness.State(h.Participant("5001", d, "3001")));
        Assert.Equal([d], h.Center.DialogIdsOf("5001"));

        // The wrap-up reason may be set while in wrap-up.
        Assert.Null(h.Center.DialogAction("5001", d, new DialogRequest("UPDATE_CALL_DATA") { WrapUpReason = "Sale" }));
        Assert.Equal("Sale", (string)h.Take().Single().DialogOf().Element("mediaProperties")!.Element("wrapUpReason")!);

        h.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(h.Sent);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        ns = h.Take();
        Assert.Equal(["DELETE", "READY"], ns.Select(n => n.Data.Name == "user" ? n.UserState() : n.Event));
        Assert.Empty(h.Center.DialogIdsOf("5001"));
    }

    [Fact]
    public void Wrap_up_with_not_ready_pending_goes_WORK_then_NOT_READY()
    {
        using var h = new Harness(Harness.DefaultOptions(wrapUpIncoming: "REQUIRED"));
        h.SignIn("5001", "3001");
        h.Ready("5001");
        var d = h.Inject();
        h.Act("5001", d, "ANSWER");
        h.NotReady("5001", "1");
        h.Act("5001", d, "DROP");
        Assert.Equal(AgentState.Work, h.StateOf("5001"));
        h.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal((AgentState.NotReady, (int?)1), (h.StateOf("5001"), h.Center.GetAgentState("5001")!.Value.ReasonCodeId));
    }

    [Fact]
    public void Ready_during_wrap_up_ends_it_at_once()
    {
        using var h = new Harness(Harness.DefaultOptions(wrapUpOutgoing: "REQUIRED"));
        h.SignIn("5001", "3001");
        var d = h.MakeCall("5001", "0611111111");
        h.Time.Advance(TimeSpan.FromSeconds(2));
        h.Act("5001", d, "DROP");
        Assert.Equal(AgentState.Work, h.StateOf("5001"));
        h.Take();
        h.Ready("5001");
        Assert.Equal(["DELETE", "READY"], h.Take().Select(n => n.Data.Name == "user" ? n.UserState() : n.Event));
        h.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(h.Sent);
    }

    [Fact]
    public void No_wrap_up_when_not_allowed_or_when_the_call_was_never_connected()
    {
        using var h = new Harness(Harness.DefaultOptions(wrapUpIncoming: "REQUIRED"));
        h.SignIn("5001", "3001");
        h.Ready("5001");
        var d = h.Inject();
        Assert.Equal(AgentState.Reserved, h.StateOf("5001"));
        h.Center.HangUpFarEnd(d);
        Assert.Equal(AgentState.Ready, h.StateOf("5001"));
        Assert.Empty(h.Center.DialogIdsOf("5001"));
    }

    [Fact]
    public void Injected_failure_arrives_as_an_asynchronous_error_with_the_request_id()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        h.Take();
        h.Center.InjectFailure("5001", "READY", new ApiError(400, "Invalid State", "CF_INVALID_AGENT_STATE", "42"));
        Assert.Null(h.Center.ChangeAgentState("5001", new UserRequest("READY"), "req-7"));
        var n = Assert.Single(h.Take());
        Assert.Equal(("req-7", "/finesse/api/User/5001", "PUT"), (n.RequestId, n.Source, n.Event));
        Assert.Equal("42", (string)n.Data.Element("apiError")!.Element("errorData")!);
        Assert.Equal(AgentState.NotReady, h.StateOf("5001"));
        h.Ready("5001");
        Assert.Equal(AgentState.Ready, h.StateOf("5001"));
    }

    [Fact]
    public void Team_users_node_gets_the_user_summary_when_enabled()
    {
        using var h = new Harness(Harness.DefaultOptions() with { PublishTeamUsers = true });
        h.SignIn("5001", "3001");
        var ns = h.Take();
        Assert.Equal(2, ns.Count);
        var team = ns.Single(n => n.Node == "/finesse/api/Team/10/Users");
        Assert.Equal(("PUT", "/finesse/api/User/5001", "user"), (team.Event, team.Source, team.Data.Name.LocalName));
        Assert.Equal(("5001", "NOT_READY", "3001"), ((string)team.Data.Element("loginId")!, team.UserState(), (string)team.Data.Element("extension")!));
    }

    [Fact]
    public void A_user_notification_has_the_children_of_a_real_ucce_packet_in_their_order()
    {
        // Order of the User notifications logged from a Unified CCE Finesse (see
        // tests/Finesse.Tests/RealPayloads/SOURCES.md): alphabetical.
        using var h = new Harness(Harness.DefaultOptions() with { Agents = [Harness.DefaultOptions().Agents[0] with { Roles = ["Agent", "Supervisor"] }] });
        h.SignIn("5001", "3001");
        h.NotReady("5001", "2");
        var ns = h.Take();

        Assert.Equal(["dialogs", "extension", "firstName", "lastName", "loginId", "loginName", "mediaType", "pendingState", "roles", "settings", "state",
            "stateChangeTime", "teamId", "teamName", "teams", "uri"], ns[0].Data.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["dialogs", "extension", "firstName", "lastName", "loginId", "loginName", "mediaType", "pendingState", "reasonCode", "reasonCodeId", "roles",
            "settings", "state", "stateChangeTime", "teamId", "teamName", "teams", "uri"], ns[1].Data.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["category", "code", "forAll", "id", "label", "systemCode", "uri"], ns[1].Data.Element("reasonCode")!.Elements().Select(e => e.Name.LocalName));
        var team = ns[0].Data.Element("teams")!.Element("Team")!;
        Assert.Equal(("10", "Sales", "/finesse/api/Team/10"), ((string)team.Element("id")!, (string)team.Element("name")!, (string)team.Element("uri")!));
    }

    [Fact]
    public void A_supervisor_lists_its_supervised_teams_and_an_agent_none()
    {
        var options = Harness.DefaultOptions();
        using var h = new Harness(options with
        {
            Agents = [options.Agents[0] with { Roles = ["Agent", "Supervisor"], SupervisedTeams = ["10", "20"] }, options.Agents[1], options.Agents[2]],
        });

        var supervisor = h.Center.GetUser("5001")!;
        var agent = h.Center.GetUser("5002")!;

        Assert.Equal([("10", "Sales"), ("20", "Support")], supervisor.Element("teams")!.Elements("Team").Select(t => ((string)t.Element("id")!, (string)t.Element("name")!)));
        Assert.Equal(["uri", "id", "name"], supervisor.Element("teams")!.Elements("Team").First().Elements().Select(e => e.Name.LocalName));
        Assert.Null(agent.Element("teams"));
    }

    [Fact]
    public void A_team_members_summary_on_the_team_node_spells_its_reason_code_in_lower_case()
    {
        using var h = new Harness(Harness.DefaultOptions() with { PublishTeamUsers = true });
        h.SignIn("5002", "3002");
        h.NotReady("5002", "2");
        var team = h.Take().Last(n => n.Node == "/finesse/api/Team/10/Users");

        Assert.Equal(("PUT", "/finesse/api/User/5002", "user"), (team.Event, team.Source, team.Data.Name.LocalName));
        Assert.Equal(("5002", "NOT_READY", "Lunch"), ((string)team.Data.Element("loginId")!, team.UserState(), (string)team.Data.Element("reasonCode")!.Element("label")!));
        Assert.Null(team.Data.Element("roles")); // a summary, not the whole User
    }
}
