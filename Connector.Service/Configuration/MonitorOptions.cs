namespace SiebelCti.Connector.Service.Configuration;

/// <summary>Settings of the Connector Monitor web console (section <c>Monitor</c>).</summary>
public sealed record MonitorOptions
{
    public const string SectionName = "Monitor";

    /// <summary>Whether the web console runs at all.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Listen URLs separated by <c>;</c>, e.g. <c>https://0.0.0.0:8443;http://127.0.0.1:8080</c>.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:8080";

    /// <summary>PFX/PKCS#12 or PEM certificate file for <c>https</c> URLs.</summary>
    public string? CertificatePath { get; init; }

    /// <summary>PEM private key file when <see cref="CertificatePath"/> is a PEM certificate without the key.</summary>
    public string? CertificateKeyPath { get; init; }

    /// <summary>Password of the PFX file or of an encrypted PEM key. Never logged or shown.</summary>
    public string? CertificatePassword { get; init; }

    /// <summary>The login user name.</summary>
    public string User { get; init; } = "admin";

    /// <summary>PBKDF2 hash of the login password, made with <c>--hash-password</c>.</summary>
    public string? PasswordHash { get; init; }

    /// <summary>How long a login lasts without activity.</summary>
    public TimeSpan SessionTimeout { get; init; } = TimeSpan.FromHours(8);

    /// <summary>How often the live view (Server-Sent Events) pushes a snapshot.</summary>
    public TimeSpan PushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Show generated demo data instead of the engine (for trying the console out).</summary>
    public bool Demo { get; init; }

    /// <summary>The listen URLs, one per entry.</summary>
    public IReadOnlyList<string> UrlList =>
        Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Prints the settings without the certificate password (the hash is not secret but is left out too).</summary>
    public override string ToString() =>
        $"MonitorOptions {{ Enabled = {Enabled}, Urls = {Urls}, CertificatePath = {CertificatePath}, User = {User}, PasswordHash = {(PasswordHash is null ? "(none)" : "(set)")}, CertificatePassword = {(CertificatePassword is null ? "(none)" : "***")}, SessionTimeout = {SessionTimeout}, PushInterval = {PushInterval}, Demo = {Demo} }}";

    internal static MonitorOptions Read(IConfiguration configuration, ConfigProblems problems, List<string> warnings)
    {
        var r = new ConfigReader(configuration, SectionName, problems);
        var d = new MonitorOptions();
        var options = new MonitorOptions
        {
            Enabled = r.Bool(nameof(Enabled), d.Enabled),
            Urls = r.String(nameof(Urls), d.Urls)!,
            CertificatePath = r.String(nameof(CertificatePath)),
            CertificateKeyPath = r.String(nameof(CertificateKeyPath)),
            CertificatePassword = r.String(nameof(CertificatePassword)),
            User = r.String(nameof(User), d.User)!,
            PasswordHash = r.String(nameof(PasswordHash)),
            SessionTimeout = r.Duration(nameof(SessionTimeout), d.SessionTimeout),
            PushInterval = r.Duration(nameof(PushInterval), d.PushInterval),
            Demo = r.Bool(nameof(Demo), d.Demo),
        };
        warnings.AddRange(r.UnknownKeys());
        return options;
    }

    /// <summary>The monitor's rules (<see cref="MonitorOptionsValidator"/>), under its keys.</summary>
    internal void Validate(ConfigProblems problems) =>
        problems.AddFrom(list => list.AddRange(new MonitorOptionsValidator().Validate(null, this).Failures ?? []));
}
