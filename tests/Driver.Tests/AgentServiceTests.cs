using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SiebelCti.Connector.Messaging;
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

        public TimeSpan RequestTimeout => TimeSpan.FromSeconds(5);

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
        Assert.Equal(["AnswerCall"], toolbar.Fields!.Where(f => f.Value != "2").Select(f => f.Key));
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
}
