using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace SiebelCti.Finesse.Rest;

/// <summary>Builds the server-certificate check for <see cref="FinesseTrustMode"/>; every refusal is logged with its reason.</summary>
internal sealed class CertificateTrust
{
    private readonly FinesseTrustMode _mode;
    private readonly X509Certificate2Collection _roots = [];
    private readonly ILogger _logger;

    public CertificateTrust(FinesseOptions options, ILogger logger)
    {
        _mode = options.Trust;
        _logger = logger;
        if (_mode == FinesseTrustMode.CaFile)
        {
            try
            {
                _roots = LoadRoots(options.CaCertificatePath!);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                throw new FinesseException(
                    SiebelCti.Finesse.FinesseErrorCode.FinesseOptionsInvalid,
                    $"CaCertificatePath '{options.CaCertificatePath}' could not be read as PEM or DER certificates: {ex.Message}",
                    ex);
            }

            if (_roots.Count == 0)
            {
                throw new FinesseException(
                    SiebelCti.Finesse.FinesseErrorCode.FinesseOptionsInvalid,
                    $"CaCertificatePath '{options.CaCertificatePath}' holds no certificate.");
            }
        }
    }

    /// <summary>The last refusal reason (informational, for exception messages).</summary>
    public string? LastProblem { get; private set; }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var accepted = errors == SslPolicyErrors.None && _mode != FinesseTrustMode.CaFile;
        string problems = errors.ToString();
        if (!accepted && certificate is not null && (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) == 0)
        {
            using var leaf = new X509Certificate2(certificate);
            if (_mode == FinesseTrustMode.CaFile)
            {
                accepted = ChainsToRoots(leaf, chain, out problems);
            }
            else if (_mode == FinesseTrustMode.AllowSelfSigned)
            {
                accepted = IsSelfSignedOnly(leaf, chain, out problems);
            }
        }

        if (!accepted)
        {
            LastProblem = $"subject '{certificate?.Subject}', problems {problems}";
            FinesseRestLog.CertificateRejected(_logger, _mode, certificate?.Subject, certificate?.Issuer, problems);
        }

        return accepted;
    }

    private bool ChainsToRoots(X509Certificate2 leaf, X509Chain? presented, out string problems)
    {
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_roots);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
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
        if (!string.Equals(leaf.Subject, leaf.Issuer, StringComparison.Ordinal))
        {
            problems = "RemoteCertificateChainErrors (not self-signed)";
            return false;
        }

        var statuses = chain?.ChainStatus.Select(s => s.Status).Where(s => s != X509ChainStatusFlags.NoError).ToArray() ?? [];
        var other = statuses.Where(s => s != X509ChainStatusFlags.UntrustedRoot && s != X509ChainStatusFlags.PartialChain).ToArray();
        problems = other.Length == 0 ? "None" : string.Join(", ", other);
        return other.Length == 0;
    }

    private static X509Certificate2Collection LoadRoots(string path)
    {
        var roots = new X509Certificate2Collection();
        var text = File.ReadAllText(path);
        if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            roots.ImportFromPem(text);
        }
        else
        {
            roots.Add(X509CertificateLoader.LoadCertificateFromFile(path));
        }

        return roots;
    }
}
