using SiebelCti.Finesse.Model;
using SiebelCti.Finesse.Rest;
using SiebelCti.Finesse;

namespace SiebelCti.Integration.Tests.Finesse;

/// <summary>
/// Our Finesse REST client against the project's Finesse emulator: every user and dialog action, the
/// lists, failover and error mapping, observed through the client's own GETs.
/// </summary>
public sealed class FinesseClientEmulatorTests(EmulatorHost emulator) : IClassFixture<EmulatorHost>, IAsyncLifetime
{
    private static readonly FinesseCredentials Alice = EmulatorHost.Alice;
    private static readonly FinesseCredentials Bob = EmulatorHost.Bob;
    private readonly EmulatorHost _emulator = emulator;
    private FinesseRestClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _emulator.ControlAsync("/emulator/reset");
        _client = _emulator.Client();
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Sign_in_ready_not_ready_with_reason_and_logout_with_reason()
    {
        await _client.SignInAsync(Alice, "3001", cancellationToken: Ct);
        var signedIn = await _client.GetUserAsync(Alice, Ct);
        Assert.Equal((UserState.NotReady, "3001"), (signedIn.State, signedIn.Extension));

        await _client.SetReadyAsync(Alice, cancellationToken: Ct);
        Assert.Equal(UserState.Ready, (await _client.GetUserAsync(Alice, Ct)).State);

        var missing = await Assert.ThrowsAsync<FinesseRestException>(() => _client.SetNotReadyAsync(Alice, cancellationToken: Ct));
        Assert.Equal(FinesseErrorCode.FinesseReasonCodeRequired, missing.Code);

        await _client.SetNotReadyAsync(Alice, 1, cancellationToken: Ct);
        var notReady = await _client.GetUserAsync(Alice, Ct);
        Assert.Equal((UserState.NotReady, 1, "Break", 10), (notReady.State, notReady.ReasonCodeId, notReady.ReasonCode?.Label, notReady.ReasonCode?.Code));

        await _client.LogoutAsync(Alice, 4, cancellationToken: Ct);
        Assert.Equal(UserState.Logout, (await _client.GetUserAsync(Alice, Ct)).State);
    }

    [Fact]
    public async Task Work_state_request_is_accepted_but_refused_asynchronously_as_finesse_does()
    {
        await _client.SignInAsync(Alice, "3001", cancellationToken: Ct);

        var accepted = await _client.SetStateAsync(Alice, UserState.Work, requestId: "work-1", cancellationToken: Ct);

        Assert.Equal(("work-1", 202), (accepted.RequestId, accepted.HttpStatus));
        Assert.Equal(UserState.NotReady, (await _client.GetUserAsync(Alice, Ct)).State); // the Invalid State error arrives as a notification
    }

    [Fact]
    public async Task Inbound_call_answer_hold_retrieve_dtmf_call_data_wrap_up_and_drop()
    {
        await _client.SignInAsync(Alice, "3001", cancellationToken: Ct);
        await _client.SetReadyAsync(Alice, cancellationToken: Ct);
        var id = await _emulator.OfferCallAsync("3001", new Dictionary<string, string> { ["callVariable1"] = "ACC-1" });

        var ringing = Assert.Single(await _client.GetDialogsAsync(Alice, Ct));
        Assert.Equal((id, DialogState.Alerting, "ACC-1"), (ringing.Id, ringing.State, ringing.MediaProperties.CallVariable(1)));
        Assert.True(ringing.ParticipantFor("3001")!.Allows(DialogAction.Answer));

        await _client.AnswerAsync(Alice, id, "3001", cancellationToken: Ct);
        var active = await _client.GetDialogAsync(Alice, id, Ct);
        Assert.Equal(ParticipantState.Active, active.ParticipantFor("3001")!.State);
        Assert.Equal(UserState.Talking, (await _client.GetUserAsync(Alice, Ct)).State);

        await _client.HoldAsync(Alice, id, "3001", cancellationToken: Ct);
        Assert.Equal(ParticipantState.Held, (await _client.GetDialogAsync(Alice, id, Ct)).ParticipantFor("3001")!.State);
        await _client.RetrieveAsync(Alice, id, "3001", cancellationToken: Ct);
        Assert.Equal(ParticipantState.Active, (await _client.GetDialogAsync(Alice, id, Ct)).ParticipantFor("3001")!.State);

        await _client.SendDtmfAsync(Alice, id, "3001", "12#", cancellationToken: Ct);
        Assert.Contains("12#", await _emulator.StateXmlAsync(), StringComparison.Ordinal);

        await _client.UpdateCallDataAsync(Alice, id, [new("callVariable2", "x & y"), new("user.tier", "gold")], cancellationToken: Ct);
        await _client.SetWrapUpReasonAsync(Alice, id, "Sale", cancellationToken: Ct);
        var data = (await _client.GetDialogAsync(Alice, id, Ct)).MediaProperties;
        Assert.Equal(("x & y", "gold", "Sale"), (data.CallVariable(2), data.EccVariables.Single(v => v.Name == "user.tier").Value, data.WrapUpReason));

        await _client.DropAsync(Alice, id, "3001", cancellationToken: Ct);
        Assert.Empty(await _client.GetDialogsAsync(Alice, Ct));
        var gone = await Assert.ThrowsAsync<FinesseRestException>(() => _client.GetDialogAsync(Alice, id, Ct));
        Assert.Equal(FinesseErrorCode.FinesseNotFound, gone.Code);
    }

    [Fact]
    public async Task Make_call_then_consult_and_transfer_to_another_agent()
    {
        await _client.SignInAsync(Alice, "3001", cancellationToken: Ct);
        await _client.SignInAsync(Bob, "3002", cancellationToken: Ct);
        await _client.MakeCallAsync(Alice, "3001", "0611111111", [new("callVariable1", "ACC-9")], cancellationToken: Ct);
        var dialing = Assert.Single(await _client.GetDialogsAsync(Alice, Ct));
        _emulator.Time.Advance(TimeSpan.FromSeconds(2));
        var original = await _client.GetDialogAsync(Alice, dialing.Id!, Ct);
        Assert.Equal((DialogState.Active, "OUT"), (original.State, original.CallType));

        await _client.ConsultCallAsync(Alice, original.Id!, "3001", "3002", cancellationToken: Ct);
        var consultAtBob = Assert.Single(await _client.GetDialogsAsync(Bob, Ct));
        Assert.Equal("CONSULT", consultAtBob.CallType);
        await _client.AnswerAsync(Bob, consultAtBob.Id!, "3002", cancellationToken: Ct);
        var held = await _client.GetDialogAsync(Alice, original.Id!, Ct);
        Assert.True(held.ParticipantFor("3001")!.Allows(DialogAction.Transfer));

        await _client.TransferAsync(Alice, original.Id!, "3001", cancellationToken: Ct);

        Assert.Empty(await _client.GetDialogsAsync(Alice, Ct));
        var survivor = Assert.Single(await _client.GetDialogsAsync(Bob, Ct));
        Assert.Equal((original.Id, "TRANSFER", consultAtBob.Id), (survivor.Id, survivor.CallType, survivor.SecondaryId));
        Assert.Equal("ACC-9", survivor.MediaProperties.CallVariable(1));
    }

    [Fact]
    public async Task Consult_and_conference_keeps_three_parties()
    {
        await _client.SignInAsync(Alice, "3001", cancellationToken: Ct);
        await _client.SetReadyAsync(Alice, cancellationToken: Ct);
        await _client.SignInAsync(Bob, "3002", cancellationToken: Ct);
        var id = await _emulator.OfferCallAsync("3001");
        await _client.AnswerAsync(Alice, id, "3001", cancellationToken: Ct);

        await _client.ConsultCallAsync(Alice, id, "3001", "3002", cancellationToken: Ct);
        var consult = Assert.Single(await _client.GetDialogsAsync(Bob, Ct));
        await _client.AnswerAsync(Bob, consult.Id!, "3002", cancellationToken: Ct);
        await _client.ConferenceAsync(Alice, id, "3001", cancellationToken: Ct);

        var conference = Assert.Single(await _client.GetDialogsAsync(Alice, Ct));
        Assert.Equal((id, "CONFERENCE", 3), (conference.Id, conference.CallType, conference.Participants.Count));
        Assert.All(conference.Participants, p => Assert.Equal(ParticipantState.Active, p.State));
    }

    [Fact]
    public async Task Single_step_transfer_hands_the_call_to_another_agent()
    {
        await _client.SignInAsync(Alice, "3001", cancellationToken: Ct);
        await _client.SetReadyAsync(Alice, cancellationToken: Ct);
        await _client.SignInAsync(Bob, "3002", cancellationToken: Ct);
        var id = await _emulator.OfferCallAsync("3001");
        await _client.AnswerAsync(Alice, id, "3001", cancellationToken: Ct);

        await _client.SingleStepTransferAsync(Alice, id, "3001", "3002", cancellationToken: Ct);

        Assert.Empty(await _client.GetDialogsAsync(Alice, Ct));
        var atBob = Assert.Single(await _client.GetDialogsAsync(Bob, Ct));
        Assert.Equal(ParticipantState.Alerting, atBob.ParticipantFor("3002")!.State);
    }

    [Fact]
    public async Task Reason_codes_wrap_up_reasons_team_and_system_info()
    {
        var notReady = await _client.GetReasonCodesAsync(Alice, ReasonCodeCategory.NotReady, Ct);
        var logout = await _client.GetReasonCodesAsync(Alice, ReasonCodeCategory.Logout, Ct);
        var wrapUps = await _client.GetWrapUpReasonsAsync(Alice, Ct);
        var team = await _client.GetTeamAsync(Alice, "10", Ct);
        var info = await _client.GetSystemInfoAsync(null, Ct);

        Assert.Equal(("1", 10, "Break"), (notReady.Items.Single().Id, notReady.Items.Single().Code, notReady.Items.Single().Label));
        Assert.Equal("4", logout.Items.Single().Id);
        Assert.Equal("Sale", wrapUps.Single().Label);
        Assert.Equal(["5001", "5002"], team.Users.Select(u => u.LoginId).Order());
        Assert.Equal((SystemStatus.InService, DeploymentType.Ucce, "side-a.test", "side-b.test"),
            (info.Status, info.DeploymentType, info.PrimaryNode?.Host, info.SecondaryNode?.Host));
        Assert.Equal("pubsub.finesse.test", info.XmppPubSubDomain);
    }

    [Fact]
    public async Task Failover_moves_the_client_to_side_b_and_back()
    {
        using var client = _emulator.Client(withSideB: true);
        await client.SignInAsync(Alice, "3001", cancellationToken: Ct);
        Assert.Equal(FinesseSide.A, client.ActiveSide);

        await _emulator.ControlAsync("/emulator/failover");
        var accepted = await client.SetReadyAsync(Alice, cancellationToken: Ct);
        Assert.Equal(FinesseSide.B, accepted.Side);
        Assert.Equal(FinesseSide.B, client.ActiveSide);
        Assert.Equal(UserState.Ready, (await client.GetUserAsync(Alice, Ct)).State); // shared state on both sides

        await _emulator.ControlAsync("/emulator/sides/A/inService");
        await _emulator.ControlAsync("/emulator/sides/B/outOfService?reason=MAINT");
        var info = await client.GetSystemInfoAsync(Alice, Ct);
        Assert.Equal(SystemStatus.InService, info.Status);
        Assert.Equal(FinesseSide.A, client.ActiveSide);
    }

    [Fact]
    public async Task Single_side_out_of_service_is_reported()
    {
        await _emulator.ControlAsync("/emulator/sides/A/outOfService?reason=MAINT");

        var ex = await Assert.ThrowsAsync<FinesseRestException>(() => _client.GetUserAsync(Alice, Ct));
        var info = await _client.GetSystemInfoAsync(null, Ct);

        Assert.Equal((FinesseErrorCode.FinesseOutOfService, 503), (ex.Code, ex.HttpStatus));
        Assert.Equal(SystemStatus.OutOfService, info.Status);
    }

    [Fact]
    public async Task Finesse_errors_map_to_stable_codes()
    {
        var wrongPassword = await Assert.ThrowsAsync<FinesseRestException>(() => _client.GetUserAsync(new FinesseCredentials("5001", "nope"), Ct));
        var otherUser = await Assert.ThrowsAsync<FinesseRestException>(() => _client.GetUserAsync(new FinesseCredentials("5002", "pw-alice") { AuthName = "5001" }, Ct));
        await _client.SignInAsync(Alice, "3001", cancellationToken: Ct);
        var ownNumber = await Assert.ThrowsAsync<FinesseRestException>(() => _client.MakeCallAsync(Alice, "3001", "3001", cancellationToken: Ct));
        var unknownDialog = await Assert.ThrowsAsync<FinesseRestException>(() => _client.HoldAsync(Alice, "99999999", "3001", cancellationToken: Ct));

        Assert.Equal(FinesseErrorCode.FinesseUnauthorized, wrongPassword.Code);
        Assert.Equal(FinesseErrorCode.FinesseWrongUser, otherUser.Code);
        Assert.Equal(FinesseErrorCode.FinesseInvalidDestination, ownNumber.Code);
        Assert.Equal(FinesseErrorCode.FinesseNotFound, unknownDialog.Code);
        Assert.DoesNotContain("pw-alice", otherUser.ToString(), StringComparison.Ordinal);
    }
}
