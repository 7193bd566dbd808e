using System.Globalization;

namespace SiebelCti.Connector.Service.Configuration;

/// <summary>
/// Reads one configuration section by hand (no reflection, AOT-safe) and collects every problem
/// instead of stopping at the first: a value that does not convert is reported with its key and
/// the default is used, so that validation can go on and list everything that is wrong at once.
/// Keys of the section that nothing read are reported as warnings (typos).
/// </summary>
internal sealed class ConfigReader
{
    private readonly IConfigurationSection _section;
    private readonly ConfigProblems _problems;
    private readonly HashSet<string> _known = new(StringComparer.OrdinalIgnoreCase);

    public ConfigReader(IConfiguration configuration, string sectionName, ConfigProblems problems)
    {
        _section = configuration.GetSection(sectionName);
        _problems = problems;
    }

    public string Path => _section.Path;

    public string? String(string key, string? defaultValue = null)
    {
        _known.Add(key);
        var value = _section[key];
        return string.IsNullOrWhiteSpace(value) ? defaultValue : value.Trim();
    }

    public bool Bool(string key, bool defaultValue)
    {
        var raw = String(key);
        if (raw is null)
        {
            return defaultValue;
        }

        if (bool.TryParse(raw, out var value))
        {
            return value;
        }

        _problems.Add($"{Path}:{key}: '{raw}' is not true or false");
        return defaultValue;
    }

    public int Int(string key, int defaultValue)
    {
        var raw = String(key);
        if (raw is null)
        {
            return defaultValue;
        }

        if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        _problems.Add($"{Path}:{key}: '{raw}' is not a whole number");
        return defaultValue;
    }

    /// <summary>A duration written as <c>hh:mm:ss</c> (or <c>d.hh:mm:ss</c>), or as a number of seconds.</summary>
    public TimeSpan Duration(string key, TimeSpan defaultValue)
    {
        var raw = String(key);
        if (raw is null)
        {
            return defaultValue;
        }

        if (raw.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(raw, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds) && Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        _problems.Add($"{Path}:{key}: '{raw}' is not a duration (write hh:mm:ss or a number of seconds)");
        return defaultValue;
    }

    public TEnum Enum<TEnum>(string key, TEnum defaultValue)
        where TEnum : struct, Enum
    {
        var raw = String(key);
        if (raw is null)
        {
            return defaultValue;
        }

        if (!raw.All(char.IsAsciiDigit) && System.Enum.TryParse<TEnum>(raw, ignoreCase: true, out var value) && System.Enum.IsDefined(value))
        {
            return value;
        }

        _problems.Add($"{Path}:{key}: '{raw}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}");
        return defaultValue;
    }

    /// <summary>
    /// One of a fixed set of words (case-insensitive) standing for values of another type, e.g.
    /// <c>Direct</c> for <c>XmppTlsMode.DirectTls</c>; the first choice is shown first in the message.
    /// </summary>
    public T Choice<T>(string key, T defaultValue, params ReadOnlySpan<(string Word, T Value)> choices)
    {
        var raw = String(key);
        if (raw is null)
        {
            return defaultValue;
        }

        foreach (var (word, value) in choices)
        {
            if (string.Equals(raw, word, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        var words = new List<string>();
        foreach (var (word, _) in choices)
        {
            words.Add(word);
        }

        _problems.Add($"{Path}:{key}: '{raw}' is not one of {string.Join(", ", words)}");
        return defaultValue;
    }

    /// <summary>
    /// An absolute <c>http://</c> or <c>https://</c> URL with a host; anything else is a problem (shown
    /// without user info) and null. Whether it is a usable base URL is the consumer's rule.
    /// </summary>
    public Uri? HttpUrl(string key)
    {
        var raw = String(key);
        if (raw is null)
        {
            return null;
        }

        if (System.Uri.TryCreate(raw, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0)
        {
            return uri;
        }

        _problems.Add($"{Path}:{key}: '{Engine.Monitoring.SecretRedactor.RedactUri(raw)}' is not an absolute http:// or https:// URL");
        return null;
    }

    /// <summary>Keys present in the section that nothing read (spelling mistakes, removed settings).</summary>
    public IEnumerable<string> UnknownKeys() =>
        _section.GetChildren().Where(c => !_known.Contains(c.Key)).Select(c => $"{Path}:{c.Key}");
}
