using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace SiebelCti.Finesse.Xml;

/// <summary>
/// Loads untrusted Finesse XML into an element tree: DTDs prohibited, no resolver, size and depth
/// limits, comments and processing instructions dropped. Failures are <see cref="FinesseXmlException"/>
/// with a stable code. Pure: no I/O beyond the given input, no logging.
/// </summary>
internal static class SafeXml
{
    public static XElement Load(string text, FinesseXmlLimits limits)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > limits.MaxDocumentSize)
        {
            throw TooLarge(text.Length, limits);
        }

        using var reader = XmlReader.Create(new StringReader(text), Settings(limits));
        return Read(reader, limits, () => text.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase));
    }

    public static XElement Load(ReadOnlyMemory<byte> bytes, FinesseXmlLimits limits)
    {
        if (bytes.Length > limits.MaxDocumentSize)
        {
            throw TooLarge(bytes.Length, limits);
        }

        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        using var reader = XmlReader.Create(stream, Settings(limits));
        return Read(reader, limits, () => ContainsDoctype(bytes.Span));
    }

    private static XmlReaderSettings Settings(FinesseXmlLimits limits) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = limits.MaxDocumentSize,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private static XElement Read(XmlReader reader, FinesseXmlLimits limits, Func<bool> hasDoctype)
    {
        var stack = new Stack<XElement>();
        XElement? root = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (stack.Count + 1 > limits.MaxDepth)
                        {
                            throw new FinesseXmlException(
                                FinesseErrorCode.FinesseXmlTooDeep,
                                $"Finesse XML nests deeper than {limits.MaxDepth} elements (at <{reader.LocalName}>, {Position(reader)}).");
                        }

                        var element = new XElement(reader.LocalName);
                        if (reader.HasAttributes)
                        {
                            while (reader.MoveToNextAttribute())
                            {
                                if (reader.Prefix != "xmlns" && reader.LocalName != "xmlns")
                                {
                                    element.SetAttributeValue(reader.LocalName, reader.Value);
                                }
                            }

                            reader.MoveToElement();
                        }

                        if (stack.Count == 0)
                        {
                            root = element;
                        }
                        else
                        {
                            stack.Peek().Add(element);
                        }

                        if (!reader.IsEmptyElement)
                        {
                            stack.Push(element);
                        }

                        break;
                    case XmlNodeType.EndElement:
                        stack.Pop();
                        break;
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                    case XmlNodeType.SignificantWhitespace:
                    case XmlNodeType.Whitespace:
                        if (stack.Count > 0)
                        {
                            stack.Peek().Add(new XText(reader.Value));
                        }

                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            if (hasDoctype())
            {
                throw new FinesseXmlException(
                    FinesseErrorCode.FinesseXmlDtdProhibited,
                    "Finesse XML carries a DOCTYPE; DTDs and entity declarations are refused.",
                    ex);
            }

            if (ex.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
            {
                throw new FinesseXmlException(
                    FinesseErrorCode.FinesseXmlTooLarge,
                    $"Finesse XML exceeds the limit of {limits.MaxDocumentSize} characters.",
                    ex);
            }

            throw new FinesseXmlException(
                FinesseErrorCode.FinesseXmlMalformed,
                $"Finesse XML is not well-formed: {ex.Message}",
                ex);
        }

        if (root is null)
        {
            throw new FinesseXmlException(FinesseErrorCode.FinesseXmlMalformed, "Finesse XML is empty: no root element.");
        }

        return root;
    }

    private static FinesseXmlException TooLarge(int size, FinesseXmlLimits limits) =>
        new(FinesseErrorCode.FinesseXmlTooLarge,
            string.Create(CultureInfo.InvariantCulture, $"Finesse XML of {size} is over the limit of {limits.MaxDocumentSize}."));

    private static string Position(XmlReader reader) =>
        reader is IXmlLineInfo info && info.HasLineInfo()
            ? string.Create(CultureInfo.InvariantCulture, $"line {info.LineNumber}, position {info.LinePosition}")
            : "position unknown";

    private static bool ContainsDoctype(ReadOnlySpan<byte> bytes)
    {
        var marker = "<!DOCTYPE"u8;
        for (var i = 0; i + marker.Length <= bytes.Length; i++)
        {
            if (bytes[i] == (byte)'<' && Ascii.EqualsIgnoreCase(bytes.Slice(i, marker.Length), marker))
            {
                return true;
            }
        }

        // UTF-16 or other encodings: fall back to a decoded check.
        return Encoding.UTF8.GetString(bytes).Replace("\0", "", StringComparison.Ordinal)
            .Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
    }
}
