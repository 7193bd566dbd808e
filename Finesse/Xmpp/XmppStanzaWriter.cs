using System.Text;
using System.Xml.Linq;

namespace SiebelCti.Finesse.Xmpp;

/// <summary>
/// Codec, write side: turns stanzas into the exact text sent on the wire. Pure (no I/O, no
/// logging). Elements in <c>jabber:client</c> inherit the stream's default namespace and carry no
/// <c>xmlns</c>; any other namespace is declared once where it starts. Attribute values are quoted
/// with <c>'</c>; <c>&amp; &lt; &gt; ' "</c> and CR/LF/TAB in attributes, and <c>&amp; &lt; &gt;</c> and CR in
/// text, are escaped, so the receiver reads back exactly the characters given. Characters XML 1.0
/// cannot carry are refused with <see cref="XmppErrorKind.InvalidCharacter"/>.
/// </summary>
public static class XmppStanzaWriter
{
    /// <summary>The closing tag of the stream.</summary>
    public const string StreamFooter = "</stream:stream>";

    /// <summary>The opening of a client-to-server stream (RFC 6120 §4.2) for <paramref name="domain"/>, with <paramref name="from"/> when known.</summary>
    public static string StreamHeader(string domain, string? from = null)
    {
        var builder = new StringBuilder(256);
        builder.Append("<?xml version='1.0'?><stream:stream");
        if (from is not null)
        {
            builder.Append(" from='");
            AppendEscaped(builder, from, attribute: true);
            builder.Append('\'');
        }

        builder.Append(" to='");
        AppendEscaped(builder, domain, attribute: true);
        builder.Append("' version='1.0' xml:lang='en' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>");
        return builder.ToString();
    }

    /// <summary>The wire text of <paramref name="stanza"/> (a top-level element of a <c>jabber:client</c> stream).</summary>
    public static string Serialize(XElement stanza)
    {
        ArgumentNullException.ThrowIfNull(stanza);
        var builder = new StringBuilder(256);
        Append(builder, stanza, XmppNamespaces.Client);
        return builder.ToString();
    }

    /// <summary>The UTF-8 bytes of <see cref="Serialize"/>.</summary>
    public static byte[] SerializeUtf8(XElement stanza) => Encoding.UTF8.GetBytes(Serialize(stanza));

    /// <summary>Escapes <paramref name="text"/> as XML character data (what Finesse does with the <c>Update</c> document inside <c>notification</c>).</summary>
    public static string EscapeText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 16);
        AppendEscaped(builder, text, attribute: false);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, XElement element, XNamespace parentNamespace)
    {
        var ns = element.Name.Namespace;
        var name = element.Name.LocalName;
        var streamPrefixed = ns == XmppNamespaces.Streams;
        builder.Append('<');
        if (streamPrefixed)
        {
            builder.Append("stream:");
        }

        builder.Append(name);
        if (!streamPrefixed && ns != parentNamespace)
        {
            builder.Append(" xmlns='");
            AppendEscaped(builder, ns.NamespaceName, attribute: true);
            builder.Append('\'');
        }

        var prefixIndex = 0;
        foreach (var attribute in element.Attributes())
        {
            if (attribute.IsNamespaceDeclaration)
            {
                continue;
            }

            builder.Append(' ');
            var attributeNs = attribute.Name.Namespace;
            if (attributeNs == XNamespace.Xml)
            {
                builder.Append("xml:");
            }
            else if (attributeNs != XNamespace.None)
            {
                var prefix = "a" + prefixIndex++.ToString(System.Globalization.CultureInfo.InvariantCulture);
                builder.Append("xmlns:").Append(prefix).Append("='");
                AppendEscaped(builder, attributeNs.NamespaceName, attribute: true);
                builder.Append("' ").Append(prefix).Append(':');
            }

            builder.Append(attribute.Name.LocalName).Append("='");
            AppendEscaped(builder, attribute.Value, attribute: true);
            builder.Append('\'');
        }

        var childNamespace = streamPrefixed ? parentNamespace : ns;
        if (element.IsEmpty || !element.Nodes().Any())
        {
            builder.Append("/>");
            return;
        }

        builder.Append('>');
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XElement child:
                    Append(builder, child, childNamespace);
                    break;
                case XText text:
                    AppendEscaped(builder, text.Value, attribute: false);
                    break;
                default:
                    // Comments and processing instructions are restricted XML (RFC 6120 §11.1): never sent.
                    break;
            }
        }

        builder.Append("</");
        if (streamPrefixed)
        {
            builder.Append("stream:");
        }

        builder.Append(name).Append('>');
    }

    private static void AppendEscaped(StringBuilder builder, string value, bool attribute)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '\'' when attribute: builder.Append("&apos;"); break;
                case '"' when attribute: builder.Append("&quot;"); break;
                case '\r': builder.Append("&#xD;"); break;
                case '\n' when attribute: builder.Append("&#xA;"); break;
                case '\t' when attribute: builder.Append("&#x9;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        builder.Append(c).Append(value[++i]);
                    }
                    else if (IsXmlChar(c))
                    {
                        builder.Append(c);
                    }
                    else
                    {
                        throw new XmppException(
                            XmppErrorKind.InvalidCharacter,
                            $"Character U+{(int)c:X4} at position {i} cannot be carried in XML 1.0.");
                    }

                    break;
            }
        }
    }

    private static bool IsXmlChar(char c) =>
        c is '\t' or '\n' or '\r' or (>= '\u0020' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD');
}
