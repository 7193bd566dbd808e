using SiebelCti.Connector.Engine.Adapters;
using SiebelCti.Finesse.Model;
using SiebelCti.Finesse.Notifications;
using SiebelCti.Finesse.Xml;

namespace SiebelCti.Connector.Core.Tests.Engine;

/// <summary>
/// The parsers and the contract mapping against payloads Finesse really sends (RealPayloads/, each
/// file naming its source): packets logged from a Unified CCE Finesse and Cisco's documented samples.
/// </summary>
public sealed class RealFinessePayloadTests
{
    private const string UserNode = "/finesse/api/User/215194";
    private const string DialogsNode = "/finesse/api/User/215194/Dialogs";
    private readonly FinesseNotificationParser _parser = new();

    private static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "RealPayloads", name));

    public static TheoryData<string> EveryFile() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "RealPayloads"), "*.xml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(EveryFile))]
    public void Every_collected_payload_parses_and_cites_its_source(string name)
    {
        var text = Read(name);
        Assert.StartsWith("<!-- ", text, StringComparison.Ordinal);
        Assert.Contains("https://", text.Split('\n')[0], StringComparison.Ordinal);
        object parsed = name switch
        {
            "doc-user.xml" => FinesseXmlParser.ParseUser(text),
            "doc-team.xml" => FinesseXmlParser.ParseTeam(text),
            "doc-dialog-12x.xml" => FinesseXmlParser.ParseDialog(text),
            _ => _parser.Parse(null, text),
        };
        Assert.IsNotType<UnknownUpdate>(parsed);
    }

    [Theory]
    [InlineData("ucce-user-ready-supervisor.xml", UserState.Ready)]
    [InlineData("ucce-user-not-ready.xml", UserState.NotReady)]
    [InlineData("ucce-user-reserved.xml", UserState.Reserved)]
    [InlineData("ucce-user-talking.xml", UserState.Talking)]
    [InlineData("ucce-user-work-ready.xml", UserState.WorkReady)]
    [InlineData("ucce-user-work.xml", UserState.Work)]
    public void Ucce_user_updates_carry_no_reason_code_when_none_applies(string name, UserState state)
    {
        var update = Assert.IsType<UserUpdated>(_parser.Parse(UserNode, Read(name)));

        Assert.Equal(state, update.User.State);
        Assert.Null(update.User.ReasonCodeId);
        Assert.Null(update.User.ReasonCode);
        Assert.Null(update.User.PendingState);
        Assert.Equal("215194", update.User.LoginId);
        Assert.Null(update.RequestId);
        Assert.Equal(UserNode, update.Source);
        var contract = FinesseContractMapper.ToAgentState(update.User);
        Assert.Equal((UserStates.ToWire(state), null, null), (contract.State, contract.ReasonCode, contract.PendingState));
    }

    [Fact]
    public void A_ucce_supervisor_lists_roles_and_supervised_teams_and_a_reserved_agent_may_show_another_extension()
    {
        var supervisor = Assert.IsType<UserUpdated>(_parser.Parse(UserNode, Read("ucce-user-ready-supervisor.xml"))).User;
        var reserved = Assert.IsType<UserUpdated>(_parser.Parse(UserNode, Read("ucce-user-reserved.xml"))).User;

        Assert.True(supervisor.IsSupervisor);
        Assert.Equal(new TeamRef("5007", "IBE_SAD", "/finesse/api/Team/5007"), Assert.Single(supervisor.Teams));
        Assert.Equal(("5007", "IBE_SAD"), (supervisor.TeamId, supervisor.TeamName));
        Assert.Equal("REQUIRED", supervisor.Settings!.WrapUpOnIncoming);
        Assert.Equal("215063", reserved.Extension);
    }

    [Fact]
    public void A_ucce_inbound_call_has_the_agents_extension_as_dnis_and_the_service_number_as_dialed_number()
    {
        var update = Assert.IsType<DialogsUpdated>(_parser.Parse(DialogsNode, Read("ucce-dialogs-post-inbound-alerting.xml")));
        var dialog = Assert.Single(update.Dialogs);

        Assert.True(update.IsAdded);
        Assert.Equal(("215194", "8004456531", "8004456531"), (dialog.MediaProperties.Dnis, dialog.MediaProperties.DialedNumber, dialog.ToAddress));
        Assert.Equal("PREROUTE_ACD_IN", dialog.CallType);
        Assert.Null(dialog.SecondaryId);
        Assert.Null(dialog.MediaProperties.WrapUpReason);
        Assert.Null(dialog.MediaProperties.MediaId);

        var contract = FinesseContractMapper.ToDialog(dialog);
        Assert.Equal(("215194", "8004456531"), (contract.Dnis, contract.DialedNumber));
        Assert.Equal("214164", contract.CallVariables["callVariable3"]);
        Assert.Equal("BCS_VM_OPT1", contract.CallVariables["callVariable10"]);
        Assert.Equal(10, contract.CallVariables.Count);
        Assert.Equal(["user.microapp.UseVXMLParams", "user.microapp.error_code", "user.microapp.input_type", "user.microapp.media_server"],
            contract.EccVariables.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["ALERTING", "INITIATED"], contract.Participants.Select(p => p.State));
    }

    [Fact]
    public void A_ucce_call_in_wrap_up_keeps_the_customer_active_and_its_delete_carries_only_the_agent()
    {
        var wrap = Assert.IsType<DialogUpdated>(_parser.Parse(DialogsNode, Read("ucce-dialog-put-inbound-wrap-up.xml")));
        var deleted = Assert.IsType<DialogsUpdated>(_parser.Parse(DialogsNode, Read("ucce-dialogs-delete-inbound.xml")));

        Assert.Equal(DialogState.Active, wrap.Dialog.State);
        Assert.Equal(ParticipantState.WrapUp, wrap.Dialog.ParticipantFor("215194")!.State);
        Assert.Equal(["UPDATE_CALL_DATA"], wrap.Dialog.ParticipantFor("215194")!.Actions);
        Assert.False(FinesseContractMapper.AgentLeft(wrap.Dialog, "215194"));

        Assert.True(deleted.IsRemoved);
        var gone = Assert.Single(deleted.Dialogs);
        Assert.Equal(DialogState.Dropped, gone.State);
        Assert.Equal("215194", Assert.Single(gone.Participants).MediaAddress);
    }

    [Fact]
    public void A_ucce_outbound_call_names_its_number_only_once_dialled_and_an_abandoned_one_is_deleted_still_initiated()
    {
        var initiating = Assert.Single(Assert.IsType<DialogsUpdated>(_parser.Parse(DialogsNode, Read("ucce-dialogs-post-outbound-initiating.xml"))).Dialogs);
        var initiated = Assert.IsType<DialogUpdated>(_parser.Parse(DialogsNode, Read("ucce-dialog-put-outbound-initiated.xml"))).Dialog;
        var active = Assert.IsType<DialogUpdated>(_parser.Parse(DialogsNode, Read("ucce-dialog-put-outbound-active.xml"))).Dialog;
        var abandoned = Assert.IsType<DialogsUpdated>(_parser.Parse(DialogsNode, Read("ucce-dialogs-delete-outbound-abandoned.xml")));

        Assert.Equal((DialogState.Initiating, "AGENT_INSIDE", null, null, null), (initiating.State, initiating.CallType, initiating.ToAddress, initiating.MediaProperties.DialedNumber, initiating.MediaProperties.Dnis));
        Assert.Equal((DialogState.Initiated, "14695550194", "14695550194"), (initiated.State, initiated.ToAddress, initiated.MediaProperties.DialedNumber));
        Assert.Equal(("OUT", "14695550194"), (active.CallType, FinesseContractMapper.ToDialog(active).DialedNumber));
        Assert.Null(active.ParticipantFor("14695550194")!.MediaAddressType);

        Assert.True(abandoned.IsRemoved);
        var gone = Assert.Single(abandoned.Dialogs);
        Assert.Equal(DialogState.Initiated, gone.State);
        Assert.Equal(ParticipantState.Dropped, Assert.Single(gone.Participants).State);
    }

    [Fact]
    public void The_documented_user_of_a_supervisor_parses_every_element()
    {
        var user = FinesseXmlParser.ParseUser(Read("doc-user.xml"));

        Assert.True(user.IsSupervisor);
        Assert.Equal((16, "16", 10, "Team Meeting", false, true), (user.ReasonCodeId, user.ReasonCode!.Id, user.ReasonCode.Code, user.ReasonCode.Label, user.ReasonCode.SystemCode, user.ReasonCode.ForAll));
        Assert.Equal(UserState.NotReady, user.PendingState);
        Assert.Equal(new MobileAgent("CALL_BY_CALL", "4085551234"), user.MobileAgent);
        Assert.Equal("enabled", user.Settings!.DeviceSelection);
        Assert.Equal("6067", user.SkillTargetId);
        Assert.Equal("2001", Assert.Single(user.Teams).Id);
    }

    [Fact]
    public void The_documented_team_reads_member_summaries_with_a_lowercase_reason_code()
    {
        var team = FinesseXmlParser.ParseTeam(Read("doc-team.xml"));

        Assert.Equal(("34", "My Team"), (team.Id, team.Name));
        Assert.Equal(["1234", "1235"], team.Users.Select(u => u.LoginId));
        Assert.Equal(("Lunch Break", 12), (team.Users[1].ReasonCode!.Label, team.Users[1].ReasonCode!.Code));
    }

    [Fact]
    public void A_team_members_update_is_not_the_supervisors_own_user_but_the_members_own_is()
    {
        var update = Assert.IsType<UserUpdated>(_parser.Parse("/finesse/api/Team/34/Users", Read("doc-notif-team-user.xml")));

        Assert.Equal("/finesse/api/User/1235", update.Source);
        Assert.Equal(("1235", UserState.NotReady, "Team Meeting"), (update.User.LoginId, update.User.State, update.User.ReasonCode!.Label));
        Assert.False(FinesseContractMapper.IsOwnUser("1001001", update.Node, update.User));
        Assert.False(FinesseContractMapper.IsOwnUser("1235", update.Node, update.User));
        Assert.True(FinesseContractMapper.IsOwnUser("1235", "/finesse/api/User/1235", update.User));
    }

    [Fact]
    public void The_documented_user_notification_has_a_capital_root_and_no_request_id()
    {
        var update = Assert.IsType<UserUpdated>(_parser.Parse("/finesse/api/User/1001001", Read("doc-notif-user.xml")));

        Assert.Null(update.RequestId);
        Assert.Equal((UserState.Logout, null, null, 2), (update.User.State, update.User.Extension, update.User.StateChangeTime, update.User.ReasonCodeId));
        Assert.Equal("{id}", update.User.ReasonCode!.Id);
        Assert.True(FinesseContractMapper.IsOwnUser("1001001", update.Node, update.User));
    }

    [Fact]
    public void The_documented_12x_dialog_reads_queue_call_key_and_wrap_up_items()
    {
        var dialog = FinesseXmlParser.ParseDialog(Read("doc-dialog-12x.xml"));
        var mp = dialog.MediaProperties;

        Assert.Equal(("12345679", "/finesse/api/Dialog/321654"), (dialog.SecondaryId, dialog.AssociatedDialogUri));
        Assert.Equal(("5022", "UCM_PIM.Func.Agents.SG"), (mp.QueueNumber, mp.QueueName));
        Assert.Equal(("217", "1", "152018"), (mp.CallKeyCallId, mp.CallKeySequenceNum, mp.CallKeyPrefix));
        Assert.Equal(["Wrong number", "Satisfied Customer"], mp.WrapUpItems);
        Assert.Equal("Sales Call", mp.WrapUpReason);
        Assert.Equal("12345679", FinesseContractMapper.ToDialog(dialog).AssociatedDialogId);
    }
}
