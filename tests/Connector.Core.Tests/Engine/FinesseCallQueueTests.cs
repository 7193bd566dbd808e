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
