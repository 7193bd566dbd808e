using Microsoft.Extensions.Options;

namespace SiebelCti.Connector.Service.Configuration;

/// <summary>Rules the Service applies to its own settings (those with no library to own them).</summary>
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
