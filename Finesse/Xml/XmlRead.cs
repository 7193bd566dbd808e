using System.Globalization;
using System.Xml.Linq;

namespace SiebelCti.Finesse.Xml;

/// <summary>
/// Case-insensitive, order-free element access for Finesse documents (Finesse varies the case of
/// element names between REST and notifications). Unknown elements are simply never looked at.
/// </summary>
internal static class XmlRead
{
    public static bool Is(this XElement element, string name) =>
        string.Equals(element.Name.LocalName, name, StringComparison.OrdinalIgnoreCase);

    public static XElement? Child(this XElement parent, string name)
    {
        foreach (var e in parent.Elements())
        {
            if (e.Is(name))
            {
                return e;
            }
        }

        return null;
    }

    public static IEnumerable<XElement> ChildrenNamed(this XElement parent, string name) =>
        parent.Elements().Where(e => e.Is(name));

    /// <summary>Items of a wrapper list, e.g. <c>participants/Participant</c>; empty when the wrapper is absent.</summary>
    public static IEnumerable<XElement> List(this XElement parent, string wrapper, string item) =>
        parent.Child(wrapper)?.ChildrenNamed(item) ?? [];

    /// <summary>Trimmed text of a child element; null when absent or empty.</summary>
    public static string? Text(this XElement parent, string name) => Value(parent.Child(name));

    /// <summary>Trimmed text of an element; null when absent or empty.</summary>
    public static string? Value(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var text = element.Value.Trim();
        return text.Length == 0 ? null : text;
    }

    public static string? Attr(this XElement element, string name)
    {
        foreach (var a in element.Attributes())
        {
            if (string.Equals(a.Name.LocalName, name, StringComparison.OrdinalIgnoreCase))
            {
                return a.Value.Length == 0 ? null : a.Value;
            }
        }

        return null;
    }

    public static int? Int(this XElement parent, string name)
    {
        var text = parent.Text(name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(parent, name, text, "an integer");
    }

    public static bool? Bool(this XElement parent, string name)
    {
        var text = parent.Text(name);
        if (text is null)
        {
            return null;
        }

        return bool.TryParse(text, out var value) ? value : throw Invalid(parent, name, text, "true or false");
    }

    /// <summary>Finesse times are ISO 8601 in UTC (<c>2014-02-11T16:10:23.121Z</c>); epoch milliseconds are also accepted.</summary>
    public static DateTimeOffset? Time(this XElement parent, string name)
    {
        var text = parent.Text(name);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms < 253402300800000)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }

        throw Invalid(parent, name, text, "an ISO 8601 time");
    }

    /// <summary>The last path segment of a Finesse uri (<c>/finesse/api/ReasonCode/16</c> gives <c>16</c>).</summary>
    public static string? LastSegment(string? uri)
    {
        if (uri is null)
        {
            return null;
        }

        var trimmed = uri.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        var tail = slash >= 0 ? trimmed[(slash + 1)..] : trimmed;
        return tail.Length == 0 ? null : tail;
    }

    public static FinesseXmlException UnexpectedRoot(XElement root, string expected) =>
        new(FinesseErrorCode.FinesseXmlUnexpectedRoot,
            $"Expected a Finesse <{expected}> document but the root element is <{Truncate(root.Name.LocalName)}>.");

    private static FinesseXmlException Invalid(XElement parent, string name, string text, string expected) =>
        new(FinesseErrorCode.FinesseXmlInvalidValue,
            $"Finesse element <{parent.Name.LocalName}>/<{name}> should be {expected} but is '{Truncate(text)}'.");

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "...";
}
