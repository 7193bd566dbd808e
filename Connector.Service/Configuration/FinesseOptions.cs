namespace SiebelCti.Connector.Service.Configuration;

/// <summary>How the XMPP notification link is secured.</summary>
public enum XmppTlsMode
{
    /// <summary>TLS from the first byte (Finesse 12.5+, port 5223).</summary>
    Direct,

    /// <summary>Plain connection upgraded with STARTTLS (older Finesse, port 5222).</summary>
    StartTls,
}

/// <summary>Settings of the Finesse cluster (section <c>Finesse</c>).</summary>
public sealed record FinesseOptions
{
    public const string SectionName = "Finesse";

    /// <summary>Base URL of Finesse side A, e.g. <c>https://finesse-a.example.com:8445</c>. Required.</summary>
    public string? SideAUrl { get; init; }

    /// <summary>Base URL of Finesse side B; null for a single-node deployment.</summary>
    public string? SideBUrl { get; init; }

    /// <summary>XMPP host of side A; null: the host of <see cref="SideAUrl"/>.</summary>
    public string? XmppHostA { get; init; }

    /// <summary>XMPP host of side B; null: the host of <see cref="SideBUrl"/>.</summary>
    public string? XmppHostB { get; init; }

    /// <summary>XMPP port (5223 direct TLS; 5222 with STARTTLS on older releases).</summary>
    public int XmppPort { get; init; } = 5223;

    /// <summary>XMPP domain; null: the host of the side in use.</summary>
    public string? XmppDomain { get; init; }

    /// <summary>How the XMPP link is secured.</summary>
    public XmppTlsMode XmppTls { get; init; } = XmppTlsMode.Direct;

    /// <summary>PEM file with the certificate(s) to trust for Finesse (REST and XMPP); null: the system trust store.</summary>
    public string? TrustedCertificatesPath { get; init; }

    /// <summary>Accept any server certificate. For labs only: logs a warning at every start.</summary>
    public bool AllowInvalidCertificates { get; init; }

    /// <summary>How long one REST request may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one connection attempt (REST or XMPP) may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often SystemInfo is polled on each side.</summary>
    public TimeSpan HealthCheckInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often each XMPP session is pinged (Finesse drops silent sessions).</summary>
    public TimeSpan XmppPingInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The XMPP user whose presence shows the Finesse web application is connected to its
    /// notification service (<c>finesse</c>); configured as <c>none</c> (empty here): not watched.
    /// </summary>
    public string PresenceUser { get; init; } = "finesse";

    internal static FinesseOptions Read(IConfiguration configuration, List<string> problems, List<string> warnings)
    {
        var r = new ConfigReader(configuration, SectionName, problems);
        var d = new FinesseOptions();
        var options = new FinesseOptions
        {
            SideAUrl = r.String(nameof(SideAUrl)),
            SideBUrl = r.String(nameof(SideBUrl)),
            XmppHostA = r.String(nameof(XmppHostA)),
            XmppHostB = r.String(nameof(XmppHostB)),
            XmppPort = r.Int(nameof(XmppPort), d.XmppPort),
            XmppDomain = r.String(nameof(XmppDomain)),
            XmppTls = r.Enum(nameof(XmppTls), d.XmppTls),
            TrustedCertificatesPath = r.String(nameof(TrustedCertificatesPath)),
            AllowInvalidCertificates = r.Bool(nameof(AllowInvalidCertificates), d.AllowInvalidCertificates),
            RequestTimeout = r.Duration(nameof(RequestTimeout), d.RequestTimeout),
            ConnectTimeout = r.Duration(nameof(ConnectTimeout), d.ConnectTimeout),
            HealthCheckInterval = r.Duration(nameof(HealthCheckInterval), d.HealthCheckInterval),
            XmppPingInterval = r.Duration(nameof(XmppPingInterval), d.XmppPingInterval),
            PresenceUser = r.String(nameof(PresenceUser), d.PresenceUser) is var user && user!.Equals("none", StringComparison.OrdinalIgnoreCase) ? "" : user,
        };
        warnings.AddRange(r.UnknownKeys());
        return options;
    }
}
