using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;
using SiebelCti.Finesse.Xmpp;

namespace SiebelCti.Finesse.Tests.Xmpp;

/// <summary>The client against a scripted loopback server: negotiation failures, hostile input after connect, events.</summary>
public sealed class XmppClientTests
{
    private const string Stream = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' from='fake.example' id='x' version='1.0'>";

    internal static XmppOptions Options(int port) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        Domain = FakeXmppServer.Domain,
        User = "agent",
        Password = "s3cret-Pässword",
        Resource = "test",
        TlsMode = XmppTlsMode.None,
        ReconnectDelayInitial = TimeSpan.FromMilliseconds(50),
        ReconnectDelayMax = TimeSpan.FromMilliseconds(200),
        MaxStanzaSize = 16 * 1024,
        MaxStanzaDepth = 8,
    };

    [Fact]
    public async Task Connects_binds_and_sends_presence_with_priority_zero()
    {
        await using var server = new FakeXmppServer();
        await using var client = new XmppClient(Options(server.Port));

        await client.ConnectAsync(TestContext.Current.CancellationToken);
        var session = await server.NextSessionAsync();

        Assert.Equal(XmppState.Connected, client.State);
        Assert.Equal("agent@fake.example/test", client.Jid);
        Assert.Contains("<presence><priority>0</priority></presence>", await session.WaitForStanzaAsync(s => s.StartsWith("<presence", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connected_only_once_the_server_answered_a_request_sent_after_the_initial_presence()
    {
        // Finesse notifications go to the bare JID: until the server has handled the presence, this
        // session is not an available resource and a notification would be dropped.
        var ct = TestContext.Current.CancellationToken;
        await using var server = new FakeXmppServer { IqAnswer = (stanza, _) => stanza.Contains("jabber:iq:roster", StringComparison.Ordinal) ? " " : null };
        var time = new FakeTimeProvider();
        await using var client = new XmppClient(Options(server.Port) with { RequestTimeout = TimeSpan.FromSeconds(10) }, null, time);

        var connecting = client.ConnectAsync(ct);
        var session = await server.NextSessionAsync();
        var roster = await session.WaitForStanzaAsync(s => s.Contains("jabber:iq:roster", StringComparison.Ordinal));
        Assert.StartsWith("<presence", session.Stanzas[0], StringComparison.Ordinal);
        Assert.Contains("type='get'", roster, StringComparison.Ordinal);
        Assert.False(connecting.IsCompleted);
        Assert.Equal(XmppState.Connecting, client.State);

        // An error answer proves the presence was handled as well as a result would. (The id is read
        // from the stanza itself: the server records a stanza before it runs its answer callback.)
        await session.SendAsync($"<iq type='error' id='{FakeXmppServer.IdOf(roster)}' from='fake.example'><error type='cancel'><feature-not-implemented xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
        await connecting;
        Assert.Equal(XmppState.Connected, client.State);
    }

    [Fact]
    public async Task A_server_that_never_answers_after_the_presence_fails_the_connect_with_a_timeout()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new FakeXmppServer { IqAnswer = (stanza, _) => stanza.Contains("jabber:iq:roster", StringComparison.Ordinal) ? " " : null };
        var time = new FakeTimeProvider();
        await using var client = new XmppClient(Options(server.Port) with { RequestTimeout = TimeSpan.FromSeconds(10) }, null, time);

        var connecting = client.ConnectAsync(ct);
        var session = await server.NextSessionAsync();
        await session.WaitForStanzaAsync(s => s.Contains("jabber:iq:roster", StringComparison.Ordinal));
        var sent = time.GetUtcNow();
        for (var i = 0; i < 600 && !connecting.IsCompleted; i++)
        {
            // Small steps, whatever moment the client armed its timer at.
            time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(5, ct);
        }

        Assert.True(time.GetUtcNow() - sent >= TimeSpan.FromSeconds(10));
        var error = await Assert.ThrowsAsync<XmppException>(() => connecting);
        Assert.Equal(XmppErrorKind.Timeout, error.Kind);
        Assert.NotEqual(XmppState.Connected, client.State);
    }

    [Theory]
    [InlineData("<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized/></failure>", XmppErrorKind.NotAuthorized, "not-authorized", XmppState.Failed)]
    [InlineData("<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><account-disabled/><text>locked</text></failure>", XmppErrorKind.AuthenticationFailed, "account-disabled", XmppState.Failed)]
    [InlineData("<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><temporary-auth-failure/></failure>", XmppErrorKind.AuthenticationFailed, "temporary-auth-failure", XmppState.Disconnected)]
    public async Task Sasl_failures_map_to_stable_kinds_and_never_show_the_password(string answer, XmppErrorKind kind, string condition, XmppState state)
    {
        await using var server = new FakeXmppServer { SaslAnswer = answer };
        await using var client = new XmppClient(Options(server.Port));

        var error = await Assert.ThrowsAsync<XmppException>(() => client.ConnectAsync(TestContext.Current.CancellationToken));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(condition, error.Condition);
        Assert.Equal(state, client.State);
        Assert.DoesNotContain("s3cret", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", client.Options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bind_conflict_fails_with_bind_failed()
    {
        await using var server = new FakeXmppServer
        {
            BindAnswer = "<iq type='error' id='{0}'><error type='cancel'><conflict xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>",
        };
        await using var client = new XmppClient(Options(server.Port));

        var error = await Assert.ThrowsAsync<XmppException>(() => client.ConnectAsync(TestContext.Current.CancellationToken));

        Assert.Equal(XmppErrorKind.BindFailed, error.Kind);
        Assert.Equal("conflict", error.Condition);
    }

    [Fact]
    public async Task Missing_plain_mechanism_fails_negotiation()
    {
        await using var server = new FakeXmppServer
        {
            PreAuthFeatures = "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>SCRAM-SHA-1</mechanism></mechanisms></stream:features>",
        };
        await using var client = new XmppClient(Options(server.Port));

        var error = await Assert.ThrowsAsync<XmppException>(() => client.ConnectAsync(TestContext.Current.CancellationToken));

        Assert.Equal(XmppErrorKind.NegotiationFailed, error.Kind);
        Assert.Contains("SCRAM-SHA-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starttls_mode_refuses_a_server_without_starttls()
    {
        await using var server = new FakeXmppServer();
        await using var client = new XmppClient(Options(server.Port) with { TlsMode = XmppTlsMode.StartTls });

        var error = await Assert.ThrowsAsync<XmppException>(() => client.ConnectAsync(TestContext.Current.CancellationToken));

        Assert.Equal(XmppErrorKind.NegotiationFailed, error.Kind);
    }

    [Fact]
    public async Task Plain_mode_refuses_a_server_that_requires_tls()
    {
        await using var server = new FakeXmppServer
        {
            PreAuthFeatures = "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism></mechanisms></stream:features>",
        };
        await using var client = new XmppClient(Options(server.Port));

        var error = await Assert.ThrowsAsync<XmppException>(() => client.ConnectAsync(TestContext.Current.CancellationToken));

        Assert.Equal(XmppErrorKind.NegotiationFailed, error.Kind);
    }

    [Theory]
    [InlineData("<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'><!ENTITY lol2 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>]><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>", XmppErrorKind.RestrictedXml)]
    [InlineData("\u0000\u00ff\u0001 random garbage", XmppErrorKind.MalformedXml)]
    [InlineData("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'><stream:error><host-unknown xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error></stream:stream>", XmppErrorKind.StreamError)]
    [InlineData("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'><stream:features/>", XmppErrorKind.NegotiationFailed)]
    public async Task Hostile_server_openings_fail_connect_cleanly(string opening, XmppErrorKind kind)
    {
        await using var server = new FakeXmppServer { OpeningOverride = opening };
        await using var client = new XmppClient(Options(server.Port));

        var error = await Assert.ThrowsAsync<XmppException>(() => client.ConnectAsync(TestContext.Current.CancellationToken));

        Assert.Equal(kind, error.Kind);
    }

    [Fact]
    public async Task Server_that_opens_and_never_finishes_negotiation_times_out()
    {
        await using var server = new FakeXmppServer { OpeningOverride = Stream };
        var time = new FakeTimeProvider();
        await using var client = new XmppClient(Options(server.Port) with { ConnectTimeout = TimeSpan.FromSeconds(5) }, null, time);

        var connect = client.ConnectAsync(TestContext.Current.CancellationToken);
        await server.NextSessionAsync();
        while (!connect.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(connect, Task.Delay(20, TestContext.Current.CancellationToken));
        }

        var error = await Assert.ThrowsAsync<XmppException>(() => connect);
        Assert.Equal(XmppErrorKind.Timeout, error.Kind);
    }

    public static TheoryData<string, XmppErrorKind> HostileStanzas => new()
    {
        { "<message><body>&lol;</body></message>", XmppErrorKind.RestrictedXml },
        { "<message><!-- x --></message>", XmppErrorKind.RestrictedXml },
        { "<message><body>" + new string('x', 20 * 1024) + "</body></message>", XmppErrorKind.StanzaTooLarge },
        { "<message>" + string.Concat(Enumerable.Repeat("<a>", 50)) + string.Concat(Enumerable.Repeat("</a>", 50)) + "</message>", XmppErrorKind.StanzaTooDeep },
        { "<message><<<garbage>>>", XmppErrorKind.MalformedXml },
        { "<stream:error><system-shutdown xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>", XmppErrorKind.StreamError },
    };

    [Theory]
    [MemberData(nameof(HostileStanzas))]
    public async Task Hostile_input_after_connect_drops_the_session_with_the_right_kind_and_the_client_reconnects(string wire, XmppErrorKind kind)
    {
        await using var server = new FakeXmppServer();
        await using var client = new XmppClient(Options(server.Port));
        var states = new StateRecorder(client);
        await client.ConnectAsync(TestContext.Current.CancellationToken);
        var first = await server.NextSessionAsync();

        await first.SendAsync(wire);

        var lost = await states.WaitForAsync(s => s.Current == XmppState.Reconnecting);
        Assert.Equal(kind, lost.Error?.Kind);
        await server.NextSessionAsync();
        await states.WaitForAsync(s => s.Current == XmppState.Connected && s.Previous == XmppState.Reconnecting);
        Assert.Equal(XmppState.Connected, client.State);
    }

    [Fact]
    public async Task Stream_closed_in_the_middle_of_a_stanza_is_reported_as_stream_closed()
    {
        await using var server = new FakeXmppServer();
        await using var client = new XmppClient(Options(server.Port));
        var states = new StateRecorder(client);
        await client.ConnectAsync(TestContext.Current.CancellationToken);
        var session = await server.NextSessionAsync();

        await session.SendAsync("<message><body>half a stan");
        session.Drop();

        var lost = await states.WaitForAsync(s => s.Current == XmppState.Reconnecting);
        Assert.Equal(XmppErrorKind.StreamClosed, lost.Error?.Kind);
    }

    [Fact]
    public async Task Conflict_stream_error_is_permanent_and_stops_reconnecting()
    {
        await using var server = new FakeXmppServer();
        await using var client = new XmppClient(Options(server.Port));
        var states = new StateRecorder(client);
        await client.ConnectAsync(TestContext.Current.CancellationToken);
        var session = await server.NextSessionAsync();

        await session.SendAsync("<stream:error><conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/><text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>Replaced by new connection</text></stream:error></stream:stream>");

        var failed = await states.WaitForAsync(s => s.Current == XmppState.Failed);
        Assert.Equal(XmppErrorKind.StreamError, failed.Error?.Kind);
        Assert.Equal("conflict", failed.Error?.Condition);
        Assert.Equal(1, server.SessionCount);
        var error = await Assert.ThrowsAsync<XmppException>(() => client.PingAsync(TestContext.Current.CancellationToken));
        Assert.Equal(XmppErrorKind.NotConnected, error.Kind);

        // The application may decide to connect again.
        await client.DisconnectAsync(TestContext.Current.CancellationToken);
        Assert.Equal(XmppState.Disconnected, client.State);
        await client.ConnectAsync(TestContext.Current.CancellationToken);
        Assert.Equal(XmppState.Connected, client.State);
        Assert.Equal(2, server.SessionCount);
    }

    [Fact]
    public async Task Unknown_elements_are_ignored_and_events_keep_flowing_in_order()
    {
        await using var server = new FakeXmppServer();
        await using var client = new XmppClient(Options(server.Port));
        var received = new List<string>();
        var gotAll = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.PubSubEventReceived += (_, e) =>
        {
            lock (received)
            {
                received.Add(e.ItemId + "=" + e.PayloadText);
                if (received.Count == 2)
                {
                    gotAll.TrySetResult();
                }
            }
        };
        client.PubSubEventReceived += (_, _) => throw new InvalidOperationException("a faulty handler must not stop delivery");
        var presences = new List<XmppPresenceEvent>();
        client.PresenceReceived += (_, e) =>
        {
            lock (presences)
            {
                presences.Add(e);
            }
        };
        await client.ConnectAsync(TestContext.Current.CancellationToken);
        var session = await server.NextSessionAsync();

        await session.SendAsync(
            "<unknown xmlns='urn:example:x'><deep/></unknown>" +
            "<message from='pubsub.fake.example'><event xmlns='http://jabber.org/protocol/pubsub#event'><items node='/n'>" +
            "<item id='1'><notification xmlns='http://jabber.org/protocol/pubsub'>&lt;Update&gt;a &amp;amp; b&lt;/Update&gt;</notification></item>" +
            "<item id='2'><notification xmlns='http://jabber.org/protocol/pubsub'>second</notification><extra xmlns='urn:x'/></item>" +
            "</items></event><unknown-child xmlns='urn:y'/></message>" +
            "<presence from='finesse@fake.example/Finesse' type='unavailable'/>");

        await gotAll.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(["1=<Update>a &amp; b</Update>", "2=second"], received);
        Assert.Equal(XmppState.Connected, client.State);
        while (true)
        {
            lock (presences)
            {
                if (presences.Count > 0)
                {
                    Assert.Equal("finesse@fake.example", presences[0].FromBare);
                    Assert.False(presences[0].IsAvailable);
                    break;
                }
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Presence_subscription_requests_are_approved_only_when_configured()
    {
        await using var server = new FakeXmppServer();
        await using var approving = new XmppClient(Options(server.Port) with { AutoApprovePresenceSubscriptions = true });
        await using var plain = new XmppClient(Options(server.Port));
        await approving.ConnectAsync(TestContext.Current.CancellationToken);
        var approvingSession = await server.NextSessionAsync();
        await plain.ConnectAsync(TestContext.Current.CancellationToken);
        var plainSession = await server.NextSessionAsync();

        await approvingSession.SendAsync("<presence from='5001@fake.example' type='subscribe'/>");
        await plainSession.SendAsync("<presence from='5001@fake.example' type='subscribe'/><iq type='get' id='marker' from='fake.example'><ping xmlns='urn:xmpp:ping'/></iq>");

        Assert.Equal("<presence to='5001@fake.example' type='subscribed'/>", await approvingSession.WaitForStanzaAsync(s => s.Contains("subscribed", StringComparison.Ordinal)));
        await plainSession.WaitForStanzaAsync(s => s.Contains("id='marker'", StringComparison.Ordinal));
        Assert.DoesNotContain(plainSession.Stanzas, s => s.Contains("subscribed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Server_iq_requests_get_answers_ping_result_and_others_service_unavailable()
    {
        await using var server = new FakeXmppServer();
        await using var client = new XmppClient(Options(server.Port));
        await client.ConnectAsync(TestContext.Current.CancellationToken);
        var session = await server.NextSessionAsync();

        await session.SendAsync("<iq type='get' id='srv1' from='fake.example'><ping xmlns='urn:xmpp:ping'/></iq><iq type='get' id='srv2' from='fake.example'><query xmlns='jabber:iq:version'/></iq>");

        var pong = await session.WaitForStanzaAsync(s => s.Contains("id='srv1'", StringComparison.Ordinal));
        var refusal = await session.WaitForStanzaAsync(s => s.Contains("id='srv2'", StringComparison.Ordinal));
        Assert.Equal("<iq id='srv1' to='fake.example' type='result'/>", pong);
        Assert.Contains("type='error'", refusal, StringComparison.Ordinal);
        Assert.Contains("<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_sends_the_full_jid_and_records_the_intent()
    {
        await using var server = new FakeXmppServer();
        await using var client = new XmppClient(Options(server.Port));
        await client.ConnectAsync(TestContext.Current.CancellationToken);
        var session = await server.NextSessionAsync();

        await client.SubscribeAsync("pubsub.fake.example", "/finesse/api/Team/1/Users", TestContext.Current.CancellationToken);

        var request = await session.WaitForStanzaAsync(s => s.Contains("<subscribe", StringComparison.Ordinal));
        Assert.Contains("<subscribe node='/finesse/api/Team/1/Users' jid='agent@fake.example/test'/>", request, StringComparison.Ordinal);
        Assert.Contains(("pubsub.fake.example", "/finesse/api/Team/1/Users"), client.Subscriptions);
    }

    [Fact]
    public async Task Iq_error_answers_map_to_iq_error_with_the_condition_and_are_not_recorded()
    {
        await using var server = new FakeXmppServer
        {
            IqAnswer = (stanza, id) => stanza.Contains("pubsub", StringComparison.Ordinal)
                ? $"<iq type='error' id='{id}'><error type='auth'><forbidden xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/><text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>nope</text></error></iq>"
                : null,
        };
        await using var client = new XmppClient(Options(server.Port));
        await client.ConnectAsync(TestContext.Current.CancellationToken);

        var publish = await Assert.ThrowsAsync<XmppException>(() => client.PublishAsync("pubsub.fake.example", "/n", "<Update/>", cancellationToken: TestContext.Current.CancellationToken));
        var subscribe = await Assert.ThrowsAsync<XmppException>(() => client.SubscribeAsync("pubsub.fake.example", "/n", TestContext.Current.CancellationToken));

        Assert.Equal(XmppErrorKind.IqError, publish.Kind);
        Assert.Equal("forbidden", publish.Condition);
        Assert.Contains("nope", publish.Message, StringComparison.Ordinal);
        Assert.Equal(XmppErrorKind.IqError, subscribe.Kind);
        Assert.Empty(client.Subscriptions);
        Assert.Equal(XmppState.Connected, client.State);
    }

    [Fact]
    public async Task Unanswered_request_times_out_with_timeout_kind_and_the_session_stays_up()
    {
        await using var server = new FakeXmppServer { IqAnswer = (stanza, id) => stanza.Contains("pubsub", StringComparison.Ordinal) ? " " : null };
        var time = new FakeTimeProvider();
        await using var client = new XmppClient(Options(server.Port) with { RequestTimeout = TimeSpan.FromSeconds(5) }, null, time);
        await client.ConnectAsync(TestContext.Current.CancellationToken);
        var session = await server.NextSessionAsync();

        var publish = client.PublishAsync("pubsub.fake.example", "/n", "x", cancellationToken: TestContext.Current.CancellationToken);
        await session.WaitForStanzaAsync(s => s.Contains("<publish", StringComparison.Ordinal));
        var started = time.GetUtcNow();
        while (!publish.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(publish, Task.Delay(20, TestContext.Current.CancellationToken));
        }

        Assert.True(time.GetUtcNow() - started >= TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<XmppException>(() => publish);
        Assert.Equal(XmppErrorKind.Timeout, error.Kind);
        Assert.Equal(XmppState.Connected, client.State);
    }

    [Fact]
    public async Task A_server_that_stops_reading_makes_senders_wait_for_room_and_then_fail_with_timeout_not_lose_stanzas()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new FakeXmppServer();
        var time = new FakeTimeProvider();
        var options = Options(server.Port) with { RequestTimeout = TimeSpan.FromSeconds(5), PingInterval = TimeSpan.FromMinutes(5) };
        await using var client = new XmppClient(options, null, time);
        await client.ConnectAsync(ct);
        var session = await server.NextSessionAsync();
        var filler = new string('x', 4096);
        XElement Presence(int n) => new(
            XmppNamespaces.Client + "presence",
            new XAttribute("to", $"n{n}@fake.example"),
            new XElement(XmppNamespaces.Client + "status", filler));

        // The server stops reading: the socket buffers fill, then the client's queue, then a sender waits.
        session.PauseReading();
        var sent = 0;
        Task waiting;
        while (true)
        {
            waiting = client.SendAsync(Presence(sent++), ct);
            if (!waiting.IsCompleted)
            {
                break;
            }

            await waiting;
            Assert.True(sent < 100_000, "the outbound queue never filled");
        }

        Assert.True(sent > 4096, $"waited after {sent} stanzas, before the queue was full");
        await Task.Delay(50, ct);
        Assert.False(waiting.IsCompleted);

        // Reading again: the waiting sender gets room and every stanza arrives, in order.
        session.ResumeReading();
        await waiting;
        var last = await session.WaitForStanzaAsync(st => st.Contains($"n{sent - 1}@", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var presences = session.Stanzas.Where(st => st.Contains("<status>", StringComparison.Ordinal)).ToList();
        Assert.Equal(sent, presences.Count);
        Assert.Contains("n0@", presences[0], StringComparison.Ordinal);

        // Stopped for good: the sender past the queue fails with Timeout after RequestTimeout, not at once.
        session.PauseReading();
        while (true)
        {
            waiting = client.SendAsync(Presence(sent++), ct);
            if (!waiting.IsCompleted)
            {
                break;
            }

            await waiting;
        }

        var started = time.GetUtcNow();
        while (!waiting.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(waiting, Task.Delay(20, ct));
        }

        Assert.True(time.GetUtcNow() - started >= options.RequestTimeout);
        var error = await Assert.ThrowsAsync<XmppException>(() => waiting);
        Assert.Equal(XmppErrorKind.Timeout, error.Kind);
        Assert.Contains("has not read", error.Message, StringComparison.Ordinal);

        // Reading again: what was queued arrives, the stanza whose send failed never does.
        var failed = sent - 1;
        session.ResumeReading();
        await client.SendAsync(Presence(sent), ct);
        await session.WaitForStanzaAsync(st => st.Contains($"n{sent}@", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.DoesNotContain(session.Stanzas, st => st.Contains($"n{failed}@", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_validation_reports_every_problem_at_once()
    {
        var options = new XmppOptions
        {
            Host = "",
            Port = 0,
            Domain = "a b",
            User = "x@y",
            Password = "",
            Resource = "desktop",
            Trust = ServerCertificateTrust.CaFile,
            PingInterval = TimeSpan.Zero,
            ReconnectDelayInitial = TimeSpan.FromSeconds(10),
            ReconnectDelayMax = TimeSpan.FromSeconds(1),
            ReconnectJitter = 2,
            MaxStanzaSize = 10,
            MaxStanzaDepth = 1,
        };

        var errors = options.Validate();

        Assert.Equal(12, errors.Count);
        var thrown = Assert.Throws<XmppException>(() => new XmppClient(options));
        Assert.Equal(XmppErrorKind.InvalidOptions, thrown.Kind);
        Assert.Contains("desktop", thrown.Message, StringComparison.Ordinal);
        Assert.Empty(Options(1).Validate());
    }

    [Fact]
    public async Task Methods_before_connect_throw_not_connected()
    {
        await using var client = new XmppClient(Options(1));
        var error = await Assert.ThrowsAsync<XmppException>(() => client.PublishAsync("pubsub.x", "/n", "t", cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(XmppErrorKind.NotConnected, error.Kind);
        Assert.Equal(XmppState.Disconnected, client.State);
    }

    [Fact]
    public async Task Connect_to_a_closed_port_fails_with_connect_failed()
    {
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        await using var client = new XmppClient(Options(port));
        var error = await Assert.ThrowsAsync<XmppException>(() => client.ConnectAsync(TestContext.Current.CancellationToken));
        Assert.Equal(XmppErrorKind.ConnectFailed, error.Kind);
        Assert.Equal(XmppState.Disconnected, client.State);
    }
}

/// <summary>Collects state changes so tests can wait for one.</summary>
internal sealed class StateRecorder
{
    private readonly List<XmppStateChangedEventArgs> _changes = [];

    public StateRecorder(XmppClient client) => client.StateChanged += (_, e) =>
    {
        lock (_changes)
        {
            _changes.Add(e);
        }
    };

    public IReadOnlyList<XmppStateChangedEventArgs> Changes
    {
        get
        {
            lock (_changes)
            {
                return [.. _changes];
            }
        }
    }

    public async Task<XmppStateChangedEventArgs> WaitForAsync(Func<XmppStateChangedEventArgs, bool> predicate, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = Changes.FirstOrDefault(predicate);
            if (found is not null)
            {
                return found;
            }

            try
            {
                await Task.Delay(10, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("No matching state change; saw: " + string.Join(", ", Changes.Select(c => $"{c.Previous}->{c.Current} ({c.Error?.Kind})")));
            }
        }
    }
}
