using SiebelCti.Integration.Tests.Connector;

namespace SiebelCti.Integration.Tests.EndToEnd;

/// <summary>
/// Issue #13 over real parts (the C Siebel host loading the published driver, ActiveMQ, the
/// Connector engine, the Finesse emulator playing Unified CCE, prosody): what a real Siebel and a
/// real UCCE need beyond the happy path. Reason codes where UCCE requires them, an extension Siebel
/// did not expand, calls transferred or conferenced to an agent, one CallConferenced per conference,
/// the service number of an inbound call, and a supervisor whose state survives its team's updates.
/// </summary>
public sealed class SiebelFidelityTests
{
    private const string PasswordA = "pw, with # and | ü";

    private static Dictionary<string, string> P(params string[] pairs)
    {
        var d = new Dictionary<string, string>();
        for (var i = 0; i < pairs.Length; i += 2)
        {
            d[pairs[i]] = pairs[i + 1];
        }

        return d;
    }

    [Fact]
    public async Task Not_Ready_and_Sign_Off_without_a_reason_take_the_driver_defaults_on_a_ucce_with_reason_codes()
    {
        await using var connector = new ConnectorUnderTest();
        await connector.InitializeAsync();
        await using var host = await SiebelHost.StartAsync(connector, 20, "NotReadyReasonCode=10", "LogoutReasonCode=20");
        await using var plain = await SiebelHost.StartAsync(connector);
        const string a = "A", b = "B";
        await host.AddServiceAsync(a);
        await plain.AddServiceAsync(b);
        await SiebelEndToEndTests.LogInAsync(host, a, connector.AgentA, PasswordA, "3101");
        await SiebelEndToEndTests.LogInAsync(plain, b, connector.AgentB, "pw-b", "3102");
        await SiebelEndToEndTests.ReadyAsync(host, a);
        await SiebelEndToEndTests.ReadyAsync(plain, b);

        // The .def's toolbar buttons send ReasonCode "" (the menus send a code): without a default, UCCE refuses.
        var refused = await plain.InvokeAsync(b, "ChangeNotReadyState", P("ReasonCode", ""));
        var failure = await plain.WaitForEventAsync(b, "CommandFailed");
        Assert.Equal((refused, "FINESSE_REASON_CODE_REQUIRED"), (failure["TrackingID"], failure["ErrorCode"]));

        await host.InvokeAsync(a, "ChangeNotReadyState", P("ReasonCode", ""));
        var notReady = await host.WaitForEventAsync(a, "AgentStateChanged", e => e["AgentState"] == "NOT_READY");
        Assert.Equal(("10", "Break"), (notReady["ReasonCode"], notReady["ReasonLabel"]));
        await host.WaitForToolbarAsync(a, Toolbar.NotReady);

        // A menu entry's code wins over the default.
        await host.InvokeAsync(a, "LogOut", P("ReasonCode", ""));
        var loggedOut = await host.WaitForEventAsync(a, "AgentStateChanged", e => e["AgentState"] == "LOGOUT");
        Assert.Equal("20", loggedOut["ReasonCode"]);
        await host.WaitForToolbarAsync(a, Toolbar.LoggedOut);
        host.AssertNoProblems();
        plain.AssertNoProblems();
    }

    [Fact]
    public async Task An_extension_macro_Siebel_did_not_expand_is_refused_naming_the_parameter()
    {
        await using var connector = new ConnectorUnderTest();
        await connector.InitializeAsync();
        await using var host = await SiebelHost.StartAsync(connector);
        const string a = "A";
        await host.AddServiceAsync(a);

        var track = await host.InvokeAsync(a, "LogIn", P("AgentId", connector.AgentA, "AgentPin", PasswordA, "Extension", "{@SelectedDN}"), expect: 1);
        var failed = await host.WaitForEventAsync(a, "CommandFailed");
        Assert.Equal((track, "LogIn", "DRIVER_COMMAND_INVALID"), (failed["TrackingID"], failed["Command"], failed["ErrorCode"]));
        Assert.Contains("parameter Extension is '{@SelectedDN}'", failed["ErrorMessage"], StringComparison.Ordinal);
        Assert.Equal(track, (await host.WaitForCallbackAsync(a, "ERROR")).Fields[0]);
        await host.WaitForToolbarAsync(a, Toolbar.LoggedOut);

        // Nothing reached Finesse: the agent is still signed out there, and signs in with the expanded value.
        await SiebelEndToEndTests.LogInAsync(host, a, connector.AgentA, PasswordA, "3101");
        host.AssertNoProblems();
    }

    [Fact]
    public async Task A_ucce_inbound_call_gives_Siebel_the_number_the_caller_dialled_not_the_agents_extension()
    {
        await using var connector = new ConnectorUnderTest();
        await connector.InitializeAsync();
        using var emulator = new EmulatorControl(connector.Emulator);
        await using var host = await SiebelHost.StartAsync(connector);
        const string a = "A";
        await host.AddServiceAsync(a);
        await SiebelEndToEndTests.LogInAsync(host, a, connector.AgentA, PasswordA, "3101");
        await SiebelEndToEndTests.ReadyAsync(host, a);

        // On UCCE, Finesse's DNIS of this call is the agent's extension (3101); the caller dialled 8005550100.
        var dialogId = await emulator.OfferCallAsync("3101", "0612345678", "8005550100", P("callVariable1", "service line"));
        var ringing = await host.WaitForEventAsync(a, "CallRinging", e => e["DialogId"] == dialogId);

        Assert.Equal(("8005550100", "8005550100", "0612345678"), (ringing["DialedNumber"], ringing["DNIS"], ringing["ANI"]));
        var finesse = (await emulator.StateAsync()).Descendants("Dialog").Single(d => (string?)d.Element("id") == dialogId).Element("mediaProperties")!;
        Assert.Equal("3101", (string?)finesse.Element("DNIS"));
        host.AssertNoProblems();
    }

    [Theory]
    [InlineData("TransferComplete", "TRANSFER")]
    [InlineData("ConferenceComplete", "CONFERENCE")]
    public async Task A_call_transferred_or_conferenced_to_an_agent_rings_in_Siebel_as_inbound_with_the_original_call_data(string complete, string callType)
    {
        await using var connector = new ConnectorUnderTest();
        await connector.InitializeAsync();
        using var emulator = new EmulatorControl(connector.Emulator);
        await using var host = await SiebelHost.StartAsync(connector);
        const string a = "A", b = "B";
        var call = await SiebelEndToEndTests.EstablishedCallAsync(host, emulator, connector, a);
        await host.AddServiceAsync(b);
        await SiebelEndToEndTests.LogInAsync(host, b, connector.AgentB, "pw-b", "3102");
        await SiebelEndToEndTests.ReadyAsync(host, b);

        // A consults B; B answers the consult call, which rings at B as an inbound call.
        host.Mark(b);
        await host.InvokeAsync(a, "ConsultCall", P("PhoneNumber", "3102"));
        var consultAtB = await host.WaitForEventAsync(b, "CallRinging");
        Assert.Equal("CONSULT", consultAtB["CallType"]);
        await host.InvokeAsync(b, "AnswerCall");
        await host.WaitForEventAsync(b, "CallEstablished", e => e["DialogId"] == consultAtB["DialogId"]);
        await host.WaitForEventAsync(a, "ConsultEstablished");
        await host.WaitForToolbarAsync(a, Toolbar.ConsultActive);

        // A completes: the customer's call comes to B already connected, and must screen-pop there.
        host.Mark(b);
        await host.InvokeAsync(a, complete);
        var ringing = await host.WaitForEventAsync(b, "CallRinging", e => e["DialogId"] == call);
        Assert.Equal((callType, "0612345678", "established", "8000"), (ringing["CallType"], ringing["ANI"], ringing["callVariable1"], ringing["DialedNumber"]));
        var indicate = await host.WaitForCallbackAsync(b, "INDICATE", l => l.Fields[0] == call);
        Assert.Equal("1", indicate.Fields[2]); // SC_WM_INBOUND
        await host.WaitForEventAsync(b, "CallEstablished", e => e["DialogId"] == call);
        await host.WaitForCallbackAsync(b, "STARTED", l => l.Fields[0] == call);
        Assert.DoesNotContain(host.LinesOf(b), l => l.Kind == "EVENT" && l.Fields[0] == "CallDialing" && l.Fields.Contains("DialogId=" + call));
        await host.WaitForToolbarAsync(b, Toolbar.Active);
        host.AssertNoProblems();
    }

    [Fact]
    public async Task Completing_a_conference_raises_CallConferenced_once()
    {
        await using var connector = new ConnectorUnderTest();
        await connector.InitializeAsync();
        using var emulator = new EmulatorControl(connector.Emulator);
        await using var host = await SiebelHost.StartAsync(connector);
        const string a = "A";
        var call = await SiebelEndToEndTests.EstablishedCallAsync(host, emulator, connector, a);
        await host.InvokeAsync(a, "ConsultCall", P("PhoneNumber", "5550123"));
        var consult = await host.WaitForEventAsync(a, "ConsultEstablished");
        await host.WaitForToolbarAsync(a, Toolbar.ConsultActive);

        host.Mark(a);
        await host.InvokeAsync(a, "ConferenceComplete");
        var conferenced = await host.WaitForEventAsync(a, "CallConferenced");
        Assert.Equal((call, "3"), (conferenced["DialogId"], conferenced["ParticipantCount"]));
        var leg = await host.WaitForEventAsync(a, "CallReleased", e => e["DialogId"] == consult["DialogId"]);
        Assert.Equal("CONFERENCED", leg["EndReason"]);
        await host.WaitForToolbarAsync(a, Toolbar.Active);
        await host.InvokeAsync(a, "ReleaseCall");
        await host.WaitForEventAsync(a, "CallReleased", e => e["DialogId"] == call);

        // Everything of the conference has arrived (the service's callbacks come in order): one CallConferenced.
        Assert.Single(host.LinesOf(a), l => l.Kind == "EVENT" && l.Fields[0] == "CallConferenced");
        host.AssertNoProblems();
    }

    [Fact]
    public async Task A_supervisors_state_and_extension_survive_the_updates_of_its_team()
    {
        await using var connector = new ConnectorUnderTest { SupervisorA = true };
        await connector.InitializeAsync();
        await using var host = await SiebelHost.StartAsync(connector);
        const string supervisor = "S", member = "M";
        await host.AddServiceAsync(supervisor);
        await host.AddServiceAsync(member);
        await SiebelEndToEndTests.LogInAsync(host, supervisor, connector.AgentA, PasswordA, "3101");
        await SiebelEndToEndTests.ReadyAsync(host, supervisor);

        // The member signs in and goes Ready: Finesse tells the supervisor's session on the team's Users node.
        var from = host.LinesOf(supervisor).Count;
        await SiebelEndToEndTests.LogInAsync(host, member, connector.AgentB, "pw-b", "3102");
        await SiebelEndToEndTests.ReadyAsync(host, member);

        // The supervisor's own next change comes after those team updates on the same session.
        await host.InvokeAsync(supervisor, "ChangeNotReadyState", P("ReasonCode", "10"));
        await host.WaitForEventAsync(supervisor, "AgentStateChanged", e => e["AgentState"] == "NOT_READY");

        var states = host.LinesOf(supervisor).Skip(from).Where(l => l.Kind == "EVENT" && l.Fields[0] == "AgentStateChanged").Select(HostEvent.Of).ToList();
        var own = Assert.Single(states);
        Assert.Equal((connector.AgentA, "NOT_READY", "10", "3101"), (own["AgentId"], own["AgentState"], own["ReasonCode"], own["Extension"]));
        await host.WaitForToolbarAsync(supervisor, Toolbar.NotReady);
        host.AssertNoProblems();
    }
}
