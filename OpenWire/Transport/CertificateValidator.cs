using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SiebelCti.OpenWire.Transport;

/// <summary>
/// Validates a broker certificate: the host name must match, and the chain must lead to a CA of
/// the configured PEM file (or to the system store when none is configured), unless the
/// certificate's SHA-256 thumbprint is pinned. Records why it refused, for the error message.
/// </summary>
internal sealed class CertificateValidator(TlsSettings settings)
{
    private readonly TlsSettings _settings = settings;
    private X509Certificate2Collection? _trustedRoots;

    public string? Failure { get; private set; }

    public bool Validate(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            Failure = "the broker sent no certificate";
            return false;
        }

        using var cert = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        var thumbprint = Convert.ToHexString(SHA256.HashData(cert.RawData));
        if (_settings.PinnedThumbprints.Any(t => string.Equals(t, thumbprint, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            Failure = $"the broker certificate '{cert.Subject}' does not match the host name";
            return false;
        }

        if (_settings.TrustedCaCertificatesPath is null)
        {
            if (errors != SslPolicyErrors.None)
            {
                Failure = $"the broker certificate '{cert.Subject}' is not trusted ({errors})";
                return false;
            }

            return true;
        }

        _trustedRoots ??= LoadRoots(_settings.TrustedCaCertificatesPath);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_trustedRoots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (!chain.Build(cert))
        {
            var status = string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()));
            Failure = $"the broker certificate '{cert.Subject}' does not chain to a CA in '{_settings.TrustedCaCertificatesPath}' ({status})";
            return false;
        }

        return true;
    }

    private static X509Certificate2Collection LoadRoots(string path)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(path);
        return roots;
    }
}
