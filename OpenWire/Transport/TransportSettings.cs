namespace SiebelCti.OpenWire.Transport;

/// <summary>What one transport needs from the options.</summary>
internal sealed record TransportSettings(
    TimeSpan ConnectTimeout,
    TimeSpan MaxInactivityDuration,
    int MaxFrameSize,
    int WriteQueueCapacity,
    TlsSettings Tls)
{
    public static TransportSettings From(OpenWireOptions o) => new(
        o.ConnectTimeout,
        o.MaxInactivityDuration,
        o.MaxFrameSize,
        o.WriteQueueCapacity,
        new TlsSettings(o.TrustedCaCertificatesPath, o.TrustedServerCertificateThumbprints, o.TlsTargetHost));
}
