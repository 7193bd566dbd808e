using System.Xml.Linq;
using SiebelCti.FinesseEmulator.Engine;
using SiebelCti.FinesseEmulator.Options;
using SiebelCti.FinesseEmulator.Publishing;
using SiebelCti.FinesseEmulator.Xml;

namespace SiebelCti.FinesseEmulator.Tests;

public sealed class ServiceStateTests
{
    [Fact]
    public void Out_of_service_publishes_system_info_holds_back_events_and_republishes_on_return()
    {
        using var h = new Harness(Harness.DefaultOptions() with { SideB = new SideOptions() });
        h.SignIn("5001", "3001");
        h.Take();
        Assert.True(h.Center.SetInService(0, false, "CTI_DOWN").Ok);
        var info = Assert.Single(h.Take());
        Assert.Equal(("/finesse/api/SystemInfo", "PUT", "/finesse/api/SystemInfo", "systemInfo"), (info.Node, info.Event, info.Source, info.Data.Name.LocalName));
        Assert.Equal(("OUT_OF_SERVICE", "CTI_DOWN"), ((string)info.Data.Element("status")!, (string)info.Data.Element("statusReason")!));
        Assert.False(h.Center.IsInService(0));

        h.Ready("5001");
        Assert.Empty(h.Sent);

        h.Center.SetInService(0, true);
        var ns = h.Take();
        Assert.Equal("IN_SERVICE", (string)ns[0].Data.Element("status")!);
        Assert.Equal("READY", ns.UserUpdates("5001").Single().UserState());
    }

    [Fact]
    public void Failover_takes_side_a_out_of_service_while_side_b_serves()
    {
        using var h = new Harness();
        Assert.True(h.Center.FailOver().Ok);
        Assert.False(h.Center.IsInService(0));
        Assert.True(h.Center.IsInService(1));
        var b = h.Center.GetSystemInfo(1);
        Assert.Equal(("side-a.test", "side-b.test", true), (b.PrimaryHost, b.SecondaryHost, b.InService));
        h.SignIn("5001", "3001");
        Assert.Contains(h.Sent, n => n.Data.Name == "user");
    }

    [Fact]
    public void Failover_needs_a_side_b()
    {
        using var h = new Harness(Harness.DefaultOptions() with { SideB = new SideOptions() });
        Assert.Equal(409, h.Center.FailOver().Status);
        Assert.Equal(404, h.Center.SetInService(1, false).Status);
    }

    [Fact]
    public void Restart_drops_all_state_and_comes_back_after_the_downtime()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        h.Ready("5001");
        var d = h.Inject();
        h.Take();
        Assert.True(h.Center.Restart(TimeSpan.FromSeconds(10)).Ok);
        Assert.False(h.Center.IsInService(0));
        Assert.Equal(AgentState.Logout, h.StateOf("5001"));
        Assert.Null(h.Center.ReadDialog(d, x => x.Id));
        Assert.Equal(2, h.Take().Count(n => (string)n.Data.Element("status")! == "OUT_OF_SERVICE"));
        h.Time.Advance(TimeSpan.FromSeconds(10));
        var ns = h.Take();
        Assert.True(h.Center.IsInService(0));
        Assert.Equal("LOGOUT", ns.UserUpdates("5001").Single().UserState());
    }

    [Fact]
    public void Reset_returns_to_the_configured_start_without_notifications()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        h.Inject();
        h.Center.SetInService(0, false);
        h.Take();
        h.Center.Reset();
        Assert.Empty(h.Sent);
        Assert.True(h.Center.IsInService(0));
        Assert.Equal(AgentState.Logout, h.StateOf("5001"));
        Assert.Empty(h.Center.DialogIdsOf("5001"));
    }

    [Fact]
    public void Injecting_a_call_needs_a_signed_in_agent_on_the_extension()
    {
        using var h = new Harness();
        Assert.Equal(404, h.Center.InjectCall(new IncomingCall("3001")).Status);
        h.SignIn("5001", "3001");
        Assert.Equal(400, h.Center.InjectCall(new IncomingCall("3001") { Variables = [new("bogus", "1")] }).Status);
    }

    [Fact]
    public void Hang_up_needs_a_connected_far_end()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        h.SignIn("5002", "3002");
        var d = h.MakeCall("5001", "3002");
        Assert.Equal(409, h.Center.HangUpFarEnd(d).Status);
    }
}

public sealed class XmlShapeTests
{
    [Fact]
    public void User_has_the_documented_elements_in_order()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        var user = h.Center.GetUser("5001")!;
        Assert.Equal("User", user.Name.LocalName);
        Assert.Equal(
            ["uri", "roles", "loginId", "loginName", "state", "stateChangeTime", "mediaType", "pendingState", "reasonCodeId", "settings", "extension", "firstName", "lastName", "teamId", "teamName", "dialogs"],
            user.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("Agent", (string)user.Element("roles")!.Element("role")!);
        Assert.Equal("/finesse/api/User/5001/Dialogs", (string)user.Element("dialogs")!);
    }

    [Fact]
    public void Dialog_lists_children_alphabetically_like_real_packets()
    {
        using var h = new Harness();
        h.SignIn("5001", "3001");
        var d = h.Inject();
        var x = h.Center.GetDialog(d, "5001", out _)!;
        // As real UCCE packets: no secondaryId or wrapUpReason while empty; 12.x adds mediaId and the call key.
        Assert.Equal(
            ["associatedDialogUri", "fromAddress", "id", "mediaProperties", "mediaType", "participants", "state", "toAddress", "uri"],
            x.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["DNIS", "callType", "dialedNumber", "outboundClassification", "mediaId", "callKeyCallId", "callKeySequenceNum", "callKeyPrefix", "callvariables"],
            x.Element("mediaProperties")!.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["actions", "mediaAddress", "mediaAddressType", "startTime", "state", "stateCause", "stateChangeTime"],
            x.Element("participants")!.Elements().First().Elements().Select(e => e.Name.LocalName));
        Assert.Equal("Voice", (string)x.Element("mediaType")!);
        Assert.Equal("/finesse/api/Dialog/" + d, (string)x.Element("uri")!);
    }

    [Fact]
    public void Update_and_envelope_carry_the_document_as_escaped_text()
    {
        var n = new Notification("/finesse/api/User/5001", "PUT", "/finesse/api/User/5001", "r1", new XElement("user", new XElement("state", "READY")));
        Assert.Equal("<Update><data><user><state>READY</state></user></data><event>PUT</event><requestId>r1</requestId><source>/finesse/api/User/5001</source></Update>", n.ToUpdateText());
        var env = NotificationEnvelope.Build(n);
        var wire = env.ToString(SaveOptions.DisableFormatting);
        Assert.Equal("<notification xmlns=\"http://jabber.org/protocol/pubsub\">&lt;Update&gt;&lt;data&gt;&lt;user&gt;&lt;state&gt;READY&lt;/state&gt;&lt;/user&gt;&lt;/data&gt;&lt;event&gt;PUT&lt;/event&gt;&lt;requestId&gt;r1&lt;/requestId&gt;&lt;source&gt;/finesse/api/User/5001&lt;/source&gt;&lt;/Update&gt;</notification>", wire);
        Assert.Empty(XElement.Parse(wire).Elements());
    }

    [Fact]
    public void Sync_and_async_errors_have_their_documented_shapes()
    {
        var e = new ApiError(400, "Invalid Input", "bad", "7");
        Assert.Equal("<ApiErrors><ApiError><ErrorType>Invalid Input</ErrorType><ErrorMessage>bad</ErrorMessage><ErrorData>7</ErrorData></ApiError></ApiErrors>",
            FinesseXml.ApiErrors(e).ToString(SaveOptions.DisableFormatting));
        Assert.Equal("<apiErrors><apiError><errorData>7</errorData><errorMessage>bad</errorMessage><errorType>Invalid Input</errorType></apiError></apiErrors>",
            FinesseXml.ApiErrorsNotification(e).ToString(SaveOptions.DisableFormatting));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<User><state>")]
    [InlineData("<Dialog/>")]
    [InlineData("<!DOCTYPE x [<!ENTITY a 'b'>]><User>&a;</User>")]
    public void Malformed_user_bodies_are_Bad_Request(string body)
    {
        Assert.False(RequestParser.TryParseUser(body, out _, out var error));
        Assert.Equal((400, "Bad Request"), (error!.Status, error.ErrorType));
    }

    [Fact]
    public void Dialog_body_parses_variables_wrap_up_and_action_params()
    {
        const string body = "<Dialog><requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><wrapUpReason>Sale</wrapUpReason>"
            + "<callvariables><CallVariable><name>callVariable3</name><value>ACC-42</value></CallVariable></callvariables></mediaProperties>"
            + "<actionParams><ActionParam><name>dtmfString</name><value>12#</value></ActionParam></actionParams></Dialog>";
        Assert.True(RequestParser.TryParseDialog(body, out var r, out _));
        Assert.Equal(("UPDATE_CALL_DATA", "Sale", "12#"), (r.RequestedAction, r.WrapUpReason, r.ActionParams["dtmfString"]));
        Assert.Equal(new KeyValuePair<string, string>("callVariable3", "ACC-42"), Assert.Single(r.CallVariables!));
        Assert.False(RequestParser.TryParseDialog("<Dialog><mediaProperties><callvariables><CallVariable><value>x</value></CallVariable></callvariables></mediaProperties></Dialog>", out _, out var e));
        Assert.Equal("Invalid Input", e!.ErrorType);
    }
}

public sealed class OptionsValidatorTests
{
    [Fact]
    public void Every_error_is_listed_at_once()
    {
        var o = new EmulatorOptions
        {
            DeploymentType = "PCCE",
            SideA = new SideOptions { Urls = ["ftp://x", "https://127.0.0.1:0"] },
            FarEndAnswerDelay = TimeSpan.FromSeconds(-1),
            Agents =
            [
                new AgentOptions { LoginId = "5001", Password = "", Extension = "30a" },
                new AgentOptions { LoginId = "5001", Password = "x", Extension = "3002", WrapUpOnIncoming = "SOMETIMES" },
            ],
            ReasonCodes = [new ReasonCodeOptions { Id = 1, Code = 0, Label = "", Category = "BREAK" }],
            Xmpp = new XmppPublisherOptions { Enabled = true, AdminPassword = "", AccountProvisioning = "ProsodyShell" },
        };
        var errors = EmulatorOptionsValidator.Validate(o);
        string[] expected =
        [
            "DeploymentType", "'ftp://x'", "CertificatePath", "FarEndAnswerDelay", "Agents:0:Password", "Agents:0:Extension",
            "Agents:1:LoginId '5001' is used twice", "WrapUpOnIncoming", "ReasonCodes:0:Category", "ReasonCodes:0:Code", "ReasonCodes:0:Label",
            "AdminPassword", "ProsodyConfig",
        ];
        foreach (var part in expected)
        {
            Assert.Contains(errors, e => e.Contains(part, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(errors, e => e.Contains("pw", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sensible_configuration_is_valid()
    {
        Assert.Empty(EmulatorOptionsValidator.Validate(Harness.DefaultOptions()));
    }

    [Fact]
    public void Agent_options_never_print_the_password()
    {
        var a = new AgentOptions { LoginId = "5001", Password = "top-secret" };
        Assert.DoesNotContain("top-secret", a.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("admin-secret", new XmppPublisherOptions { AdminPassword = "admin-secret" }.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Prosody_script_escapes_passwords_as_lua_strings()
    {
        var o = Harness.DefaultOptions() with { Agents = [new AgentOptions { LoginId = "5001", Password = "a\"b\\c\n" }] };
        var script = ProsodyShellProvisioner.BuildScript(o);
        Assert.Equal("user:create(\"5001@finesse.test\", \"a\\034b\\092c\\010\")\nuser:password(\"5001@finesse.test\", \"a\\034b\\092c\\010\")\n", script);
    }
}
