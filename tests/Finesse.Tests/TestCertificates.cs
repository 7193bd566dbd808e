using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SiebelCti.Finesse.Tests;

/// <summary>Certificates made inside the test run (never committed): self-signed, and a CA with a leaf it signed.</summary>
internal static class TestCertificates
{
    public static X509Certificate2 SelfSigned(string dnsName = "localhost")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={dnsName}", key, HashAlgorithmName.SHA256);
        AddServerExtensions(request, dnsName);
        var now = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());
        using var cert = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        return Reload(cert);
    }

    /// <summary>A CA certificate (public part only, for the trust file) and a server certificate it issued.</summary>
    public static (X509Certificate2 Ca, X509Certificate2 Leaf) CaAndLeaf()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=SiebelCti Test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-2), now.AddDays(60));

        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest("CN=localhost", leafKey, HashAlgorithmName.SHA256);
        AddServerExtensions(leafRequest, "localhost");
        using var leafPublic = leafRequest.Create(ca, now.AddDays(-1), now.AddDays(30), [1, 2, 3, 4, 5, 6, 7, 8]);
        using var leaf = leafPublic.CopyWithPrivateKey(leafKey);
        return (X509CertificateLoader.LoadCertificate(ca.RawData), Reload(leaf));
    }

    public static string WritePem(X509Certificate2 cert)
    {
        var path = Path.Combine(Path.GetTempPath(), $"siebelcti-ca-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, cert.ExportCertificatePem());
        return path;
    }

    private static void AddServerExtensions(CertificateRequest request, string dnsName)
    {
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(dnsName);
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, false));
    }

    // Kestrel on Linux needs the key in a form it can use for TLS: round-trip through PKCS#12.
    private static X509Certificate2 Reload(X509Certificate2 cert) =>
        X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12), null);
}
