using SiebelCti.Connector.Engine;
using SiebelCti.Connector.Engine.Ports;
using SiebelCti.Connector.Contract;

namespace SiebelCti.Connector.Core.Tests.Engine;

/// <summary>Bursts larger than the Finesse REST limit: every request answered, the limit held, each stage's failure named.</summary>
public sealed class ConnectorEngineBurstTests
{
    [Fact]
    public async Task A_burst_larger_than_the_REST_limit_completes_with_the_limit_held()
    {
        await using var h = new EngineHarness(new EngineOptions { MaxConcurrentFinesseRequests = 4 });
        await h.BringInServiceAsync();
        var agents = Enumerable.Range(1, 40).Select(i => "a" + i).ToList();
        foreach (var agent in agents)
        {
            await h.ConnectAndLoginAsync("c1", agent);
        }

        h.Finesse.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = agents.ToDictionary(a => h.Request("c1", new Ready(), a), a => a);
        await EngineHarness.WaitUntilAsync(() => h.Finesse.InFlight == 4);
        var heldAtOnce = h.Finesse.InFlight;
        h.Finesse.Gate.SetResult();
        var answered = new HashSet<string>();
        for (var i = 0; i < agents.Count; i++)
        {
            var call = await h.Finesse.NextCallAsync("ChangeState");
            h.Notify(new AgentStateNotification(call.AgentId, new AgentState("READY", Extension: "1001"), call.RequestId));
        }

        while (answered.Count < agents.Count)
        {
            var envelope = await h.NextAsync("c1");
            if (envelope.CorrelationId is { } id && requests.ContainsKey(id))
            {
                Assert.IsType<AgentState>(envelope.Message);
                answered.Add(id);
            }
        }

        Assert.Equal(4, heldAtOnce);
        Assert.True(h.Finesse.MaxInFlight <= 4, $"{h.Finesse.MaxInFlight} calls ran at once");
        Assert.Equal(agents.Count, answered.Count);
    }

    [Fact]
    public async Task A_request_that_waits_past_its_deadline_is_not_sent_and_says_where_it_stopped()
    {
        await using var h = new EngineHarness(new EngineOptions { MaxConcurrentFinesseRequests = 1, QueueTimeout = TimeSpan.FromSeconds(10) });
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");
        await h.ConnectAndLoginAsync("c1", "a2");
        await h.ConnectAndLoginAsync("c1", "a3");

        h.Finesse.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Request("c1", new Ready(), "a1");
        await EngineHarness.WaitUntilAsync(() => h.Finesse.InFlight == 1);
        var expiring = h.Request("c1", new Ready(), "a2", deadline: h.Time.GetUtcNow().AddSeconds(5));
        var waiting = h.Request("c1", new Ready(), "a3");
        await h.SyncAsync();
        h.Time.Advance(TimeSpan.FromSeconds(6));
        var expired = await h.NextAsync("c1");
        h.Time.Advance(TimeSpan.FromSeconds(5));
        var busy = await h.NextAsync("c1");
        h.Finesse.Gate.SetResult();

        Assert.Equal(expiring, expired.CorrelationId);
        Assert.Equal(ConnectorErrorCode.RequestExpired, Assert.IsType<Error>(expired.Message).Code);
        Assert.Contains("not sent", Assert.IsType<Error>(expired.Message).Message, StringComparison.Ordinal);
        Assert.Equal(waiting, busy.CorrelationId);
        Assert.Equal(ConnectorErrorCode.ConnectorBusy, Assert.IsType<Error>(busy.Message).Code);
        Assert.DoesNotContain(h.Finesse.AllCalls, c => c.Operation == "ChangeState" && c.AgentId != "a1");
    }

    [Fact]
    public async Task The_Finesse_timeout_counts_from_the_moment_the_request_was_sent()
    {
        await using var h = new EngineHarness(new EngineOptions { MaxConcurrentFinesseRequests = 1, RequestTimeout = TimeSpan.FromSeconds(10), QueueTimeout = TimeSpan.FromSeconds(30) });
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");
        await h.ConnectAndLoginAsync("c1", "a2");

        h.Finesse.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Request("c1", new Ready(), "a1");
        await EngineHarness.WaitUntilAsync(() => h.Finesse.InFlight == 1);
        var queued = h.Request("c1", new Ready(), "a2");
        await h.SyncAsync();
        h.Time.Advance(TimeSpan.FromSeconds(8));  // a2 waits 8 s for the slot
        h.Finesse.Gate.SetResult();
        await EngineHarness.WaitUntilAsync(() => h.Finesse.AllCalls.Count(c => c.Operation == "ChangeState") == 2);
        await h.SyncAsync();
        h.Time.Advance(TimeSpan.FromSeconds(5)); // 13 s after it arrived, 5 s after it was sent: no timeout yet
        await h.SyncAsync();
        var early = h.Broker.DrainAll("c1").Where(e => e.CorrelationId == queued).ToList();
        h.Time.Advance(TimeSpan.FromSeconds(6));
        var timeout = await h.NextAsync("c1");
        while (timeout.CorrelationId != queued)
        {
            timeout = await h.NextAsync("c1");
        }

        Assert.Empty(early);
        Assert.Equal(ConnectorErrorCode.RequestTimeout, Assert.IsType<Error>(timeout.Message).Code);
        Assert.Contains("was sent to Finesse", Assert.IsType<Error>(timeout.Message).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_with_too_many_requests_in_progress_is_told_so()
    {
        await using var h = new EngineHarness(new EngineOptions { MaxPendingRequestsPerAgent = 2 });
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");

        h.Finesse.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Request("c1", new Ready(), "a1");
        h.Request("c1", new Ready(), "a1");
        var third = h.Request("c1", new Ready(), "a1");
        var busy = await h.NextAsync("c1");
        h.Finesse.Gate.SetResult();

        Assert.Equal(third, busy.CorrelationId);
        Assert.Equal(ConnectorErrorCode.AgentBusy, Assert.IsType<Error>(busy.Message).Code);
    }
}
