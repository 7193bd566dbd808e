using Microsoft.Extensions.Time.Testing;
using SiebelCti.Finesse.Xmpp;

namespace SiebelCti.Finesse.Tests.Xmpp;

/// <summary>Ping cadence, ping timeout, back-off and subscription replay, on fake time.</summary>
public sealed class XmppPingAndReconnectTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Unanswered_ping_drops_the_session_then_it_reconnects_after_the_backoff_and_replays_subscriptions()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new FakeXmppServer { AnswerPings = false };
        var time = new FakeTimeProvider();
        var options = XmppClientTests.Options(server.Port) with
        {
            PingInterval = TimeSpan.FromSeconds(15),
            PingTimeout = TimeSpan.FromSeconds(10),
            ReconnectDelayInitial = TimeSpan.FromSeconds(2),
            ReconnectDelayMax = TimeSpan.FromSeconds(8),
            ReconnectJitter = 0.5,
        };
        await using var client = new XmppClient(options, null, time, () => 0.5);
        var states = new StateRecorder(client);
        await client.ConnectAsync(ct);
        var first = await server.NextSessionAsync();
        await client.SubscribeAsync("pubsub.fake.example", "/finesse/api/Team/7/Users", ct);
        var connectedAt = time.GetUtcNow();

        // No ping before the interval.
        for (var i = 0; i < 14; i++)
        {
            time.Advance(Step);
            await Task.Delay(5, ct);
        }

        Assert.DoesNotContain(first.Stanzas, IsPing);

        // The ping goes out once the interval has passed (small steps: little fake time passes while the server reads it).
        await AdvanceUntilAsync(time, () => first.Stanzas.Any(IsPing), TimeSpan.FromMilliseconds(100));
        Assert.True(time.GetUtcNow() - connectedAt >= options.PingInterval);

        // Unanswered but within the timeout: still connected.
        time.Advance(options.PingTimeout / 2);
        await Task.Delay(50, ct);
        Assert.Equal(XmppState.Connected, client.State);

        // Past the timeout: the session is dropped with PingTimeout.
        await AdvanceUntilAsync(time, () => client.State == XmppState.Reconnecting);
        var lost = await states.WaitForAsync(s => s.Current == XmppState.Reconnecting);
        Assert.Equal(XmppErrorKind.PingTimeout, lost.Error?.Kind);
        Assert.Equal(1, server.SessionCount);

        // The first reconnect waits ReconnectDelayInitial (jitter factor 1 with random 0.5).
        var lostAt = time.GetUtcNow();
        await AdvanceUntilAsync(time, () => server.SessionCount == 2, TimeSpan.FromMilliseconds(250));
        Assert.True(time.GetUtcNow() - lostAt >= options.ReconnectDelayInitial);
        var second = await server.NextSessionAsync();
        await states.WaitForAsync(s => s.Current == XmppState.Connected && s.Previous == XmppState.Reconnecting);

        // The recorded subscription was checked and replayed on the new session, before "Connected".
        Assert.Contains(second.Stanzas, s => s.Contains("<subscriptions node='/finesse/api/Team/7/Users'/>", StringComparison.Ordinal));
        Assert.Contains(second.Stanzas, s => s.Contains("<subscribe node='/finesse/api/Team/7/Users' jid='agent@fake.example/test'/>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Answered_pings_keep_the_session_and_repeat_every_interval()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new FakeXmppServer();
        var time = new FakeTimeProvider();
        var options = XmppClientTests.Options(server.Port) with { PingInterval = TimeSpan.FromSeconds(10), PingTimeout = TimeSpan.FromMinutes(2) };
        await using var client = new XmppClient(options, null, time);
        await client.ConnectAsync(ct);
        var session = await server.NextSessionAsync();

        for (var round = 0; round < 3; round++)
        {
            var before = session.Stanzas.Count(IsPing);
            await AdvanceUntilAsync(time, () => session.Stanzas.Count(IsPing) > before);

            // Answered in order after the automatic ping: once it returns, the client has seen that answer too.
            await client.PingAsync(ct);
        }

        Assert.Equal(XmppState.Connected, client.State);
        Assert.Equal(1, server.SessionCount);
    }

    [Fact]
    public async Task Reconnect_attempts_back_off_while_the_server_is_unreachable()
    {
        var ct = TestContext.Current.CancellationToken;
        var server = new FakeXmppServer();
        var port = server.Port;
        var time = new FakeTimeProvider();
        var options = XmppClientTests.Options(port) with
        {
            ReconnectDelayInitial = TimeSpan.FromSeconds(1),
            ReconnectDelayMax = TimeSpan.FromSeconds(4),
            ReconnectJitter = 0,
        };
        await using var client = new XmppClient(options, null, time);
        var states = new StateRecorder(client);
        await client.ConnectAsync(ct);
        await server.NextSessionAsync();

        await server.DisposeAsync(); // the server goes away; connects are refused from now on
        await states.WaitForAsync(s => s.Current == XmppState.Reconnecting);
        await AdvanceUntilAsync(time, () => client.LastError?.Kind == XmppErrorKind.ConnectFailed, TimeSpan.FromMilliseconds(250));

        Assert.Equal(XmppState.Reconnecting, client.State);
        await client.DisconnectAsync(ct);
        Assert.Equal(XmppState.Disconnected, client.State);
    }

    [Theory]
    [InlineData(1, 0.5, 1000)]
    [InlineData(2, 0.5, 2000)]
    [InlineData(3, 0.5, 4000)]
    [InlineData(4, 0.5, 8000)]
    [InlineData(5, 0.5, 15000)]
    [InlineData(50, 0.5, 15000)]
    [InlineData(1, 0.0, 500)]
    [InlineData(1, 1.0, 1500)]
    [InlineData(5, 0.0, 7500)]
    public void Reconnect_delay_doubles_up_to_the_maximum_and_is_spread_by_the_jitter(int attempt, double random, int expectedMs)
    {
        var options = new XmppOptions
        {
            ReconnectDelayInitial = TimeSpan.FromSeconds(1),
            ReconnectDelayMax = TimeSpan.FromSeconds(15),
            ReconnectJitter = 0.5,
        };

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), XmppClient.ReconnectDelay(attempt, options, random));
    }

    [Fact]
    public void Rate_guard_lets_a_burst_through_then_asks_to_wait_and_refills_with_time()
    {
        var time = new FakeTimeProvider();
        var guard = new StanzaRateGuard(10, time);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(TimeSpan.Zero, guard.Take());
        }

        Assert.Equal(TimeSpan.FromMilliseconds(100), guard.Take());
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, guard.Take());
        Assert.Equal(TimeSpan.Zero, new StanzaRateGuard(0, time).Take());
    }

    private static bool IsPing(string stanza) => stanza.Contains("urn:xmpp:ping", StringComparison.Ordinal);

    /// <summary>Advances fake time in steps until <paramref name="condition"/> holds (bounded by a generous real timeout).</summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider time, Func<bool> condition, TimeSpan? step = null)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            time.Advance(step ?? Step);
            await Task.Delay(20, cts.Token);
        }
    }
}
