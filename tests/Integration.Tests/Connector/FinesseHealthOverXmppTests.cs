using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SiebelCti.Connector.Engine.Adapters;
using SiebelCti.Connector.Engine.Ports;
using SiebelCti.Finesse.Rest;
using SiebelCti.Finesse.Xmpp;
using SiebelCti.FinesseEmulator;
using SiebelCti.FinesseEmulator.Testing;
using SiebelCti.Integration.Tests.Xmpp;

namespace SiebelCti.Integration.Tests.Connector;

/// <summary>
/// The notification half of Finesse's health on the real prosody: the Connector's agent sessions
/// watch the <c>finesse</c> user's presence (played here by a test session that approves
/// subscriptions, as Finesse does) and Finesse is out of service while that user is unavailable,
/// even though SystemInfo (the emulator) says IN_SERVICE. The poll interval is long, so every change
/// seen here was reported by the presence itself, not by a poll.
/// </summary>
public sealed class FinesseHealthOverXmppTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Finesse_presence_going_away_and_back_moves_health_out_of_and_into_service()
    {
        var ct = TestContext.Current.CancellationToken;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var agent = new AgentCredentials("hp-agent-" + suffix, "agent-pw");
        var finesseUser = "hp-finesse-" + suffix;
        await ProsodyAccounts.AddUserAsync(agent.AgentId, agent.Password);
        await ProsodyAccounts.AddUserAsync(finesseUser, "finesse-pw");

        var root = Directory.CreateTempSubdirectory("health-xmpp").FullName;
        await using var emulator = EmulatorApp.Build([], EmulatorTestConfig.Standard(), contentRoot: root);
        await emulator.StartAsync(ct);
        var sideA = emulator.Services.GetRequiredService<Listeners>().UrlsOf(0).Single();
        var rest = new FinesseRestClient(new FinesseOptions { SideA = sideA, AllowHttp = true });
        await using var hub = new FinesseNotificationHub(new FinesseNotificationOptions
        {
            Xmpp = ProsodyAccounts.Options("template", "template", resource: "connector"),
            FinesseUser = finesseUser,
            HealthPollInterval = TimeSpan.FromMinutes(10),
        }, rest, NullLoggerFactory.Instance);
        var engine = new RecordedEngineInput();
        hub.Attach(engine);
        await using var finesse = new XmppClient(ProsodyAccounts.Options(finesseUser, "finesse-pw", resource: "Finesse") with { AutoApprovePresenceSubscriptions = true });
        try
        {
            hub.Start();
            var first = await NextHealthAsync(engine, ct);
            Assert.True(first.InService);
            Assert.Null(first.XmppConnected);

            await finesse.ConnectAsync(ct);
            await hub.SubscribeAsync(agent, ct);
            var up = await NextHealthAsync(engine, ct, h => h.FinessePresenceAvailable == true);
            Assert.True(up.InService);
            Assert.True(up.XmppConnected);

            await finesse.DisconnectAsync(ct);
            var down = await NextHealthAsync(engine, ct, h => h.FinessePresenceAvailable == false);
            Assert.False(down.InService);
            Assert.True(down.XmppConnected);
            Assert.Contains("finesse user is unavailable", down.Reason, StringComparison.Ordinal);

            await finesse.ConnectAsync(ct);
            var back = await NextHealthAsync(engine, ct, h => h.FinessePresenceAvailable == true);
            Assert.True(back.InService);
            Assert.Null(back.Reason);
        }
        finally
        {
            await emulator.StopAsync(CancellationToken.None);
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<FinesseHealthNotification> NextHealthAsync(RecordedEngineInput engine, CancellationToken ct, Func<FinesseHealthNotification, bool>? until = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Wait);
        while (true)
        {
            var notification = await engine.Notifications.Reader.ReadAsync(timeout.Token);
            if (notification is FinesseHealthNotification health && (until is null || until(health)))
            {
                return health;
            }
        }
    }
}
