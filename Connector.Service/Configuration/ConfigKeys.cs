namespace SiebelCti.Connector.Service.Configuration;

/// <summary>
/// Names the configuration key behind each property of a library's options record, so that the
/// library's own validation speaks of <c>Finesse:SideAUrl</c> rather than <c>SideA</c>. A value
/// with a colon is a key of another section; a property no key sets is shown as built in.
/// </summary>
internal sealed class ConfigKeys(string section, IReadOnlyDictionary<string, string> keys)
{
    /// <summary>The configuration key of <paramref name="property"/> (nested ones as <c>Xmpp.Port</c>).</summary>
    public string Of(string property) =>
        !keys.TryGetValue(property, out var key) ? $"the built-in {property}"
        : key.Contains(':', StringComparison.Ordinal) ? key
        : $"{section}:{key}";
}
