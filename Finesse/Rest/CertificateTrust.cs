using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace SiebelCti.Finesse.Rest;

/// <summary>The REST client's server-certificate check (<see cref="ServerCertificates"/>); every refusal is logged with its reason.</summary>
internal sealed class CertificateTrust
{
    private readonly ServerCertificateTrust _mode;
    private readonly X509Certificate2Collection _roots = [];
    private readonly ILogger _logger;

    public CertificateTrust(FinesseOptions options, ILogger logger)
    {
        _mode = options.Trust;
        _logger = logger;
        if (_mode == ServerCertificateTrust.CaFile)
        {
            try
            {
                _roots = ServerCertificates.LoadRoots(options.CaCertificatePath!);
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
        var accepted = ServerCertificates.IsTrusted(_mode, _roots, certificate, chain, errors, out var problems);
        if (!accepted)
        {
            LastProblem = $"subject '{certificate?.Subject}', problems {problems}";
            FinesseRestLog.CertificateRejected(_logger, _mode, certificate?.Subject, certificate?.Issuer, problems);
        }

        return accepted;
    }
}
