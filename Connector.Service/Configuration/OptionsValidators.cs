using Microsoft.Extensions.Options;
using SiebelCti.Connector.Service.Monitor;

namespace SiebelCti.Connector.Service.Configuration;

/// <summary>Checks <see cref="BrokerOptions"/>; reports every problem, each with its configuration key.</summary>
public sealed class BrokerOptionsValidator : IValidateOptions<BrokerOptions>
{
    public ValidateOptionsResult Validate(string? name, BrokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        const string S = BrokerOptions.SectionName;
        // The OpenWire client's own parser: the rules the connection will apply, checked once here.
        SiebelCti.OpenWire.Transport.BrokerUri.Parse(options.Uri, problems, $"{S}:Uri");
        if (options.Password is not null && options.User is null)
        {
            problems.Add($"{S}:Password is set but {S}:User is not");
        }

        Checks.FileExists(problems, $"{S}:TrustedCertificatesPath", options.TrustedCertificatesPath);
        CheckDestination(problems, $"{S}:RequestQueue", options.RequestQueue);
        CheckDestination(problems, $"{S}:ClientTopicPrefix", options.ClientTopicPrefix);
        Checks.Positive(problems, $"{S}:ConnectTimeout", options.ConnectTimeout);
        return Checks.Result(problems);
    }

    private static void CheckDestination(List<string> problems, string key, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{key} must not be empty");
        }
        else if (value.Any(c => char.IsWhiteSpace(c) || c is '*' or '>' or ','))
        {
            problems.Add($"{key}: '{value}' must not contain spaces or the wildcard characters * > ,");
        }
    }
}

/// <summary>Checks <see cref="FinesseOptions"/>.</summary>
public sealed class FinesseOptionsValidator : IValidateOptions<FinesseOptions>
{
    public ValidateOptionsResult Validate(string? name, FinesseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        const string S = FinesseOptions.SectionName;
        if (options.SideAUrl is null)
        {
            problems.Add($"{S}:SideAUrl is required (the base URL of Finesse side A, e.g. https://finesse-a.example.com:8445)");
        }
        else
        {
            Checks.HttpUrl(problems, $"{S}:SideAUrl", options.SideAUrl, allowPortZero: false);
        }

        if (options.SideBUrl is not null)
        {
            Checks.HttpUrl(problems, $"{S}:SideBUrl", options.SideBUrl, allowPortZero: false);
            if (string.Equals(options.SideAUrl, options.SideBUrl, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{S}:SideBUrl must differ from {S}:SideAUrl");
            }
        }

        if (options.XmppHostB is not null && options.SideBUrl is null)
        {
            problems.Add($"{S}:XmppHostB is set but {S}:SideBUrl is not");
        }

        if (options.XmppPort is < 1 or > 65535)
        {
            problems.Add($"{S}:XmppPort: {options.XmppPort} is not a port (1-65535)");
        }

        Checks.FileExists(problems, $"{S}:TrustedCertificatesPath", options.TrustedCertificatesPath);
        Checks.Positive(problems, $"{S}:RequestTimeout", options.RequestTimeout);
        Checks.Positive(problems, $"{S}:ConnectTimeout", options.ConnectTimeout);
        Checks.Positive(problems, $"{S}:HealthCheckInterval", options.HealthCheckInterval);
        Checks.Positive(problems, $"{S}:XmppPingInterval", options.XmppPingInterval);
        if (options.PresenceUser.AsSpan().IndexOfAny("@/ ") >= 0)
        {
            problems.Add($"{S}:PresenceUser: '{options.PresenceUser}' must be a user name without '@', '/' or spaces (or 'none')");
        }

        if (options.XmppPingInterval > TimeSpan.FromSeconds(60))
        {
            problems.Add($"{S}:XmppPingInterval must be at most 60 seconds (Finesse signs out agents whose session is silent)");
        }

        return Checks.Result(problems);
    }
}

/// <summary>Checks <see cref="EngineServiceOptions"/>.</summary>
public sealed class EngineServiceOptionsValidator : IValidateOptions<EngineServiceOptions>
{
    public ValidateOptionsResult Validate(string? name, EngineServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        const string S = EngineServiceOptions.SectionName;
        Checks.Positive(problems, $"{S}:RequestTimeout", options.RequestTimeout);
        Checks.Positive(problems, $"{S}:HeartbeatInterval", options.HeartbeatInterval);
        Checks.Positive(problems, $"{S}:DeadClientTimeout", options.DeadClientTimeout);
        Checks.Positive(problems, $"{S}:ShutdownTimeout", options.ShutdownTimeout);
        if (options.HeartbeatInterval > TimeSpan.Zero && options.DeadClientTimeout < options.HeartbeatInterval * 2)
        {
            problems.Add($"{S}:DeadClientTimeout ({options.DeadClientTimeout}) must be at least twice {S}:HeartbeatInterval ({options.HeartbeatInterval})");
        }

        if (options.RequestTimeout > TimeSpan.Zero && options.DeadClientTimeout <= options.RequestTimeout)
        {
            problems.Add($"{S}:DeadClientTimeout ({options.DeadClientTimeout}) must be longer than {S}:RequestTimeout ({options.RequestTimeout})");
        }

        // The limits are the engine's own rules: ask the engine's options rather than repeating them.
        Checks.Positive(problems, $"{S}:QueueTimeout", options.QueueTimeout);
        Checks.Positive(problems, $"{S}:LoginFailureBackoff", options.LoginFailureBackoff);
        problems.AddRange(EngineWiring.Engine(options).Validate().Where(p => p.StartsWith("Max", StringComparison.Ordinal) || p.StartsWith("Login", StringComparison.Ordinal))
            .Where(p => !p.StartsWith("LoginFailureBackoff", StringComparison.Ordinal)).Select(p => $"{S}:{p}"));

        return Checks.Result(problems);
    }
}

/// <summary>Checks <see cref="MonitorOptions"/> (only when the monitor is enabled).</summary>
public sealed class MonitorOptionsValidator : IValidateOptions<MonitorOptions>
{
    public ValidateOptionsResult Validate(string? name, MonitorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        const string S = MonitorOptions.SectionName;
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        if (options.UrlList.Count == 0)
        {
            problems.Add($"{S}:Urls must name at least one URL (or set {S}:Enabled to false)");
        }

        var https = false;
        foreach (var url in options.UrlList)
        {
            https |= url.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
            Checks.HttpUrl(problems, $"{S}:Urls", url, allowPortZero: true);
        }

        if (https && options.CertificatePath is null)
        {
            problems.Add($"{S}:CertificatePath is required for an https URL in {S}:Urls");
        }

        Checks.FileExists(problems, $"{S}:CertificatePath", options.CertificatePath);
        Checks.FileExists(problems, $"{S}:CertificateKeyPath", options.CertificateKeyPath);
        if (options.CertificateKeyPath is not null && options.CertificatePath is null)
        {
            problems.Add($"{S}:CertificateKeyPath is set but {S}:CertificatePath is not");
        }

        if (string.IsNullOrWhiteSpace(options.User))
        {
            problems.Add($"{S}:User must not be empty");
        }

        if (options.PasswordHash is null)
        {
            problems.Add($"{S}:PasswordHash is required (create one with: SiebelCti.Connector.Service --hash-password)");
        }
        else if (!MonitorPasswordHasher.IsWellFormed(options.PasswordHash))
        {
            problems.Add($"{S}:PasswordHash is not a hash made by --hash-password (expected {MonitorPasswordHasher.Prefix}$iterations$salt$hash)");
        }

        Checks.Positive(problems, $"{S}:SessionTimeout", options.SessionTimeout);
        if (options.PushInterval < TimeSpan.FromMilliseconds(100) || options.PushInterval > TimeSpan.FromMinutes(1))
        {
            problems.Add($"{S}:PushInterval ({options.PushInterval}) must be between 00:00:00.1 and 00:01:00");
        }

        return Checks.Result(problems);
    }
}

internal static class Checks
{
    public static ValidateOptionsResult Result(List<string> problems) =>
        problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);

    public static void Positive(List<string> problems, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{key} must be positive (is {value})");
        }
    }

    public static void FileExists(List<string> problems, string key, string? path)
    {
        if (path is not null && !File.Exists(path))
        {
            problems.Add($"{key}: file '{path}' does not exist");
        }
    }

    public static void HttpUrl(List<string> problems, string key, string value, bool allowPortZero)
    {
        if (!System.Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            problems.Add($"{key}: '{Engine.Monitoring.SecretRedactor.RedactUri(value)}' is not an absolute http:// or https:// URL");
            return;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            problems.Add($"{key}: the URL must not contain a user name or password");
        }

        if (uri.Port == 0 && !allowPortZero)
        {
            problems.Add($"{key}: port 0 is not allowed");
        }
    }
}
