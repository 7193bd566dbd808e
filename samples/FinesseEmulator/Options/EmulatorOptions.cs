namespace SiebelCti.FinesseEmulator.Options;

/// <summary>
/// Everything the emulator is configured with (section <c>Emulator</c> of appsettings.json, the
/// environment and the command line). Validated once at start by <see cref="EmulatorOptionsValidator"/>;
/// the engine works on the validated snapshot.
/// </summary>
public sealed record EmulatorOptions
{
    public const string SectionName = "Emulator";

    /// <summary><c>UCCE</c> (default) or <c>UCCX</c>; selects the rules that differ between the two.</summary>
    public string DeploymentType { get; init; } = "UCCE";

    /// <summary>XMPP domain of the notification service (pubsub is <c>pubsub.&lt;domain&gt;</c>).</summary>
    public string XmppDomain { get; init; } = "finesse.localhost";

    /// <summary>Side A of the Finesse pair: URL(s) it listens on and the host name SystemInfo reports.</summary>
    public SideOptions SideA { get; init; } = new() { Host = "finesse-a.localhost" };

    /// <summary>Side B (optional: no URLs means a single-node deployment).</summary>
    public SideOptions SideB { get; init; } = new() { Host = "finesse-b.localhost" };

    /// <summary>Server certificate (PFX) for https URLs; password may be empty.</summary>
    public string? CertificatePath { get; init; }

    public string? CertificatePassword { get; init; }

    /// <summary>Delay before a simulated far end answers an outbound call to an external number.</summary>
    public TimeSpan FarEndAnswerDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>External numbers that answer busy (the dialog fails with stateCause BUSY).</summary>
    public IReadOnlyList<string> BusyNumbers { get; init; } = [];

    /// <summary>First dialog id handed out (ids then count up).</summary>
    public long FirstDialogId { get; init; } = 16_800_001;

    /// <summary>Consecutive wrong passwords that lock an account (0 = no lockout).</summary>
    public int LockoutAttempts { get; init; } = 5;

    public TimeSpan LockoutDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Also publish each agent's summary to <c>/finesse/api/Team/{teamId}/Users</c> (what supervisors subscribe to).</summary>
    public bool PublishTeamUsers { get; init; } = true;

    /// <summary>Whether the control API under /emulator is served.</summary>
    public bool EnableControlApi { get; init; } = true;

    public IReadOnlyList<AgentOptions> Agents { get; init; } = [];

    public IReadOnlyList<ReasonCodeOptions> ReasonCodes { get; init; } = [];

    public IReadOnlyList<WrapUpReasonOptions> WrapUpReasons { get; init; } = [];

    public XmppPublisherOptions Xmpp { get; init; } = new();

    public bool IsUccx => string.Equals(DeploymentType, "UCCX", StringComparison.OrdinalIgnoreCase);
}

/// <summary>One side (node) of the Finesse pair.</summary>
public sealed record SideOptions
{
    /// <summary>Listen URLs, e.g. <c>http://127.0.0.1:8082</c> or <c>https://127.0.0.1:8445</c> (port 0 = any free port).</summary>
    public IReadOnlyList<string> Urls { get; init; } = [];

    /// <summary>Host name reported in SystemInfo primaryNode/secondaryNode.</summary>
    public string Host { get; init; } = "";
}

/// <summary>A configured agent (a Finesse User).</summary>
public sealed record AgentOptions
{
    /// <summary>The Finesse user id used in REST paths and as the XMPP account name (UCCE peripheral number).</summary>
    public string LoginId { get; init; } = "";

    public string LoginName { get; init; } = "";

    public string Password { get; init; } = "";

    /// <summary>The agent's phone extension (what sign-in must name).</summary>
    public string Extension { get; init; } = "";

    public string FirstName { get; init; } = "";

    public string LastName { get; init; } = "";

    public string TeamId { get; init; } = "1";

    public string TeamName { get; init; } = "Default";

    /// <summary><c>Agent</c> and/or <c>Supervisor</c>; empty means Agent.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>
    /// The team ids a supervisor supervises (its User lists them in <c>teams</c>, and its XMPP
    /// account is subscribed to their <c>/finesse/api/Team/{id}/Users</c> nodes); empty = its own team.
    /// </summary>
    public IReadOnlyList<string> SupervisedTeams { get; init; } = [];

    /// <summary>REQUIRED, REQUIRED_WITH_WRAP_UP_DATA, OPTIONAL or NOT_ALLOWED.</summary>
    public string WrapUpOnIncoming { get; init; } = "NOT_ALLOWED";

    public string WrapUpOnOutgoing { get; init; } = "NOT_ALLOWED";

    /// <summary>How long wrap-up (WORK/WORK_READY) lasts before the timer ends it; zero = until the agent acts.</summary>
    public TimeSpan WrapUpTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Never prints the password.</summary>
    public override string ToString() => $"Agent {LoginId} ({LoginName}, extension {Extension})";
}

/// <summary>A NOT_READY or LOGOUT reason code. <see cref="Id"/> is what clients send as reasonCodeId.</summary>
public sealed record ReasonCodeOptions
{
    public int Id { get; init; }

    public int Code { get; init; }

    public string Label { get; init; } = "";

    /// <summary><c>NOT_READY</c> or <c>LOGOUT</c>.</summary>
    public string Category { get; init; } = "NOT_READY";

    public bool ForAll { get; init; } = true;
}

/// <summary>A wrap-up reason; the label is what UPDATE_CALL_DATA writes into the dialog.</summary>
public sealed record WrapUpReasonOptions
{
    public int Id { get; init; }

    public string Label { get; init; } = "";

    public bool ForAll { get; init; } = true;
}

/// <summary>How notifications reach the XMPP server.</summary>
public sealed record XmppPublisherOptions
{
    /// <summary>Publish to a real XMPP server; false logs notifications only.</summary>
    public bool Enabled { get; init; }

    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 5222;

    /// <summary>Account that publishes (prosody's pubsub admin).</summary>
    public string AdminUser { get; init; } = "admin";

    public string AdminPassword { get; init; } = "";

    /// <summary><c>None</c> or <c>ProsodyShell</c>: create every agent's XMPP account through <c>prosodyctl shell</c>.</summary>
    public string AccountProvisioning { get; init; } = "None";

    /// <summary>prosody configuration file used by <c>prosodyctl --config</c>.</summary>
    public string? ProsodyConfig { get; init; }

    public string ProsodyCtl { get; init; } = "prosodyctl";

    /// <summary><c>None</c> (default, loopback tests), <c>StartTls</c> or <c>DirectTls</c>.</summary>
    public string TlsMode { get; init; } = "None";

    /// <summary>PEM/DER certificate to trust for TLS (e.g. prosody's self-signed one); empty = system store.</summary>
    public string? TrustedCertificatePath { get; init; }

    /// <summary>Subscribe every agent's bare JID to its User, Dialogs and SystemInfo nodes, as Finesse does.</summary>
    public bool AutoSubscribe { get; init; } = true;

    /// <summary>Password of the <c>finesse</c> XMPP user whose presence shows the emulator is up; empty = not signed in.</summary>
    public string FinesseUserPassword { get; init; } = "";

    /// <summary>Never prints the password.</summary>
    public override string ToString() => $"XMPP {(Enabled ? "on" : "off")} {Host}:{Port} as {AdminUser}";
}
