namespace SiebelCti.OpenWire.Transport;

/// <summary>What one transport needs from the options.</summary>
internal sealed record TransportSettings(
    TimeSpan ConnectTimeout,
    TimeSpan MaxInactivityDuration,
    int MaxFrameSize,
    int WriteQueueCapacity,
    TlsSettings Tls,
    bool TightEncodingEnabled = true)
{
    /// <summary>The options' settings; the URI's <c>wireFormat.tightEncodingEnabled</c> wins over the option.</summary>
    public static TransportSettings From(OpenWireOptions o, BrokerUri? uri = null) => new(
        o.ConnectTimeout,
        o.MaxInactivityDuration,
        o.MaxFrameSize,
        o.WriteQueueCapacity,
        new TlsSettings(o.TrustedCaCertificatesPath, o.TrustedServerCertificateThumbprints, o.TlsTargetHost),
        uri?.TightEncodingEnabled ?? o.TightEncodingEnabled);
}
