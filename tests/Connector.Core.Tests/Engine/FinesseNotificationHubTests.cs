using Microsoft.Extensions.Logging.Abstractions;
using SiebelCti.Connector.Core.Tests.Xmpp;
using SiebelCti.Connector.Engine.Adapters;
using SiebelCti.Connector.Engine.Ports;
using SiebelCti.Connector.Finesse.Rest;
using SiebelCti.Connector.Finesse.Xmpp;

namespace SiebelCti.Connector.Core.Tests.Engine;

public sealed class FinesseNotificationHubTests
{
    private static FinesseNotificationHub Hub(FakeXmppServer server, FinesseRestClient rest) => new(new FinesseNotificationOptions
    {
        Xmpp = new XmppOptions { Host = "127.0.0.1", Port = server.Port, Domain = FakeXmppServer.Domain, TlsMode = XmppTlsMode.None, Resource = "connector" },
    }, rest, NullLoggerFactory.Instance);

    [Fact]
    public async Task SubscribeAsync_accepts_an_error_answer_to_its_ping_as_the_round_trip()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new FakeXmppServer();
        server.IqAnswer = (stanza, id) => stanza.Contains("urn:xmpp:ping", StringComparison.Ordinal)
            ? $"<iq type='error' id='{id}'><error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>"
            : null;
        using var rest = new FinesseRestClient(new FinesseOptions { SideA = new Uri("http://127.0.0.1:9"), AllowHttp = true });
        await using var hub = Hub(server, rest);

        var subscribe = hub.SubscribeAsync(new AgentCredentials("agent", "pw"), ct);
        _ = (await server.NextSessionAsync()).RespondAsync();

        await subscribe.WaitAsync(TimeSpan.FromSeconds(10), ct);
    }

    [Fact]
    public async Task SubscribeAsync_completes_only_once_the_server_answered_a_round_trip_after_the_initial_presence()
    {
        // Finesse publishes to the agent's bare JID, which reaches only available resources: the
        // sign-in that follows the subscription must not race the server's processing of our presence.
        var ct = TestContext.Current.CancellationToken;
        await using var server = new FakeXmppServer { AnswerPings = false };
        using var rest = new FinesseRestClient(new FinesseOptions { SideA = new Uri("http://127.0.0.1:9"), AllowHttp = true });
        await using var hub = Hub(server, rest);

        var subscribe = hub.SubscribeAsync(new AgentCredentials("agent", "pw"), ct);
        var session = await server.NextSessionAsync();
        _ = session.RespondAsync();
        var ping = await session.WaitForStanzaAsync(s => s.Contains("urn:xmpp:ping", StringComparison.Ordinal));

        Assert.False(subscribe.IsCompleted);
        var stanzas = session.Stanzas.ToList();
        Assert.True(stanzas.FindIndex(s => s.StartsWith("<presence", StringComparison.Ordinal)) is >= 0 and var presence
            && presence < stanzas.IndexOf(ping), "the initial presence precedes the ping: " + string.Join(" ", stanzas));

        await session.SendAsync($"<iq type='result' id='{FakeXmppServer.IdOf(ping)}' from='{FakeXmppServer.Domain}'/>");
        await subscribe.WaitAsync(TimeSpan.FromSeconds(10), ct);
    }
}
