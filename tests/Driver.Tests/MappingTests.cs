using System.Collections.Immutable;
using SiebelCti.Connector.Contract;
using SiebelCti.Driver.Connector;
using SiebelCti.Driver.Services;
using SiebelCti.Interop;

namespace SiebelCti.Driver.Tests;

public sealed class MappingTests
{
    private static DialogSnapshot Call(string id, string myState, string callType = "ACD_IN") =>
        new(id, "ACTIVE", myState, callType, "5551000", "1001", "1001", 2, ImmutableDictionary<string, string>.Empty, null);

    private static ServiceView View(params DialogSnapshot[] dialogs) => new("agent1", "1001", "TALKING", [.. dialogs]);

    private static Dictionary<string, string> P(params (string Key, string Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value, StringComparer.OrdinalIgnoreCase);

    [Theory]
    [InlineData("LoggedOut", new[] { "LogIn" })]
    [InlineData("NotReady", new[] { "ChangeReadyState", "ChangeNotReadyState", "MakeCall", "ResetState", "LogOut" })]
    [InlineData("Ready", new[] { "ChangeNotReadyState" })]
    [InlineData("Alerting", new[] { "AnswerCall", "AttachData" })]
    [InlineData("Active", new[] { "ReleaseCall", "HoldCall", "ConsultCall", "BlindTransfer", "SendDTMF", "AttachData" })]
    [InlineData("Held", new[] { "ReleaseCall", "RetrieveCall", "AttachData" })]
    [InlineData("ConsultActive", new[] { "ReleaseCall", "TransferComplete", "ConferenceComplete", "HoldCall", "AttachData" })]
    [InlineData("WrapUp", new[] { "ChangeReadyState", "ChangeNotReadyState", "SetWrapUp" })]
    public void The_toolbar_enables_exactly_the_commands_of_the_state(string state, string[] enabled)
    {
        var (names, descriptions, statuses) = ToolbarTable.Build(Enum.Parse<ToolbarState>(state));

        Assert.Equal(CommandMapping.Commands, names);
        Assert.All(descriptions, d => Assert.False(string.IsNullOrEmpty(d)));
        var actual = names.Where((_, i) => (statuses[i] & (int)ScCommandFlag.SC_CF_DISABLED) == 0).ToArray();
        Assert.Equal(enabled.Order(), actual.Order());
    }

    [Theory]
    [InlineData("NotReady", "ChangeNotReadyState", ScCommandFlag.SC_CF_NOPARAMSOK | ScCommandFlag.SC_CF_CHECKED)]
    [InlineData("Ready", "ChangeNotReadyState", ScCommandFlag.SC_CF_NOPARAMSOK)]
    [InlineData("WrapUp", "ChangeNotReadyState", ScCommandFlag.SC_CF_NOPARAMSOK)]
    [InlineData("Alerting", "AnswerCall", ScCommandFlag.SC_CF_NOPARAMSOK | ScCommandFlag.SC_CF_BLINKING)]
    [InlineData("Held", "RetrieveCall", ScCommandFlag.SC_CF_NOPARAMSOK | ScCommandFlag.SC_CF_BLINKING)]
    [InlineData("Active", "AttachData", ScCommandFlag.None)]
    [InlineData("Active", "MakeCall", ScCommandFlag.SC_CF_DISABLED)]
    [InlineData("NotReady", "MakeCall", ScCommandFlag.SC_CF_STRPARAMSOK)]
    [InlineData("LoggedOut", "AttachData", ScCommandFlag.SC_CF_DISABLED)]
    public void Not_Ready_is_checked_while_not_ready_and_a_waiting_call_blinks(string state, string command, ScCommandFlag expected)
    {
        var (names, _, statuses) = ToolbarTable.Build(Enum.Parse<ToolbarState>(state));

        Assert.Equal((int)expected, statuses[names.IndexOf(command)]);
        Assert.Equal(state == "NotReady" ? 1 : 0, statuses.Count(s => (s & (int)ScCommandFlag.SC_CF_CHECKED) != 0));
    }

    [Fact]
    public void The_toolbar_state_follows_the_agent_and_the_calls()
    {
        Assert.Equal(ToolbarState.LoggedOut, ToolbarTable.Derive(null, []));
        Assert.Equal(ToolbarState.LoggedOut, ToolbarTable.Derive("LOGOUT", []));
        Assert.Equal(ToolbarState.NotReady, ToolbarTable.Derive("NOT_READY", []));
        Assert.Equal(ToolbarState.Ready, ToolbarTable.Derive("READY", []));
        Assert.Equal(ToolbarState.WrapUp, ToolbarTable.Derive("WORK", []));
        Assert.Equal(ToolbarState.Alerting, ToolbarTable.Derive("RESERVED", [Call("d1", "ALERTING")]));
        Assert.Equal(ToolbarState.Active, ToolbarTable.Derive("TALKING", [Call("d1", "ACTIVE")]));
        Assert.Equal(ToolbarState.Active, ToolbarTable.Derive("NOT_READY", [Call("d1", "INITIATED", "OUT")]));
        Assert.Equal(ToolbarState.Held, ToolbarTable.Derive("HOLD", [Call("d1", "HELD")]));
        Assert.Equal(ToolbarState.ConsultActive, ToolbarTable.Derive("TALKING", [Call("d1", "HELD"), Call("d2", "ACTIVE", "CONSULT")]));
    }

    [Fact]
    public void LogIn_becomes_Connect_then_Login_with_the_pin_and_extension()
    {
        var plan = CommandMapping.Map("LogIn", null, P(("AgentId", "a1"), ("AgentPin", "pw"), ("Extension", "1001")), ServiceView.Empty);

        Assert.True(plan.Succeeded);
        Assert.IsType<Connect>(plan.Requests[0]);
        Assert.Equal(new Login("pw", "1001"), plan.Requests[1]);
        Assert.DoesNotContain("pw", plan.Requests[1].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void LogIn_without_its_parameters_fails_listing_each()
    {
        var plan = CommandMapping.Map("LogIn", null, P(), ServiceView.Empty);

        Assert.Equal(ScErrorCode.SC_EC_ERROR, plan.Failure);
        Assert.Contains("AgentId, AgentPin, Extension", plan.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Agent_commands_map_to_their_requests()
    {
        Assert.Equal(new Logout("9"), CommandMapping.Map("LogOut", null, P(("ReasonCode", "9")), View()).Requests.Single());
        Assert.Equal(new Ready(), CommandMapping.Map("ChangeReadyState", null, P(), View()).Requests.Single());
        Assert.Equal(new NotReady("7"), CommandMapping.Map("ChangeNotReadyState", null, P(("ReasonCode", "7")), View()).Requests.Single());
        Assert.Equal(new GetState(), CommandMapping.Map("ResetState", null, P(), View()).Requests.Single());
        Assert.Equal(new MakeCall("5551234"), CommandMapping.Map("MakeCall", "5551234", P(), View()).Requests.Single());
        Assert.Equal(new MakeCall("42"), CommandMapping.MapEx((int)ScCommandTypeEx.SC_CT_MAKECALL, P(("PhoneNumber", "42")), View()).Requests.Single());
        Assert.Equal(ScErrorCode.SC_EC_CMD_NOT_SUPPORTED, CommandMapping.MapEx((int)ScCommandTypeEx.SC_CT_SENDMESSAGE, P(), View()).Failure);
        Assert.Equal(new SetWrapUpReason("Sale", "d1"), CommandMapping.Map("SetWrapUp", null, P(("ReasonCode", "Sale")), View(Call("d1", "ACTIVE"))).Requests.Single());
    }

    [Fact]
    public void Call_commands_act_on_the_current_call_or_the_TrackingID()
    {
        var view = View(Call("held", "HELD"), Call("active", "ACTIVE", "CONSULT"));

        Assert.Equal(new Hold("active"), CommandMapping.Map("HoldCall", null, P(), view).Requests.Single());
        Assert.Equal(new Retrieve("held"), CommandMapping.Map("RetrieveCall", null, P(), view).Requests.Single());
        Assert.Equal(new Release("active"), CommandMapping.Map("ReleaseCall", null, P(), view).Requests.Single());
        Assert.Equal(new Release("held"), CommandMapping.Map("ReleaseCall", null, P(("TrackingID", "held")), view).Requests.Single());
        Assert.Equal(new TransferComplete("held"), CommandMapping.Map("TransferComplete", null, P(), view).Requests.Single());
        Assert.Equal(new ConferenceComplete("held"), CommandMapping.Map("ConferenceComplete", null, P(), view).Requests.Single());
        Assert.Equal(new SendDtmf("active", "12#"), CommandMapping.Map("SendDTMF", "12#", P(), view).Requests.Single());
        Assert.Equal(new ConsultCall("active", "2000"), CommandMapping.Map("ConsultCall", null, P(("PhoneNumber", "2000")), view).Requests.Single());
        Assert.Equal(new SingleStepTransfer("active", "3000"), CommandMapping.Map("BlindTransfer", "3000", P(), view).Requests.Single());
        Assert.Equal(new Answer("ring"), CommandMapping.Map("AnswerCall", null, P(), View(Call("ring", "ALERTING"))).Requests.Single());
    }

    [Fact]
    public void Call_commands_without_a_call_or_with_an_unknown_TrackingID_fail_with_the_right_code()
    {
        Assert.Equal(ScErrorCode.SC_EC_WORK_ITEM_WRONG_STATE, CommandMapping.Map("AnswerCall", null, P(), View()).Failure);
        Assert.Equal(ScErrorCode.SC_EC_INVALID_ITEM_TRACKING_ID, CommandMapping.Map("HoldCall", null, P(("TrackingID", "nope")), View(Call("d", "ACTIVE"))).Failure);
        Assert.Equal(ScErrorCode.SC_EC_WORK_ITEM_WRONG_STATE, CommandMapping.Map("TransferComplete", null, P(), View(Call("d", "HELD"))).Failure);
        Assert.Equal(ScErrorCode.SC_EC_ERROR, CommandMapping.Map("MakeCall", null, P(), View()).Failure);
        Assert.Equal(ScErrorCode.SC_EC_CMD_NOT_SUPPORTED, CommandMapping.Map("Frobnicate", null, P(), View()).Failure);
    }

    [Fact]
    public void AttachData_splits_call_variables_from_ECC_variables_and_keeps_values_verbatim()
    {
        var plan = CommandMapping.Map("AttachData", null, P(("callVariable3", "a,b#c|d"), ("user.Account", "42"), ("TrackingID", "d1")), View(Call("d1", "ACTIVE")));

        var update = Assert.IsType<UpdateCallData>(plan.Requests.Single());
        Assert.Equal("d1", update.DialogId);
        Assert.Equal("a,b#c|d", update.CallVariables!["callVariable3"]);
        Assert.Equal("42", update.EccVariables!["user.Account"]);
        Assert.False(update.EccVariables.ContainsKey("TrackingID"));
    }

    [Fact]
    public void A_dialog_projects_the_agents_own_participant_state_and_all_variables()
    {
        var dialog = new Dialog("d1", "ACTIVE", "ACD_IN", "5551000", "1001",
            [new Participant("5551000", "ACTIVE", []), new Participant("1001", "HELD", [])],
            new Dictionary<string, string> { ["callVariable1"] = "x" }, new Dictionary<string, string> { ["user.Lang"] = "fr" }, Dnis: "1001", DialedNumber: "8001");

        var snapshot = DialogSnapshot.Of(dialog, "1001");
        var withoutDialedNumber = DialogSnapshot.Of(dialog with { DialedNumber = null, ToAddress = "8002" }, "1001");

        Assert.Equal("HELD", snapshot.MyState);
        Assert.Equal("8001", snapshot.DialedNumber); // never Finesse's DNIS: on UCCE that is the agent's own extension
        Assert.Equal("8002", withoutDialedNumber.DialedNumber);
        Assert.Equal(2, snapshot.ParticipantCount);
        Assert.Equal("x", snapshot.Variables["callVariable1"]);
        Assert.Equal("fr", snapshot.Variables["user.Lang"]);
    }

    [Theory]
    [InlineData("LogIn", "Extension", "{@SelectedDN}")]
    [InlineData("LogIn", "AgentId", "{@AgentId}")]
    [InlineData("MakeCall", "PhoneNumber", "{@Phone:PhoneTypeLookup}")]
    [InlineData("AttachData", "callVariable5", "x{$GetWorkItemAttr(Voice, WorkItemID)}")]
    public void A_value_Siebel_did_not_expand_is_refused_naming_the_parameter(string command, string name, string value)
    {
        var parameters = P(("AgentId", "a1"), ("AgentPin", "pw"), ("Extension", "1001"), ("PhoneNumber", "5551000"));
        parameters[name] = value;

        var plan = CommandMapping.Map(command, null, parameters, View(Call("d1", "ACTIVE")));

        Assert.False(plan.Succeeded);
        Assert.Equal(ScErrorCode.SC_EC_ERROR, plan.Failure);
        Assert.Equal(SiebelCti.Driver.Logging.DriverErrorCode.DriverCommandInvalid, plan.ErrorCode);
        Assert.Contains($"parameter {name} is '{value}'", plan.Message, StringComparison.Ordinal);
        Assert.Empty(plan.Requests);
    }

    [Fact]
    public void Braces_that_are_not_a_Siebel_macro_are_call_data()
    {
        var plan = CommandMapping.Map("AttachData", null, P(("user.Json", "{\"a\":1}"), ("user.Set", "{x}")), View(Call("d1", "ACTIVE")));

        Assert.True(plan.Succeeded);
        Assert.Equal("{\"a\":1}", Assert.IsType<UpdateCallData>(Assert.Single(plan.Requests)).EccVariables!["user.Json"]);
    }

    [Fact]
    public void Not_Ready_and_Log_Out_without_a_reason_code_take_the_driver_defaults()
    {
        var defaults = new CommandDefaults("10", "End of shift");

        Assert.Equal("10", Assert.IsType<NotReady>(Assert.Single(CommandMapping.Map("ChangeNotReadyState", null, P(("ReasonCode", "")), View(), defaults).Requests)).ReasonCode);
        Assert.Equal("12", Assert.IsType<NotReady>(Assert.Single(CommandMapping.Map("ChangeNotReadyState", null, P(("ReasonCode", "12")), View(), defaults).Requests)).ReasonCode);
        Assert.Equal("End of shift", Assert.IsType<Logout>(Assert.Single(CommandMapping.Map("LogOut", null, P(), View(), defaults).Requests)).ReasonCode);
        Assert.Null(Assert.IsType<NotReady>(Assert.Single(CommandMapping.Map("ChangeNotReadyState", null, P(), View()).Requests)).ReasonCode);
    }

    [Fact]
    public void AttachData_in_wrap_up_updates_the_call_being_wrapped_up()
    {
        var plan = CommandMapping.Map("AttachData", null, P(("callVariable3", "done")), View(Call("d9", "WRAP_UP")));

        Assert.Equal("d9", Assert.IsType<UpdateCallData>(Assert.Single(plan.Requests)).DialogId);
    }
}
