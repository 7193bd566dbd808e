using SiebelCti.Finesse.Rest;

namespace SiebelCti.Finesse.Tests;

/// <summary>Server-certificate trust modes against a real TLS handshake on loopback.</summary>
public sealed class FinesseTlsTests
{
    private static readonly FinesseCredentials Alice = new("5001", "pw");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Self_signed_certificate_is_refused_under_system_trust_with_a_clear_error()
    {
        await using var server = await FakeFinesseServer.StartAsync(TestCertificates.SelfSigned());
        var log = new ListLogger<FinesseRestClient>();
        using var client = new FinesseRestClient(new FinesseOptions { SideA = server.BaseUri }, log);

        var ex = await Assert.ThrowsAsync<FinesseRestException>(() => client.GetUserAsync(Alice, Ct));

        Assert.Equal(FinesseErrorCode.FinesseTlsUntrusted, ex.Code);
        Assert.Contains("not trusted", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Trust=System", ex.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
        Assert.Contains(log.Entries, e => e.Id.Id == FinesseEventIds.FinesseCertificateRejected && e.Message.Contains("CN=localhost", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Untrusted_side_a_is_not_silently_skipped_for_side_b()
    {
        await using var a = await FakeFinesseServer.StartAsync(TestCertificates.SelfSigned());
        var (ca, leaf) = TestCertificates.CaAndLeaf();
        await using var b = await FakeFinesseServer.StartAsync(leaf);
        var caFile = TestCertificates.WritePem(ca);
        try
        {
            using var client = new FinesseRestClient(new FinesseOptions
            {
                SideA = a.BaseUri, SideB = b.BaseUri, Trust = ServerCertificateTrust.CaFile, CaCertificatePath = caFile,
            });

            var ex = await Assert.ThrowsAsync<FinesseRestException>(() => client.GetUserAsync(Alice, Ct));

            Assert.Equal(FinesseErrorCode.FinesseTlsUntrusted, ex.Code);
            Assert.Empty(b.Requests);
        }
        finally
        {
            File.Delete(caFile);
        }
    }

    [Fact]
    public async Task Pinned_ca_file_trusts_the_certificates_it_issued()
    {
        var (ca, leaf) = TestCertificates.CaAndLeaf();
        await using var server = await FakeFinesseServer.StartAsync(leaf);
        server.Responder = _ => FakeResponse.Xml(Samples.Read("systeminfo.xml"));
        var caFile = TestCertificates.WritePem(ca);
        try
        {
            using var client = new FinesseRestClient(new FinesseOptions
            {
                SideA = server.BaseUri, Trust = ServerCertificateTrust.CaFile, CaCertificatePath = caFile,
            });

            var info = await client.GetSystemInfoAsync(Alice, Ct);

            Assert.True(info.IsInService);
        }
        finally
        {
            File.Delete(caFile);
        }
    }

    [Fact]
    public async Task Pinned_ca_file_refuses_a_certificate_from_elsewhere()
    {
        var (ca, _) = TestCertificates.CaAndLeaf();
        await using var server = await FakeFinesseServer.StartAsync(TestCertificates.SelfSigned());
        var caFile = TestCertificates.WritePem(ca);
        try
        {
            using var client = new FinesseRestClient(new FinesseOptions
            {
                SideA = server.BaseUri, Trust = ServerCertificateTrust.CaFile, CaCertificatePath = caFile,
            });

            var ex = await Assert.ThrowsAsync<FinesseRestException>(() => client.GetUserAsync(Alice, Ct));

            Assert.Equal(FinesseErrorCode.FinesseTlsUntrusted, ex.Code);
            Assert.Contains("Trust=CaFile", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(caFile);
        }
    }

    [Fact]
    public async Task Allow_self_signed_still_refuses_a_wrong_host_name()
    {
        await using var server = await FakeFinesseServer.StartAsync(TestCertificates.SelfSigned("fin-a.example.com"));
        using var client = new FinesseRestClient(new FinesseOptions
        {
            SideA = new Uri($"https://localhost:{server.BaseUri.Port}"), Trust = ServerCertificateTrust.AllowSelfSigned,
        });

        var ex = await Assert.ThrowsAsync<FinesseRestException>(() => client.GetUserAsync(Alice, Ct));

        Assert.Equal(FinesseErrorCode.FinesseTlsUntrusted, ex.Code);
    }

    [Fact]
    public async Task Allow_self_signed_does_not_accept_an_unknown_ca()
    {
        var (_, leaf) = TestCertificates.CaAndLeaf();
        await using var server = await FakeFinesseServer.StartAsync(leaf);
        using var client = new FinesseRestClient(new FinesseOptions { SideA = server.BaseUri, Trust = ServerCertificateTrust.AllowSelfSigned });

        var ex = await Assert.ThrowsAsync<FinesseRestException>(() => client.GetUserAsync(Alice, Ct));

        Assert.Equal(FinesseErrorCode.FinesseTlsUntrusted, ex.Code);
    }
}
