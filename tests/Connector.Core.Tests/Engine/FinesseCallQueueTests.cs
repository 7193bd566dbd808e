using SiebelCti.Connector.Engine;

namespace SiebelCti.Connector.Core.Tests.Engine;

public sealed class FinesseCallQueueTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static QueuedCall Call(string name, List<string> expired, DateTimeOffset? deadline = null) =>
        new(deadline ?? T0.AddMinutes(1), T0, _ => Task.CompletedTask, _ => { }, _ => expired.Add(name)) { Started = null };

    [Fact]
    public void Agents_take_turns_and_one_agent_never_has_two_calls_in_flight()
    {
        var queue = new FinesseCallQueue(maxConcurrent: 2, maxQueuedPerAgent: 10);
        var expired = new List<string>();
        foreach (var n in new[] { "a1", "a2", "a3" })
        {
            queue.TryEnqueue("busy", Call("busy-" + n, expired));
        }

        queue.TryEnqueue("b", Call("b-1", expired));
        queue.TryEnqueue("c", Call("c-1", expired));
        var started = new List<string>();
        queue.Dispatch(T0, (agent, _) => started.Add(agent), _ => { });
        queue.Completed("busy");
        queue.Dispatch(T0, (agent, _) => started.Add(agent), _ => { });
        queue.Completed("b");
        queue.Dispatch(T0, (agent, _) => started.Add(agent), _ => { });

        // "busy" queued three calls first, yet b and c are served before its second one.
        Assert.Equal(["busy", "b", "c", "busy"], started);
        Assert.Equal(2, queue.InFlight);
        Assert.Equal(1, queue.Queued);
        Assert.Empty(expired);
    }

    [Fact]
    public void Owners_take_turns_before_agents_so_one_broker_users_thousand_agents_do_not_starve_another_user()
    {
        // Before: turns were per agent only, so a broker user sending Logins for 1,000 invented agent ids put its
        // 1,000 calls ahead of another Siebel server's agent, whose request then expired waiting.
        var queue = new FinesseCallQueue(maxConcurrent: 1, maxQueuedPerAgent: 10);
        var expired = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            queue.TryEnqueue($"invented{i}", "user:crm01", Call($"i{i}", expired));
        }

        queue.TryEnqueue("real", "user:crm02", Call("real", expired));
        queue.TryEnqueue("own", Call("own", expired)); // the Connector's own call: an owner of its own
        var started = new List<string>();
        for (var round = 0; round < 4; round++)
        {
            queue.Dispatch(T0, (agent, _) => started.Add(agent), _ => { });
            queue.Completed(started[^1]);
        }

        Assert.Equal(["invented0", "real", "own", "invented1"], started);
        Assert.Equal(998, queue.Queued);
    }

    [Fact]
    public void An_agents_calls_stay_one_at_a_time_whichever_owner_queued_them()
    {
        var queue = new FinesseCallQueue(maxConcurrent: 4, maxQueuedPerAgent: 10);
        var expired = new List<string>();
        queue.TryEnqueue("a1", "user:crm01", Call("first", expired));
        queue.TryEnqueue("a1", "user:crm02", Call("second", expired));
        var started = new List<string>();

        queue.Dispatch(T0, (agent, call) => started.Add(agent), _ => { });
        Assert.Equal(["a1"], started);
        queue.Completed("a1");
        queue.Dispatch(T0, (agent, call) => started.Add(agent), _ => { });

        Assert.Equal(["a1", "a1"], started);
        Assert.Equal(0, queue.Queued);
    }

    [Fact]
    public void A_call_past_its_deadline_is_expired_not_started()
    {
        var queue = new FinesseCallQueue(maxConcurrent: 1, maxQueuedPerAgent: 10);
        var expired = new List<string>();
        queue.TryEnqueue("a", Call("first", expired));
        queue.TryEnqueue("b", Call("late", expired, T0.AddSeconds(5)));
        queue.TryEnqueue("c", Call("on-time", expired, T0.AddMinutes(5)));
        var started = new List<string>();
        queue.Dispatch(T0, (agent, _) => started.Add(agent), c => c.Expired(c));

        queue.ExpireWaiting(T0.AddSeconds(6), c => c.Expired(c));
        queue.Completed("a");
        queue.Dispatch(T0.AddSeconds(6), (agent, _) => started.Add(agent), c => c.Expired(c));

        Assert.Equal(["a", "c"], started);
        Assert.Equal(["late"], expired);
        Assert.Equal(0, queue.Queued);
    }

    [Fact]
    public void An_agent_cannot_queue_more_than_its_share()
    {
        var queue = new FinesseCallQueue(maxConcurrent: 1, maxQueuedPerAgent: 2);
        var expired = new List<string>();

        Assert.True(queue.TryEnqueue("a", Call("1", expired)));
        Assert.True(queue.TryEnqueue("a", Call("2", expired)));
        Assert.False(queue.TryEnqueue("a", Call("3", expired)));
        Assert.True(queue.TryEnqueue("b", Call("4", expired)));
    }
}
