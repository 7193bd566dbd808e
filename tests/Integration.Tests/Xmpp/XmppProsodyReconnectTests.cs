using SiebelCti.Finesse.Xmpp;

namespace SiebelCti.Integration.Tests.Xmpp;

/// <summary>Server-side loss of a session on the real prosody: the client comes back and its subscription still delivers.</summary>
public sealed class XmppProsodyReconnectTests
{
    private const string Password = "reconnect-pw";

    [Fact]
    public async Task Session_closed_by_the_server_reconnects_and_the_subscription_still_delivers_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await ProsodyAccounts.AddUserAsync("xt-kick", Password);
        var node = "/finesse/api/User/" + Guid.NewGuid().ToString("N");
        await using var agent = new XmppClient(ProsodyAccounts.Options("xt-kick", Password));
        await using var admin = new XmppClient(ProsodyAccounts.Options(ProsodyAccounts.AdminUser, ProsodyAccounts.AdminPassword, resource: "emulator-kick"));
        var events = new EventCollector(agent);
        await Task.WhenAll(agent.ConnectAsync(ct), admin.ConnectAsync(ct));
        await admin.PublishAsync(ProsodyAccounts.PubSubService, node, "<Update/>", cancellationToken: ct);
        await agent.SubscribeAsync(ProsodyAccounts.PubSubService, node, ct);
        await admin.PublishAsync(ProsodyAccounts.PubSubService, node, "before", "before", ct);
        await events.WaitForAsync<PubSubEvent>(e => e.ItemId == "before");

        var kick = await ProsodyAccounts.RunScriptAsync("kick", "xt-kick");
        Assert.True(kick.ExitCode == 0, kick.Text);
        Assert.Contains("1 sessions closed", kick.Text, StringComparison.Ordinal);

        var lost = await events.WaitForAsync<XmppStateChangedEventArgs>(s => s.Current == XmppState.Reconnecting);
        Assert.NotNull(lost.Error);
        await events.WaitForAsync<XmppStateChangedEventArgs>(s => s.Current == XmppState.Connected && s.Previous == XmppState.Reconnecting);

        await admin.PublishAsync(ProsodyAccounts.PubSubService, node, "after <&> ü", "after", ct);
        var after = await events.WaitForAsync<PubSubEvent>(e => e.ItemId == "after");
        Assert.Equal("after <&> ü", after.PayloadText);

        // Exactly one subscription for the session's JID: the replay checked before subscribing again.
        var subscriptions = await agent.GetSubscriptionsAsync(ProsodyAccounts.PubSubService, node, ct);
        Assert.Single(subscriptions, s => s.Jid == agent.Jid && s.State == "subscribed");
        await admin.PublishAsync(ProsodyAccounts.PubSubService, node, "marker", "marker", ct);
        await events.WaitForAsync<PubSubEvent>(e => e.ItemId == "marker");
        Assert.Single(events.Seen<PubSubEvent>(), e => e.ItemId == "after");
    }

    [Fact]
    public async Task Automatic_pings_are_answered_by_prosody_and_keep_the_session()
    {
        var ct = TestContext.Current.CancellationToken;
        await ProsodyAccounts.AddUserAsync("xt-ping", Password);
        var wire = new WireLog();
        var options = ProsodyAccounts.Options("xt-ping", Password) with { PingInterval = TimeSpan.FromSeconds(1), PingTimeout = TimeSpan.FromSeconds(5) };
        await using var client = new XmppClient(options, wire);
        var events = new EventCollector(client);
        await client.ConnectAsync(ct);

        // Wait for three automatic ping round trips (ids of the pings sent, answered by results with the same id).
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (wire.AnsweredPings() < 3)
        {
            await Task.Delay(50, timeout.Token);
        }

        Assert.True(await client.PingAsync(ct) < TimeSpan.FromSeconds(5));
        Assert.Equal(XmppState.Connected, client.State);
        Assert.DoesNotContain(events.Seen<XmppStateChangedEventArgs>(), s => s.Current == XmppState.Reconnecting);
    }
}
