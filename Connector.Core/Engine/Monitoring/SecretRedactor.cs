using System.Text.RegularExpressions;

namespace SiebelCti.Connector.Engine.Monitoring;

/// <summary>
/// Removes credentials from text the monitor shows: user info in URIs (also inside ActiveMQ
/// <c>failover:(...)</c> lists), password-like URI parameters and key/value pairs, HTTP Basic and
/// Bearer credentials and SASL PLAIN payloads. A last line of defence: code should not put secrets
/// into messages in the first place.
/// </summary>
public static partial class SecretRedactor
{
    /// <summary>What replaces a removed secret.</summary>
    public const string Mask = "***";

    /// <summary>Longest message kept by <see cref="RedactMessage"/>; longer ones are cut.</summary>
    public const int MaxMessageLength = 1000;

    /// <summary>
    /// <paramref name="uri"/> without user info (<c>tcp://user:pw@host</c> becomes <c>tcp://host</c>) and with
    /// the values of password-like parameters masked. Never throws; null becomes an empty string.
    /// </summary>
    public static string RedactUri(string? uri)
    {
        if (string.IsNullOrEmpty(uri))
        {
            return string.Empty;
        }

        var withoutUserInfo = UserInfoPattern().Replace(uri, string.Empty);
        return SecretParameterPattern().Replace(withoutUserInfo, "${name}" + Mask);
    }

    /// <summary>
    /// <paramref name="message"/> with every recognisable secret masked and cut to
    /// <see cref="MaxMessageLength"/> characters. Never throws; null becomes an empty string.
    /// </summary>
    public static string RedactMessage(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return string.Empty;
        }

        var text = message.Length > MaxMessageLength * 2 ? message[..(MaxMessageLength * 2)] : message;
        text = UserInfoPattern().Replace(text, string.Empty);
        text = AuthorizationPattern().Replace(text, "${scheme}" + Mask);
        text = SaslPlainPattern().Replace(text, "${open}" + Mask + "${close}");
        text = SecretPairPattern().Replace(text, "${name}" + Mask);
        text = SecretParameterPattern().Replace(text, "${name}" + Mask);
        return text.Length > MaxMessageLength ? string.Concat(text.AsSpan(0, MaxMessageLength), "…") : text;
    }

    // "scheme://user:password@" or "scheme://user@": the user info is dropped.
    [GeneratedRegex(@"(?<=[A-Za-z][A-Za-z0-9+.\-]*://)[^/@,()?#\s]*@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfoPattern();

    // URI parameters such as "?jms.password=x" or "&trustStorePassword=x".
    [GeneratedRegex(@"(?<name>[?&;][^=&;\s]*(?:password|passwd|pwd|secret|token)[^=&;\s]*=)[^&;\s)]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretParameterPattern();

    // "Authorization: Basic abc=", "Bearer xyz".
    [GeneratedRegex(@"(?<scheme>\b(?:Basic|Bearer)\s+)[A-Za-z0-9+/=._\-~]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorizationPattern();

    // "<auth xmlns=... mechanism='PLAIN'>base64</auth>".
    [GeneratedRegex(@"(?<open><auth\b[^>]*>)[^<]*(?<close></auth>)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SaslPlainPattern();

    // password=x, "password":"x", pin: 1234, AgentPin='x', Broker__Password=x, secret = x.
    [GeneratedRegex(@"(?<name>[""']?(?:[A-Za-z0-9_.\-]*(?:password|passwd|secret|token)|(?<![A-Za-z0-9])(?:pwd|agentpin|pin))[""']?\s*[=:]\s*)(?:""[^""]*""|'[^']*'|[^\s,;&}\]]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretPairPattern();
}
