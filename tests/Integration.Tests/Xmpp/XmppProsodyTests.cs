using SiebelCti.Finesse.Xmpp;

namespace SiebelCti.Integration.Tests.Xmpp;

/// <summary>Our XMPP client against the real prosody started by the test command.</summary>
public sealed class XmppProsodyTests
{
    private const string Password = "agent-pw-ü&<>'\"";

    [Fact]
    public async Task Connects_with_starttls_trusting_the_pinned_self_signed_certificate()
    {
        await ProsodyAccounts.AddUserAsync("xt-tls", Password);
        var wire = new WireLog();
        await using var client = new XmppClient(ProsodyAccounts.Options("xt-tls", Password), wire);

        await client.ConnectAsync(TestContext.Current.CancellationToken);

        Assert.Equal(XmppState.Connected, client.State);
        Assert.True(client.IsEncrypted);
        Assert.Equal($"xt-tls@{TestServices.XmppDomain}/SiebelCtiTest", client.Jid);

        // The wire trace shows the SASL exchange but never the password or its base64 form.
        var plain = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("\0xt-tls\0" + Password));
        Assert.Contains(wire.Lines, l => l.Contains("mechanism='PLAIN'>(redacted)</auth>", StringComparison.Ordinal));
        Assert.DoesNotContain(wire.Lines, l => l.Contains(plain, StringComparison.Ordinal) || l.Contains("agent-pw", StringComparison.Ordinal));
        Assert.Contains(wire.Lines, l => l.Contains("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Connects_without_tls_when_told_to()
    {
        await ProsodyAccounts.AddUserAsync("xt-plain", Password);
        await using var client = new XmppClient(ProsodyAccounts.Options("xt-plain", Password, XmppTlsMode.None));

        await client.ConnectAsync(TestContext.Current.CancellationToken);

        Assert.Equal(XmppState.Connected, client.State);
        Assert.False(client.IsEncrypted);
        var rtt = await client.PingAsync(TestContext.Current.CancellationToken);
        Assert.True(rtt >= TimeSpan.Zero);
    }

    [Fact]
    public async Task Wrong_password_fails_with_not_authorized_and_no_retry()
    {
        await ProsodyAccounts.AddUserAsync("xt-wrongpw", Password);
        await using var client = new XmppClient(ProsodyAccounts.Options("xt-wrongpw", "not-the-password"));

        var error = await Assert.ThrowsAsync<XmppException>(() => client.ConnectAsync(TestContext.Current.CancellationToken));

        Assert.Equal(XmppErrorKind.NotAuthorized, error.Kind);
        Assert.Equal("XMPP_NOT_AUTHORIZED", error.Code);
        Assert.Equal("not-authorized", error.Condition);
        Assert.DoesNotContain("not-the-password", error.Message, StringComparison.Ordinal);
        Assert.Equal(XmppState.Failed, client.State);
    }

    [Fact]
    public async Task Pinned_trust_refuses_a_certificate_that_is_not_the_pinned_one()
    {
        await ProsodyAccounts.AddUserAsync("xt-wrongpin", Password);
        var otherCert = Path.Combine(Path.GetTempPath(), "siebelcti-other-" + Guid.NewGuid().ToString("N") + ".pem");
        using (var key = System.Security.Cryptography.RSA.Create(2048))
        {
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
                "CN=" + TestServices.XmppDomain, key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var cert = request.CreateSelfSigned(DateTimeOffset.UnixEpoch.AddYears(50), DateTimeOffset.UnixEpoch.AddYears(80));
            await File.WriteAllTextAsync(otherCert, cert.ExportCertificatePem(), TestContext.Current.CancellationToken);
        }

        try
        {
            await using var client = new XmppClient(ProsodyAccounts.Options("xt-wrongpin", Password) with { TrustedCertificatePath = otherCert });
            var error = await Assert.ThrowsAsync<XmppException>(() => client.ConnectAsync(TestContext.Current.CancellationToken));
            Assert.Equal(XmppErrorKind.TlsFailed, error.Kind);
        }
        finally
        {
            File.Delete(otherCert);
        }
    }

    [Fact]
    public async Task Two_subscribed_agents_each_receive_the_exact_notification_text_published_by_admin()
    {
        var ct = TestContext.Current.CancellationToken;
        await ProsodyAccounts.AddUserAsync("xt-agent1", Password);
        await ProsodyAccounts.AddUserAsync("xt-agent2", Password);
        var node = "/finesse/api/User/" + Guid.NewGuid().ToString("N");
        await using var agent1 = new XmppClient(ProsodyAccounts.Options("xt-agent1", Password));
        await using var agent2 = new XmppClient(ProsodyAccounts.Options("xt-agent2", Password, XmppTlsMode.None));
        await using var admin = new XmppClient(ProsodyAccounts.Options(ProsodyAccounts.AdminUser, ProsodyAccounts.AdminPassword, resource: "emulator"));
        var events1 = new EventCollector(agent1);
        var events2 = new EventCollector(agent2);
        await Task.WhenAll(agent1.ConnectAsync(ct), agent2.ConnectAsync(ct), admin.ConnectAsync(ct));

        // Create the node by publishing first (create-on-publish), then subscribe both agents.
        await admin.PublishAsync(ProsodyAccounts.PubSubService, node, "<Update/>", cancellationToken: ct);
        await agent1.SubscribeAsync(ProsodyAccounts.PubSubService, node, ct);
        await agent2.SubscribeAsync(ProsodyAccounts.PubSubService, node, ct);

        const string update =
            "<Update><data><user><firstName>Zoë &amp; Jürgen «Ω» 日本 😀</firstName><x a=\"1\" b='2'>&lt;&gt;</x></user></data>" +
            "<event>PUT</event><requestId></requestId><source>/finesse/api/User/5001</source></Update>";
        var itemId = await admin.PublishAsync(ProsodyAccounts.PubSubService, node, update, "item-1", ct);
        Assert.Equal("item-1", itemId);

        var got1 = await events1.WaitForAsync<PubSubEvent>(e => e.Node == node && e.ItemId == "item-1");
        var got2 = await events2.WaitForAsync<PubSubEvent>(e => e.Node == node && e.ItemId == "item-1");
        Assert.Equal(update, got1.PayloadText);
        Assert.Equal(update, got2.PayloadText);
        Assert.Equal(ProsodyAccounts.PubSubService, got1.From);
        Assert.Equal("notification", got1.Payload?.Name.LocalName);
        Assert.Equal("http://jabber.org/protocol/pubsub", got1.Payload?.Name.NamespaceName);

        var subscriptions = await agent1.GetSubscriptionsAsync(ProsodyAccounts.PubSubService, node, ct);
        Assert.Contains(subscriptions, s => s.Node == node && s.Jid == agent1.Jid && s.State == "subscribed");
    }

    [Fact]
    public async Task Unsubscribed_agent_stops_receiving_and_forgets_the_intent()
    {
        var ct = TestContext.Current.CancellationToken;
        await ProsodyAccounts.AddUserAsync("xt-unsub", Password);
        var node = "/finesse/api/User/" + Guid.NewGuid().ToString("N");
        await using var agent = new XmppClient(ProsodyAccounts.Options("xt-unsub", Password));
        await using var admin = new XmppClient(ProsodyAccounts.Options(ProsodyAccounts.AdminUser, ProsodyAccounts.AdminPassword, resource: "emulator-unsub"));
        var events = new EventCollector(agent);
        await Task.WhenAll(agent.ConnectAsync(ct), admin.ConnectAsync(ct));
        await admin.PublishAsync(ProsodyAccounts.PubSubService, node, "<Update/>", cancellationToken: ct);
        await agent.SubscribeAsync(ProsodyAccounts.PubSubService, node, ct);
        Assert.Contains((ProsodyAccounts.PubSubService, node), agent.Subscriptions);

        await agent.UnsubscribeAsync(ProsodyAccounts.PubSubService, node, ct);
        await admin.PublishAsync(ProsodyAccounts.PubSubService, node, "after", "after", ct);

        // The service delivers in order: once a marker on another node arrives, "after" would have arrived before it.
        await admin.PublishAsync(ProsodyAccounts.PubSubService, node + "/marker", "<Update/>", cancellationToken: ct);
        await agent.SubscribeAsync(ProsodyAccounts.PubSubService, node + "/marker", ct);
        await admin.PublishAsync(ProsodyAccounts.PubSubService, node + "/marker", "marker", "marker", ct);
        await events.WaitForAsync<PubSubEvent>(e => e.ItemId == "marker");
        Assert.DoesNotContain(events.Seen<PubSubEvent>(), e => e.ItemId == "after");
        await agent.UnsubscribeAsync(ProsodyAccounts.PubSubService, node + "/marker", ct);

        Assert.Empty(agent.Subscriptions);
        var subscriptions = await agent.GetSubscriptionsAsync(ProsodyAccounts.PubSubService, node, ct);
        Assert.DoesNotContain(subscriptions, s => s.Jid == agent.Jid && s.State == "subscribed");
    }
}
