using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace SiebelCti.Finesse.Xmpp;

/// <summary>
/// Transport: the byte stream under an XMPP session. Opens TCP (with <see cref="XmppTlsMode.DirectTls"/>
/// wrapped in TLS at once) and upgrades a plain stream to TLS after STARTTLS. Certificate trust
/// follows <see cref="XmppOptions.Trust"/>; the certificate name is checked in every mode.
/// </summary>
internal sealed class XmppTransport : IAsyncDisposable
{
    private readonly TcpClient _tcp;

    private XmppTransport(TcpClient tcp, Stream stream)
    {
        _tcp = tcp;
        Stream = stream;
    }

    /// <summary>The current stream: the socket's, or TLS over it.</summary>
    public Stream Stream { get; private set; }

    /// <summary>True once the stream is TLS-protected.</summary>
    public bool IsEncrypted => Stream is SslStream;

    public static async Task<XmppTransport> ConnectAsync(XmppOptions options, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(options.Host, options.Port, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            tcp.Dispose();
            throw new XmppException(XmppErrorKind.ConnectFailed, $"Cannot connect to the XMPP server {options.Host}:{options.Port}: {ex.Message}", null, ex);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }

        var transport = new XmppTransport(tcp, tcp.GetStream());
        if (options.TlsMode == XmppTlsMode.DirectTls)
        {
            try
            {
                await transport.UpgradeToTlsAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await transport.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        return transport;
    }

    /// <summary>Runs the TLS handshake over the current stream (direct TLS, or after <c>&lt;proceed/&gt;</c>).</summary>
    public async Task UpgradeToTlsAsync(XmppOptions options, CancellationToken cancellationToken)
    {
        var trusted = LoadTrustedCertificates(options);
        var ssl = new SslStream(Stream, leaveInnerStreamOpen: false);
        var authentication = new SslClientAuthenticationOptions
        {
            TargetHost = options.TlsServerName ?? options.Domain,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                IsTrusted(options.Trust, trusted, certificate as X509Certificate2, chain, errors),
        };
        try
        {
            await ssl.AuthenticateAsClientAsync(authentication, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is System.Security.Authentication.AuthenticationException or IOException)
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw new XmppException(
                XmppErrorKind.TlsFailed,
                $"TLS with {options.Host}:{options.Port} failed (trust {options.Trust}, expected name {authentication.TargetHost}): {ex.Message}",
                null,
                ex);
        }

        Stream = ssl;
    }

    /// <summary>Decides whether a server certificate is acceptable under <paramref name="trust"/> (<see cref="ServerCertificates"/>).</summary>
    internal static bool IsTrusted(
        ServerCertificateTrust trust,
        X509Certificate2Collection? pinned,
        X509Certificate2? certificate,
        X509Chain? chain,
        SslPolicyErrors errors) =>
        ServerCertificates.IsTrusted(trust, pinned, certificate, chain, errors, out _);

    internal static X509Certificate2Collection? LoadTrustedCertificates(XmppOptions options)
    {
        if (options.Trust != ServerCertificateTrust.CaFile || options.TrustedCertificatePath is null)
        {
            return null;
        }

        try
        {
            var collection = ServerCertificates.LoadRoots(options.TrustedCertificatePath);

            if (collection.Count == 0)
            {
                throw new XmppException(XmppErrorKind.TlsFailed, $"The pinned certificate file {options.TrustedCertificatePath} holds no certificate.");
            }

            return collection;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new XmppException(XmppErrorKind.TlsFailed, $"Cannot read the pinned certificate file {options.TrustedCertificatePath}: {ex.Message}", null, ex);
        }
    }

    /// <summary>Closes the socket at once; pending reads and writes fail. Safe to call more than once.</summary>
    public void Abort() => _tcp.Dispose();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Stream.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
        {
            // The peer is gone already; nothing to release beyond the socket.
        }

        _tcp.Dispose();
    }
}
