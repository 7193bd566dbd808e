using SiebelCti.Finesse.Model;
using SiebelCti.Finesse.Xml;

namespace SiebelCti.Finesse.Tests;

public sealed class FinesseXmlParserTests
{
    private static readonly DateTimeOffset Jan5At9 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void User_ready_with_roles_settings_and_teams()
    {
        var user = FinesseXmlParser.ParseUser(Samples.Read("user-ready.xml"));

        Assert.Equal("/finesse/api/User/5001", user.Uri);
        Assert.Equal("5001", user.LoginId);
        Assert.Equal("alice", user.LoginName);
        Assert.Equal(["Agent", "Supervisor"], user.Roles);
        Assert.True(user.IsSupervisor);
        Assert.Equal(UserState.Ready, user.State);
        Assert.Equal("READY", user.StateText);
        Assert.Equal(Jan5At9, user.StateChangeTime);
        Assert.Null(user.PendingState);
        Assert.Equal(-1, user.ReasonCodeId);
        Assert.Null(user.ReasonCode);
        Assert.Equal(new UserSettings("OPTIONAL", "REQUIRED", null), user.Settings);
        Assert.Equal("3001", user.Extension);
        Assert.Equal("Alice", user.FirstName);
        Assert.Equal("Ng", user.LastName);
        Assert.Equal("10", user.TeamId);
        Assert.Equal("Sales", user.TeamName);
        Assert.Equal("5123", user.SkillTargetId);
        Assert.Equal("1", user.MediaType);
        Assert.Equal("/finesse/api/User/5001/Dialogs", user.DialogsUri);
        Assert.Equal([new TeamRef("10", "Sales", "/finesse/api/Team/10"), new TeamRef("11", "Support", "/finesse/api/Team/11")], user.Teams);
    }

    [Fact]
    public void User_not_ready_with_reason_code()
    {
        var user = FinesseXmlParser.ParseUser(Samples.Read("user-not-ready-reason.xml"));

        Assert.Equal(UserState.NotReady, user.State);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 9, 15, 42, 123, TimeSpan.Zero), user.StateChangeTime);
        Assert.Null(user.PendingState);
        Assert.Equal(16, user.ReasonCodeId);
        var rc = Assert.IsType<ReasonCode>(user.ReasonCode);
        Assert.Equal("16", rc.Id);
        Assert.Equal("NOT_READY", rc.Category);
        Assert.Equal(12, rc.Code);
        Assert.Equal("Lunch", rc.Label);
        Assert.True(rc.ForAll);
        Assert.False(rc.SystemCode);
        Assert.Equal("/finesse/api/ReasonCode/16", rc.Uri);
        Assert.False(user.IsSupervisor);
    }

    [Fact]
    public void User_talking_with_pending_not_ready_and_mobile_agent()
    {
        var user = FinesseXmlParser.ParseUser(Samples.Read("user-talking-pending.xml"));

        Assert.Equal(UserState.Talking, user.State);
        Assert.Equal(UserState.NotReady, user.PendingState);
        Assert.Equal(17, user.ReasonCodeId);
        Assert.Equal("17", user.ReasonCode!.Id); // taken from the uri when <id> is absent
        Assert.Equal("Meeting", user.ReasonCode.Label);
        Assert.Equal(new MobileAgent("CALL_BY_CALL", "915550100"), user.MobileAgent);
    }

    [Fact]
    public void User_logged_out_has_empty_fields_as_null()
    {
        var user = FinesseXmlParser.ParseUser(Samples.Read("user-logout.xml"));

        Assert.Equal(UserState.Logout, user.State);
        Assert.Null(user.StateChangeTime);
        Assert.Null(user.PendingState);
        Assert.Null(user.ReasonCodeId);
        Assert.Null(user.Extension);
        Assert.Empty(user.Teams);
    }

    [Fact]
    public void Unknown_user_state_is_kept_as_text()
    {
        var user = FinesseXmlParser.ParseUser("<User><loginId>1</loginId><state>ON_BREAK_2030</state></User>");

        Assert.Equal(UserState.Unknown, user.State);
        Assert.Equal("ON_BREAK_2030", user.StateText);
    }

    [Fact]
    public void Inbound_alerting_dialog_with_call_and_ecc_variables()
    {
        var dialog = FinesseXmlParser.ParseDialog(Samples.Read("dialog-inbound-alerting.xml"));

        Assert.Equal("16817090", dialog.Id);
        Assert.Equal("/finesse/api/Dialog/16817090", dialog.Uri);
        Assert.Null(dialog.AssociatedDialogUri);
        Assert.Equal("Voice", dialog.MediaType);
        Assert.Equal("915551234", dialog.FromAddress);
        Assert.Equal("3001", dialog.ToAddress);
        Assert.Equal(DialogState.Alerting, dialog.State);
        Assert.Equal("PREROUTE_ACD_IN", dialog.CallType);

        var mp = dialog.MediaProperties;
        Assert.Equal("8001", mp.Dnis);
        Assert.Equal("8001", mp.DialedNumber);
        Assert.Equal("Sales_Queue", mp.QueueName);
        Assert.Equal("5022", mp.QueueNumber);
        Assert.Equal("217", mp.CallKeyCallId);
        Assert.Equal("1", mp.CallKeySequenceNum);
        Assert.Equal("152018", mp.CallKeyPrefix);
        Assert.Null(mp.OutboundClassification);
        Assert.Equal(12, mp.CallVariables.Count);
        Assert.Equal("ACC-42", mp.CallVariable(1));
        Assert.Equal("Gold, \"VIP\" & more", mp.CallVariable(2));
        Assert.Equal("", mp.CallVariable(3));
        Assert.Equal("", mp.CallVariable(4));
        Assert.Equal("  padded  ", mp.CallVariable(10)); // values are data: never trimmed
        Assert.Equal(
            [new CallVariable("user.CustomerTier", "platinum"), new CallVariable("user.Account[2]", "77-1")],
            mp.EccVariables.ToArray());

        Assert.Equal(2, dialog.Participants.Count);
        var agent = dialog.ParticipantFor("3001")!;
        Assert.Equal(ParticipantState.Alerting, agent.State);
        Assert.Equal("AGENT_DEVICE", agent.MediaAddressType);
        Assert.Equal(["ANSWER"], agent.Actions);
        Assert.True(agent.Allows(DialogAction.Answer));
        Assert.False(agent.Allows(DialogAction.Hold));
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 10, 0, 0, 100, TimeSpan.Zero), agent.StartTime);
        Assert.Null(agent.StateCause);
        var caller = dialog.ParticipantFor("915551234")!;
        Assert.Equal(ParticipantState.Initiated, caller.State);
        Assert.Null(caller.MediaAddressType);
        Assert.Empty(caller.Actions);
    }

    [Fact]
    public void Outbound_active_dialog_with_all_actions_and_wrap_up_reason()
    {
        var dialog = FinesseXmlParser.ParseDialog(Samples.Read("dialog-outbound-active.xml"));

        Assert.Equal(DialogState.Active, dialog.State);
        Assert.Equal("OUT", dialog.CallType);
        Assert.Equal("3001", dialog.FromAddress);
        Assert.Equal("915550199", dialog.ToAddress);
        Assert.Equal("Sale", dialog.MediaProperties.WrapUpReason);
        Assert.Null(dialog.MediaProperties.Dnis);
        var agent = dialog.ParticipantFor("3001")!;
        Assert.Equal(ParticipantState.Active, agent.State);
        foreach (var action in new[] { DialogAction.TransferSst, DialogAction.ConsultCall, DialogAction.Hold, DialogAction.UpdateCallData, DialogAction.SendDtmf, DialogAction.Drop })
        {
            Assert.True(agent.Allows(action), action.ToString());
        }

        Assert.False(agent.Allows(DialogAction.Transfer));
        Assert.Null(dialog.MediaProperties.CallVariable(2));
    }

    [Fact]
    public void Consult_dialogs_held_original_offers_transfer_and_conference()
    {
        var dialogs = FinesseXmlParser.ParseDialogs(Samples.Read("dialogs-consult.xml"));

        Assert.Equal(2, dialogs.Count);
        var original = dialogs[0];
        var consult = dialogs[1];
        Assert.Equal("18396595", original.Id);
        Assert.Equal("ACD_IN", original.CallType);
        var heldAgent = original.ParticipantFor("3001")!;
        Assert.Equal(ParticipantState.Held, heldAgent.State);
        Assert.True(heldAgent.Allows(DialogAction.Transfer));
        Assert.True(heldAgent.Allows(DialogAction.Conference));
        Assert.True(heldAgent.Allows(DialogAction.Retrieve));
        Assert.Equal("CONSULT", consult.CallType);
        Assert.Equal("/finesse/api/Dialog/18396595", consult.AssociatedDialogUri);
        Assert.Equal(ParticipantState.Active, consult.ParticipantFor("3002")!.State);
    }

    [Fact]
    public void Conference_dialog_carries_secondary_id_and_three_participants()
    {
        var dialog = FinesseXmlParser.ParseDialog(Samples.Read("dialog-conference.xml"));

        Assert.Equal("CONFERENCE", dialog.CallType);
        Assert.Equal("18396600", dialog.SecondaryId);
        Assert.Equal(["3001", "3002", "915551234"], dialog.Participants.Select(p => p.MediaAddress));
        Assert.All(dialog.Participants, p => Assert.Equal(ParticipantState.Active, p.State));
    }

    [Fact]
    public void Empty_dialogs_collection()
    {
        Assert.Empty(FinesseXmlParser.ParseDialogs(Samples.Read("dialogs-empty.xml")));
    }

    [Fact]
    public void SystemInfo_ucce_in_service_answered_by_secondary()
    {
        var info = FinesseXmlParser.ParseSystemInfo(Samples.Read("systeminfo.xml"));

        Assert.Equal(SystemStatus.InService, info.Status);
        Assert.True(info.IsInService);
        Assert.Equal(DeploymentType.Ucce, info.DeploymentType);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 9, 0, 1, 500, TimeSpan.Zero), info.CurrentTimestamp);
        Assert.Equal("fin-b.example.com", info.XmppDomain);
        Assert.Equal("pubsub.fin-b.example.com", info.XmppPubSubDomain);
        Assert.Equal(new FinesseNode("fin-a.example.com", 8445, 5222, 5223), info.PrimaryNode);
        Assert.Equal(new FinesseNode("fin-b.example.com", 8445, 5222, 5223), info.SecondaryNode);
        Assert.False(info.AnsweredByPrimary);
        Assert.Equal("fin-a.example.com", info.PeerNode!.Host);
        Assert.Equal("NON_SSO", info.SystemAuthMode);
        Assert.Equal(-300, info.TimezoneOffset);
        Assert.Equal("5000", info.PeripheralId);
        Assert.Equal("23", info.CtiVersion);
        Assert.Equal("success", info.LastCtiHeartbeatStatus);
        Assert.Null(info.StatusReason);
    }

    [Fact]
    public void SystemInfo_uccx_out_of_service_with_host_only_nodes()
    {
        var info = FinesseXmlParser.ParseSystemInfo(Samples.Read("systeminfo-uccx-oos.xml"));

        Assert.Equal(SystemStatus.OutOfService, info.Status);
        Assert.False(info.IsInService);
        Assert.Equal(DeploymentType.Uccx, info.DeploymentType);
        Assert.Equal("CTI connection lost", info.StatusReason);
        Assert.Equal(new FinesseNode("uccx-a.example.com", null, null, null), info.PrimaryNode);
        Assert.True(info.AnsweredByPrimary);
        Assert.Equal("uccx-b.example.com", info.PeerNode!.Host);
        Assert.Null(info.CurrentTimestamp);
    }

    [Fact]
    public void ApiErrors_in_any_child_order()
    {
        var errors = FinesseXmlParser.ParseApiErrors(Samples.Read("apierrors-reason-required.xml"));

        var e = Assert.Single(errors);
        Assert.Equal("Parameter Missing", e.ErrorType);
        Assert.Equal("A reason code is required for this state change", e.ErrorMessage);
        Assert.Equal("finesse.api.reasoncode.require_reasoncode", e.ErrorData);
    }

    [Fact]
    public void ApiErrors_several_with_peripheral_code()
    {
        var errors = FinesseXmlParser.ParseApiErrors(Samples.Read("apierrors-two.xml"));

        Assert.Equal(2, errors.Count);
        Assert.Equal("Invalid State", errors[0].ErrorType);
        Assert.Equal("CF_INVALID_AGENT_WORKMODE", errors[0].ErrorMessage);
        Assert.Equal("265", errors[0].ErrorData);
        Assert.Equal("12", errors[0].PeripheralErrorCode);
        Assert.Equal("Generic Error", errors[1].ErrorType);
        Assert.Null(errors[1].ErrorData);
    }

    [Fact]
    public void ReasonCodes_not_ready_list()
    {
        var list = FinesseXmlParser.ParseReasonCodes(Samples.Read("reasoncodes-not-ready.xml"));

        Assert.Equal("NOT_READY", list.Category);
        Assert.Equal(2, list.Items.Count);
        Assert.Equal(new ReasonCode { Id = "16", Uri = "/finesse/api/ReasonCode/16", Category = "NOT_READY", Code = 12, Label = "Lunch", ForAll = true }, list.Items[0]);
        Assert.Equal("17", list.Items[1].Id);
        Assert.Equal("Meeting & Training", list.Items[1].Label);
        Assert.False(list.Items[1].ForAll);
    }

    [Fact]
    public void ReasonCodes_logout_empty()
    {
        var list = FinesseXmlParser.ParseReasonCodes(Samples.Read("reasoncodes-logout-empty.xml"));

        Assert.Equal("LOGOUT", list.Category);
        Assert.Empty(list.Items);
    }

    [Fact]
    public void WrapUpReasons_list()
    {
        var list = FinesseXmlParser.ParseWrapUpReasons(Samples.Read("wrapupreasons.xml"));

        Assert.Equal(
            [
                new WrapUpReason { Id = "1", Uri = "/finesse/api/WrapUpReason/1", Label = "Sale", ForAll = true },
                new WrapUpReason { Id = "2", Uri = "/finesse/api/WrapUpReason/2", Label = "Complaint", ForAll = false },
            ],
            list);
    }

    [Fact]
    public void Team_with_user_summaries_and_lowercase_reason_code()
    {
        var team = FinesseXmlParser.ParseTeam(Samples.Read("team.xml"));

        Assert.Equal("10", team.Id);
        Assert.Equal("Sales", team.Name);
        Assert.Equal("/finesse/api/Team/10", team.Uri);
        Assert.Equal(2, team.Users.Count);
        Assert.Equal(UserState.Ready, team.Users[0].State);
        Assert.Equal("3001", team.Users[0].Extension);
        Assert.Equal(Jan5At9, team.Users[0].StateChangeTime);
        var bob = team.Users[1];
        Assert.Equal(UserState.NotReady, bob.State);
        Assert.Equal("Lunch", bob.ReasonCode!.Label);
        Assert.Equal("16", bob.ReasonCode.Id);
    }

    [Fact]
    public void Element_names_match_case_insensitively_and_in_any_order()
    {
        var user = FinesseXmlParser.ParseUser("<user><STATE>ready</STATE><LoginID>7</LoginID><reasoncode><Label>X</Label></reasoncode></user>");

        Assert.Equal(UserState.Ready, user.State);
        Assert.Equal("7", user.LoginId);
        Assert.Equal("X", user.ReasonCode!.Label);
    }

    [Fact]
    public void Single_participant_without_wrapper_list_shape_drift_still_parses()
    {
        var dialog = FinesseXmlParser.ParseDialog(
            "<Dialog><id>1</id><participants><Participant><mediaAddress>3001</mediaAddress><state>HELD</state>" +
            "<actions><action>RETRIEVE</action></actions></Participant></participants></Dialog>");

        var p = Assert.Single(dialog.Participants);
        Assert.Equal(ParticipantState.Held, p.State);
        Assert.True(p.Allows(DialogAction.Retrieve));
    }
}
