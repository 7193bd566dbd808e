using SiebelCti.Connector.Engine.Adapters;
using SiebelCti.Finesse;
using SiebelCti.Finesse.Rest;
using SiebelCti.Finesse.Xmpp;

namespace SiebelCti.Connector.Service.Configuration;

/// <summary>
/// Section <c>Finesse</c>, read straight into the Finesse REST client's <see cref="FinesseOptions"/> and
/// the notification hub's <see cref="FinesseNotificationOptions"/> (with its <see cref="XmppOptions"/>).
/// Keys whose shape differs from the property are converted here: <c>SideAUrl</c> (text) to
/// <see cref="FinesseOptions.SideA"/>, <c>XmppTls</c> (<c>Direct</c>/<c>StartTls</c>) to
/// <see cref="XmppTlsMode"/>, <c>AllowInvalidCertificates</c> and <c>TrustedCertificatesPath</c> to a
/// <see cref="ServerCertificateTrust"/>, <c>PresenceUser</c> <c>none</c> to no presence watch.
/// </summary>
internal sealed record FinesseSection(FinesseOptions Rest, FinesseNotificationOptions Notifications, ConfigKeys Keys, IReadOnlyList<string> Combinations)
{
    public const string Name = "Finesse";

    // The documented defaults of the section, where they differ from the libraries' own.
    public const int DefaultXmppPort = 5223;
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultHealthCheckInterval = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultXmppPingInterval = TimeSpan.FromSeconds(15);

    public static FinesseSection Read(IConfiguration configuration, ConfigProblems problems, List<string> unknownKeys)
    {
        var r = new ConfigReader(configuration, Name, problems);
        var sideA = r.HttpUrl("SideAUrl");
        var sideB = r.HttpUrl("SideBUrl");
        var xmppHostA = r.String("XmppHostA");
        var xmppHostB = r.String("XmppHostB");
        var xmppDomain = r.String("XmppDomain");
        var caPath = r.String("TrustedCertificatesPath");
        var allowInvalid = r.Bool("AllowInvalidCertificates", defaultValue: false);
        var connectTimeout = r.Duration("ConnectTimeout", DefaultTimeout);
        var trust = allowInvalid ? ServerCertificateTrust.AllowSelfSigned
            : caPath is not null ? ServerCertificateTrust.CaFile : ServerCertificateTrust.System;
        var presenceUser = r.String("PresenceUser", "finesse")!;

        var rest = new FinesseOptions
        {
            SideA = sideA,
            SideB = sideB,
            RequestTimeout = r.Duration("RequestTimeout", DefaultTimeout),
            ConnectTimeout = connectTimeout,
            Trust = trust,
            CaCertificatePath = trust == ServerCertificateTrust.CaFile ? caPath : null,
            // Finesse 12.5+ serves HTTPS only; plain HTTP is accepted only when a URL says so (labs, the emulator).
            AllowHttp = sideA?.Scheme == Uri.UriSchemeHttp || sideB?.Scheme == Uri.UriSchemeHttp,
        };
        var host = xmppHostA ?? sideA?.Host ?? "";
        var notifications = new FinesseNotificationOptions
        {
            Xmpp = new XmppOptions
            {
                Host = host,
                Port = r.Int("XmppPort", DefaultXmppPort),
                Domain = xmppDomain ?? host,
                TlsMode = r.Choice("XmppTls", XmppTlsMode.DirectTls, ("Direct", XmppTlsMode.DirectTls), ("StartTls", XmppTlsMode.StartTls)),
                Trust = trust,
                TrustedCertificatePath = trust == ServerCertificateTrust.CaFile ? caPath : null,
                PingInterval = r.Duration("XmppPingInterval", DefaultXmppPingInterval),
                ConnectTimeout = connectTimeout,
            },
            SideBHost = xmppHostB ?? sideB?.Host,
            HealthPollInterval = r.Duration("HealthCheckInterval", DefaultHealthCheckInterval),
            FinesseUser = presenceUser.Equals("none", StringComparison.OrdinalIgnoreCase) ? "" : presenceUser,
        };

        // Hosts and the domain come from the URLs unless set: a problem with them names the key they came from.
        var hostKey = xmppHostA is not null ? "XmppHostA" : "SideAUrl";
        var keys = new ConfigKeys(Name, new Dictionary<string, string>
        {
            [nameof(FinesseOptions.SideA)] = "SideAUrl",
            [nameof(FinesseOptions.SideB)] = "SideBUrl",
            [nameof(FinesseOptions.AllowHttp)] = "SideAUrl",
            [nameof(FinesseOptions.RequestTimeout)] = "RequestTimeout",
            [nameof(FinesseOptions.ConnectTimeout)] = "ConnectTimeout",
            [nameof(FinesseOptions.Trust)] = "AllowInvalidCertificates",
            [nameof(FinesseOptions.CaCertificatePath)] = "TrustedCertificatesPath",
            ["Xmpp.Host"] = hostKey,
            ["Xmpp.Port"] = "XmppPort",
            ["Xmpp.Domain"] = xmppDomain is not null ? "XmppDomain" : hostKey,
            ["Xmpp.TlsMode"] = "XmppTls",
            ["Xmpp.Trust"] = "AllowInvalidCertificates",
            ["Xmpp.TrustedCertificatePath"] = "TrustedCertificatesPath",
            ["Xmpp.PingInterval"] = "XmppPingInterval",
            ["Xmpp.ConnectTimeout"] = "ConnectTimeout",
            [nameof(FinesseNotificationOptions.SideBHost)] = xmppHostB is not null ? "XmppHostB" : "SideBUrl",
            [nameof(FinesseNotificationOptions.HealthPollInterval)] = "HealthCheckInterval",
            [nameof(FinesseNotificationOptions.FinesseUser)] = "PresenceUser",
        });
        var combinations = new List<string>();
        if (xmppHostB is not null && sideB is null && r.String("SideBUrl") is null)
        {
            combinations.Add($"{Name}:XmppHostB is set but {Name}:SideBUrl is not");
        }

        if (allowInvalid && caPath is not null)
        {
            combinations.Add($"{Name}:TrustedCertificatesPath is set but {Name}:AllowInvalidCertificates is true: trust that file or accept any certificate, not both");
        }

        unknownKeys.AddRange(r.UnknownKeys());
        return new FinesseSection(rest, notifications, keys, combinations);
    }

    /// <summary>
    /// The REST client's rules, then the notification hub's (its XMPP template's), then the section's own
    /// (<see cref="Combinations"/>: keys set but not usable together).
    /// </summary>
    public void Validate(ConfigProblems problems)
    {
        problems.AddFrom(list => Rest.Validate(list, Keys.Of));
        problems.AddFromSharingKeys(list => Notifications.Validate(list, Keys.Of));
        problems.AddFrom(list => list.AddRange(Combinations));
    }
}
