using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SiebelCti.OpenWire.Tests;

/// <summary>ssl:// against a loopback fake broker with a self-signed certificate: trusted CA file, pinning, refusal.</summary>
public sealed class TlsTests : IDisposable
{
    private readonly X509Certificate2 _certificate;
    private readonly string _caFile;

    public TlsTests()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var now = TimeProvider.System.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        _certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
        _caFile = Path.Combine(Path.GetTempPath(), $"openwire-ca-{Guid.NewGuid():N}.pem");
        File.WriteAllText(_caFile, _certificate.ExportCertificatePem());
    }

    public void Dispose()
    {
        _certificate.Dispose();
        File.Delete(_caFile);
    }

    private static OpenWireOptions Options(string uri) => new()
    {
        BrokerUri = uri,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        RequestTimeout = TimeSpan.FromSeconds(10),
        TlsTargetHost = "localhost",
    };

    [Theory]
    [InlineData("trusted-ca-file")]
    [InlineData("pinned-thumbprint")]
    public async Task ConnectAsync_TrustedCertificate_Connects(string trust)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var broker = new FakeBroker(_certificate);
        var serve = broker.ServeAsync(null, ct);
        var options = trust == "trusted-ca-file"
            ? Options(broker.Uri) with { TrustedCaCertificatesPath = _caFile }
            : Options(broker.Uri) with { TrustedServerCertificateThumbprints = [Convert.ToHexString(SHA256.HashData(_certificate.RawData))] };

        await using var connection = await OpenWireConnection.ConnectAsync(options, cancellationToken: ct);

        Assert.Equal(OpenWireConnectionState.Open, connection.State);
    }

    [Fact]
    public async Task ConnectAsync_UntrustedCertificate_FailsWithTlsFailure()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var broker = new FakeBroker(_certificate);
        var serve = broker.ServeAsync(null, ct);

        var e = await Assert.ThrowsAsync<OpenWireException>(() => OpenWireConnection.ConnectAsync(Options(broker.Uri), cancellationToken: ct));

        Assert.Equal(OpenWireErrorKind.TlsFailure, e.Kind);
        Assert.False(e.IsTransient);
    }

    [Fact]
    public async Task ConnectAsync_WrongHostName_FailsWithTlsFailure()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var broker = new FakeBroker(_certificate);
        var serve = broker.ServeAsync(null, ct);

        var e = await Assert.ThrowsAsync<OpenWireException>(() => OpenWireConnection.ConnectAsync(
            Options(broker.Uri) with { TrustedCaCertificatesPath = _caFile, TlsTargetHost = "broker.example" }, cancellationToken: ct));

        Assert.Equal(OpenWireErrorKind.TlsFailure, e.Kind);
        Assert.Contains("host name", e.Message, StringComparison.Ordinal);
    }
}
