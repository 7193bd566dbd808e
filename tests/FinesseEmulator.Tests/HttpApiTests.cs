using System.Net;
using System.Net.Http.Json;
using SiebelCti.FinesseEmulator.Engine;
using static SiebelCti.FinesseEmulator.Tests.EmulatorFixture;

namespace SiebelCti.FinesseEmulator.Tests;

/// <summary>Every REST path over real HTTP on loopback, with raw HttpClient and XML assertions.</summary>
public sealed class HttpApiTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public HttpApiTests(EmulatorFixture fixture)
    {
        _f = fixture;
        _f.Center.Reset();
    }

    private async Task SignIn(HttpClient c, string ext = "3001")
    {
        var r = await c.PutAsync("/finesse/api/User/5001", XmlBody($"<User><state>LOGIN</state><extension>{ext}</extension></User>"), _ct);
        Assert.Equal(HttpStatusCode.Accepted, r.StatusCode);
    }

    [Fact]
    public async Task SystemInfo_reports_each_side_and_its_status_without_credentials()
    {
        using var a = Client(_f.SideA, user: null);
        var x = await ReadXml(await a.GetAsync("/finesse/api/SystemInfo", _ct));
        Assert.Equal("SystemInfo", x.Name.LocalName);
        Assert.Equal(("IN_SERVICE", "UCCE", "finesse.test", "pubsub.finesse.test"),
            ((string)x.Element("status")!, (string)x.Element("deploymentType")!, (string)x.Element("xmppDomain")!, (string)x.Element("xmppPubSubDomain")!));
        Assert.Equal(("side-a.test", "side-b.test"), ((string)x.Element("primaryNode")!.Element("host")!, (string)x.Element("secondaryNode")!.Element("host")!));
        Assert.Equal(Wire.Time(_f.Time.GetUtcNow()), (string)x.Element("currentTimestamp")!);
    }

    [Fact]
    public async Task Get_user_returns_the_user_object()
    {
        using var c = Client(_f.SideA);
        var r = await c.GetAsync("/finesse/api/User/5001", _ct);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var x = await ReadXml(r);
        Assert.Equal(("User", "5001", "alice", "LOGOUT"), (x.Name.LocalName, (string)x.Element("loginId")!, (string)x.Element("loginName")!, (string)x.Element("state")!));
    }

    [Fact]
    public async Task Login_name_works_for_basic_auth_and_for_the_path()
    {
        using var c = Client(_f.SideA, "alice", "pw-alice");
        var x = await ReadXml(await c.GetAsync("/finesse/api/User/alice", _ct));
        Assert.Equal("5001", (string)x.Element("loginId")!);
    }

    [Fact]
    public async Task Wrong_or_missing_credentials_are_401_Authorization_Failure_with_a_challenge()
    {
        using var wrong = Client(_f.SideA, "5002", "nope");
        var r = await wrong.GetAsync("/finesse/api/User/5002", _ct);
        Assert.Equal("Basic", r.Headers.WwwAuthenticate.Single().Scheme);
        await AssertApiError(r, 401, "Authorization Failure");
        using var none = Client(_f.SideA, user: null);
        await AssertApiError(await none.GetAsync("/finesse/api/User/5001", _ct), 401, "Authorization Failure");
        using var garbage = Client(_f.SideA, user: null);
        garbage.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Basic !!!not-base64");
        await AssertApiError(await garbage.GetAsync("/finesse/api/User/5001", _ct), 401, "Authorization Failure");
    }

    [Fact]
    public async Task Account_locks_after_repeated_wrong_passwords_until_the_lockout_ends()
    {
        using var wrong = Client(_f.SideA, "5009", "nope");
        using var right = Client(_f.SideA, "5009", "pw-locked");
        Assert.Equal(HttpStatusCode.OK, (await right.GetAsync("/finesse/api/User/5009", _ct)).StatusCode);
        for (var i = 0; i < 3; i++)
        {
            await AssertApiError(await wrong.GetAsync("/finesse/api/User/5009", _ct), 401, "Authorization Failure");
        }

        await AssertApiError(await right.GetAsync("/finesse/api/User/5009", _ct), 401, "Authorization Failure");
        _f.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.OK, (await right.GetAsync("/finesse/api/User/5009", _ct)).StatusCode);
    }

    [Fact]
    public async Task An_agent_may_not_read_or_change_another_user()
    {
        using var c = Client(_f.SideA);
        await AssertApiError(await c.GetAsync("/finesse/api/User/5002", _ct), 401, "Invalid Authorization User Specified");
        await AssertApiError(await c.PutAsync("/finesse/api/User/5002", XmlBody("<User><state>READY</state></User>"), _ct), 401, "Invalid Authorization User Specified");
        await AssertApiError(await c.GetAsync("/finesse/api/User/5002/Dialogs", _ct), 401, "Invalid Authorization User Specified");
        await AssertApiError(await c.GetAsync("/finesse/api/User/7777", _ct), 404, "User Not Found");
    }

    [Fact]
    public async Task Put_user_answers_202_echoes_request_id_and_changes_state()
    {
        using var c = Client(_f.SideA);
        using var req = new HttpRequestMessage(HttpMethod.Put, "/finesse/api/User/5001") { Content = XmlBody("<User><state>LOGIN</state><extension>3001</extension></User>") };
        req.Headers.Add("requestId", "abc-123");
        var r = await c.SendAsync(req, _ct);
        Assert.Equal(HttpStatusCode.Accepted, r.StatusCode);
        Assert.Equal("abc-123", r.Headers.GetValues("requestId").Single());
        Assert.Empty(await r.Content.ReadAsByteArrayAsync(_ct));
        Assert.Equal(AgentState.NotReady, _f.Center.GetAgentState("5001")!.Value.State);
        Assert.Equal(HttpStatusCode.Accepted, (await c.PutAsync("/finesse/api/User/5001", XmlBody("<User><state>READY</state></User>"), _ct)).StatusCode);
        var x = await ReadXml(await c.GetAsync("/finesse/api/User/5001", _ct));
        Assert.Equal(("READY", "3001"), ((string)x.Element("state")!, (string)x.Element("extension")!));
    }

    [Fact]
    public async Task Put_user_synchronous_errors_have_ApiErrors_bodies()
    {
        using var c = Client(_f.SideA);
        await AssertApiError(await c.PutAsync("/finesse/api/User/5001", XmlBody("<User><state>LOGIN</state></User>"), _ct), 400, "Parameter Missing");
        await AssertApiError(await c.PutAsync("/finesse/api/User/5001", XmlBody("<User><state>LOGIN"), _ct), 400, "Bad Request");
        await AssertApiError(await c.PutAsync("/finesse/api/User/5001", XmlBody("<Dialog/>"), _ct), 400, "Bad Request");
        await SignIn(c);
        await AssertApiError(await c.PutAsync("/finesse/api/User/5001", XmlBody("<User><state>NOT_READY</state></User>"), _ct), 400, "Parameter Missing");
        await AssertApiError(await c.PutAsync("/finesse/api/User/5001", XmlBody("<User><state>NOT_READY</state><reasonCodeId>4</reasonCodeId></User>"), _ct), 400, "Invalid Input");
        await AssertApiError(await c.PutAsync("/finesse/api/User/5001", XmlBody("<User><state>BORED</state></User>"), _ct), 400, "Invalid Input");
    }

    [Fact]
    public async Task Dialogs_collection_make_call_and_dialog_actions_over_http()
    {
        using var c = Client(_f.SideA);
        await SignIn(c);
        var empty = await ReadXml(await c.GetAsync("/finesse/api/User/5001/Dialogs", _ct));
        Assert.Equal("<Dialogs />", empty.ToString());

        var post = await c.PostAsync("/finesse/api/User/5001/Dialogs",
            XmlBody("<Dialog><requestedAction>MAKE_CALL</requestedAction><fromAddress>3001</fromAddress><toAddress>0611111111</toAddress></Dialog>"), _ct);
        Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        var dialogs = await ReadXml(await c.GetAsync("/finesse/api/User/5001/Dialogs", _ct));
        var dialog = Assert.Single(dialogs.Elements("Dialog"));
        var id = (string)dialog.Element("id")!;
        Assert.Equal("INITIATED", (string)dialog.Element("state")!);

        _f.Time.Advance(TimeSpan.FromSeconds(2));
        var one = await ReadXml(await c.GetAsync("/finesse/api/Dialog/" + id, _ct));
        Assert.Equal(("Dialog", "ACTIVE"), (one.Name.LocalName, (string)one.Element("state")!));

        var put = await c.PutAsync("/finesse/api/Dialog/" + id,
            XmlBody("<Dialog><requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><wrapUpReason>Sale</wrapUpReason><callvariables><CallVariable><name>callVariable3</name><value>ACC-42</value></CallVariable></callvariables></mediaProperties></Dialog>"), _ct);
        Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);
        var dtmf = await c.PutAsync("/finesse/api/Dialog/" + id,
            XmlBody("<Dialog><requestedAction>SEND_DTMF</requestedAction><targetMediaAddress>3001</targetMediaAddress><actionParams><ActionParam><name>dtmfString</name><value>12#</value></ActionParam></actionParams></Dialog>"), _ct);
        Assert.Equal(HttpStatusCode.Accepted, dtmf.StatusCode);
        Assert.Equal(("ACC-42", "Sale", "12#"), _f.Center.ReadDialog(id, d => (d.Variable("callVariable3"), d.WrapUpReason, d.SentDtmf)));

        Assert.Equal(HttpStatusCode.Accepted, (await c.PutAsync("/finesse/api/Dialog/" + id, XmlBody("<Dialog><requestedAction>HOLD</requestedAction><targetMediaAddress>3001</targetMediaAddress></Dialog>"), _ct)).StatusCode);
        Assert.Equal(AgentState.Hold, _f.Center.GetAgentState("5001")!.Value.State);
        Assert.Equal(HttpStatusCode.Accepted, (await c.PutAsync("/finesse/api/Dialog/" + id, XmlBody("<Dialog><requestedAction>DROP</requestedAction><targetMediaAddress>3001</targetMediaAddress></Dialog>"), _ct)).StatusCode);
        await AssertApiError(await c.GetAsync("/finesse/api/Dialog/" + id, _ct), 404, "Dialog Not Found");
    }

    [Fact]
    public async Task Dialog_errors_over_http()
    {
        using var c = Client(_f.SideA);
        await SignIn(c);
        await AssertApiError(await c.PostAsync("/finesse/api/User/5001/Dialogs", XmlBody("<Dialog><requestedAction>MAKE_CALL</requestedAction><fromAddress>3001</fromAddress><toAddress>3001</toAddress></Dialog>"), _ct), 400, "Invalid Destination");
        await AssertApiError(await c.PutAsync("/finesse/api/Dialog/123", XmlBody("<Dialog><requestedAction>ANSWER</requestedAction><targetMediaAddress>3001</targetMediaAddress></Dialog>"), _ct), 404, "Dialog Not Found");
        await AssertApiError(await c.PutAsync("/finesse/api/Dialog/123", XmlBody("not xml"), _ct), 400, "Bad Request");

        // Bob may not see or act on Alice's dialog.
        var d = _f.Center.InjectCall(new IncomingCall("3001") { Ani = "0612345678" }).Value!;
        using var bob = Client(_f.SideA, "5002", "pw-bob");
        await AssertApiError(await bob.GetAsync("/finesse/api/Dialog/" + d, _ct), 401, "Invalid Authorization User Specified");
        await AssertApiError(await bob.PutAsync("/finesse/api/Dialog/" + d, XmlBody("<Dialog><requestedAction>ANSWER</requestedAction><targetMediaAddress>3002</targetMediaAddress></Dialog>"), _ct), 401, "Invalid Authorization User Specified");
    }

    [Fact]
    public async Task Reason_codes_wrap_up_reasons_and_team()
    {
        using var c = Client(_f.SideA);
        var nr = await ReadXml(await c.GetAsync("/finesse/api/User/5001/ReasonCodes?category=NOT_READY", _ct));
        Assert.Equal(("ReasonCodes", "NOT_READY"), (nr.Name.LocalName, (string)nr.Attribute("category")!));
        var rc = Assert.Single(nr.Elements("ReasonCode"));
        Assert.Equal(("/finesse/api/ReasonCode/1", "10", "Break", "true", "1"),
            ((string)rc.Element("uri")!, (string)rc.Element("code")!, (string)rc.Element("label")!, (string)rc.Element("forAll")!, (string)rc.Element("id")!));
        var lo = await ReadXml(await c.GetAsync("/finesse/api/User/5001/ReasonCodes?category=LOGOUT", _ct));
        Assert.Equal("End of shift", (string)lo.Element("ReasonCode")!.Element("label")!);
        await AssertApiError(await c.GetAsync("/finesse/api/User/5001/ReasonCodes", _ct), 400, "Parameter Missing");
        await AssertApiError(await c.GetAsync("/finesse/api/User/5001/ReasonCodes?category=LUNCH", _ct), 400, "Invalid Input");
        var one = await ReadXml(await c.GetAsync("/finesse/api/User/5001/ReasonCode/4", _ct));
        Assert.Equal("LOGOUT", (string)one.Element("category")!);
        await AssertApiError(await c.GetAsync("/finesse/api/User/5001/ReasonCode/99", _ct), 404, "Not Found");

        var wr = await ReadXml(await c.GetAsync("/finesse/api/User/5001/WrapUpReasons", _ct));
        Assert.Equal(("WrapUpReasons", "Sale", "/finesse/api/WrapUpReason/1"),
            (wr.Name.LocalName, (string)wr.Element("WrapUpReason")!.Element("label")!, (string)wr.Element("WrapUpReason")!.Element("uri")!));

        var team = await ReadXml(await c.GetAsync("/finesse/api/Team/10", _ct));
        Assert.Equal(("Team", "10", "Sales"), (team.Name.LocalName, (string)team.Element("id")!, (string)team.Element("name")!));
        Assert.Equal(["5001", "5002"], team.Element("users")!.Elements("User").Select(u => (string)u.Element("loginId")!));
        await AssertApiError(await c.GetAsync("/finesse/api/Team/99", _ct), 404, "Not Found");
        await AssertApiError(await c.GetAsync("/finesse/api/Nothing/Here", _ct), 404, "Not Found");
    }

    [Fact]
    public async Task Out_of_service_side_answers_503_except_SystemInfo_and_the_other_side_serves()
    {
        using var a = Client(_f.SideA);
        using var b = Client(_f.SideB);
        using var control = Client(_f.SideA, user: null);
        var fo = await control.PostAsync("/emulator/failover", null, _ct);
        Assert.Equal(HttpStatusCode.OK, fo.StatusCode);

        var r = await a.GetAsync("/finesse/api/User/5001", _ct);
        await AssertApiError(r, 503, "Service Unavailable");
        var info = await ReadXml(await a.GetAsync("/finesse/api/SystemInfo", _ct));
        Assert.Equal("OUT_OF_SERVICE", (string)info.Element("status")!);
        await AssertApiError(await a.PutAsync("/finesse/api/User/5001", XmlBody("<User><state>LOGIN</state><extension>3001</extension></User>"), _ct), 503, "Service Unavailable");

        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync("/finesse/api/User/5001", _ct)).StatusCode);
        Assert.Equal("IN_SERVICE", (string)(await ReadXml(await b.GetAsync("/finesse/api/SystemInfo", _ct))).Element("status")!);

        Assert.Equal(HttpStatusCode.OK, (await control.PostAsync("/emulator/sides/A/inService", null, _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/finesse/api/User/5001", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await control.PostAsync("/emulator/sides/B/outOfService?reason=MAINT", null, _ct)).StatusCode);
        await AssertApiError(await b.GetAsync("/finesse/api/User/5001", _ct), 503, "Service Unavailable");
        Assert.Equal(HttpStatusCode.BadRequest, (await control.PostAsync("/emulator/sides/C/inService", null, _ct)).StatusCode);
    }

    [Fact]
    public async Task Control_api_injects_calls_hangs_up_fails_requests_restarts_and_shows_state()
    {
        using var c = Client(_f.SideA);
        using var control = Client(_f.SideA, user: null);
        await SignIn(c);
        var call = await control.PostAsJsonAsync("/emulator/calls",
            new { extension = "3001", ani = "0612345678", dnis = "8000", callVariables = new Dictionary<string, string> { ["callVariable1"] = "ACC-1", ["user.ticket"] = "T-9" } }, _ct);
        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        var body = await call.Content.ReadFromJsonAsync<Dictionary<string, string?>>(_ct);
        var id = body!["dialogId"]!;
        var dialog = await ReadXml(await c.GetAsync("/finesse/api/Dialog/" + id, _ct));
        Assert.Equal(("ALERTING", "0612345678"), ((string)dialog.Element("state")!, (string)dialog.Element("fromAddress")!));

        Assert.Equal(HttpStatusCode.NotFound, (await control.PostAsJsonAsync("/emulator/calls", new { extension = "3999" }, _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await control.PostAsJsonAsync("/emulator/calls", new { extension = "" }, _ct)).StatusCode);

        var state = await ReadXml(await control.GetAsync("/emulator/state", _ct));
        Assert.Equal(id, (string)state.Element("dialogs")!.Element("Dialog")!.Element("id")!);

        Assert.Equal(HttpStatusCode.OK, (await control.PostAsync($"/emulator/dialogs/{id}/hangup", null, _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await control.PostAsync($"/emulator/dialogs/{id}/hangup", null, _ct)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await control.PostAsJsonAsync("/emulator/failures", new { agentId = "5001", action = "READY", errorType = "Invalid State", errorMessage = "CF_X", errorData = "9" }, _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await c.PutAsync("/finesse/api/User/5001", XmlBody("<User><state>READY</state></User>"), _ct)).StatusCode);
        Assert.Equal(AgentState.NotReady, _f.Center.GetAgentState("5001")!.Value.State);

        Assert.Equal(HttpStatusCode.OK, (await control.PostAsync("/emulator/restart?downtimeMs=1000", null, _ct)).StatusCode);
        await AssertApiError(await c.GetAsync("/finesse/api/User/5001", _ct), 503, "Service Unavailable");
        _f.Time.Advance(TimeSpan.FromSeconds(1));
        var user = await ReadXml(await c.GetAsync("/finesse/api/User/5001", _ct));
        Assert.Equal("LOGOUT", (string)user.Element("state")!);
        Assert.Equal(HttpStatusCode.BadRequest, (await control.PostAsync("/emulator/restart?downtimeMs=-1", null, _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await control.PostAsync("/emulator/reset", null, _ct)).StatusCode);
    }
}
