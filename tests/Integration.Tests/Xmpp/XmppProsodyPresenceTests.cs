using SiebelCti.Finesse.Xmpp;

namespace SiebelCti.Integration.Tests.Xmpp;

/// <summary>Watching the <c>finesse</c> user's presence (reference finesse.md §4.7) on the real prosody.</summary>
public sealed class XmppProsodyPresenceTests
{
    private const string Password = "presence-pw";

    [Fact]
    public async Task Agent_sees_the_watched_user_become_available_and_unavailable()
    {
        var ct = TestContext.Current.CancellationToken;
        var watched = "xt-finesse-" + Guid.NewGuid().ToString("N")[..8];
        await ProsodyAccounts.AddUserAsync("xt-watcher", Password);
        await ProsodyAccounts.AddUserAsync(watched, Password);
        var watchedJid = watched + "@" + TestServices.XmppDomain;
        await using var agent = new XmppClient(ProsodyAccounts.Options("xt-watcher", Password));
        await using var finesse = new XmppClient(ProsodyAccounts.Options(watched, Password, resource: "Finesse") with { AutoApprovePresenceSubscriptions = true });
        var events = new EventCollector(agent);
        await Task.WhenAll(agent.ConnectAsync(ct), finesse.ConnectAsync(ct));

        await agent.RequestPresenceSubscriptionAsync(watchedJid, ct);

        var available = await events.WaitForAsync<XmppPresenceEvent>(p => p.FromBare == watchedJid && p.IsAvailable);
        Assert.Equal(0, available.Priority);
        Assert.Equal(watchedJid + "/Finesse", available.From);

        await finesse.DisconnectAsync(ct);

        await events.WaitForAsync<XmppPresenceEvent>(p => p.FromBare == watchedJid && p.Type == "unavailable");
    }
}
