using SiebelCti.Connector.Contract;
using SiebelCti.OpenWire;
using SiebelCti.Integration.Tests.OpenWire;

namespace SiebelCti.Integration.Tests.Connector;

/// <summary>
/// The real ActiveMQ restarted (scripts/activemq.sh stop/start) in the middle of an established call,
/// with the customer hanging up while the broker is down. The client reconnects through failover:
/// and says Hello again, as the driver does; the Connector answers with the resync snapshot (state,
/// calls, and calls ended since the client was last heard from, all correlated to that Hello).
/// "Exactly once" at the driver side means: applying every message the client received after the
/// outage to its view (a Dialog or AgentState equal to what it holds is no change; a DialogEnded for
/// a call it no longer has is no change) yields each real change exactly once and no other.
/// </summary>
[Collection(BrokerRestartCollection.Name)]
public sealed class ConnectorBrokerRestartTests
{
    [Fact]
    public async Task Broker_restart_during_a_call_delivers_the_hang_up_exactly_once_and_requests_work_afterwards()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = new ConnectorUnderTest();
        await connector.InitializeAsync();
        await using var client = await connector.ClientAsync("restart");
        var agent = connector.AgentA;
        var hellos = new List<string>();
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Connection.StateChanged += (_, e) =>
        {
            if (e.Current == OpenWireConnectionState.Open && e.Previous == OpenWireConnectionState.Reconnecting)
            {
                // As the driver does (DriverInstance.OnLinkStatus): Hello again once the link is back.
                _ = Task.Run(async () =>
                {
                    var id = await client.SendAsync(new Hello("test", "it-host"));
                    lock (hellos)
                    {
                        hellos.Add(id);
                    }

                    reconnected.TrySetResult();
                }, ct);
            }
        };
        var ringing = await connector.EstablishedCallAsync(client, "restart");
        var view = new ClientView();
        foreach (var e in client.History)
        {
            view.Apply(e.Message);
        }

        var before = client.History.Count;

        await BrokerRestartTests.ActiveMqAsync("stop", ct);
        try
        {
            await connector.ControlAsync($"/emulator/dialogs/{ringing.Id}/hangup");
            await WaitUntilAsync(() => connector.Engine.GetSnapshot().Agents.Single(a => a.AgentId == agent).Calls.Count == 0, "the Connector seeing the hang-up");
        }
        finally
        {
            await BrokerRestartTests.ActiveMqAsync("start", ct);
        }

        await reconnected.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
        string hello;
        lock (hellos)
        {
            hello = hellos[^1];
        }

        await client.WaitForAsync(e => e.CorrelationId == hello && e.Message is AgentState, "the resync snapshot");
        var notReady = await client.SendAsync(new NotReady("10"), agent);
        var paused = await client.WaitForAsync(e => e.CorrelationId == notReady, "the NotReady answer after the restart");
        Assert.Equal("NOT_READY", Assert.IsType<AgentState>(paused.Message).State);

        var after = client.History.Skip(before).Where(e => e.CorrelationId != notReady).Select(e => e.Message).ToList();
        var changes = after.SelectMany(view.Apply).ToList();
        Assert.Equal(["agent READY", $"ended {ringing.Id}"], changes.Order(StringComparer.Ordinal));
        Assert.Empty(view.Dialogs);
        Assert.Equal("READY", view.State);

        // Unsolicited events (no correlation id) carry no duplicate either.
        var live = client.History.Skip(before).Where(e => e.CorrelationId is null && e.Message is not SystemStatus).Select(e => e.Message.ToString()).ToList();
        Assert.Equal(live.Distinct().Count(), live.Count);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(50, timeout.Token).ContinueWith(t => t.IsCanceled ? throw new TimeoutException($"no {what} within 30 s") : t, TaskScheduler.Default).Unwrap();
        }
    }

    /// <summary>What a driver holds: the agent state and its calls; <see cref="Apply"/> names the real changes a message makes.</summary>
    private sealed class ClientView
    {
        public string? State { get; private set; }

        public Dictionary<string, string> Dialogs { get; } = new(StringComparer.Ordinal);

        private AgentState? _agent;

        public IEnumerable<string> Apply(ConnectorMessage message)
        {
            switch (message)
            {
                case AgentState s when s != _agent:
                    _agent = s;
                    State = s.State;
                    return [$"agent {s.State}"];
                case Dialog d:
                    var encoded = ConnectorMessageCodec.Encode(d);
                    if (Dialogs.TryGetValue(d.Id, out var held) && held == encoded)
                    {
                        return [];
                    }

                    Dialogs[d.Id] = encoded;
                    return [$"dialog {d.Id} {d.State}"];
                case DialogEnded ended when Dialogs.Remove(ended.DialogId):
                    return [$"ended {ended.DialogId}"];
                default:
                    return [];
            }
        }
    }
}
