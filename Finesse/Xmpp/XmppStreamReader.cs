using System.Xml;
using System.Xml.Linq;

namespace SiebelCti.Finesse.Xmpp;

/// <summary>Limits the codec enforces on incoming XML.</summary>
/// <param name="MaxStanzaSize">Largest stanza, counted in characters of names, attribute values and text (about its UTF-8 size).</param>
/// <param name="MaxDepth">Deepest element nesting inside one stanza; the stanza element is depth 1.</param>
internal readonly record struct XmppReadLimits(int MaxStanzaSize, int MaxDepth)
{
    public static XmppReadLimits From(XmppOptions options) => new(options.MaxStanzaSize, options.MaxStanzaDepth);
}

/// <summary>The attributes of the peer's stream header.</summary>
internal sealed record XmppStreamHeader(string? From, string? Id, string? Version, string? Language);

/// <summary>
/// Codec, read side: incremental parser of one XMPP stream (RFC 6120 §4) with <see cref="XmlReader"/>,
/// returning one top-level element (stanza, feature list, stream error, ...) at a time. DTDs are
/// prohibited and no resolver is set, so no entity is ever expanded and nothing external is fetched;
/// comments and processing instructions are restricted XML and refused; stanza size and depth are
/// bounded, and the bytes pulled from the socket per stanza are capped so a single endless text
/// node cannot exhaust memory. Every failure is an <see cref="XmppException"/> with a stable kind.
/// A new reader is created for each stream restart (after STARTTLS and SASL). Not thread-safe:
/// used by one loop at a time.
/// </summary>
internal sealed class XmppStreamReader : IDisposable
{
    private const int ReadAheadSlack = 256 * 1024;
    private readonly ByteBudgetStream _input;
    private readonly XmlReader _reader;
    private readonly XmppReadLimits _limits;
    private bool _headerRead;
    private bool _closed;

    public XmppStreamReader(Stream input, XmppReadLimits limits)
    {
        _limits = limits;
        _input = new ByteBudgetStream(input, (long)limits.MaxStanzaSize + ReadAheadSlack);
        var settings = new XmlReaderSettings
        {
            Async = true,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            CloseInput = false,
            CheckCharacters = true,
            IgnoreComments = false,
            IgnoreProcessingInstructions = false,
            IgnoreWhitespace = false,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = 0,
            ConformanceLevel = ConformanceLevel.Document,
        };
        _reader = XmlReader.Create(_input, settings);
    }

    /// <summary>Reads up to and including the peer's <c>&lt;stream:stream&gt;</c> opening tag.</summary>
    public async ValueTask<XmppStreamHeader> ReadHeaderAsync()
    {
        if (_headerRead)
        {
            throw new InvalidOperationException("The stream header was already read.");
        }

        try
        {
            _input.ResetBudget();
            while (true)
            {
                if (!await _reader.ReadAsync().ConfigureAwait(false))
                {
                    throw Closed("before the stream header");
                }

                switch (_reader.NodeType)
                {
                    case XmlNodeType.XmlDeclaration:
                    case XmlNodeType.Whitespace:
                        continue;
                    case XmlNodeType.Element:
                        if (_reader.LocalName != "stream" || _reader.NamespaceURI != XmppNamespaces.Streams.NamespaceName)
                        {
                            throw new XmppException(XmppErrorKind.MalformedXml, $"Expected <stream:stream>, got <{_reader.Name}>.", "invalid-namespace");
                        }

                        if (_reader.IsEmptyElement)
                        {
                            throw new XmppException(XmppErrorKind.StreamClosed, "The peer opened and closed the stream at once.");
                        }

                        _headerRead = true;
                        return new XmppStreamHeader(
                            _reader.GetAttribute("from"),
                            _reader.GetAttribute("id"),
                            _reader.GetAttribute("version"),
                            _reader.GetAttribute("lang", XNamespace.Xml.NamespaceName));
                    default:
                        throw Unexpected();
                }
            }
        }
        catch (Exception ex) when (ex is not XmppException)
        {
            throw Translate(ex);
        }
    }

    /// <summary>
    /// Reads the next top-level element of the stream. Returns null when the peer closed the stream
    /// properly with <c>&lt;/stream:stream&gt;</c>; throws <see cref="XmppException"/> for every other end.
    /// </summary>
    public async ValueTask<XElement?> ReadElementAsync()
    {
        if (!_headerRead)
        {
            throw new InvalidOperationException("Read the stream header first.");
        }

        if (_closed)
        {
            return null;
        }

        try
        {
            _input.ResetBudget();
            while (true)
            {
                if (!await _reader.ReadAsync().ConfigureAwait(false))
                {
                    throw Closed("without closing the stream");
                }

                switch (_reader.NodeType)
                {
                    case XmlNodeType.Whitespace:
                    case XmlNodeType.SignificantWhitespace:
                        continue; // whitespace keepalives between stanzas (RFC 6120 §4.6.1)
                    case XmlNodeType.EndElement when _reader.Depth == 0:
                        _closed = true;
                        return null;
                    case XmlNodeType.Element when _reader.Depth == 1:
                        return await ReadStanzaAsync().ConfigureAwait(false);
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                        throw new XmppException(XmppErrorKind.MalformedXml, "Character data between stanzas.", "bad-format");
                    default:
                        throw Unexpected();
                }
            }
        }
        catch (Exception ex) when (ex is not XmppException)
        {
            throw Translate(ex);
        }
    }

    public void Dispose() => _reader.Dispose();

    private async ValueTask<XElement> ReadStanzaAsync()
    {
        var size = 0;
        var root = CreateElement(ref size);
        if (_reader.IsEmptyElement)
        {
            return root;
        }

        var current = root;
        var depth = 1;
        while (true)
        {
            if (!await _reader.ReadAsync().ConfigureAwait(false))
            {
                throw Closed("in the middle of a stanza");
            }

            switch (_reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (depth + 1 > _limits.MaxDepth)
                    {
                        throw new XmppException(XmppErrorKind.StanzaTooDeep, $"A <{root.Name.LocalName}> stanza nests deeper than {_limits.MaxDepth} levels.", "policy-violation");
                    }

                    var child = CreateElement(ref size);
                    current.Add(child);
                    if (!_reader.IsEmptyElement)
                    {
                        current = child;
                        depth++;
                    }

                    break;
                case XmlNodeType.EndElement:
                    if (depth == 1)
                    {
                        return root;
                    }

                    current = current.Parent!;
                    depth--;
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    var value = _reader.Value;
                    Count(ref size, value.Length, root);
                    current.Add(new XText(value));
                    break;
                default:
                    throw Unexpected();
            }
        }
    }

    private XElement CreateElement(ref int size)
    {
        var element = new XElement(XName.Get(_reader.LocalName, _reader.NamespaceURI));
        Count(ref size, _reader.Name.Length * 2 + 5, element);
        if (_reader.MoveToFirstAttribute())
        {
            do
            {
                var ns = _reader.NamespaceURI;
                Count(ref size, _reader.Name.Length + _reader.Value.Length + 4, element);
                if (ns == "http://www.w3.org/2000/xmlns/")
                {
                    continue; // declarations are implied by the element names
                }

                element.SetAttributeValue(XName.Get(_reader.LocalName, ns), _reader.Value);
            }
            while (_reader.MoveToNextAttribute());

            _reader.MoveToElement();
        }

        return element;
    }

    private void Count(ref int size, int add, XElement where)
    {
        size += add;
        if (size > _limits.MaxStanzaSize)
        {
            throw new XmppException(XmppErrorKind.StanzaTooLarge, $"A stanza (at <{where.Name.LocalName}>) exceeds {_limits.MaxStanzaSize} bytes.", "policy-violation");
        }
    }

    private XmppException Unexpected() => _reader.NodeType switch
    {
        XmlNodeType.Comment => new XmppException(XmppErrorKind.RestrictedXml, "The peer sent an XML comment.", "restricted-xml"),
        XmlNodeType.ProcessingInstruction => new XmppException(XmppErrorKind.RestrictedXml, "The peer sent a processing instruction.", "restricted-xml"),
        XmlNodeType.DocumentType => new XmppException(XmppErrorKind.RestrictedXml, "The peer sent a DOCTYPE.", "restricted-xml"),
        XmlNodeType.EntityReference => new XmppException(XmppErrorKind.RestrictedXml, "The peer sent an entity reference.", "restricted-xml"),
        _ => new XmppException(XmppErrorKind.MalformedXml, $"Unexpected XML node {_reader.NodeType}.", "bad-format"),
    };

    private XmppException Closed(string where)
    {
        _closed = true;
        return new XmppException(XmppErrorKind.StreamClosed, "The peer closed the connection " + where + ".");
    }

    private XmppException Translate(Exception ex)
    {
        // The byte budget or the socket may fail inside XmlReader, which sometimes wraps the exception.
        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is XmppException xmpp)
            {
                return xmpp;
            }
        }

        if (ex is XmlException xml)
        {
            if (_input.EndOfStream)
            {
                return new XmppException(XmppErrorKind.StreamClosed, "The peer closed the connection in the middle of a stanza.", null, xml);
            }

            if (xml.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) || xml.Message.Contains("DOCTYPE", StringComparison.OrdinalIgnoreCase))
            {
                return new XmppException(XmppErrorKind.RestrictedXml, "The peer sent a DOCTYPE (DTDs are prohibited).", "restricted-xml", xml);
            }

            if (xml.Message.Contains("entity", StringComparison.OrdinalIgnoreCase))
            {
                return new XmppException(XmppErrorKind.RestrictedXml, "The peer referenced an undeclared entity.", "restricted-xml", xml);
            }

            return new XmppException(XmppErrorKind.MalformedXml, "The peer sent XML that is not well-formed: " + xml.Message, "not-well-formed", xml);
        }

        if (ex is IOException or ObjectDisposedException or System.Net.Sockets.SocketException or OperationCanceledException)
        {
            return new XmppException(XmppErrorKind.StreamClosed, "The connection was closed: " + ex.Message, null, ex);
        }

        return new XmppException(XmppErrorKind.MalformedXml, "The XMPP stream could not be read: " + ex.Message, "bad-format", ex);
    }

    /// <summary>Counts bytes pulled from the socket and fails once one stanza pulled more than its budget.</summary>
    private sealed class ByteBudgetStream(Stream inner, long budget) : Stream
    {
        private long _used;

        public bool EndOfStream { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public void ResetBudget() => _used = 0;

        public override int Read(byte[] buffer, int offset, int count) => Account(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Account(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Account(int read)
        {
            if (read == 0)
            {
                EndOfStream = true;
                return 0;
            }

            _used += read;
            if (_used > budget)
            {
                throw new XmppException(XmppErrorKind.StanzaTooLarge, $"A stanza exceeds the size limit ({budget} bytes read without completing it).", "policy-violation");
            }

            return read;
        }
    }
}
