using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using SiebelCti.Connector.Contract;
using SiebelCti.OpenWire;

namespace SiebelCti.Driver.Configuration;

/// <summary>
/// The validated driver parameters of one driver instance (one Siebel profile). Built only by
/// <see cref="TryCreate"/>, which reports every problem at once. Immutable.
/// </summary>
internal sealed partial class DriverOptions
{
    public const string DefaultRequestQueue = "SiebelCti.Connector.Requests";
    public const string ClientDestinationPrefix = "SiebelCti.Client.";
    public const string TestHooksVariable = "SIEBELCTI_DRIVER_TEST_HOOKS";
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan DefaultRequestExpiry = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultLoginTimeout = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan DefaultHeartbeatInterval = TimeSpan.FromSeconds(30);

    private DriverOptions()
    {
    }

    /// <summary>The broker URI as configured (single or <c>failover:(...)</c>), for the OpenWire client.</summary>
    public string BrokerUri { get; private init; } = "";

    /// <summary>The parsed <see cref="BrokerUri"/> (null for the test-only loopback).</summary>
    public SiebelCti.OpenWire.Transport.BrokerUri? Broker { get; private init; }


    /// <summary>The test-only in-process connector (<c>loopback://</c>), see docs/native-abi.md.</summary>
    public bool Loopback { get; private init; }

    public string? BrokerUser { get; private init; }

    /// <summary>Never logged; <see cref="ToString"/> redacts it.</summary>
    public string? BrokerPassword { get; private init; }

    /// <summary>PEM file of the CA certificate(s) to trust for <c>ssl://</c> brokers instead of the system store.</summary>
    public string? BrokerTrustedCertificates { get; private init; }

    public string ClientId { get; private init; } = "";

    /// <summary>
    /// How long the driver waits for the Connector's answer before it tells Siebel the command failed.
    /// Must cover <see cref="RequestExpiry"/> plus the Connector's own Finesse confirmation timeout
    /// (Engine:RequestTimeout, 10 s by default), so that a command reported failed never runs later.
    /// </summary>
    public TimeSpan RequestTimeout { get; private init; }

    /// <summary>
    /// A request's deadline at the Connector (JMSExpiration, this long after the command): a request
    /// the Connector could not start by then is dropped unexecuted. Default 5 s, at most half of
    /// <see cref="RequestTimeout"/> unless configured.
    /// </summary>
    public TimeSpan RequestExpiry { get; private init; } = DefaultRequestExpiry;

    /// <summary>
    /// How long the driver waits for the answer to a <c>LogIn</c> (default 60 s, at least
    /// <see cref="RequestTimeout"/>): a Login proves the password, opens the agent's notification
    /// session and signs in, and at shift start hundreds queue at once. Its deadline at the Connector
    /// leaves the same confirmation time as any request's: <see cref="ExpiryOf"/>.
    /// </summary>
    public TimeSpan LoginTimeout { get; private init; } = DefaultLoginTimeout;

    /// <summary>How long the driver waits for the answer to <paramref name="request"/>.</summary>
    public TimeSpan TimeoutOf(ConnectorMessage request) => request is Login ? LoginTimeout : RequestTimeout;

    /// <summary>
    /// The request's deadline at the Connector, from when it is sent: its timeout minus the time the
    /// Connector needs to have Finesse confirm a change it started (<see cref="RequestTimeout"/> −
    /// <see cref="RequestExpiry"/>), so that nothing starts that could finish after the driver gave up.
    /// </summary>
    public TimeSpan ExpiryOf(ConnectorMessage request) => TimeoutOf(request) - (RequestTimeout - RequestExpiry);

    /// <summary>How often the driver sends <c>Heartbeat</c> while the link is up (the Connector's client timeout must be longer).</summary>
    public TimeSpan HeartbeatInterval { get; private init; } = DefaultHeartbeatInterval;

    public string? LogConfigPath { get; private init; }

    public string RequestQueue { get; private init; } = DefaultRequestQueue;

    /// <summary>The topic the connector publishes this client's responses and events on.</summary>
    public string ClientTopic { get; private init; } = "";

    /// <summary>
    /// The Finesse Not Ready reason code (its code number, or its label) that <c>ChangeNotReadyState</c>
    /// sends when the command carries no <c>ReasonCode</c>; null = none (then a UCCE with Not Ready
    /// reason codes refuses the change).
    /// </summary>
    public string? NotReadyReasonCode { get; private init; }

    /// <summary>The Finesse sign-out reason code that <c>LogOut</c> sends when the command carries none; null = none.</summary>
    public string? LogoutReasonCode { get; private init; }

    /// <summary>What <c>ReleaseISCServiceInstance</c> does to the service's agent while it is signed in.</summary>
    public ReleaseAction ReleaseAction { get; private init; } = ReleaseAction.NotReady;

    /// <summary>The Not Ready reason code of <see cref="ReleaseAction"/>; defaults to <see cref="NotReadyReasonCode"/>.</summary>
    public string? ReleaseReasonCode { get; private init; }

    /// <summary>Every parameter name the driver knows; others are logged and ignored.</summary>
    public static ImmutableArray<string> Known { get; } =
        ["BrokerUri", "BrokerUser", "BrokerPassword", "BrokerTrustedCertificates", "ClientId", "RequestTimeout", "RequestExpiry", "LoginTimeout", "HeartbeatInterval", "LogConfig", "RequestQueue", "ClientTopic",
         "NotReadyReasonCode", "LogoutReasonCode", "ReleaseAction", "ReleaseReasonCode"];

    /// <summary>
    /// Validates <paramref name="parameters"/> (the <c>datasetParams</c> of
    /// <c>CreateISCDriverInstance</c>: names with <c>Driver:</c> or no prefix; <c>Service:</c>
    /// names are skipped). Returns null and fills <paramref name="problems"/> when anything is wrong.
    /// </summary>
    public static DriverOptions? TryCreate(IEnumerable<KeyValuePair<string, string>> parameters, string defaultClientId,
        Func<string, string?> environment, List<string> problems, List<string> ignored)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (rawName, value) in parameters)
        {
            var name = rawName.Trim();
            if (name.StartsWith("Service:", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (name.StartsWith("Driver:", StringComparison.OrdinalIgnoreCase))
            {
                name = name["Driver:".Length..].Trim();
            }
            var known = Known.FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                ignored.Add(name);
                continue;
            }
            if (!values.TryAdd(known, value.Trim()))
            {
                problems.Add($"{known} is given more than once");
            }
        }

        var uri = values.GetValueOrDefault("BrokerUri");
        SiebelCti.OpenWire.Transport.BrokerUri? broker = null;
        var loopback = false;
        if (string.IsNullOrEmpty(uri))
        {
            problems.Add("BrokerUri is required (tcp://host:port, ssl://host:port or failover:(uri,uri,...))");
        }
        else if (uri.Equals("loopback://", StringComparison.OrdinalIgnoreCase))
        {
#if DRIVER_TEST_HOOKS
            loopback = environment(TestHooksVariable) == "1";
            if (!loopback)
            {
                problems.Add($"BrokerUri 'loopback://' is a test-only transport, enabled only when the process environment sets {TestHooksVariable}=1");
            }
#else
            problems.Add("BrokerUri 'loopback://' is a test-only transport that shipped builds of the driver do not contain");
#endif
        }
        else
        {
            broker = SiebelCti.OpenWire.Transport.BrokerUri.Parse(uri, problems);
        }

        var user = values.GetValueOrDefault("BrokerUser");
        var password = values.GetValueOrDefault("BrokerPassword");
        if (!string.IsNullOrEmpty(password) && string.IsNullOrEmpty(user))
        {
            problems.Add("BrokerPassword is set but BrokerUser is not");
        }

        var clientId = values.GetValueOrDefault("ClientId");
        if (string.IsNullOrEmpty(clientId))
        {
            // With a broker user the default client id starts with it: its topic is then
            // SiebelCti.Client.<user>.<...>, which a broker can give that user alone to read
            // (one authorization entry per user, docs/operations.md).
            clientId = !string.IsNullOrEmpty(user) && NamePattern().IsMatch(user) && user.Length + 1 + defaultClientId.Length <= 100
                ? $"{user}.{defaultClientId}"
                : defaultClientId;
        }
        if (!NamePattern().IsMatch(clientId))
        {
            problems.Add($"ClientId '{clientId}' must be 1 to 100 characters from A-Z a-z 0-9 . _ -");
        }

        var trusted = values.GetValueOrDefault("BrokerTrustedCertificates");
        if (!string.IsNullOrEmpty(trusted) && !File.Exists(trusted))
        {
            problems.Add($"BrokerTrustedCertificates '{trusted}' does not exist");
        }

        var timeout = Seconds(values, "RequestTimeout", 0.1, 600, DefaultRequestTimeout, problems);
        var heartbeat = Seconds(values, "HeartbeatInterval", 1, 300, DefaultHeartbeatInterval, problems);
        var expiry = Seconds(values, "RequestExpiry", 0.1, 600, DefaultRequestExpiry < timeout / 2 ? DefaultRequestExpiry : timeout / 2, problems);
        if (expiry >= timeout)
        {
            problems.Add($"RequestExpiry ({expiry.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s) must be shorter than RequestTimeout ({timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s)");
        }

        var loginTimeout = Seconds(values, "LoginTimeout", 0.1, 600, DefaultLoginTimeout > timeout ? DefaultLoginTimeout : timeout, problems);
        if (loginTimeout < timeout)
        {
            problems.Add($"LoginTimeout ({loginTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s) must not be shorter than RequestTimeout ({timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s)");
        }

        var logConfig = values.GetValueOrDefault("LogConfig");
        if (!string.IsNullOrEmpty(logConfig) && !File.Exists(logConfig))
        {
            problems.Add($"LogConfig '{logConfig}' does not exist");
        }

        var queue = values.GetValueOrDefault("RequestQueue");
        if (string.IsNullOrEmpty(queue))
        {
            queue = DefaultRequestQueue;
        }
        else if (!NamePattern().IsMatch(queue))
        {
            problems.Add($"RequestQueue '{queue}' must be 1 to 100 characters from A-Z a-z 0-9 . _ -");
        }

        var topic = values.GetValueOrDefault("ClientTopic");
        if (string.IsNullOrEmpty(topic))
        {
            topic = ClientDestinationPrefix + clientId;
        }
        else if (!NamePattern().IsMatch(topic))
        {
            problems.Add($"ClientTopic '{topic}' must be 1 to 100 characters from A-Z a-z 0-9 . _ -");
        }

        var notReadyReason = ReasonCode(values, "NotReadyReasonCode", problems);
        var logoutReason = ReasonCode(values, "LogoutReasonCode", problems);
        var releaseReason = ReasonCode(values, "ReleaseReasonCode", problems) ?? notReadyReason;
        var releaseAction = ReleaseAction.NotReady;
        if (values.TryGetValue("ReleaseAction", out var releaseText) && releaseText.Length > 0
            && (!Enum.TryParse(releaseText, ignoreCase: true, out releaseAction) || !Enum.IsDefined(releaseAction) || int.TryParse(releaseText, out _)))
        {
            problems.Add($"ReleaseAction '{releaseText}' must be NotReady, Logout or None");
        }

        if (problems.Count == 0 && !loopback)
        {
            // The OpenWire client's own rules (URI options, failover parameters) apply too.
            problems.AddRange(new OpenWireOptions { BrokerUri = uri!, UserName = user, Password = password, ClientId = clientId }.Validate());
        }
        if (problems.Count > 0)
        {
            return null;
        }
        return new DriverOptions
        {
            BrokerUri = uri!,
            Broker = broker,
            Loopback = loopback,
            BrokerUser = string.IsNullOrEmpty(user) ? null : user,
            BrokerPassword = string.IsNullOrEmpty(password) ? null : password,
            BrokerTrustedCertificates = string.IsNullOrEmpty(trusted) ? null : trusted,
            ClientId = clientId,
            RequestTimeout = timeout,
            RequestExpiry = expiry,
            LoginTimeout = loginTimeout,
            HeartbeatInterval = heartbeat,
            LogConfigPath = string.IsNullOrEmpty(logConfig) ? null : logConfig,
            RequestQueue = queue,
            ClientTopic = topic,
            NotReadyReasonCode = notReadyReason,
            LogoutReasonCode = logoutReason,
            ReleaseAction = releaseAction,
            ReleaseReasonCode = releaseReason,
        };
    }

    /// <summary>A reason code parameter: empty = none; a Siebel macro left unexpanded is a problem.</summary>
    private static string? ReasonCode(Dictionary<string, string> values, string name, List<string> problems)
    {
        if (!values.TryGetValue(name, out var value) || value.Length == 0)
        {
            return null;
        }
        if (value.Length > 100 || value.Contains('{', StringComparison.Ordinal))
        {
            problems.Add($"{name} '{value}' must be a Finesse reason code number or label (at most 100 characters, no Siebel macro)");
            return null;
        }
        return value;
    }

    public override string ToString() =>
        $"BrokerUri={BrokerUri}, BrokerUser={BrokerUser ?? "(none)"}, BrokerPassword={(BrokerPassword is null ? "(none)" : "***")}, " +
        $"BrokerTrustedCertificates={BrokerTrustedCertificates ?? "(system store)"}, " +
        $"ClientId={ClientId}, RequestTimeout={RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s, " +
        $"RequestExpiry={RequestExpiry.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s, " +
        $"HeartbeatInterval={HeartbeatInterval.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s, " +
        $"LogConfig={LogConfigPath ?? "(default)"}, RequestQueue={RequestQueue}, ClientTopic={ClientTopic}, " +
        $"NotReadyReasonCode={NotReadyReasonCode ?? "(none)"}, LogoutReasonCode={LogoutReasonCode ?? "(none)"}, " +
        $"ReleaseAction={ReleaseAction}, ReleaseReasonCode={ReleaseReasonCode ?? "(none)"}";

    /// <summary>The parameter <paramref name="name"/> as a number of seconds from <paramref name="min"/> to <paramref name="max"/>, or its default.</summary>
    private static TimeSpan Seconds(Dictionary<string, string> values, string name, double min, double max, TimeSpan fallback, List<string> problems)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= min && seconds <= max)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        problems.Add($"{name} '{text}' must be a number of seconds from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        return fallback;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex NamePattern();
}

/// <summary>What releasing a service (the agent closed Siebel) does to its agent while signed in to Finesse.</summary>
internal enum ReleaseAction
{
    /// <summary>Nothing: the agent stays in its state (and keeps getting routed calls if READY).</summary>
    None,

    /// <summary>Not Ready with <see cref="DriverOptions.ReleaseReasonCode"/> (the default).</summary>
    NotReady,

    /// <summary>Not Ready, then sign out with <see cref="DriverOptions.LogoutReasonCode"/>.</summary>
    Logout,
}
