using Microsoft.Extensions.Options;
using SiebelCti.Connector.Service.Monitor;

namespace SiebelCti.Connector.Service.Configuration;

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
