using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SiebelCti.Connector.Contract;
using SiebelCti.Driver.Configuration;
using SiebelCti.Driver.Services;
using SiebelCti.Interop;

namespace SiebelCti.Driver.Tests;

public sealed class AgentServiceTests
{
    private sealed class FakeHost : IServiceHost
    {
        private int _sequence;

        public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

        public TimeProvider Time => Clock;

        public TimeSpan TimeoutOf(ConnectorRequest request) => request is Login ? TimeSpan.FromSeconds(30) : TimeSpan.FromSeconds(5);

        public CommandDefaults Defaults { get; set; } = CommandDefaults.None;

        public ConcurrentQueue<ConnectorEnvelope> Sent { get; } = new();

        public bool LinkUp { get; set; } = true;

        public StatusReport? LastStatus { get; set; }

        public string NewRequestId() => $"r{Interlocked.Increment(ref _sequence)}";

        public bool TrySend(ConnectorEnvelope request)
        {
            if (LinkUp)
            {
                Sent.Enqueue(request);
            }
            return LinkUp;
        }

        public void AgentChanged(AgentService service, string? previous, string agentId)
        {
        }
    }

    private static Dialog Ringing(string id = "d1") => new(id, "ALERTING", "ACD_IN", "5551000", "1001",
        [new Participant("5551000", "ACTIVE", []), new Participant("1001", "ALERTING", [])],
        new Dictionary<string, string> { ["callVariable1"] = "acct 42, #1 | gold" }, new Dictionary<string, string> { ["user.Lang"] = "fr" });

    private static (AgentService Service, RecordingClient Client, FakeHost Host) Start(StatusReport? status = null)
    {
        var host = new FakeHost { LastStatus = status };
        var client = new RecordingClient();
        var service = new AgentService(host, client, NullLogger.Instance, "a1", "1001");
        service.Deliver(new ConnectorEnvelope(new AgentState("NOT_READY", Extension: "1001"), null, "a1"));
        Wait.Until(() => client.Events("AgentStateChanged").Length == 1);
        return (service, client, host);
    }

    [Fact]
    public void A_new_service_shows_the_logged_out_toolbar_and_the_connector_status()
    {
        var host = new FakeHost { LastStatus = StatusReport.From(new SystemStatus(SystemStatus.InService, "ok", "B")) };
        var client = new RecordingClient();
        var service = new AgentService(host, client, NullLogger.Instance, null, null);

        Wait.Until(() => client.Has(c => c.Method == "ShowStatusText"));
        var toolbar = client.Calls.First(c => c.Method == "CacheCommandInformation");
        Assert.Equal(["LogIn"], toolbar.Fields!.Where(f => f.Value != "2").Select(f => f.Key));
        Assert.Equal("IN_SERVICE", client.Events("ConnectorStatus").Single().Fields!.Single(f => f.Key == "Status").Value);
        Assert.Contains("side B", client.Calls.First(c => c.Method == "ShowStatusText").A, StringComparison.Ordinal);
        service.Release();
    }

    [Fact]
    public void An_unchanged_agent_state_is_shown_again_only_when_it_answers_a_command()
    {
        var (service, client, host) = Start();

        // The Connector's resync after a reconnect repeats the state Siebel already shows.
        service.Deliver(new ConnectorEnvelope(new AgentState("NOT_READY", Extension: "1001"), null, "a1"));
        service.Deliver(new ConnectorEnvelope(new AgentState("READY", Extension: "1001"), null, "a1"));
        Wait.Until(() => client.Events("AgentStateChanged").Length >= 2);
        Assert.Equal(["NOT_READY", "READY"], States());

        Assert.Equal(ScErrorCode.SC_EC_OK, service.InvokeCommand("trk-r", "ResetState", null, []));
        var reset = host.Sent.Last();
        Assert.IsType<GetState>(reset.Message);
        service.Deliver(new ConnectorEnvelope(new AgentState("READY", Extension: "1001"), reset.CorrelationId, "a1"));
        Wait.Until(() => client.Events("AgentStateChanged").Length == 3);
        Assert.Equal(["NOT_READY", "READY", "READY"], States());
        service.Release();

        string[] States() => [.. client.Events("AgentStateChanged").Select(e => e.Fields!.Single(f => f.Key == "AgentState").Value)];
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // the first notification may come before the one carrying the request's id
    public void A_dialled_call_whose_first_dialog_names_no_destination_reports_the_number_the_agent_dialled(bool answersTheRequest)
    {
        var (service, client, host) = Start();

        Assert.Equal(ScErrorCode.SC_EC_OK, service.InvokeCommand("trk-m", "MakeCall", null, [new("PhoneNumber", "5550111")]));
        var makeCall = host.Sent.Last();
        Assert.Equal(new MakeCall("5550111"), makeCall.Message);
        service.Deliver(new ConnectorEnvelope(new Dialog("d7", "INITIATING", "AGENT_INSIDE", "1001", null,
            [new Participant("1001", "INITIATING", [])], new Dictionary<string, string>(), new Dictionary<string, string>()), answersTheRequest ? makeCall.CorrelationId : null, "a1"));

        Wait.Until(() => client.Events("CallDialing").Length == 1);
        var dialing = client.Events("CallDialing").Single().Fields!;
        Assert.Equal("5550111", dialing.Single(f => f.Key == "DialedNumber").Value);
        Assert.Contains(client.Calls, c => c.Method == "IndicateNewWorkItem" && c.A == "d7");
        service.Release();
    }

    [Fact]
    public void A_ringing_call_raises_CallRinging_with_every_field_a_new_work_item_and_the_alerting_toolbar()
    {
        var (service, client, _) = Start();

        service.Deliver(new ConnectorEnvelope(Ringing(), null, "a1"));

        Wait.Until(() => client.Has(c => c.Method == "IndicateNewWorkItem"));
        Wait.Until(() => client.Calls.Count(c => c.Method == "CacheCommandInformation") >= 3);
        var ringing = client.Events("CallRinging").Single();
        var fields = ringing.Fields!.ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal("5551000", fields["ANI"]);
        Assert.Equal("1001", fields["DNIS"]);
        Assert.Equal("d1", fields["TrackingID"]);
        Assert.Equal("d1", fields["DialogId"]);
        Assert.Equal("ACD_IN", fields["CallType"]);
        Assert.Equal("NOT_READY", fields["AgentState"]);
        Assert.Equal("acct 42, #1 | gold", fields["callVariable1"]);
        Assert.Equal("fr", fields["user.Lang"]);
        Assert.Equal("SC_WM_INBOUND", client.Calls.Single(c => c.Method == "IndicateNewWorkItem").B);
        var toolbar = client.Calls.Last(c => c.Method == "CacheCommandInformation");
        Assert.Equal(["AnswerCall", "AttachData"], toolbar.Fields!.Where(f => f.Value != "2").Select(f => f.Key));
        service.Release();
    }

    [Theory]
    [InlineData("TRANSFER")]
    [InlineData("CONFERENCE")]
    public void A_call_transferred_or_conferenced_to_the_agent_rings_as_inbound_with_the_original_call_data_although_already_connected(string callType)
    {
        var (service, client, _) = Start();

        service.Deliver(new ConnectorEnvelope(Ringing("d7") with
        {
            State = "ACTIVE",
            CallType = callType,
            Participants = [new Participant("5551000", "ACTIVE", []), new Participant("1001", "ACTIVE", []), new Participant("1002", "DROPPED", [])],
            DialedNumber = "8005550100",
            Dnis = "1001",
        }, null, "a1"));

        Wait.Until(() => client.Has(c => c.Method == "WorkItemStarted"));
        Assert.Empty(client.Events("CallDialing"));
        var ringing = client.Events("CallRinging").Single().Fields!.ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal(("d7", "5551000", callType, "acct 42, #1 | gold", "8005550100"),
            (ringing["DialogId"], ringing["ANI"], ringing["CallType"], ringing["callVariable1"], ringing["DialedNumber"]));
        Assert.Equal("SC_WM_INBOUND", client.Calls.Single(c => c.Method == "IndicateNewWorkItem").B);
        Assert.Single(client.Events("CallEstablished"));
        Assert.Equal(["HandleEvent:CallRinging", "IndicateNewWorkItem", "HandleEvent:CallEstablished", "WorkItemStarted"],
            client.Calls.Where(c => c.Method is "IndicateNewWorkItem" or "WorkItemStarted" || (c.Method == "HandleEvent" && c.A is "CallRinging" or "CallEstablished"))
                .Select(c => c.Method == "HandleEvent" ? $"HandleEvent:{c.A}" : c.Method));
        service.Release();
    }

    [Fact]
    public void The_consulted_agent_sees_the_consult_call_ring_and_connect_as_an_ordinary_inbound_call()
    {
        var (service, client, _) = Start();
        var fromColleague = new Dialog("d5", "ALERTING", "CONSULT", "1002", "1001",
            [new Participant("1002", "ACTIVE", []), new Participant("1001", "ALERTING", [])], new Dictionary<string, string>(), new Dictionary<string, string>());

        service.Deliver(new ConnectorEnvelope(fromColleague, null, "a1"));
        service.Deliver(new ConnectorEnvelope(fromColleague with { State = "ACTIVE", Participants = [new Participant("1002", "ACTIVE", []), new Participant("1001", "ACTIVE", [])] }, null, "a1"));
        Wait.Until(() => client.Has(c => c.Method == "WorkItemStarted"));

        Assert.Single(client.Events("CallRinging"));
        Assert.Single(client.Events("CallEstablished"));
        Assert.Empty(client.Events("ConsultEstablished")); // that is the consulting agent's own leg connecting
        Assert.Equal("SC_WM_INBOUND", client.Calls.Single(c => c.Method == "IndicateNewWorkItem").B);
        service.Release();
    }

    [Theory]
    [InlineData("NotReady", "READY", new[] { "NotReady:9", "Disconnect" })]
    [InlineData("NotReady", "TALKING", new[] { "NotReady:9", "Disconnect" })]
    [InlineData("NotReady", "NOT_READY", new[] { "Disconnect" })]
    [InlineData("NotReady", "LOGOUT", new[] { "Disconnect" })]
    [InlineData("Logout", "READY", new[] { "NotReady:9", "Logout:20", "Disconnect" })]
    [InlineData("Logout", "NOT_READY", new[] { "Logout:20", "Disconnect" })]
    [InlineData("None", "READY", new[] { "Disconnect" })]
    public void Releasing_a_signed_in_agents_service_asks_for_Not_Ready_or_sign_out_by_the_release_action(string releaseAction, string state, string[] expected)
    {
        var action = Enum.Parse<ReleaseAction>(releaseAction);
        var (service, client, _) = Start();
        Assert.Equal(ScErrorCode.SC_EC_OK, service.InvokeCommand("t1", "LogIn", null, [new("AgentPin", "pw")]));
        service.Deliver(new ConnectorEnvelope(new AgentState(state, Extension: "1001"), null, "a1"));
        Wait.Until(() => service.View.AgentState == state);

        var farewell = service.FarewellRequests(action, "9", "20");

        Assert.Equal(expected, farewell.Select(r => r switch
        {
            NotReady n => $"NotReady:{n.ReasonCode}",
            Logout l => $"Logout:{l.ReasonCode}",
            _ => r.MessageType,
        }));
        service.Release();
    }

    [Fact]
    public void An_empty_AgentId_or_Extension_in_LogIn_keeps_the_services_own()
    {
        // A Siebel macro such as {@SelectedDN} can expand to nothing. Before: the Login went out with the service's
        // extension, but the service then kept "" and lost its own participant in every dialog (and its agent, re-keyed to "").
        var (service, _, host) = Start();

        Assert.Equal(ScErrorCode.SC_EC_OK, service.InvokeCommand("t1", "LogIn", null, [new("AgentId", ""), new("AgentPin", "pw"), new("Extension", "")]));

        Assert.Equal(("a1", "1001"), (service.View.AgentId, service.View.Extension));
        var login = host.Sent.Single(e => e.Message is Login);
        Assert.Equal(("a1", "1001"), (login.AgentId, ((Login)login.Message).Extension));
        service.Release();
    }

    [Fact]
    public void A_LogIn_as_another_agent_while_the_first_is_signed_in_is_refused_and_changes_nothing()
    {
        // Before: the service was re-keyed to the second agent and the first stayed signed in (and Ready) at the
        // Connector with no toolbar; releasing the service then said farewell for the second agent only.
        var (service, client, host) = Start();
        Assert.Equal(ScErrorCode.SC_EC_OK, service.InvokeCommand("t1", "LogIn", null, [new("AgentPin", "pw")]));
        service.Deliver(new ConnectorEnvelope(new AgentState("READY", Extension: "1001"), null, "a1"));
        Wait.Until(() => service.View.AgentState == "READY");
        var sentBefore = host.Sent.Count;

        var result = service.InvokeCommand("t2", "LogIn", null, [new("AgentId", "a2"), new("AgentPin", "pw2"), new("Extension", "1002")]);

        Assert.NotEqual(ScErrorCode.SC_EC_OK, result);
        Assert.Equal(sentBefore, host.Sent.Count);
        Assert.Equal(("a1", "1001"), (service.View.AgentId, service.View.Extension));
        Wait.Until(() => client.Has(c => c.Method == "HandleError" && c.A == "t2"));
        Assert.Contains("LogOut first", client.Calls.First(c => c.Method == "HandleError" && c.A == "t2").B, StringComparison.Ordinal);
        Assert.Equal(["NotReady", "Disconnect"], service.FarewellRequests(ReleaseAction.NotReady, "9", null).Select(r => r.MessageType));
        service.Release();
    }

    [Fact]
    public void A_LogIn_as_another_agent_after_the_first_signed_out_disconnects_the_first()
    {
        var (service, _, host) = Start();
        Assert.Equal(ScErrorCode.SC_EC_OK, service.InvokeCommand("t1", "LogIn", null, [new("AgentPin", "pw")]));
        Assert.Equal(ScErrorCode.SC_EC_OK, service.InvokeCommand("t2", "LogOut", null, []));
        service.Deliver(new ConnectorEnvelope(new AgentState("LOGOUT", Extension: "1001"), null, "a1"));
        Wait.Until(() => service.View.AgentState == "LOGOUT");

        Assert.Equal(ScErrorCode.SC_EC_OK, service.InvokeCommand("t3", "LogIn", null, [new("AgentId", "a2"), new("AgentPin", "pw2"), new("Extension", "1002")]));

        var after = host.Sent.SkipWhile(e => e.Message is not Logout).Skip(1).Select(e => $"{e.Message.MessageType}:{e.AgentId}").ToList();
        Assert.Equal(["Disconnect:a1", "Connect:a2", "Login:a2"], after);
        Assert.Equal(("a2", "1002"), (service.View.AgentId, service.View.Extension));
        service.Release();
    }

    [Fact]
    public void A_service_that_never_connected_its_agent_says_nothing_when_released()
    {
        var (service, _, _) = Start();

        Assert.Empty(service.FarewellRequests(ReleaseAction.NotReady, "9", null));
        service.Release();
    }

    [Fact]
    public void Answer_hold_retrieve_and_release_drive_the_work_item_callbacks()
    {
        var (service, client, host) = Start();
        service.Deliver(new ConnectorEnvelope(Ringing(), null, "a1"));
        Wait.Until(() => service.View.Dialogs.Length == 1);

        Assert.Equal(ScErrorCode.SC_EC_OK, service.WorkItemCommand("AcceptWorkItem", "AnswerCall", "d1"));
        var answer = host.Sent.Last();
        Assert.Equal(new Answer("d1"), answer.Message);
        Assert.Equal("a1", answer.AgentId);
        Assert.Equal(1, service.PendingCount);
        service.Deliver(new ConnectorEnvelope(Ringing() with { Participants = [new Participant("1001", "ACTIVE", [])] }, answer.CorrelationId, "a1"));
        Wait.Until(() => client.Has(c => c.Method == "WorkItemStarted"));
        Assert.Equal(0, service.PendingCount);
        Assert.Single(client.Events("CallEstablished"));

        service.Deliver(new ConnectorEnvelope(Ringing() with { Participants = [new Participant("1001", "HELD", [])] }, null, "a1"));
        Wait.Until(() => client.Has(c => c.Method == "WorkItemSuspended"));
        service.Deliver(new ConnectorEnvelope(Ringing() with { Participants = [new Participant("1001", "ACTIVE", [])] }, null, "a1"));
        Wait.Until(() => client.Has(c => c.Method == "WorkItemResumed"));
        service.Deliver(new ConnectorEnvelope(new DialogEnded("d1"), null, "a1"));
        Wait.Until(() => client.Has(c => c.Method == "WorkItemReleased" && c.A == "d1"));
        Assert.Single(client.Events("CallHeld"));
        Assert.Single(client.Events("CallRetrieved"));
        Assert.Single(client.Events("CallReleased"));
        Assert.Empty(service.View.Dialogs);
        service.Release();
    }

    [Fact]
    public void A_request_acknowledged_by_the_connectors_status_answer_is_no_longer_pending()
    {
        var (service, client, host) = Start();
        Assert.Equal(ScErrorCode.SC_EC_OK, service.InvokeCommand("trk-8", "MakeCall", null, [new("PhoneNumber", "5552000")]));
        var request = host.Sent.Last();
        Assert.Equal(1, service.PendingCount);

        service.Acknowledge(request.CorrelationId!);

        // Removed at once, so the timeout check has nothing left to fail.
        Assert.Equal(0, service.PendingCount);
        service.Release();
        Assert.DoesNotContain(client.Calls, c => c.Method == "HandleError");
    }

    [Fact]
    public void A_request_without_an_answer_fails_with_HandleError_carrying_the_tracking_id_after_the_timeout()
    {
        var (service, client, host) = Start();

        Assert.Equal(ScErrorCode.SC_EC_OK, service.InvokeCommand("trk-7", "MakeCall", null, [new("PhoneNumber", "5552000")]));
        service.CheckTimeouts(host.Clock.GetUtcNow() + TimeSpan.FromSeconds(4));
        Assert.Equal(1, service.PendingCount);
        host.Clock.Advance(TimeSpan.FromSeconds(6));
        service.CheckTimeouts(host.Clock.GetUtcNow());

        Wait.Until(() => client.Has(c => c.Method == "HandleError"));
        var error = client.Calls.Single(c => c.Method == "HandleError");
        Assert.Equal("trk-7", error.A);
        Assert.Contains("DRIVER_REQUEST_TIMEOUT", error.B, StringComparison.Ordinal);
        Wait.Until(() => client.Events("CommandFailed").Length == 1);
        Assert.Equal(0, service.PendingCount);
        service.Release();
    }

    [Fact]
    public void A_LogIn_waits_for_its_answer_as_long_as_the_login_timeout_not_the_request_timeout()
    {
        var (service, client, host) = Start();

        Assert.Equal(ScErrorCode.SC_EC_OK, service.InvokeCommand("trk-login", "LogIn", null, [new("AgentId", "5001"), new("AgentPin", "pw"), new("Extension", "3001")]));
        service.Acknowledge(host.Sent.Single(e => e.Message is Connect).CorrelationId!); // the Connect is answered at once
        host.Clock.Advance(TimeSpan.FromSeconds(29));
        service.CheckTimeouts(host.Clock.GetUtcNow());
        Assert.DoesNotContain(client.Calls, c => c.Method == "HandleError");
        Assert.True(service.PendingCount > 0);

        host.Clock.Advance(TimeSpan.FromSeconds(2));
        service.CheckTimeouts(host.Clock.GetUtcNow());
        Wait.Until(() => client.Has(c => c.Method == "HandleError"));
        var error = client.Calls.First(c => c.Method == "HandleError");
        Assert.Equal("trk-login", error.A);
        Assert.Contains("within 30 s", error.B, StringComparison.Ordinal);
        service.Release();
    }

    [Fact]
    public void A_connector_Error_fails_the_command_with_its_tracking_id()
    {
        var (service, client, host) = Start();
        service.InvokeCommand("trk-9", "ChangeNotReadyState", null, [new("ReasonCode", "7")]);
        var request = host.Sent.Last();
        Assert.Equal(new NotReady("7"), request.Message);

        service.Deliver(new ConnectorEnvelope(new Error("FINESSE_REJECTED", "not allowed now", "NotReady"), request.CorrelationId, "a1"));

        Wait.Until(() => client.Has(c => c.Method == "HandleError"));
        Assert.Equal("trk-9", client.Calls.Single(c => c.Method == "HandleError").A);
        Wait.Until(() => client.Events("CommandFailed").Length == 1);
        var failed = client.Events("CommandFailed").Single().Fields!.ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal("ChangeNotReadyState", failed["Command"]);
        Assert.Equal("FINESSE_REJECTED", failed["ErrorCode"]);
        service.Release();
    }

    [Fact]
    public void A_command_while_the_link_is_down_returns_a_network_error_and_reports_it()
    {
        var (service, client, host) = Start();
        host.LinkUp = false;

        Assert.Equal(ScErrorCode.SC_EC_NETWORK_ERROR, service.InvokeCommand("trk-1", "ChangeReadyState", null, []));
        Wait.Until(() => client.Has(c => c.Method == "HandleError" && c.A == "trk-1"));
        Assert.Equal(0, service.PendingCount);
        service.Release();
    }

    [Fact]
    public void Nothing_calls_back_after_Release()
    {
        var (service, client, _) = Start();
        service.Release();
        var count = client.Calls.Count;

        service.Deliver(new ConnectorEnvelope(Ringing(), null, "a1"));
        service.DeliverStatus(StatusReport.Link(false, "gone"));

        Assert.True(service.Completion.IsCompleted);
        Assert.Equal(count, client.Calls.Count);
    }

    [Fact]
    public void Logout_with_calls_left_cleans_all_work_items()
    {
        var (service, client, _) = Start();
        service.Deliver(new ConnectorEnvelope(Ringing(), null, "a1"));
        service.Deliver(new ConnectorEnvelope(new AgentState("LOGOUT"), null, "a1"));

        Wait.Until(() => client.Has(c => c.Method == "CleanAllWorkItem"));
        Wait.Until(() => client.Calls.Last(c => c.Method == "CacheCommandInformation").Fields!.Single(f => f.Key == "LogIn").Value != "2");
        service.Release();
    }
    private static Dialog Consult(string id, string myState) => new(id, "ACTIVE", "CONSULT", "1001", "5550100",
        [new Participant("1001", myState, []), new Participant("5550100", "ACTIVE", [])], new Dictionary<string, string>(), new Dictionary<string, string>());

    /// <summary>The held original and the active consult leg of agent a1 (extension 1001).</summary>
    private static (AgentService Service, RecordingClient Client, FakeHost Host) StartInConsultation()
    {
        var started = Start();
        var (service, _, _) = started;
        service.Deliver(new ConnectorEnvelope(Ringing() with { Participants = [new Participant("5551000", "ACTIVE", []), new Participant("1001", "HELD", [])] }, null, "a1"));
        service.Deliver(new ConnectorEnvelope(Consult("d2", "ACTIVE"), null, "a1"));
        Wait.Until(() => service.View.Dialogs.Length == 2 && service.View.Dialogs.Any(d => d.Id == "d2" && d.MyState == "ACTIVE"));
        return started;
    }

    [Fact]
    public void A_consult_transfer_ending_in_wrap_up_reports_CallTransferred_and_releases_both_work_items_once()
    {
        var (service, client, host) = StartInConsultation();
        Assert.Equal(ScErrorCode.SC_EC_OK, service.InvokeCommand("trk-x", "TransferComplete", null, []));
        var transfer = host.Sent.Last();
        Assert.Equal(new TransferComplete("d1"), transfer.Message);

        // What Finesse reports to the transferring agent when wrap-up applies: the consult leg goes
        // away, the original survives with the consulted party joined and the agent in WRAP_UP.
        service.Deliver(new ConnectorEnvelope(new DialogEnded("d2"), transfer.CorrelationId, "a1"));
        service.Deliver(new ConnectorEnvelope(Ringing() with
        {
            CallType = "TRANSFER",
            Participants = [new Participant("5551000", "ACTIVE", []), new Participant("1001", "WRAP_UP", []), new Participant("5550100", "ACTIVE", [])],
        }, null, "a1"));
        service.Deliver(new ConnectorEnvelope(new AgentState("WORK_READY", Extension: "1001"), null, "a1"));
        Wait.Until(() => client.Calls.Count(c => c.Method == "WorkItemReleased") == 2 && client.Events("AgentStateChanged").Length == 2);

        Assert.Equal("d1", client.Events("CallTransferred").Single().Fields!.Single(f => f.Key == "DialogId").Value);
        var leg = client.Events("CallReleased").Single().Fields!.ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal(("d2", "TRANSFERRED"), (leg["DialogId"], leg["EndReason"])); // the consult leg merged into the transfer
        Assert.Empty(client.Events("CallConferenced"));
        Assert.Equal("d1", Assert.Single(service.View.Dialogs).Id); // kept for SetWrapUp
        Wait.Until(() => client.Calls.Last(c => c.Method == "CacheCommandInformation").Fields!.Single(f => f.Key == "SetWrapUp").Value != "2");

        // SetWrapUp acts on the dialog in wrap-up; the end of wrap-up releases nothing twice.
        Assert.Equal(ScErrorCode.SC_EC_OK, service.InvokeCommand("trk-w", "SetWrapUp", null, [new("ReasonCode", "Sale")]));
        Assert.Equal(new SetWrapUpReason("Sale", "d1"), host.Sent.Last().Message);
        service.Deliver(new ConnectorEnvelope(new DialogEnded("d1"), null, "a1"));
        service.Deliver(new ConnectorEnvelope(new AgentState("READY", Extension: "1001"), null, "a1"));
        Wait.Until(() => client.Events("AgentStateChanged").Length == 3);
        Assert.Equal(2, client.Calls.Count(c => c.Method == "WorkItemReleased"));
        Assert.Empty(service.View.Dialogs);
        service.Release();
    }

    [Fact]
    public void A_conference_raises_CallConferenced_once_on_the_original_and_releases_the_consult_leg()
    {
        var (service, client, host) = StartInConsultation();
        Assert.Equal(ScErrorCode.SC_EC_OK, service.InvokeCommand("trk-c", "ConferenceComplete", null, []));
        var conference = host.Sent.Last();

        service.Deliver(new ConnectorEnvelope(new DialogEnded("d2"), conference.CorrelationId, "a1"));
        service.Deliver(new ConnectorEnvelope(Ringing() with
        {
            CallType = "CONFERENCE",
            Participants = [new Participant("5551000", "ACTIVE", []), new Participant("1001", "ACTIVE", []), new Participant("5550100", "ACTIVE", [])],
        }, null, "a1"));
        Wait.Until(() => client.Events("CallConferenced").Length == 1);

        Assert.Equal("d1", client.Events("CallConferenced").Single().Fields!.Single(f => f.Key == "DialogId").Value);
        Assert.Equal("d2", client.Calls.Single(c => c.Method == "WorkItemReleased").A);
        var leg = client.Events("CallReleased").Single().Fields!.ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal(("d2", "CONFERENCED"), (leg["DialogId"], leg["EndReason"]));
        Assert.Equal("d1", Assert.Single(service.View.Dialogs).Id);
        service.Release();
    }

    [Fact]
    public void A_transfer_the_connector_refuses_leaves_a_later_release_a_plain_CallReleased()
    {
        var (service, client, host) = StartInConsultation();
        service.InvokeCommand("trk-x", "TransferComplete", null, []);
        var transfer = host.Sent.Last();
        service.Deliver(new ConnectorEnvelope(new Error("FINESSE_REJECTED", "no", "TransferComplete"), transfer.CorrelationId, "a1"));
        Wait.Until(() => client.Events("CommandFailed").Length == 1);

        service.Deliver(new ConnectorEnvelope(new DialogEnded("d2"), null, "a1"));
        Wait.Until(() => client.Has(c => c.Method == "WorkItemReleased" && c.A == "d2"));
        Assert.Equal("RELEASED", client.Events("CallReleased").Single().Fields!.Single(f => f.Key == "EndReason").Value);
        Assert.Empty(client.Events("CallTransferred"));
        service.Release();
    }
    [Fact]
    public void A_call_the_agent_dials_is_an_outbound_work_item_before_the_far_end_answers()
    {
        var (service, client, _) = Start();

        // Finesse's first notification of MAKE_CALL: the agent is the caller, callType AGENT_INSIDE.
        service.Deliver(new ConnectorEnvelope(new Dialog("d9", "INITIATED", "AGENT_INSIDE", "1001", "5552000",
            [new Participant("1001", "INITIATED", [])], new Dictionary<string, string>(), new Dictionary<string, string>()), null, "a1"));

        Wait.Until(() => client.Has(c => c.Method == "IndicateNewWorkItem"));
        Assert.Equal(nameof(ScWorkItemMode.SC_WM_OUTBOUND), client.Calls.Single(c => c.Method == "IndicateNewWorkItem").B);
        Assert.Single(client.Events("CallDialing"));
        Assert.Empty(client.Events("CallRinging"));
        service.Release();
    }

    [Fact]
    public void Events_Siebel_does_not_take_are_bounded_and_the_full_state_is_asked_for_once_it_catches_up()
    {
        var (service, client, host) = Start();
        using var gate = new ManualResetEventSlim(false);
        client.HandleEventGate = gate;
        var limit = AgentService.MaxQueuedEvents;
        for (var i = 0; i < limit + 1000; i++)
        {
            service.Deliver(new ConnectorEnvelope(new AgentState("NOT_READY", ReasonCode: $"{i}", Extension: "1001"), null, "a1"));
        }

        Assert.DoesNotContain(host.Sent, e => e.Message is GetState); // not while Siebel is still behind
        gate.Set();
        Wait.Until(() => host.Sent.Any(e => e.Message is GetState));
        // A marker after the resync request: shown once everything queued before it was.
        service.Deliver(new ConnectorEnvelope(new AgentState("READY", Extension: "1001"), null, "a1"));
        Wait.Until(() => client.Events("AgentStateChanged").Any(e => e.Fields!.Any(f => f.Value == "READY")));

        var shown = client.Events("AgentStateChanged").Skip(1).SkipLast(1)
            .Select(e => int.Parse(e.Fields!.Single(f => f.Key == "ReasonCode").Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.InRange(shown.Count, limit, limit + 1); // one may have been in Siebel's hands already
        Assert.Equal(shown.Order(), shown);
        Assert.Equal(0, shown[0]);
        Assert.Single(host.Sent, e => e.Message is GetState && e.AgentId == "a1" && e.CorrelationId is not null);
        service.Release();
    }
}
