using SiebelCti.Finesse.Xmpp;

namespace SiebelCti.Finesse.Tests.Xmpp;

/// <summary>The asynchronous event receiver: awaited in order, and a receiver that waits stops the session reading.</summary>
public sealed class XmppEventSinkTests
{
    [Fact]
    public async Task A_waiting_sink_gets_events_one_at_a_time_in_order_and_holds_back_the_read_loop()
    {
        await using var server = new FakeXmppServer();
        await using var client = new XmppClient(XmppClientTests.Options(server.Port) with { EventQueueCapacity = 2 });
        var sink = new GatedSink();
        client.EventSink = sink;
        await client.ConnectAsync(TestContext.Current.CancellationToken);
        var session = await server.NextSessionAsync();

        // Five items, then a ping: with two event slots and the sink holding the first item, the
        // read loop waits for a slot before it reaches the ping.
        var items = string.Concat(Enumerable.Range(1, 5).Select(i =>
            $"<message from='pubsub.fake.example'><event xmlns='http://jabber.org/protocol/pubsub#event'><items node='/n'><item id='{i}'><notification xmlns='http://jabber.org/protocol/pubsub'>n{i}</notification></item></items></event></message>"));
        await session.SendAsync(items + "<iq type='get' id='after-items' from='fake.example'><ping xmlns='urn:xmpp:ping'/></iq>");
        await sink.FirstCall.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // Give a read loop that would not wait every chance to answer the ping now.
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(session.Stanzas, s => s.Contains("id='after-items'", StringComparison.Ordinal));
        Assert.Equal(["1"], sink.Items);

        sink.Release();
        await session.WaitForStanzaAsync(s => s.Contains("id='after-items'", StringComparison.Ordinal));
        await sink.AllFive.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(["1", "2", "3", "4", "5"], sink.Items);
        Assert.Equal(1, sink.MostAtOnce);
        Assert.Equal(XmppState.Connected, client.State);
    }

    [Fact]
    public async Task A_throwing_sink_does_not_stop_delivery()
    {
        await using var server = new FakeXmppServer();
        await using var client = new XmppClient(XmppClientTests.Options(server.Port));
        var sink = new GatedSink { ThrowOn = "1" };
        sink.Release();
        client.EventSink = sink;
        await client.ConnectAsync(TestContext.Current.CancellationToken);
        var session = await server.NextSessionAsync();

        await session.SendAsync(string.Concat(Enumerable.Range(1, 5).Select(i =>
            $"<message from='pubsub.fake.example'><event xmlns='http://jabber.org/protocol/pubsub#event'><items node='/n'><item id='{i}'><notification xmlns='http://jabber.org/protocol/pubsub'>n{i}</notification></item></items></event></message>")));

        await sink.AllFive.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(["1", "2", "3", "4", "5"], sink.Items);
    }

    private sealed class GatedSink : IXmppEventSink
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inside;

        public List<string> Items { get; } = [];

        public int MostAtOnce { get; private set; }

        public string? ThrowOn { get; init; }

        public TaskCompletionSource FirstCall { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource AllFive { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _gate.TrySetResult();

        public ValueTask OnStateChangedAsync(XmppStateChangedEventArgs change) => ValueTask.CompletedTask;

        public ValueTask OnPresenceAsync(XmppPresenceEvent presence) => ValueTask.CompletedTask;

        public async ValueTask OnPubSubAsync(PubSubEvent item)
        {
            var inside = Interlocked.Increment(ref _inside);
            lock (Items)
            {
                MostAtOnce = Math.Max(MostAtOnce, inside);
                Items.Add(item.ItemId!);
            }

            FirstCall.TrySetResult();
            try
            {
                await _gate.Task;
                if (item.ItemId == ThrowOn)
                {
                    throw new InvalidOperationException("a faulty receiver");
                }
            }
            finally
            {
                Interlocked.Decrement(ref _inside);
                if (item.ItemId == "5")
                {
                    AllFive.TrySetResult();
                }
            }
        }
    }
}
