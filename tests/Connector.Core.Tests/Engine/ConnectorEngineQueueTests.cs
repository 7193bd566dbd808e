using SiebelCti.Connector.Contract;
using SiebelCti.Connector.Engine;
using SiebelCti.Connector.Engine.Ports;

namespace SiebelCti.Connector.Core.Tests.Engine;

/// <summary>The engine's bounded queues: the work queue its ports write straight into, and the outbound queue to the broker.</summary>
public sealed class ConnectorEngineQueueTests
{
    [Fact]
    public async Task A_full_queue_makes_requests_and_notifications_wait_and_loses_none_of_them()
    {
        await using var h = new EngineHarness(new EngineOptions { WorkQueueCapacity = 16 }, start: false);
        var engine = h.Broker.Engine;
        engine.BrokerConnectivity(true); // a signal: takes at most one wake-up slot, never waits
        var writes = new List<ValueTask>();
        for (var i = 0; i < 40; i++)
        {
            var hello = new WireMessage("Hello", ConnectorMessageCodec.Encode(new Hello("test", "host")), $"hello-{i}", null, $"client-{i}", 1);
            writes.Add(engine.RequestAsync(hello, TestContext.Current.CancellationToken));
        }

        var health = engine.NotificationAsync(new FinesseHealthNotification(true, "A", "finesse-a", null), TestContext.Current.CancellationToken);

        // The loop is not running: 15 requests fit beside the wake-up, the rest wait for room.
        Assert.Equal(15, writes.Count(w => w.IsCompleted));
        Assert.False(health.IsCompleted);

        h.Start();
        foreach (var write in writes)
        {
            await write;
        }

        await health;
        for (var i = 0; i < 40; i++)
        {
            var answer = await h.NextAsync($"client-{i}");
            Assert.Equal($"hello-{i}", answer.CorrelationId);
            // In the order written: every Hello came before the health notification, so each was
            // answered while Finesse was not yet known to be usable.
            Assert.Equal(SystemStatus.OutOfService, Assert.IsType<SystemStatus>(answer.Message).Status);
        }

        await EngineHarness.WaitUntilAsync(() => h.Engine.Status.Status == SystemStatus.InService);
    }

    [Fact]
    public async Task A_request_written_after_the_broker_came_up_always_sees_it_up()
    {
        await using var h = new EngineHarness(start: false);
        h.Notify(new FinesseHealthNotification(true, "A", "finesse-a", null));
        h.BrokerUp();
        h.Request("c1", new Hello("test", "host"));
        h.Start();

        var status = await h.NextAsync<SystemStatus>("c1");
        Assert.Equal(SystemStatus.InService, status.Status);
    }

    [Fact]
    public async Task A_broker_blip_before_the_loop_took_the_signal_in_is_still_seen()
    {
        await using var h = new EngineHarness(start: false);

        // Up, down and up again before the loop runs: the latest state alone (up) would hide the
        // outage; the engine sees up, down, up and counts one reconnect.
        h.Broker.Connected(true);
        h.Broker.Connected(false);
        h.Broker.Connected(true);
        h.Start();

        var broker = (await h.FreshSnapshotAsync()).Broker;
        Assert.Equal((true, 1), (broker.Connected, broker.ReconnectCount));
    }

    [Fact]
    public async Task Events_beyond_a_full_outbound_queue_are_dropped_and_the_client_gets_its_state_again_once_it_drains()
    {
        await using var h = new EngineHarness(new EngineOptions { OutboundQueueCapacity = 16 });
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");

        // The broker stops taking messages: one event waits in the publisher, 16 in the queue.
        h.Broker.PublishGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var i = 0; i < 40; i++)
        {
            h.Notify(new AgentStateNotification("a1", new AgentState("NOT_READY", ReasonCode: $"{i}", Extension: "1001"), null));
        }

        h.Notify(new AgentStateNotification("a1", new AgentState("READY", Extension: "1001"), null));
        // A request answered by a Finesse call (no publishing) proves every notification before it was handled.
        h.Request("c1", new NotReady("8"), "a1");
        await h.Finesse.NextCallAsync("ChangeState");
        Assert.Single(h.Log.Entries, e => e.Message.Contains("[CONNECTOR_OUTBOUND_FULL]", StringComparison.Ordinal) && e.Message.Contains("c1", StringComparison.Ordinal));

        h.Broker.PublishGate.SetResult();
        var received = new List<AgentState>();
        await EngineHarness.WaitUntilAsync(() =>
        {
            received.AddRange(h.Broker.DrainAll("c1").Select(e => e.Message).OfType<AgentState>());
            h.Time.Advance(TimeSpan.FromSeconds(1)); // housekeeping: resyncs once the queue has drained to half
            return received.Count > 0 && received[^1].State == "READY";
        });

        // What fitted came through in order (16 queued, plus the one the publisher held if it had
        // taken it by then), the rest was dropped, and the resync told the final state.
        var passed = received.SkipLast(1).Select(s => int.Parse(s.ReasonCode!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.InRange(passed.Count, 16, 17);
        Assert.Equal(passed.Order(), passed);
        Assert.Equal(passed.Count, passed.Distinct().Count());
        Assert.Equal("READY", received[^1].State);
        Assert.Contains(h.Log.Entries, e => e.Message.Contains("client(s) that lost events get their full state again", StringComparison.Ordinal));
    }
}
