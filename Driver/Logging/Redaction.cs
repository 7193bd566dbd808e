namespace SiebelCti.Driver.Logging;

/// <summary>Keeps secrets out of logs: values of password-like keys are replaced by <c>***</c>.</summary>
internal static class Redaction
{
    public static bool IsSecret(string key) =>
        key.Contains("password", StringComparison.OrdinalIgnoreCase)
        || key.Contains("pin", StringComparison.OrdinalIgnoreCase)
        || key.Contains("secret", StringComparison.OrdinalIgnoreCase);

    /// <summary>Renders key/value pairs for a log line with secrets redacted.</summary>
    public static string Describe(IEnumerable<KeyValuePair<string, string>> values) =>
        string.Join(", ", values.Select(v => $"{v.Key}={(IsSecret(v.Key) ? "***" : v.Value)}"));
}
