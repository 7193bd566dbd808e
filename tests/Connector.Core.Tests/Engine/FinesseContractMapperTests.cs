using SiebelCti.Finesse.Tests;
using SiebelCti.Connector.Engine.Adapters;
using SiebelCti.Finesse.Xml;

namespace SiebelCti.Connector.Core.Tests.Engine;

public sealed class FinesseContractMapperTests
{
    [Fact]
    public void A_not_ready_user_maps_to_its_reason_code_number_and_label()
    {
        var state = FinesseContractMapper.ToAgentState(FinesseXmlParser.ParseUser(Samples.Read("user-not-ready-reason.xml")));

        Assert.Equal("NOT_READY", state.State);
        Assert.Equal("12", state.ReasonCode);
        Assert.Equal("Lunch", state.ReasonCodeLabel);
        Assert.Null(state.PendingState);
        Assert.Equal("3002", state.Extension);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 9, 15, 42, 123, TimeSpan.Zero), state.StateChangeTime);
    }

    [Fact]
    public void A_talking_user_with_a_pending_state_keeps_it()
    {
        var state = FinesseContractMapper.ToAgentState(FinesseXmlParser.ParseUser(Samples.Read("user-talking-pending.xml")));

        Assert.Equal("TALKING", state.State);
        Assert.False(string.IsNullOrEmpty(state.PendingState));
    }

    [Fact]
    public void An_alerting_dialog_maps_call_variables_and_ecc_variables_apart_with_values_unchanged()
    {
        var dialog = FinesseContractMapper.ToDialog(FinesseXmlParser.ParseDialog(Samples.Read("dialog-inbound-alerting.xml")));

        Assert.Equal("16817090", dialog.Id);
        Assert.Equal("ALERTING", dialog.State);
        Assert.Equal(("915551234", "3001"), (dialog.FromAddress, dialog.ToAddress));
        Assert.Equal("ACC-42", dialog.CallVariables["callVariable1"]);
        Assert.Equal("Gold, \"VIP\" & more", dialog.CallVariables["callVariable2"]);
        Assert.Equal("  padded  ", dialog.CallVariables["callVariable10"]);
        Assert.Equal("platinum", dialog.EccVariables["user.CustomerTier"]);
        Assert.Equal("77-1", dialog.EccVariables["user.Account[2]"]);
        Assert.DoesNotContain(dialog.CallVariables.Keys, k => k.StartsWith("user.", StringComparison.Ordinal));
        var agent = Assert.Single(dialog.Participants, p => p.Address == "3001");
        Assert.Equal("ALERTING", agent.State);
        Assert.Contains("ANSWER", agent.Actions);
    }

    [Fact]
    public void The_agent_has_left_a_dialog_only_when_its_own_participant_dropped()
    {
        var alerting = FinesseXmlParser.ParseDialog(Samples.Read("dialog-inbound-alerting.xml"));
        var dropped = alerting with
        {
            Participants = [.. alerting.Participants.Select(p => p.MediaAddress == "3001" ? p with { State = SiebelCti.Finesse.Model.ParticipantState.Dropped } : p)],
        };

        Assert.False(FinesseContractMapper.AgentLeft(alerting, "3001"));
        Assert.True(FinesseContractMapper.AgentLeft(dropped, "3001"));
        Assert.False(FinesseContractMapper.AgentLeft(dropped, null));
    }

    [Theory]
    [InlineData("5001", "/finesse/api/User/5001", "5001", true)]
    [InlineData("5001", "/finesse/api/user/5001/", "5001", true)]
    [InlineData("5001", "/finesse/api/User/5001/Dialogs", "5001", false)]
    [InlineData("5003", "/finesse/api/Team/10/Users", "5002", false)]
    [InlineData("5003", "/finesse/api/Team/10/Users", "5003", false)]
    [InlineData("5003", "/finesse/api/User/50031", "50031", false)]
    [InlineData("5003", null, "5003", true)]
    [InlineData("5003", "", "5002", false)]
    [InlineData("5003", null, null, false)]
    public void A_user_update_is_the_agents_own_only_on_its_own_user_node_or_without_a_node_by_login_id(string agentId, string? node, string? loginId, bool own)
    {
        var user = new SiebelCti.Finesse.Model.User { LoginId = loginId, State = SiebelCti.Finesse.Model.UserState.Ready };

        Assert.Equal(own, FinesseContractMapper.IsOwnUser(agentId, node, user));
    }

    [Fact]
    public void A_dialog_maps_dnis_and_the_dialed_number_apart()
    {
        var parsed = FinesseXmlParser.ParseDialog(Samples.Read("dialog-inbound-alerting.xml"));
        var dialog = FinesseContractMapper.ToDialog(parsed);

        Assert.Equal(parsed.MediaProperties.Dnis, dialog.Dnis);
        Assert.Equal(parsed.MediaProperties.DialedNumber, dialog.DialedNumber);
    }
}
