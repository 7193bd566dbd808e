using SiebelCti.Connector.Engine.Adapters;
using SiebelCti.Connector.Engine.Ports;
using SiebelCti.Finesse.Tests;
using SiebelCti.Finesse;
using SiebelCti.Finesse.Model;

namespace SiebelCti.Connector.Core.Tests.Engine;

/// <summary>The engine's REST port (Engine/Adapters/FinesseRestGateway) against the loopback Finesse double.</summary>
public sealed class FinesseGatewayTests : LoopbackFinesseTest
{
    private static readonly AgentCredentials Alice = new("5001", "pw");
    private FinesseRestGateway _gateway = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _gateway = new FinesseRestGateway(Client);
    }

    [Fact]
    public async Task Agent_state_maps_reason_code_number_and_label()
    {
        Server.Responder = _ => FakeResponse.Xml(Samples.Read("user-talking-pending.xml"));

        var state = await _gateway.GetAgentStateAsync(Alice, Ct);

        Assert.Equal("TALKING", state.State);
        Assert.Equal("NOT_READY", state.PendingState);
        Assert.Equal("13", state.ReasonCode);
        Assert.Equal("Meeting", state.ReasonCodeLabel);
        Assert.Equal("3003", state.Extension);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 10, 1, 2, 3, TimeSpan.Zero), state.StateChangeTime);
    }

    [Fact]
    public async Task Dialogs_map_call_and_ecc_variables_separately()
    {
        Server.Responder = _ => FakeResponse.Xml("<Dialogs>" + Samples.Read("dialog-inbound-alerting.xml") + "</Dialogs>");

        var dialog = Assert.Single(await _gateway.GetDialogsAsync(Alice, Ct));

        Assert.Equal("16817090", dialog.Id);
        Assert.Equal("ALERTING", dialog.State);
        Assert.Equal("PREROUTE_ACD_IN", dialog.CallType);
        Assert.Equal("915551234", dialog.FromAddress);
        Assert.Equal("8001", dialog.Dnis);
        Assert.Equal(10, dialog.CallVariables.Count);
        Assert.Equal("ACC-42", dialog.CallVariables["callVariable1"]);
        Assert.Equal("", dialog.CallVariables["callVariable5"]);
        Assert.Equal(new Dictionary<string, string> { ["user.CustomerTier"] = "platinum", ["user.Account[2]"] = "77-1" }, dialog.EccVariables);
        Assert.Equal(["ANSWER"], dialog.Participants.Single(p => p.Address == "3001").Actions);
        Assert.Equal("INITIATED", dialog.Participants.Single(p => p.Address == "915551234").State);
    }

    [Fact]
    public async Task State_change_with_reason_code_id_and_actions_reach_finesse()
    {
        await _gateway.ChangeStateAsync(Alice, UserState.NotReady, "16", "r1", Ct);
        await _gateway.SignInAsync(Alice, "3001", "r2", Ct);
        await _gateway.MakeCallAsync(Alice, "3001", "3002", "r3", Ct);
        await _gateway.DialogActionAsync(Alice, new DialogActionRequest("77", DialogAction.ConsultCall, "3001", ToAddress: "3002"), "r4", Ct);
        await _gateway.DialogActionAsync(Alice, new DialogActionRequest("77", DialogAction.SendDtmf, "3001", Digits: "9#"), "r5", Ct);
        await _gateway.UpdateCallDataAsync(
            Alice, "77",
            new CallDataUpdate(new Dictionary<string, string> { ["callVariable2"] = "v2" }, new Dictionary<string, string> { ["user.x"] = "y" }, "Sale"),
            "r6", Ct);

        var requests = Server.Requests.ToArray();
        Assert.Equal(["r1", "r2", "r3", "r4", "r5", "r6"], requests.Select(r => r.RequestId));
        Assert.Equal("<User><state>NOT_READY</state><reasonCodeId>16</reasonCodeId></User>", requests[0].Body);
        Assert.Equal("<User><state>LOGIN</state><extension>3001</extension></User>", requests[1].Body);
        Assert.Equal("/finesse/api/User/5001/Dialogs", requests[2].Path);
        Assert.Contains("<toAddress>3002</toAddress>", requests[3].Body, StringComparison.Ordinal);
        Assert.Contains("<value>9#</value>", requests[4].Body, StringComparison.Ordinal);
        Assert.Equal(
            "<Dialog><requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><wrapUpReason>Sale</wrapUpReason><callvariables>" +
            "<CallVariable><name>callVariable2</name><value>v2</value></CallVariable><CallVariable><name>user.x</name><value>y</value></CallVariable>" +
            "</callvariables></mediaProperties></Dialog>",
            requests[5].Body);
    }

    [Fact]
    public async Task Reason_codes_and_wrap_up_reasons_map_to_contract_entries()
    {
        Server.Responder = r => r.Path.EndsWith("/WrapUpReasons", StringComparison.Ordinal)
            ? FakeResponse.Xml(Samples.Read("wrapupreasons.xml"))
            : FakeResponse.Xml(Samples.Read("reasoncodes-not-ready.xml"));

        var codes = await _gateway.GetReasonCodesAsync(Alice, "NOT_READY", Ct);
        var wrapUps = await _gateway.GetWrapUpReasonsAsync(Alice, Ct);

        Assert.Equal(new SiebelCti.Connector.Contract.ReasonCodeEntry("16", "12", "Lunch", "NOT_READY"), codes[0]);
        Assert.Equal("Meeting & Training", codes[1].Label);
        Assert.Equal([new SiebelCti.Connector.Contract.WrapUpReasonEntry("Sale", "1"), new SiebelCti.Connector.Contract.WrapUpReasonEntry("Complaint", "2")], wrapUps);
    }

    [Fact]
    public async Task Finesse_failures_become_gateway_exceptions_with_the_same_code()
    {
        Server.Responder = _ => FakeResponse.ApiError(400, "Invalid State", "no");

        var finesse = await Assert.ThrowsAsync<FinesseGatewayException>(() => _gateway.ChangeStateAsync(Alice, UserState.Ready, null, "r", Ct));
        var badReason = await Assert.ThrowsAsync<FinesseGatewayException>(() => _gateway.ChangeStateAsync(Alice, UserState.NotReady, "lunch", "r", Ct));
        var badState = await Assert.ThrowsAsync<FinesseGatewayException>(() => _gateway.ChangeStateAsync(Alice, UserState.Talking, null, "r", Ct));
        var badAction = await Assert.ThrowsAsync<FinesseGatewayException>(() => _gateway.DialogActionAsync(Alice, new DialogActionRequest("1", DialogAction.MakeCall, "3001"), "r", Ct));
        var noTarget = await Assert.ThrowsAsync<FinesseGatewayException>(() => _gateway.DialogActionAsync(Alice, new DialogActionRequest("1", DialogAction.TransferSst, "3001"), "r", Ct));
        var badCategory = await Assert.ThrowsAsync<FinesseGatewayException>(() => _gateway.GetReasonCodesAsync(Alice, "BREAK", Ct));

        Assert.Equal(FinesseErrorCode.FinesseInvalidState, finesse.Code);
        Assert.All([badReason, badState, badAction, noTarget, badCategory], e => Assert.Equal(FinesseErrorCode.FinesseInvalidArgument, e.Code));
        Assert.Single(Server.Requests);
    }
}
