namespace SiebelCti.Connector.Service.Configuration;

/// <summary>Settings of the ActiveMQ connection (section <c>Broker</c>).</summary>
public sealed record BrokerOptions
{
    public const string SectionName = "Broker";

    /// <summary>Broker URI: <c>tcp://host:port</c>, <c>ssl://host:port</c> or <c>failover:(uri,uri,...)?options</c>.</summary>
    public string Uri { get; init; } = "tcp://127.0.0.1:61616";

    /// <summary>User name for the broker; null for none.</summary>
    public string? User { get; init; }

    /// <summary>Password for the broker; null for none. Never logged or shown (see <see cref="ToString"/>).</summary>
    public string? Password { get; init; }

    /// <summary>PEM file of the CA certificate(s) to trust for <c>ssl://</c> brokers; null for the system trust store.</summary>
    public string? TrustedCertificatesPath { get; init; }

    /// <summary>Queue the connector consumes requests from.</summary>
    public string RequestQueue { get; init; } = "SiebelCti.Connector.Requests";

    /// <summary>Prefix of each client's topic; the client id follows.</summary>
    public string ClientTopicPrefix { get; init; } = "SiebelCti.Client.";

    /// <summary>
    /// Accept a request only from the broker user its client id belongs to (the id is the user's name
    /// or starts with it and a dot; the broker must stamp JMSXUserID). On by default; turn off only
    /// for a broker without authentication (docs/security.md).
    /// </summary>
    public bool BindClientIdsToUsers { get; init; } = true;

    /// <summary>How long one connection attempt may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Prints the settings without the password.</summary>
    public override string ToString() =>
        $"BrokerOptions {{ Uri = {Engine.Monitoring.SecretRedactor.RedactUri(Uri)}, User = {User}, Password = {(Password is null ? "(none)" : "***")}, TrustedCertificatesPath = {TrustedCertificatesPath ?? "(system store)"}, RequestQueue = {RequestQueue}, ClientTopicPrefix = {ClientTopicPrefix}, BindClientIdsToUsers = {BindClientIdsToUsers}, ConnectTimeout = {ConnectTimeout} }}";

    internal static BrokerOptions Read(IConfiguration configuration, List<string> problems, List<string> warnings)
    {
        var r = new ConfigReader(configuration, SectionName, problems);
        var defaults = new BrokerOptions();
        var options = new BrokerOptions
        {
            Uri = r.String(nameof(Uri), defaults.Uri)!,
            User = r.String(nameof(User)),
            Password = r.String(nameof(Password)),
            TrustedCertificatesPath = r.String(nameof(TrustedCertificatesPath)),
            RequestQueue = r.String(nameof(RequestQueue), defaults.RequestQueue)!,
            ClientTopicPrefix = r.String(nameof(ClientTopicPrefix), defaults.ClientTopicPrefix)!,
            ConnectTimeout = r.Duration(nameof(ConnectTimeout), defaults.ConnectTimeout),
            BindClientIdsToUsers = r.Bool(nameof(BindClientIdsToUsers), defaults.BindClientIdsToUsers),
        };
        warnings.AddRange(r.UnknownKeys());
        return options;
    }
}
