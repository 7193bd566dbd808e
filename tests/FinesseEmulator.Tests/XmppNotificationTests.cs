using System.Globalization;
using System.Net;
using System.Threading.Channels;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using SiebelCti.Finesse.Xmpp;
using SiebelCti.FinesseEmulator.Publishing;
using SiebelCti.FinesseEmulator.Testing;
using static SiebelCti.FinesseEmulator.Tests.EmulatorFixture;

namespace SiebelCti.FinesseEmulator.Tests;

/// <summary>
/// The emulator publishing through the real prosody started by scripts/test.sh: accounts provisioned
/// by the emulator, agents auto-subscribed, and the exact Finesse envelope seen by our XmppClient.
/// </summary>
public sealed class XmppNotificationTests
{
    private static readonly XNamespace Event = "http://jabber.org/protocol/pubsub#event";
    private static readonly XNamespace PubSub = "http://jabber.org/protocol/pubsub";

    private static string Env(string name) => LabEnvironment.Get(name);

    [Fact]
    public async Task User_and_dialogs_updates_arrive_in_finesses_envelope()
    {
        var ct = TestContext.Current.CancellationToken;
        var domain = Env("SIEBELCTI_XMPP_DOMAIN");
        var port = int.Parse(Env("SIEBELCTI_XMPP_PORT"), CultureInfo.InvariantCulture);
        var run = Environment.GetEnvironmentVariable("SIEBELCTI_RUN") is { Length: > 0 } r ? r : Path.Combine(Env("SIEBELCTI_ROOT"), ".run");
        var agentId = "it" + Guid.NewGuid().ToString("N")[..12];
        const string password = "agent-pw-ü&<>'\"";

        var config = BaseConfig();
        EmulatorTestConfig.SingleSide(config);
        EmulatorTestConfig.SetAgent(config, 0, new TestAgent(agentId, password, "3001"));
        EmulatorTestConfig.ThroughProsody(config, "127.0.0.1", port, domain, run);
        var root = Directory.CreateTempSubdirectory("finesse-emulator-xmpp").FullName;
        await using var app = EmulatorApp.Build([], config, contentRoot: root);
        await app.StartAsync(ct);
        try
        {
            await app.Services.GetRequiredService<PublisherStatus>().Ready.WaitAsync(TimeSpan.FromSeconds(60), ct);
            var side = app.Services.GetRequiredService<Listeners>().UrlsOf(0).Single();

            // The agent signs in to the notification service with its own Finesse credentials and subscribes to nothing.
            await using var agent = new XmppClient(new XmppOptions
            {
                Host = "127.0.0.1",
                Port = port,
                Domain = domain,
                User = agentId,
                Password = password,
                Resource = "it",
                TlsMode = XmppTlsMode.None,
            });
            var messages = Channel.CreateUnbounded<XElement>();
            agent.MessageReceived += (_, m) => messages.Writer.TryWrite(m.Stanza);
            await agent.ConnectAsync(ct);

            using var http = Client(side, agentId, password);
            using (var login = new HttpRequestMessage(HttpMethod.Put, $"/finesse/api/User/{agentId}") { Content = XmlBody("<User><state>LOGIN</state><extension>3001</extension></User>") })
            {
                login.Headers.Add("requestId", "it-login");
                Assert.Equal(HttpStatusCode.Accepted, (await http.SendAsync(login, ct)).StatusCode);
            }

            var userNode = $"/finesse/api/User/{agentId}";
            var (stanza, update) = await WaitFor(messages, userNode, ct);
            Assert.Equal("message", stanza.Name.LocalName);
            Assert.Equal("pubsub." + domain, (string?)stanza.Attribute("from"));
            Assert.StartsWith($"{agentId}@{domain}", (string?)stanza.Attribute("to"), StringComparison.Ordinal);
            Assert.Null(stanza.Elements().FirstOrDefault(e => e.Name.LocalName == "body"));
            var items = stanza.Element(Event + "event")!.Element(Event + "items")!;
            Assert.Equal(userNode, (string?)items.Attribute("node"));
            var item = Assert.Single(items.Elements(Event + "item"));
            Assert.False(string.IsNullOrEmpty((string?)item.Attribute("id")));
            var notification = Assert.Single(item.Elements());
            Assert.Equal(PubSub + "notification", notification.Name);
            Assert.Empty(notification.Elements());
            Assert.IsType<XText>(Assert.Single(notification.Nodes()));

            Assert.Equal(["data", "event", "requestId", "source"], update.Elements().Select(e => e.Name.LocalName));
            Assert.Equal(("PUT", "it-login", userNode), ((string)update.Element("event")!, (string)update.Element("requestId")!, (string)update.Element("source")!));
            var user = update.Element("data")!.Element("user")!;
            Assert.Equal(("NOT_READY", "3001", agentId), ((string)user.Element("state")!, (string)user.Element("extension")!, (string)user.Element("loginId")!));

            using (var call = new HttpRequestMessage(HttpMethod.Post, $"/finesse/api/User/{agentId}/Dialogs")
            {
                Content = XmlBody("<Dialog><requestedAction>MAKE_CALL</requestedAction><fromAddress>3001</fromAddress><toAddress>0611111111</toAddress></Dialog>"),
            })
            {
                call.Headers.Add("requestId", "it-call");
                Assert.Equal(HttpStatusCode.Accepted, (await http.SendAsync(call, ct)).StatusCode);
            }

            var dialogsNode = $"/finesse/api/User/{agentId}/Dialogs";
            var (_, post) = await WaitFor(messages, dialogsNode, ct);
            Assert.Equal(("POST", "it-call", dialogsNode), ((string)post.Element("event")!, (string)post.Element("requestId")!, (string)post.Element("source")!));
            var dialog = post.Element("data")!.Element("dialogs")!.Element("Dialog")!;
            Assert.Equal(("INITIATING", "AGENT_INSIDE"), ((string)dialog.Element("state")!, (string)dialog.Element("mediaProperties")!.Element("callType")!));
            var (_, put) = await WaitFor(messages, dialogsNode, ct);
            Assert.Equal(("PUT", "/finesse/api/Dialog/" + (string)dialog.Element("id")!), ((string)put.Element("event")!, (string)put.Element("source")!));
            Assert.Equal("INITIATED", (string)put.Element("data")!.Element("dialog")!.Element("state")!);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_supervisor_receives_its_team_members_summaries_on_the_team_users_node()
    {
        var ct = TestContext.Current.CancellationToken;
        var domain = Env("SIEBELCTI_XMPP_DOMAIN");
        var port = int.Parse(Env("SIEBELCTI_XMPP_PORT"), CultureInfo.InvariantCulture);
        var run = Environment.GetEnvironmentVariable("SIEBELCTI_RUN") is { Length: > 0 } r ? r : Path.Combine(Env("SIEBELCTI_ROOT"), ".run");
        var supervisorId = "sv" + Guid.NewGuid().ToString("N")[..12];
        var memberId = "mb" + Guid.NewGuid().ToString("N")[..12];
        var team = "t" + Guid.NewGuid().ToString("N")[..8];

        var config = BaseConfig();
        EmulatorTestConfig.SingleSide(config);
        EmulatorTestConfig.SetAgent(config, 0, new TestAgent(supervisorId, "pw-sv", "3101") { TeamId = team, TeamName = "Blue", Roles = ["Agent", "Supervisor"] });
        EmulatorTestConfig.SetAgent(config, 1, new TestAgent(memberId, "pw-mb", "3102") { TeamId = team, TeamName = "Blue" });
        EmulatorTestConfig.ThroughProsody(config, "127.0.0.1", port, domain, run);
        var root = Directory.CreateTempSubdirectory("finesse-emulator-team").FullName;
        await using var app = EmulatorApp.Build([], config, contentRoot: root);
        await app.StartAsync(ct);
        try
        {
            await app.Services.GetRequiredService<PublisherStatus>().Ready.WaitAsync(TimeSpan.FromSeconds(60), ct);
            var side = app.Services.GetRequiredService<Listeners>().UrlsOf(0).Single();
            await using var supervisor = new XmppClient(new XmppOptions
            {
                Host = "127.0.0.1",
                Port = port,
                Domain = domain,
                User = supervisorId,
                Password = "pw-sv",
                Resource = "it",
                TlsMode = XmppTlsMode.None,
            });
            var messages = Channel.CreateUnbounded<XElement>();
            supervisor.MessageReceived += (_, m) => messages.Writer.TryWrite(m.Stanza);
            await supervisor.ConnectAsync(ct);

            using var http = Client(side, memberId, "pw-mb");
            Assert.Equal(HttpStatusCode.Accepted, (await http.PutAsync($"/finesse/api/User/{memberId}", XmlBody("<User><state>LOGIN</state><extension>3102</extension></User>"), ct)).StatusCode);

            var (_, update) = await WaitFor(messages, $"/finesse/api/Team/{team}/Users", ct);
            Assert.Equal(("PUT", $"/finesse/api/User/{memberId}"), ((string)update.Element("event")!, (string)update.Element("source")!));
            var member = update.Element("data")!.Element("user")!;
            Assert.Equal((memberId, "NOT_READY", "3102"), ((string)member.Element("loginId")!, (string)member.Element("state")!, (string)member.Element("extension")!));
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Next pubsub message for <paramref name="node"/> (waiting, never sleeping) and its parsed Update.</summary>
    private static async Task<(XElement Stanza, XElement Update)> WaitFor(Channel<XElement> messages, string node, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            var stanza = await messages.Reader.ReadAsync(timeout.Token);
            var items = stanza.Element(Event + "event")?.Element(Event + "items");
            if ((string?)items?.Attribute("node") == node)
            {
                var text = items!.Element(Event + "item")!.Element(PubSub + "notification")!.Value;
                return (stanza, XElement.Parse(text));
            }
        }
    }
}
