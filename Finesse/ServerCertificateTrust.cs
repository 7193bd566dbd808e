using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace SiebelCti.Finesse;

/// <summary>
/// Which server certificates the Finesse clients accept, one model for the REST API and the XMPP
/// notification service. The certificate must match the host name in every mode.
/// </summary>
public enum ServerCertificateTrust
{
    /// <summary>The operating system's trust store (the production default).</summary>
    System = 0,

    /// <summary>Only chains ending at a certificate of the configured file (PEM or DER: a CA, or the server certificate itself).</summary>
    CaFile = 1,

    /// <summary>
    /// Tests and labs only: also a self-signed server certificate (subject equals issuer) whose host
    /// name matches. Anything else untrusted is still refused.
    /// </summary>
    AllowSelfSigned = 2,
}

/// <summary>The one implementation of <see cref="ServerCertificateTrust"/>, used by the REST and the XMPP client.</summary>
internal static class ServerCertificates
{
    /// <summary>
    /// The certificates of <paramref name="path"/>, PEM (one or more) or DER (one).
    /// </summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The file holds no readable certificate.</exception>
    public static X509Certificate2Collection LoadRoots(string path)
    {
        var roots = new X509Certificate2Collection();
        var bytes = File.ReadAllBytes(path);
        if (bytes.AsSpan().IndexOf("-----BEGIN"u8) >= 0)
        {
            roots.ImportFromPemFile(path);
        }
        else
        {
            roots.Add(X509CertificateLoader.LoadCertificate(bytes));
        }

        return roots;
    }

    /// <summary>
    /// Decides whether the server's <paramref name="certificate"/> is acceptable under
    /// <paramref name="trust"/>; <paramref name="problems"/> says why not (for the log).
    /// </summary>
    public static bool IsTrusted(
        ServerCertificateTrust trust,
        X509Certificate2Collection? roots,
        X509Certificate? certificate,
        X509Chain? chain,
        SslPolicyErrors errors,
        out string problems)
    {
        problems = errors.ToString();
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNotAvailable | SslPolicyErrors.RemoteCertificateNameMismatch)) != 0)
        {
            return false;
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        switch (trust)
        {
            case ServerCertificateTrust.System:
                return errors == SslPolicyErrors.None;
            case ServerCertificateTrust.CaFile:
                return ChainsTo(roots, leaf, chain, out problems);
            case ServerCertificateTrust.AllowSelfSigned:
                return errors == SslPolicyErrors.None || IsSelfSignedOnly(leaf, chain, out problems);
            default:
                return false;
        }
    }

    private static bool ChainsTo(X509Certificate2Collection? roots, X509Certificate2 leaf, X509Chain? presented, out string problems)
    {
        if (roots is null || roots.Count == 0)
        {
            problems = "no trusted certificate is configured";
            return false;
        }

        foreach (var root in roots)
        {
            if (root.RawDataMemory.Span.SequenceEqual(leaf.RawDataMemory.Span))
            {
                problems = "None";
                return true;
            }
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.CustomTrustStore.AddRange(roots);
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        var ok = custom.Build(leaf);
        problems = ok ? "None" : string.Join(", ", custom.ChainStatus.Select(s => s.Status.ToString()));
        return ok;
    }

    private static bool IsSelfSignedOnly(X509Certificate2 leaf, X509Chain? chain, out string problems)
    {
        if (!leaf.SubjectName.RawData.AsSpan().SequenceEqual(leaf.IssuerName.RawData))
        {
            problems = "RemoteCertificateChainErrors (not self-signed)";
            return false;
        }

        var other = (chain?.ChainStatus ?? []).Select(s => s.Status)
            .Where(s => s is not (X509ChainStatusFlags.NoError or X509ChainStatusFlags.UntrustedRoot or X509ChainStatusFlags.PartialChain))
            .ToArray();
        problems = other.Length == 0 ? "None" : string.Join(", ", other);
        return other.Length == 0;
    }
}
