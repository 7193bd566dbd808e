using System.Globalization;

namespace SiebelCti.OpenWire.Transport;

/// <summary>
/// A parsed broker URI: one <c>tcp://</c>/<c>ssl://</c> endpoint, or
/// <c>failover:(uri,uri,...)?initialReconnectDelay=ms&amp;maxReconnectDelay=ms&amp;maxReconnectAttempts=n&amp;backOffMultiplier=x&amp;useExponentialBackOff=bool&amp;randomize=bool</c>.
/// The one transport option an endpoint (or the failover list) takes is
/// <c>wireFormat.tightEncodingEnabled=true|false</c>, as in ActiveMQ's URIs.
/// </summary>
public sealed partial record BrokerUri
{
    public required IReadOnlyList<BrokerEndpoint> Endpoints { get; init; }

    public bool IsFailover { get; init; }

    public TimeSpan InitialReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Reconnect attempts after a loss before giving up; -1 = forever.</summary>
    public int MaxReconnectAttempts { get; init; } = -1;

    public double BackOffMultiplier { get; init; } = 2.0;

    public bool UseExponentialBackOff { get; init; } = true;

    public bool Randomize { get; init; }

    /// <summary><c>wireFormat.tightEncodingEnabled</c> if the URI sets it (then it wins over the option).</summary>
    public bool? TightEncodingEnabled { get; init; }

    /// <summary>Parses <paramref name="text"/>; every problem goes into <paramref name="errors"/>.</summary>
    /// <param name="text">The URI as configured.</param>
    /// <param name="errors">Receives every problem, the URI shown with any credentials masked.</param>
    /// <param name="name">How messages name the URI (the configuration key), <c>BrokerUri</c> unless given.</param>
    public static BrokerUri? Parse(string? text, List<string> errors, string name = "BrokerUri")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add($"{name} is required (tcp://host:port, ssl://host:port or failover:(...)).");
            return null;
        }

        text = text.Trim();
        if (!text.StartsWith("failover:", StringComparison.OrdinalIgnoreCase))
        {
            bool? tight = null;
            var single = ParseEndpoint(text, errors, ref tight, name);
            return single is null ? null : new BrokerUri { Endpoints = [single], TightEncodingEnabled = tight };
        }

        var rest = text["failover:".Length..];
        string list;
        string? query = null;
        if (rest.StartsWith('('))
        {
            var close = rest.IndexOf(')', StringComparison.Ordinal);
            if (close < 0)
            {
                errors.Add($"{name} '{Shown(text)}': missing ')' after the failover list.");
                return null;
            }

            list = rest[1..close];
            var after = rest[(close + 1)..];
            if (after.Length > 0)
            {
                if (after[0] != '?')
                {
                    errors.Add($"{name} '{Shown(text)}': expected '?' after the failover list.");
                    return null;
                }

                query = after[1..];
            }
        }
        else
        {
            var q = rest.IndexOf('?', StringComparison.Ordinal);
            list = q < 0 ? rest : rest[..q];
            query = q < 0 ? null : rest[(q + 1)..];
        }

        var endpoints = new List<BrokerEndpoint>();
        bool? endpointTight = null;
        var parts = list.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length > 1 && parts.Any(p => p.Length == 0))
        {
            errors.Add($"{name} '{Shown(text)}': the failover list has an empty entry.");
        }

        foreach (var part in parts.Where(p => p.Length > 0))
        {
            if (ParseEndpoint(part, errors, ref endpointTight, name) is { } e)
            {
                endpoints.Add(e);
            }
        }

        if (parts.All(p => p.Length == 0))
        {
            errors.Add($"{name} '{Shown(text)}': the failover list names no broker.");
        }

        var result = new BrokerUri { Endpoints = endpoints, IsFailover = true, TightEncodingEnabled = endpointTight };
        foreach (var pair in (query ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? pair : pair[..eq];
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]);
            result = ApplyParameter(result, key, value, errors, name);
        }

        if (result.MaxReconnectDelay < result.InitialReconnectDelay)
        {
            errors.Add($"{name}: maxReconnectDelay must not be smaller than initialReconnectDelay.");
        }

        return result;
    }

    private static BrokerUri ApplyParameter(BrokerUri uri, string key, string value, List<string> errors, string name)
    {
        switch (key)
        {
            case "initialReconnectDelay" when Millis(value) is { } d:
                return uri with { InitialReconnectDelay = d };
            case "maxReconnectDelay" when Millis(value) is { } d:
                return uri with { MaxReconnectDelay = d };
            case "maxReconnectAttempts" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= -1:
                return uri with { MaxReconnectAttempts = n };
            case "backOffMultiplier" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m >= 1.0:
                return uri with { BackOffMultiplier = m };
            case "useExponentialBackOff" when bool.TryParse(value, out var b):
                return uri with { UseExponentialBackOff = b };
            case "randomize" when bool.TryParse(value, out var b):
                return uri with { Randomize = b };
            case TightOption when bool.TryParse(value, out var b):
                if (uri.TightEncodingEnabled is { } other && other != b)
                {
                    errors.Add($"{name}: {TightOption} is set to both {other} and {b}.");
                }

                return uri with { TightEncodingEnabled = b };
            case "initialReconnectDelay" or "maxReconnectDelay" or "maxReconnectAttempts" or "backOffMultiplier"
                or "useExponentialBackOff" or "randomize" or TightOption:
                errors.Add($"{name}: invalid value '{value}' for failover parameter '{key}'.");
                return uri;
            default:
                errors.Add($"{name}: unknown failover parameter '{key}' (supported: initialReconnectDelay, maxReconnectDelay, maxReconnectAttempts, backOffMultiplier, useExponentialBackOff, randomize, {TightOption}).");
                return uri;
        }
    }

    private static TimeSpan? Millis(string value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms >= 0 && ms <= int.MaxValue
            ? TimeSpan.FromMilliseconds(ms)
            : null;

    private const string TightOption = "wireFormat.tightEncodingEnabled";

    private static BrokerEndpoint? ParseEndpoint(string text, List<string> errors, ref bool? tight, string name)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("tcp" or "ssl"))
        {
            errors.Add($"{name}: '{Shown(text)}' is not a tcp://host:port or ssl://host:port address.");
            return null;
        }

        if (uri.UserInfo.Length > 0)
        {
            errors.Add($"{name}: '{Shown(text)}' carries credentials (user:password@); they are not used: give the user name and password as options.");
            return null;
        }

        if (string.IsNullOrEmpty(uri.Host) || uri.IsDefaultPort || uri.Port <= 0)
        {
            errors.Add($"{name}: '{Shown(text)}' has no port.");
            return null;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? pair : pair[..eq];
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]);
            if (key != TightOption)
            {
                errors.Add($"{name}: '{Shown(text)}' has transport option '{key}'; only {TightOption} is taken here, use the OpenWireOptions properties for the rest.");
            }
            else if (!bool.TryParse(value, out var b))
            {
                errors.Add($"{name}: invalid value '{value}' for {TightOption} (true or false).");
            }
            else if (tight is { } other && other != b)
            {
                errors.Add($"{name}: {TightOption} is set to both {other} and {b}.");
            }
            else
            {
                tight = b;
            }
        }

        return new BrokerEndpoint(uri.Scheme == "ssl", uri.IdnHost, uri.Port);
    }

    /// <summary>
    /// <paramref name="text"/> as error messages show it: the user information of every address
    /// (<c>user:password@</c>) replaced by <c>***@</c>, so that a password written into a URI by
    /// mistake never reaches a log.
    /// </summary>
    public static string Shown(string text) => UserInfo().Replace(text, "$1***@");

    [System.Text.RegularExpressions.GeneratedRegex(@"(://)[^/@,()?]*@", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex UserInfo();
}
