using System.Xml.Linq;
using SiebelCti.Integration.Tests.Connector;

namespace SiebelCti.Integration.Tests.EndToEnd;

/// <summary>
/// Issue #7 from the Siebel side: a gcc-built C host loads the published libSiebelCtiDriver.so as
/// Siebel does, configured for the real ActiveMQ, and drives the real Connector (engine, REST
/// gateway to the Finesse emulator, XMPP notifications through prosody). Every command of
/// ARCHITECTURE.md §4 is invoked and the HandleEvent events, work-item callbacks and toolbar
/// (CacheCommandInformation) that come back are checked.
/// </summary>
public sealed class SiebelEndToEndTests
{
    private static Dictionary<string, string> P(params string[] pairs)
    {
        var d = new Dictionary<string, string>();
        for (var i = 0; i < pairs.Length; i += 2)
        {
            d[pairs[i]] = pairs[i + 1];
        }

        return d;
    }

    internal static async Task LogInAsync(SiebelHost host, string svc, string agentId, string password, string extension)
    {
        await host.InvokeAsync(svc, "LogIn", P("AgentId", agentId, "AgentPin", password, "Extension", extension));
        var state = await host.WaitForEventAsync(svc, "AgentStateChanged", e => e["AgentState"] == "NOT_READY");
        Assert.Equal(agentId, state["AgentId"]);
        Assert.Equal(extension, state["Extension"]);
        await host.WaitForToolbarAsync(svc, Toolbar.NotReady);
    }

    internal static async Task ReadyAsync(SiebelHost host, string svc)
    {
        await host.InvokeAsync(svc, "ChangeReadyState");
        await host.WaitForEventAsync(svc, "AgentStateChanged", e => e["AgentState"] == "READY");
        await host.WaitForToolbarAsync(svc, Toolbar.Ready);
    }

    /// <summary>Offers a customer call and waits until it rings at the agent; returns the dialog id.</summary>
    internal static async Task<string> RingAsync(SiebelHost host, EmulatorControl emulator, string svc, string extension, Dictionary<string, string> variables)
    {
        host.Mark(svc);
        var dialogId = await emulator.OfferCallAsync(extension, "0612345678", "8000", variables);
        var ringing = await host.WaitForEventAsync(svc, "CallRinging");
        Assert.Equal(dialogId, ringing["DialogId"]);
        Assert.Equal(dialogId, ringing["TrackingID"]);
        Assert.Equal("0612345678", ringing["ANI"]);
        Assert.Equal("8000", ringing["DNIS"]);
        Assert.Equal("PREROUTE_ACD_IN", ringing["CallType"]);
        foreach (var (name, value) in variables)
        {
            Assert.Equal(value, ringing[name]);
        }

        var indicate = await host.WaitForCallbackAsync(svc, "INDICATE");
        Assert.Equal(dialogId, indicate.Fields[0]);
        Assert.Equal("1", indicate.Fields[2]); // SC_WM_INBOUND
        await host.WaitForToolbarAsync(svc, Toolbar.Alerting);
        return dialogId;
    }

    internal static async Task AnswerAsync(SiebelHost host, string svc, string dialogId)
    {
        await host.InvokeAsync(svc, "AnswerCall");
        var established = await host.WaitForEventAsync(svc, "CallEstablished", e => e["DialogId"] == dialogId);
        Assert.Equal("ACTIVE", established["CallState"]);
        Assert.Equal("TALKING", (await host.WaitForEventAsync(svc, "AgentStateChanged", e => e["AgentState"] == "TALKING"))["AgentState"]);
        var started = await host.WaitForCallbackAsync(svc, "STARTED");
        Assert.Equal(dialogId, started.Fields[0]);
        await host.WaitForToolbarAsync(svc, Toolbar.Active);
    }

    /// <summary>Agent A of <paramref name="connector"/> on service <paramref name="svc"/>: logged in, ready, on an answered customer call.</summary>
    internal static async Task<string> EstablishedCallAsync(SiebelHost host, EmulatorControl emulator, ConnectorUnderTest connector, string svc)
    {
        await host.AddServiceAsync(svc);
        await LogInAsync(host, svc, connector.AgentA, "pw, with # and | ü", "3101");
        await ReadyAsync(host, svc);
        var call = await RingAsync(host, emulator, svc, "3101", P("callVariable1", "established"));
        await AnswerAsync(host, svc, call);
        return call;
    }

    internal static async Task HoldRetrieveAsync(SiebelHost host, string svc, string dialogId)
    {
        await host.InvokeAsync(svc, "HoldCall");
        Assert.Equal("HELD", (await host.WaitForEventAsync(svc, "CallHeld", e => e["DialogId"] == dialogId))["CallState"]);
        Assert.Equal(dialogId, (await host.WaitForCallbackAsync(svc, "SUSPENDED")).Fields[0]);
        await host.WaitForToolbarAsync(svc, Toolbar.Held);

        await host.InvokeAsync(svc, "RetrieveCall");
        Assert.Equal("ACTIVE", (await host.WaitForEventAsync(svc, "CallRetrieved", e => e["DialogId"] == dialogId))["CallState"]);
        Assert.Equal(dialogId, (await host.WaitForCallbackAsync(svc, "RESUMED")).Fields[0]);
        await host.WaitForToolbarAsync(svc, Toolbar.Active);
    }

    [Fact]
    public async Task EveryCommand_FromTheSiebelHost_ThroughBrokerConnectorAndFinesse()
    {
        await using var connector = new ConnectorUnderTest { AgentAWrapUpOnIncoming = "REQUIRED" };
        await connector.InitializeAsync();
        using var emulator = new EmulatorControl(connector.Emulator);
        await using var host = await SiebelHost.StartAsync(connector);
        const string a = "A";
        const string password = "pw, with # and | ü";
        await host.AddServiceAsync(a);

        // Before LogIn a state command fails at once, with HandleError and CommandFailed.
        var early = await host.InvokeAsync(a, "ChangeReadyState", expect: 1);
        Assert.Equal(early, (await host.WaitForCallbackAsync(a, "ERROR")).Fields[0]);
        Assert.Equal(early, (await host.WaitForEventAsync(a, "CommandFailed"))["TrackingID"]);

        // LogIn, ChangeReadyState, ChangeNotReadyState (reason code by code), ChangeReadyState.
        await LogInAsync(host, a, connector.AgentA, password, "3101");
        await ReadyAsync(host, a);
        await host.InvokeAsync(a, "ChangeNotReadyState", P("ReasonCode", "10"));
        var notReady = await host.WaitForEventAsync(a, "AgentStateChanged", e => e["AgentState"] == "NOT_READY");
        Assert.Equal("10", notReady["ReasonCode"]);
        Assert.Equal("Break", notReady["ReasonLabel"]);
        await host.WaitForToolbarAsync(a, Toolbar.NotReady);

        // A bad request: an unknown reason code is refused by the Connector (CommandFailed, HandleError).
        var bad = await host.InvokeAsync(a, "ChangeNotReadyState", P("ReasonCode", "99"));
        var failed = await host.WaitForEventAsync(a, "CommandFailed");
        Assert.Equal(bad, failed["TrackingID"]);
        Assert.Equal("ChangeNotReadyState", failed["Command"]);
        Assert.Equal("REASON_CODE_UNKNOWN", failed["ErrorCode"]);
        var error = await host.WaitForCallbackAsync(a, "ERROR");
        Assert.Equal(bad, error.Fields[0]);
        Assert.StartsWith("REASON_CODE_UNKNOWN: ", error.Fields[1], StringComparison.Ordinal);
        await host.WaitForToolbarAsync(a, Toolbar.NotReady);

        // Inbound call 1: ring (call variables with , # | intact), answer, attach data, DTMF, hold/retrieve.
        await ReadyAsync(host, a);
        var call1 = await RingAsync(host, emulator, a, "3101", P("callVariable1", "account 42, priority #1 | gold", "user.Language", "fr-CA"));
        await AnswerAsync(host, a, call1);

        await host.InvokeAsync(a, "AttachData", P("callVariable2", "x,y", "user.Note", "a#b|c"));
        var data = await host.WaitForEventAsync(a, "CallDataChanged", e => e["callVariable2"] == "x,y");
        Assert.Equal("a#b|c", data["user.Note"]);
        Assert.Equal("account 42, priority #1 | gold", data["callVariable1"]);

        await host.InvokeAsync(a, "SendDTMF", P("Digits", "123#"));
        await WaitForDtmfAsync(emulator, call1, "123#");

        await HoldRetrieveAsync(host, a, call1);

        // The same through Siebel's work-item exports: SuspendWorkItem and ResumeWorkItem on the call.
        await host.WorkItemAsync(a, "suspend", call1);
        await host.WaitForEventAsync(a, "CallHeld", e => e["DialogId"] == call1);
        Assert.Equal(call1, (await host.WaitForCallbackAsync(a, "SUSPENDED")).Fields[0]);
        await host.WaitForToolbarAsync(a, Toolbar.Held);
        await host.WorkItemAsync(a, "resume", call1);
        await host.WaitForEventAsync(a, "CallRetrieved", e => e["DialogId"] == call1);
        Assert.Equal(call1, (await host.WaitForCallbackAsync(a, "RESUMED")).Fields[0]);
        await host.WaitForToolbarAsync(a, Toolbar.Active);
        await host.WorkItemAsync(a, "resume", "no-such-item", expect: 13); // SC_EC_INVALID_ITEM_TRACKING_ID

        // Consult an external number, complete the transfer: both legs leave the agent; wrap-up follows.
        await host.InvokeAsync(a, "ConsultCall", P("PhoneNumber", "5550100"));
        var consult = await host.WaitForEventAsync(a, "ConsultEstablished");
        Assert.Equal("CONSULT", consult["CallType"]);
        Assert.Equal("5550100", consult["DNIS"]);
        var consultItem = await host.WaitForCallbackAsync(a, "INDICATE", l => l.Fields[0] == consult["DialogId"]);
        Assert.Equal("2", consultItem.Fields[2]); // SC_WM_OUTBOUND
        await host.WaitForToolbarAsync(a, Toolbar.ConsultActive);
        await host.InvokeAsync(a, "TransferComplete");
        await host.WaitForEventAsync(a, "CallTransferred", e => e["DialogId"] == call1);
        await host.WaitForCallbackAsync(a, "RELEASED", l => l.Fields[0] == call1);
        await host.WaitForCallbackAsync(a, "RELEASED", l => l.Fields[0] == consult["DialogId"]);
        await host.WaitForEventAsync(a, "AgentStateChanged", e => e["AgentState"] == "WORK_READY");
        await host.WaitForToolbarAsync(a, Toolbar.WrapUp);

        await host.InvokeAsync(a, "SetWrapUp", P("ReasonCode", "Sale"));
        await host.WaitForEventAsync(a, "CallDataChanged", e => e["DialogId"] == call1 && e["WrapUpReason"] == "Sale");
        await WaitForWrapUpReasonAsync(emulator, call1, "Sale");

        // Inbound call 2 from wrap-up: ready, answer, consult, conference, release.
        await ReadyAsync(host, a);
        var call2 = await RingAsync(host, emulator, a, "3101", P("callVariable1", "second"));
        await AnswerAsync(host, a, call2);
        await host.InvokeAsync(a, "ConsultCall", stringParam: "5550101");
        await host.WaitForEventAsync(a, "ConsultEstablished");
        await host.WaitForToolbarAsync(a, Toolbar.ConsultActive);
        await host.InvokeAsync(a, "ConferenceComplete");
        var conference = await host.WaitForEventAsync(a, "CallConferenced", e => e["DialogId"] == call2);
        Assert.Equal("3", conference["ParticipantCount"]);
        await host.WaitForToolbarAsync(a, Toolbar.Active);
        await host.InvokeAsync(a, "ReleaseCall");
        var released = await host.WaitForEventAsync(a, "CallReleased", e => e["DialogId"] == call2);
        Assert.Equal("RELEASED", released["EndReason"]);
        await host.WaitForCallbackAsync(a, "RELEASED", l => l.Fields[0] == call2);
        await host.WaitForToolbarAsync(a, Toolbar.WrapUp);
        await host.InvokeAsync(a, "ChangeNotReadyState", P("ReasonCode", "Break"));
        await host.WaitForEventAsync(a, "AgentStateChanged", e => e["AgentState"] == "NOT_READY" && e["ReasonCode"] == "10");
        await host.WaitForToolbarAsync(a, Toolbar.NotReady);

        // Outbound: MakeCall, the far end answers, BlindTransfer; no wrap-up on outgoing calls.
        await host.InvokeAsync(a, "MakeCall", P("PhoneNumber", "5550111"));
        var dialing = await host.WaitForEventAsync(a, "CallDialing");
        Assert.Equal("3101", dialing["ANI"]);
        Assert.Equal("5550111", dialing["DialedNumber"]);
        Assert.Equal("2", (await host.WaitForCallbackAsync(a, "INDICATE")).Fields[2]); // SC_WM_OUTBOUND
        var connected = await host.WaitForEventAsync(a, "CallEstablished", e => e["DialogId"] == dialing["DialogId"]);
        Assert.Equal("OUT", connected["CallType"]);
        await host.WaitForToolbarAsync(a, Toolbar.Active);
        await host.InvokeAsync(a, "BlindTransfer", P("PhoneNumber", "5550122"));
        await host.WaitForEventAsync(a, "CallTransferred", e => e["DialogId"] == dialing["DialogId"]);
        await host.WaitForCallbackAsync(a, "RELEASED", l => l.Fields[0] == dialing["DialogId"]);
        await host.WaitForToolbarAsync(a, Toolbar.NotReady);

        // A request Finesse refuses: calling one's own extension.
        var own = await host.InvokeAsync(a, "MakeCall", P("PhoneNumber", "3101"));
        var refused = await host.WaitForEventAsync(a, "CommandFailed");
        Assert.Equal(own, refused["TrackingID"]);
        Assert.Equal("MakeCall", refused["Command"]);
        await host.WaitForToolbarAsync(a, Toolbar.NotReady);

        // ResetState asks the Connector for the full state again.
        await host.InvokeAsync(a, "ResetState");
        await host.WaitForEventAsync(a, "AgentStateChanged", e => e["AgentState"] == "NOT_READY" && e["ReasonCode"] == "10");

        await host.InvokeAsync(a, "LogOut", P("ReasonCode", "20"));
        var loggedOut = await host.WaitForEventAsync(a, "AgentStateChanged", e => e["AgentState"] == "LOGOUT");
        Assert.Equal("20", loggedOut["ReasonCode"]);
        await host.WaitForToolbarAsync(a, Toolbar.LoggedOut);
        host.AssertNoProblems();
    }

    [Fact]
    public async Task TwoAgents_CallEachOther_BothSeeTheCall()
    {
        await using var connector = new ConnectorUnderTest();
        await connector.InitializeAsync();
        await using var host = await SiebelHost.StartAsync(connector);
        const string a = "A", b = "B";
        await host.AddServiceAsync(a);
        await host.AddServiceAsync(b);
        await LogInAsync(host, a, connector.AgentA, "pw, with # and | ü", "3101");
        await LogInAsync(host, b, connector.AgentB, "pw-b", "3102");
        await ReadyAsync(host, b);

        host.Mark(b);
        await host.InvokeAsync(a, "MakeCall", P("PhoneNumber", "3102"));
        var dialing = await host.WaitForEventAsync(a, "CallDialing");
        var dialogId = dialing["DialogId"]!;
        Assert.Equal("3102", dialing["DialedNumber"]);
        await host.WaitForToolbarAsync(a, Toolbar.Active);

        var ringing = await host.WaitForEventAsync(b, "CallRinging");
        Assert.Equal(dialogId, ringing["DialogId"]);
        Assert.Equal("3101", ringing["ANI"]);
        Assert.Equal("3102", ringing["DNIS"]);
        Assert.Equal(dialogId, (await host.WaitForCallbackAsync(b, "INDICATE")).Fields[0]);
        await host.WaitForToolbarAsync(b, Toolbar.Alerting);

        host.Mark(a);
        await host.WorkItemAsync(b, "accept", dialogId); // Siebel's AcceptWorkItem answers the ringing call
        await host.WaitForEventAsync(b, "CallEstablished", e => e["DialogId"] == dialogId);
        await host.WaitForCallbackAsync(b, "STARTED", l => l.Fields[0] == dialogId);
        await host.WaitForToolbarAsync(b, Toolbar.Active);
        await host.WaitForEventAsync(a, "CallEstablished", e => e["DialogId"] == dialogId);
        await host.WaitForCallbackAsync(a, "STARTED", l => l.Fields[0] == dialogId);
        await host.WaitForToolbarAsync(a, Toolbar.Active);

        host.Mark(b);
        await host.WorkItemAsync(a, "release", dialogId); // Siebel's ReleaseWorkItem hangs up
        await host.WaitForEventAsync(a, "CallReleased", e => e["DialogId"] == dialogId);
        await host.WaitForCallbackAsync(a, "RELEASED", l => l.Fields[0] == dialogId);
        await host.WaitForEventAsync(b, "CallReleased", e => e["DialogId"] == dialogId);
        await host.WaitForCallbackAsync(b, "RELEASED", l => l.Fields[0] == dialogId);
        await host.WaitForToolbarAsync(a, Toolbar.NotReady);
        await host.WaitForToolbarAsync(b, Toolbar.Ready);

        await host.InvokeAsync(b, "ChangeNotReadyState", P("ReasonCode", "10"));
        await host.WaitForToolbarAsync(b, Toolbar.NotReady);
        foreach (var svc in new[] { a, b })
        {
            await host.InvokeAsync(svc, "LogOut", P("ReasonCode", "20"));
            await host.WaitForToolbarAsync(svc, Toolbar.LoggedOut);
        }

        host.AssertNoProblems();
    }

    [Fact]
    public async Task HundredAgents_LogInAtOnce_ThroughOneDriver()
    {
        await using var connector = new ConnectorUnderTest { ExtraAgentCount = 100 };
        await connector.InitializeAsync();
        await using var host = await SiebelHost.StartAsync(connector);
        var agents = connector.ExtraAgents;
        await Task.WhenAll(agents.Select(agent => host.AddServiceAsync(agent.LoginId)));

        await Task.WhenAll(agents.Select(agent => LogInAsync(host, agent.LoginId, agent.LoginId, agent.Password, agent.Extension)));

        await Task.WhenAll(agents.Select(async agent =>
        {
            await host.InvokeAsync(agent.LoginId, "LogOut", P("ReasonCode", "20"));
            await host.WaitForEventAsync(agent.LoginId, "AgentStateChanged", e => e["AgentState"] == "LOGOUT");
            await host.WaitForToolbarAsync(agent.LoginId, Toolbar.LoggedOut);
        }));
        host.AssertNoProblems();
    }

    private static async Task WaitForDialogAsync(EmulatorControl emulator, string dialogId, Func<XElement, bool> match, string what)
    {
        var clock = TimeProvider.System;
        var deadline = clock.GetUtcNow() + SiebelHost.Wait;
        XElement? dialog = null;
        while (clock.GetUtcNow() < deadline)
        {
            var state = await emulator.StateAsync();
            dialog = state.Descendants("Dialog").FirstOrDefault(d => (string?)d.Element("id") == dialogId);
            if (dialog is not null && match(dialog))
            {
                return;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"dialog {dialogId}: {what} not seen in /emulator/state within {SiebelHost.Wait.TotalSeconds} s; last: {dialog}");
    }

    private static Task WaitForDtmfAsync(EmulatorControl emulator, string dialogId, string digits) =>
        WaitForDialogAsync(emulator, dialogId, d => (string?)d.Element("sentDtmf") == digits, $"sentDtmf {digits}");

    private static Task WaitForWrapUpReasonAsync(EmulatorControl emulator, string dialogId, string reason) =>
        WaitForDialogAsync(emulator, dialogId, d => d.Descendants("wrapUpReason").Any(w => w.Value == reason), $"wrapUpReason {reason}");
}
