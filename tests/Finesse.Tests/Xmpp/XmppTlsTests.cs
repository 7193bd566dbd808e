using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SiebelCti.Finesse.Xmpp;

namespace SiebelCti.Finesse.Tests.Xmpp;

/// <summary>Direct TLS (Finesse 12.5+, port 5223) and the three trust modes, against a loopback TLS server.</summary>
public sealed class XmppTlsTests
{
    [Fact]
    public async Task Direct_tls_with_explicitly_allowed_self_signed_certificate_connects_encrypted()
    {
        using var certificate = SelfSigned(FakeXmppServer.Domain);
        await using var server = new FakeXmppServer { TlsCertificate = certificate };
        await using var client = new XmppClient(Options(server.Port, ServerCertificateTrust.AllowSelfSigned));

        await client.ConnectAsync(TestContext.Current.CancellationToken);

        Assert.True(client.IsEncrypted);
        Assert.Equal(XmppState.Connected, client.State);
    }

    [Fact]
    public async Task Direct_tls_with_the_pinned_certificate_file_connects()
    {
        using var certificate = SelfSigned(FakeXmppServer.Domain);
        await ConnectsWithPinAsync(certificate, certificate.ExportCertificatePem());
    }

    [Fact]
    public async Task System_store_trust_refuses_a_self_signed_certificate()
    {
        using var certificate = SelfSigned(FakeXmppServer.Domain);
        await using var server = new FakeXmppServer { TlsCertificate = certificate };
        await using var client = new XmppClient(Options(server.Port, ServerCertificateTrust.System));

        var error = await Assert.ThrowsAsync<XmppException>(() => client.ConnectAsync(TestContext.Current.CancellationToken));

        Assert.Equal(XmppErrorKind.TlsFailed, error.Kind);
        Assert.Equal("XMPP_TLS_FAILED", error.Code);
    }

    [Fact]
    public async Task A_certificate_for_another_name_is_refused_even_when_self_signed_is_allowed()
    {
        using var certificate = SelfSigned("someone-else.example");
        await using var server = new FakeXmppServer { TlsCertificate = certificate };
        await using var client = new XmppClient(Options(server.Port, ServerCertificateTrust.AllowSelfSigned));

        var error = await Assert.ThrowsAsync<XmppException>(() => client.ConnectAsync(TestContext.Current.CancellationToken));

        Assert.Equal(XmppErrorKind.TlsFailed, error.Kind);
    }

    [Fact]
    public async Task A_missing_pinned_file_fails_with_tls_failed_naming_the_file()
    {
        using var certificate = SelfSigned(FakeXmppServer.Domain);
        await using var server = new FakeXmppServer { TlsCertificate = certificate };
        var missing = Path.Combine(Path.GetTempPath(), "does-not-exist-" + Guid.NewGuid().ToString("N") + ".pem");
        await using var client = new XmppClient(Options(server.Port, ServerCertificateTrust.CaFile) with { TrustedCertificatePath = missing });

        var error = await Assert.ThrowsAsync<XmppException>(() => client.ConnectAsync(TestContext.Current.CancellationToken));

        Assert.Equal(XmppErrorKind.TlsFailed, error.Kind);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pinned_ca_trusts_the_server_certificate_it_issued()
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=Test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UnixEpoch.AddYears(50), DateTimeOffset.UnixEpoch.AddYears(80));
        using var leafKey = RSA.Create(2048);
        var leafRequest = new CertificateRequest("CN=" + FakeXmppServer.Domain, leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(FakeXmppServer.Domain);
        leafRequest.CertificateExtensions.Add(san.Build());
        using var leafPublic = leafRequest.Create(ca, DateTimeOffset.UnixEpoch.AddYears(50), DateTimeOffset.UnixEpoch.AddYears(79), [1, 2, 3, 4]);
        using var leaf = leafPublic.CopyWithPrivateKey(leafKey);
        await ConnectsWithPinAsync(leaf, ca.ExportCertificatePem());
    }

    private static async Task ConnectsWithPinAsync(X509Certificate2 serverCertificate, string pinnedPem)
    {
        var pem = Path.Combine(Path.GetTempPath(), "siebelcti-pin-" + Guid.NewGuid().ToString("N") + ".pem");
        await File.WriteAllTextAsync(pem, pinnedPem, TestContext.Current.CancellationToken);
        try
        {
            await using var server = new FakeXmppServer { TlsCertificate = serverCertificate };
            await using var client = new XmppClient(Options(server.Port, ServerCertificateTrust.CaFile) with { TrustedCertificatePath = pem });

            await client.ConnectAsync(TestContext.Current.CancellationToken);

            Assert.True(client.IsEncrypted);
        }
        finally
        {
            File.Delete(pem);
        }
    }

    private static XmppOptions Options(int port, ServerCertificateTrust trust) => XmppClientTests.Options(port) with
    {
        TlsMode = XmppTlsMode.DirectTls,
        Trust = trust,
        TrustedCertificatePath = trust == ServerCertificateTrust.CaFile ? "/nonexistent" : null,
    };

    private static X509Certificate2 SelfSigned(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(name);
        request.CertificateExtensions.Add(san.Build());
        return request.CreateSelfSigned(DateTimeOffset.UnixEpoch.AddYears(50), DateTimeOffset.UnixEpoch.AddYears(80));
    }
}
