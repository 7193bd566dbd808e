using System.Text;
using Microsoft.Extensions.Logging;
using SiebelCti.Finesse.Model;
using SiebelCti.Finesse.Rest;

namespace SiebelCti.Finesse.Tests;

/// <summary>The REST client against a real loopback HTTPS server that answers like Finesse.</summary>
public sealed class FinesseRestClientTests : LoopbackFinesseTest
{
    private const string Password = "Pa55-w0rd!";
    private static readonly FinesseCredentials Alice = new("5001", Password);
    private static readonly string AliceBasic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("5001:" + Password));
    [Fact]
    public async Task Get_user_sends_basic_auth_and_parses_the_answer()
    {
        Server.Responder = _ => FakeResponse.Xml(Samples.Read("user-not-ready-reason.xml"));

        var user = await Client.GetUserAsync(Alice, Ct);

        Assert.Equal(UserState.NotReady, user.State);
        Assert.Equal("Lunch", user.ReasonCode!.Label);
        var request = Assert.Single(Server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/finesse/api/User/5001", request.Path);
        Assert.Equal(AliceBasic, request.Authorization);
        Assert.Null(request.RequestId);
        Assert.Equal(FinesseSide.A, Client.ActiveSide);
    }

    [Fact]
    public async Task Get_system_info_dialogs_reason_codes_wrap_up_reasons_and_team()
    {
        Server.Responder = r => r.Path switch
        {
            "/finesse/api/SystemInfo" => FakeResponse.Xml(Samples.Read("systeminfo.xml")),
            "/finesse/api/User/5001/Dialogs" => FakeResponse.Xml(Samples.Read("dialogs-consult.xml")),
            "/finesse/api/User/5001/ReasonCodes" => FakeResponse.Xml(Samples.Read("reasoncodes-not-ready.xml")),
            "/finesse/api/User/5001/WrapUpReasons" => FakeResponse.Xml(Samples.Read("wrapupreasons.xml")),
            "/finesse/api/Team/10" => FakeResponse.Xml(Samples.Read("team.xml")),
            "/finesse/api/Dialog/18396595" => FakeResponse.Xml(Samples.Read("dialog-conference.xml")),
            _ => FakeResponse.ApiError(404, "Not Found", "no such resource"),
        };

        var info = await Client.GetSystemInfoAsync(Alice, Ct);
        var dialogs = await Client.GetDialogsAsync(Alice, Ct);
        var reasons = await Client.GetReasonCodesAsync(Alice, ReasonCodeCategory.NotReady, Ct);
        var wrapUps = await Client.GetWrapUpReasonsAsync(Alice, Ct);
        var team = await Client.GetTeamAsync(Alice, "10", Ct);
        var dialog = await Client.GetDialogAsync(Alice, "18396595", Ct);

        Assert.Equal(SystemStatus.InService, info.Status);
        Assert.Equal(2, dialogs.Count);
        Assert.Equal(["Lunch", "Meeting & Training"], reasons.Items.Select(r => r.Label));
        Assert.Equal(["Sale", "Complaint"], wrapUps.Select(w => w.Label));
        Assert.Equal("Sales", team.Name);
        Assert.Equal("18396600", dialog.SecondaryId);
        var reasonRequest = Server.Requests.Single(r => r.Path.EndsWith("/ReasonCodes", StringComparison.Ordinal));
        Assert.Equal("?category=NOT_READY", reasonRequest.Query);
        Assert.All(Server.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task Logout_reason_codes_use_theLogout_category()
    {
        Server.Responder = _ => FakeResponse.Xml(Samples.Read("reasoncodes-logout-empty.xml"));

        var reasons = await Client.GetReasonCodesAsync(Alice, ReasonCodeCategory.Logout, Ct);

        Assert.Empty(reasons.Items);
        Assert.Equal("?category=LOGOUT", Assert.Single(Server.Requests).Query);
    }

    [Fact]
    public async Task Empty_dialogs_collection()
    {
        Server.Responder = _ => FakeResponse.Xml("<Dialogs/>");

        Assert.Empty(await Client.GetDialogsAsync(Alice, Ct));
    }

    public static TheoryData<string, string, string, string> UserStateRequests => new()
    {
        { "signin", "PUT", "/finesse/api/User/5001", "<User><state>LOGIN</state><extension>3001</extension></User>" },
        { "ready", "PUT", "/finesse/api/User/5001", "<User><state>READY</state></User>" },
        { "notready", "PUT", "/finesse/api/User/5001", "<User><state>NOT_READY</state></User>" },
        { "notready16", "PUT", "/finesse/api/User/5001", "<User><state>NOT_READY</state><reasonCodeId>16</reasonCodeId></User>" },
        { "logout", "PUT", "/finesse/api/User/5001", "<User><state>LOGOUT</state></User>" },
        { "logout21", "PUT", "/finesse/api/User/5001", "<User><state>LOGOUT</state><reasonCodeId>21</reasonCodeId></User>" },
        { "work", "PUT", "/finesse/api/User/5001", "<User><state>WORK</state></User>" },
        { "workready", "PUT", "/finesse/api/User/5001", "<User><state>WORK_READY</state></User>" },
        { "makecall", "POST", "/finesse/api/User/5001/Dialogs", "<Dialog><requestedAction>MAKE_CALL</requestedAction><fromAddress>3001</fromAddress><toAddress>915551234</toAddress></Dialog>" },
        { "makecallvars", "POST", "/finesse/api/User/5001/Dialogs", "<Dialog><requestedAction>MAKE_CALL</requestedAction><fromAddress>3001</fromAddress><toAddress>915551234</toAddress><mediaProperties><callvariables><CallVariable><name>callVariable1</name><value>ACC-42</value></CallVariable><CallVariable><name>user.Tier</name><value>gold</value></CallVariable></callvariables></mediaProperties></Dialog>" },
        { "answer", "PUT", "/finesse/api/Dialog/16817090", "<Dialog><requestedAction>ANSWER</requestedAction><targetMediaAddress>3001</targetMediaAddress></Dialog>" },
        { "hold", "PUT", "/finesse/api/Dialog/16817090", "<Dialog><requestedAction>HOLD</requestedAction><targetMediaAddress>3001</targetMediaAddress></Dialog>" },
        { "retrieve", "PUT", "/finesse/api/Dialog/16817090", "<Dialog><requestedAction>RETRIEVE</requestedAction><targetMediaAddress>3001</targetMediaAddress></Dialog>" },
        { "drop", "PUT", "/finesse/api/Dialog/16817090", "<Dialog><requestedAction>DROP</requestedAction><targetMediaAddress>3001</targetMediaAddress></Dialog>" },
        { "consult", "PUT", "/finesse/api/Dialog/16817090", "<Dialog><requestedAction>CONSULT_CALL</requestedAction><targetMediaAddress>3001</targetMediaAddress><toAddress>3002</toAddress></Dialog>" },
        { "transfer", "PUT", "/finesse/api/Dialog/16817090", "<Dialog><requestedAction>TRANSFER</requestedAction><targetMediaAddress>3001</targetMediaAddress></Dialog>" },
        { "conference", "PUT", "/finesse/api/Dialog/16817090", "<Dialog><requestedAction>CONFERENCE</requestedAction><targetMediaAddress>3001</targetMediaAddress></Dialog>" },
        { "sst", "PUT", "/finesse/api/Dialog/16817090", "<Dialog><requestedAction>TRANSFER_SST</requestedAction><targetMediaAddress>3001</targetMediaAddress><toAddress>3003</toAddress></Dialog>" },
        { "dtmf", "PUT", "/finesse/api/Dialog/16817090", "<Dialog><requestedAction>SEND_DTMF</requestedAction><targetMediaAddress>3001</targetMediaAddress><actionParams><ActionParam><name>dtmfString</name><value>12*#A</value></ActionParam></actionParams></Dialog>" },
        { "calldata", "PUT", "/finesse/api/Dialog/16817090", "<Dialog><requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><callvariables><CallVariable><name>callVariable3</name><value>x &amp; y</value></CallVariable><CallVariable><name>user.Note</name><value></value></CallVariable></callvariables></mediaProperties></Dialog>" },
        { "wrapup", "PUT", "/finesse/api/Dialog/16817090", "<Dialog><requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><wrapUpReason>Sale</wrapUpReason></mediaProperties></Dialog>" },
    };

    [Theory]
    [MemberData(nameof(UserStateRequests))]
    public async Task Every_action_sends_the_documented_method_path_and_body(string action, string method, string path, string body)
    {
        const string dialog = "16817090";
        var requestId = "req-" + action;
        var accepted = action switch
        {
            "signin" => await Client.SignInAsync(Alice, "3001", requestId, Ct),
            "ready" => await Client.SetReadyAsync(Alice, requestId, Ct),
            "notready" => await Client.SetNotReadyAsync(Alice, null, requestId, Ct),
            "notready16" => await Client.SetNotReadyAsync(Alice, 16, requestId, Ct),
            "logout" => await Client.LogoutAsync(Alice, null, requestId, Ct),
            "logout21" => await Client.LogoutAsync(Alice, 21, requestId, Ct),
            "work" => await Client.SetStateAsync(Alice, UserState.Work, null, requestId, Ct),
            "workready" => await Client.SetStateAsync(Alice, UserState.WorkReady, null, requestId, Ct),
            "makecall" => await Client.MakeCallAsync(Alice, "3001", "915551234", null, requestId, Ct),
            "makecallvars" => await Client.MakeCallAsync(Alice, "3001", "915551234", [new("callVariable1", "ACC-42"), new("user.Tier", "gold")], requestId, Ct),
            "answer" => await Client.AnswerAsync(Alice, dialog, "3001", requestId, Ct),
            "hold" => await Client.HoldAsync(Alice, dialog, "3001", requestId, Ct),
            "retrieve" => await Client.RetrieveAsync(Alice, dialog, "3001", requestId, Ct),
            "drop" => await Client.DropAsync(Alice, dialog, "3001", requestId, Ct),
            "consult" => await Client.ConsultCallAsync(Alice, dialog, "3001", "3002", requestId, Ct),
            "transfer" => await Client.TransferAsync(Alice, dialog, "3001", requestId, Ct),
            "conference" => await Client.ConferenceAsync(Alice, dialog, "3001", requestId, Ct),
            "sst" => await Client.SingleStepTransferAsync(Alice, dialog, "3001", "3003", requestId, Ct),
            "dtmf" => await Client.SendDtmfAsync(Alice, dialog, "3001", "12*#A", requestId, Ct),
            "calldata" => await Client.UpdateCallDataAsync(Alice, dialog, [new("callVariable3", "x & y"), new("user.Note", "")], null, requestId, Ct),
            "wrapup" => await Client.SetWrapUpReasonAsync(Alice, dialog, "Sale", requestId, Ct),
            _ => throw new InvalidOperationException(action),
        };

        Assert.Equal(new FinesseAccepted(requestId, FinesseSide.A, 202), accepted);
        var request = Assert.Single(Server.Requests);
        Assert.Equal(method, request.Method);
        Assert.Equal(path, request.Path);
        Assert.Equal(body, request.Body);
        Assert.Equal("application/xml", request.ContentType);
        Assert.Equal(AliceBasic, request.Authorization);
        Assert.Equal(requestId, request.RequestId);
    }

    [Fact]
    public async Task A_request_id_is_generated_when_none_is_given()
    {
        var accepted = await Client.SetReadyAsync(Alice, cancellationToken: Ct);

        Assert.True(Guid.TryParse(accepted.RequestId, out _));
        Assert.Equal(accepted.RequestId, Assert.Single(Server.Requests).RequestId);
    }

    [Fact]
    public async Task Reason_code_required_maps_to_its_own_code_with_api_errors()
    {
        Server.Responder = _ => FakeResponse.Xml(Samples.Read("apierrors-reason-required.xml"), 400);

        var ex = await Assert.ThrowsAsync<FinesseRestException>(() => Client.SetNotReadyAsync(Alice, null, "r1", Ct));

        Assert.Equal(FinesseErrorCode.FinesseReasonCodeRequired, ex.Code);
        Assert.Equal(400, ex.HttpStatus);
        Assert.Equal("r1", ex.RequestId);
        Assert.Equal(FinesseSide.A, ex.Side);
        Assert.Equal("Parameter Missing", Assert.Single(ex.ApiErrors).ErrorType);
        Assert.Contains("Parameter Missing", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, "Invalid Authorization User Specified", FinesseErrorCode.FinesseWrongUser)]
    [InlineData(401, "Authorization Failure", FinesseErrorCode.FinesseUnauthorized)]
    [InlineData(400, "Invalid State", FinesseErrorCode.FinesseInvalidState)]
    [InlineData(400, "Invalid Destination", FinesseErrorCode.FinesseInvalidDestination)]
    [InlineData(404, "Dialog Not Found", FinesseErrorCode.FinesseNotFound)]
    [InlineData(404, "User Not Found", FinesseErrorCode.FinesseUserNotFound)]
    [InlineData(500, "Internal Server Error", FinesseErrorCode.FinesseServerError)]
    [InlineData(501, "Not Implemented", FinesseErrorCode.FinesseNotImplemented)]
    public async Task Finesse_errors_map_to_stable_codes_and_never_leak_the_password(int status, string type, string code)
    {
        Server.Responder = _ => FakeResponse.ApiError(status, type, "detail text", "4023");

        var ex = await Assert.ThrowsAsync<FinesseRestException>(() => Client.HoldAsync(Alice, "77", "3001", null, Ct));

        Assert.Equal(code, ex.Code);
        Assert.Equal(status, ex.HttpStatus);
        Assert.Equal("4023", ex.ApiErrors[0].ErrorData);
        Assert.DoesNotContain(Password, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(AliceBasic["Basic ".Length..], ex.ToString(), StringComparison.Ordinal);
        Assert.Contains(Log.Entries, e => e.Id.Id == FinesseEventIds.FinesseRequestFailed && e.Message.Contains(code, StringComparison.Ordinal));
        Assert.All(Log.Entries, e => Assert.DoesNotContain(Password, e.Message, StringComparison.Ordinal));
        Assert.All(Log.Entries, e => Assert.DoesNotContain(AliceBasic["Basic ".Length..], e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Non_xml_error_page_maps_by_status()
    {
        Server.Responder = _ => new FakeResponse(404, "<html><body>Not here</body></html");

        var ex = await Assert.ThrowsAsync<FinesseRestException>(() => Client.GetUserAsync(Alice, Ct));

        Assert.Equal(FinesseErrorCode.FinesseNotFound, ex.Code);
        Assert.Empty(ex.ApiErrors);
    }

    [Fact]
    public async Task Unexpected_status_has_its_own_code()
    {
        Server.Responder = _ => new FakeResponse(302);

        var ex = await Assert.ThrowsAsync<FinesseRestException>(() => Client.GetUserAsync(Alice, Ct));

        Assert.Equal(FinesseErrorCode.FinesseUnexpectedStatus, ex.Code);
        Assert.Equal(302, ex.HttpStatus);
    }

    [Fact]
    public async Task Hostile_or_wrong_bodies_fail_cleanly()
    {
        Server.Responder = _ => FakeResponse.Xml("<!DOCTYPE x [<!ENTITY a \"b\">]><User/>");
        var dtd = await Assert.ThrowsAsync<FinesseXmlException>(() => Client.GetUserAsync(Alice, Ct));
        Assert.Equal(FinesseErrorCode.FinesseXmlDtdProhibited, dtd.Code);

        Server.Responder = _ => FakeResponse.Xml("<Dialogs/>");
        var root = await Assert.ThrowsAsync<FinesseXmlException>(() => Client.GetUserAsync(Alice, Ct));
        Assert.Equal(FinesseErrorCode.FinesseXmlUnexpectedRoot, root.Code);

        Server.Responder = _ => FakeResponse.Xml("<User><state>READY");
        var truncated = await Assert.ThrowsAsync<FinesseXmlException>(() => Client.GetUserAsync(Alice, Ct));
        Assert.Equal(FinesseErrorCode.FinesseXmlMalformed, truncated.Code);

        Server.Responder = _ => new FakeResponse(200);
        var empty = await Assert.ThrowsAsync<FinesseRestException>(() => Client.GetUserAsync(Alice, Ct));
        Assert.Equal(FinesseErrorCode.FinesseXmlMalformed, empty.Code);

        Assert.Contains(Log.Entries, e => e.Id.Id == FinesseEventIds.FinesseResponseRejected);
    }

    [Fact]
    public async Task Oversized_response_is_refused()
    {
        using var client = new FinesseRestClient(
            new FinesseOptions { SideA = Server.BaseUri, Trust = ServerCertificateTrust.AllowSelfSigned, MaxResponseBytes = 4096 });
        Server.Responder = _ => FakeResponse.Xml("<User><firstName>" + new string('x', 10_000) + "</firstName></User>");

        var ex = await Assert.ThrowsAsync<FinesseRestException>(() => client.GetUserAsync(Alice, Ct));

        Assert.Equal(FinesseErrorCode.FinesseXmlTooLarge, ex.Code);
    }

    [Theory]
    [InlineData("../5002")]
    [InlineData("16817090/x")]
    [InlineData("..")]
    [InlineData("")]
    [InlineData("a?b")]
    public async Task Ids_that_would_change_the_path_are_refused_before_sending(string dialogId)
    {
        var ex = await Assert.ThrowsAsync<FinesseRestException>(() => Client.DropAsync(Alice, dialogId, "3001", null, Ct));

        Assert.Equal(FinesseErrorCode.FinesseInvalidArgument, ex.Code);
        Assert.Empty(Server.Requests);
    }

    [Theory]
    [InlineData("12X")]
    [InlineData("")]
    [InlineData("1 2")]
    public async Task Bad_dtmf_digits_are_refused(string digits)
    {
        var ex = await Assert.ThrowsAsync<FinesseRestException>(() => Client.SendDtmfAsync(Alice, "1", "3001", digits, null, Ct));

        Assert.Equal(FinesseErrorCode.FinesseInvalidArgument, ex.Code);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task States_that_cannot_be_requested_are_refused()
    {
        var talking = await Assert.ThrowsAsync<FinesseRestException>(() => Client.SetStateAsync(Alice, UserState.Talking, cancellationToken: Ct));
        var readyWithReason = await Assert.ThrowsAsync<FinesseRestException>(() => Client.SetStateAsync(Alice, UserState.Ready, 16, cancellationToken: Ct));
        var noData = await Assert.ThrowsAsync<FinesseRestException>(() => Client.UpdateCallDataAsync(Alice, "1", [], null, null, Ct));

        Assert.Equal(FinesseErrorCode.FinesseInvalidArgument, talking.Code);
        Assert.Equal(FinesseErrorCode.FinesseInvalidArgument, readyWithReason.Code);
        Assert.Equal(FinesseErrorCode.FinesseInvalidArgument, noData.Code);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task Requests_and_responses_areLogged_with_3xxx_ids_and_no_secrets()
    {
        await Client.SetReadyAsync(Alice, "r-log", Ct);

        Assert.Contains(Log.Entries, e => e.Id.Id == FinesseEventIds.FinesseRequestSent && e.Level == LogLevel.Debug && e.Message.Contains("r-log", StringComparison.Ordinal));
        Assert.Contains(Log.Entries, e => e.Id.Id == FinesseEventIds.FinesseResponseReceived && e.Message.Contains("202", StringComparison.Ordinal));
        Assert.All(Log.Entries, e => Assert.DoesNotContain(Password, e.Message, StringComparison.Ordinal));
    }
}
