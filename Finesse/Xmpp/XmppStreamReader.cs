using System.Buffers;
using System.Text;
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
/// Codec, read side: incremental reader of one XMPP stream (RFC 6120 §4), returning one top-level
/// element (stanza, feature list, stream error, ...) at a time. It works in two steps. A small
/// scanner frames each top-level element from the socket's bytes into pooled memory: it follows
/// tags, nesting depth, quoted attribute values (where <c>&gt;</c> and <c>/&gt;</c> are text) and
/// CDATA sections, and refuses at once what RFC 6120 §11.1 forbids (comments, processing
/// instructions, DOCTYPEs) and character data between stanzas. Only a complete element is then
/// parsed, by a synchronous <see cref="XmlReader"/> over those bytes, with the stream header's
/// namespace declarations as context (so <c>stream:</c> and the default <c>jabber:client</c>
/// resolve). DTDs are prohibited and no resolver is set, so no entity is ever expanded and nothing
/// external is fetched; stanza size and depth are bounded, and the bytes held for one unfinished
/// element are capped so a single endless text node cannot exhaust memory.
/// <para>
/// Memory: an idle stream holds no buffer. When nothing unfinished is pending, the reader gives its
/// buffer back to <see cref="ArrayPool{T}.Shared"/> and waits with a zero-byte read (which also lets
/// <see cref="System.Net.Security.SslStream"/> release its own); it rents 4 KB again when bytes
/// arrive and doubles the rented buffer while one element is bigger. (The asynchronous
/// <see cref="XmlReader"/> it replaces held about 99 KB per stream for the stream's lifetime.)
/// </para>
/// Every failure is an <see cref="XmppException"/> with a stable kind. A new reader is created for
/// each stream restart (after STARTTLS and SASL). Not thread-safe: used by one loop at a time.
/// </summary>
internal sealed class XmppStreamReader : IDisposable
{
    /// <summary>Bytes one unfinished element may hold beyond <see cref="XmppReadLimits.MaxStanzaSize"/> (escapes make the wire form longer than the counted characters).</summary>
    private const int ReadAheadSlack = 256 * 1024;

    /// <summary>The buffer rented when bytes arrive.</summary>
    internal const int InitialBufferSize = 4096;

    /// <summary>The smallest free space a read is given before the buffer is compacted or grown.</summary>
    private const int MinReadSize = 1024;

    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    private static readonly XmlReaderSettings Settings = new()
    {
        Async = false,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CloseInput = true,
        CheckCharacters = true,
        IgnoreComments = false,
        IgnoreProcessingInstructions = false,
        IgnoreWhitespace = false,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = 0,
        ConformanceLevel = ConformanceLevel.Fragment,
    };

    private static ReadOnlySpan<byte> CdataOpening => "[CDATA["u8;

    private readonly Stream _input;
    private readonly XmppReadLimits _limits;
    private readonly int _maxPendingBytes;
    private readonly List<KeyValuePair<string, string>> _namespaces = [];
    private byte[] _streamName = [];
    private bool _headerRead;
    private bool _closed;
    private bool _reading;
    private bool _disposed;

    // The buffer: [_start, _end) is unconsumed, [_start, _scan) already scanned.
    private byte[]? _buffer;
    private int _start;
    private int _scan;
    private int _end;

    // The scanner's state. Every position is an index into _buffer: MakeRoom moves them all.
    private ScanState _state;
    private int _depth;
    private int _markupStart;
    private byte _quote;
    private bool _lastWasSlash;
    private int _count;
    private int _tagNameEnd;
    private int[]? _openNames; // per open element: offset from _start and length of its name
    private bool _declarationAllowed = true;

    public XmppStreamReader(Stream input, XmppReadLimits limits)
    {
        _input = input;
        _limits = limits;
        _maxPendingBytes = limits.MaxStanzaSize + ReadAheadSlack;
    }

    private enum ScanState
    {
        Content,
        LessThan,
        StartTag,
        EndTag,
        Bang,
        CdataOpening,
        Cdata,
        ProcessingInstruction,
    }

    private enum Token
    {
        None,
        HeaderTag,
        Element,
        StreamEnd,
    }

    /// <summary>The size of the buffer held right now (0 when none): what an idle stream costs beyond its fields.</summary>
    internal int BufferedCapacity => _buffer?.Length ?? 0;

    /// <summary>Reads up to and including the peer's <c>&lt;stream:stream&gt;</c> opening tag.</summary>
    public async ValueTask<XmppStreamHeader> ReadHeaderAsync()
    {
        if (_headerRead)
        {
            throw new InvalidOperationException("The stream header was already read.");
        }

        try
        {
            while (true)
            {
                if (Scan(out var from, out var to) == Token.HeaderTag)
                {
                    var header = ParseHeader(from, to);
                    Consume(to);
                    return header;
                }

                if (!await FillAsync().ConfigureAwait(false))
                {
                    throw Closed("before the stream header");
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
            while (true)
            {
                switch (Scan(out var from, out var to))
                {
                    case Token.Element:
                        var element = ParseElement(from, to);
                        Consume(to);
                        return element;
                    case Token.StreamEnd:
                        _closed = true;
                        ReturnBuffer(); // whatever follows the closing tag is never read
                        return null;
                }

                if (!await FillAsync().ConfigureAwait(false))
                {
                    throw Closed(_start < _end ? "in the middle of a stanza" : "without closing the stream");
                }
            }
        }
        catch (Exception ex) when (ex is not XmppException)
        {
            throw Translate(ex);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        if (!_reading)
        {
            ReturnBuffer();
        }
    }

    /// <summary>Reads more bytes; false at the end of the input. Waits without a buffer when nothing is pending.</summary>
    private async ValueTask<bool> FillAsync()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _reading = true;
        int read;
        try
        {
            if (_buffer is null)
            {
                // Nothing pending: wait for data without holding memory (NetworkStream and SslStream
                // complete a zero-byte read when data is there, or at the end of the stream).
                await _input.ReadAsync(Memory<byte>.Empty).ConfigureAwait(false);
                ObjectDisposedException.ThrowIf(_disposed, this);
            }

            MakeRoom();
            read = await _input.ReadAsync(_buffer.AsMemory(_end)).ConfigureAwait(false);
        }
        finally
        {
            _reading = false;
            if (_disposed)
            {
                ReturnBuffer();
            }
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        if (read == 0)
        {
            return false;
        }

        _end += read;
        if (_end - _start > _maxPendingBytes)
        {
            throw new XmppException(XmppErrorKind.StanzaTooLarge, $"A stanza exceeds the size limit ({_maxPendingBytes} bytes read without completing it).", "policy-violation");
        }

        return true;
    }

    /// <summary>Makes sure the buffer exists and has room for a read: rent, compact, or grow (doubling).</summary>
    private void MakeRoom()
    {
        if (_buffer is null)
        {
            _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
            _start = _scan = _end = _markupStart = 0;
            return;
        }

        if (_buffer.Length - _end >= MinReadSize)
        {
            return;
        }

        var pending = _end - _start;
        if (_start > 0 && _buffer.Length - pending >= MinReadSize)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
        }
        else
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, pending + MinReadSize));
            Buffer.BlockCopy(_buffer, _start, bigger, 0, pending);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        _scan -= _start;
        _markupStart -= _start;
        if (_tagNameEnd >= 0)
        {
            _tagNameEnd -= _start; // inside a start tag whose name already ended
        }

        _end = pending;
        _start = 0;
    }

    /// <summary>Marks the bytes up to <paramref name="to"/> as consumed; gives the buffer back once nothing is pending.</summary>
    private void Consume(int to)
    {
        _start = to;
        if (_start == _end)
        {
            ReturnBuffer();
        }
    }

    private void ReturnBuffer()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }

        _start = _scan = _end = _markupStart = 0;
    }

    /// <summary>
    /// Scans the bytes not yet scanned and stops at the first complete token: the stream header's
    /// opening tag, a whole top-level element, or the stream's closing tag. Works on bytes: every
    /// byte of a multi-byte UTF-8 sequence is 0x80 or above, so none is mistaken for markup, and a
    /// sequence split across reads needs no care here.
    /// </summary>
    private Token Scan(out int from, out int to)
    {
        from = to = 0;
        var buffer = _buffer;
        while (_scan < _end)
        {
            var c = buffer![_scan];
            switch (_state)
            {
                case ScanState.Content:
                    if (c == '<')
                    {
                        _markupStart = _scan;
                        _state = ScanState.LessThan;
                    }
                    else if (_depth == 0)
                    {
                        if (!IsXmlSpace(c))
                        {
                            throw _headerRead
                                ? new XmppException(XmppErrorKind.MalformedXml, "Character data between stanzas.", "bad-format")
                                : new XmppException(XmppErrorKind.MalformedXml, "The peer sent data that is not an XML stream.", "not-well-formed");
                        }

                        _declarationAllowed = false;
                        _start = _scan + 1; // whitespace between stanzas (keepalives, RFC 6120 §4.6.1) is dropped
                    }

                    break;
                case ScanState.LessThan:
                    if (c == '/')
                    {
                        _state = ScanState.EndTag;
                    }
                    else if (c == '?')
                    {
                        if (_headerRead || !_declarationAllowed)
                        {
                            throw new XmppException(XmppErrorKind.RestrictedXml, "The peer sent a processing instruction.", "restricted-xml");
                        }

                        _state = ScanState.ProcessingInstruction;
                        _lastWasSlash = false; // here: the last byte was '?'
                    }
                    else if (c == '!')
                    {
                        _state = ScanState.Bang;
                    }
                    else if (IsNameStart(c))
                    {
                        if (_depth + 1 > _limits.MaxDepth && _headerRead)
                        {
                            throw new XmppException(XmppErrorKind.StanzaTooDeep, $"A stanza nests deeper than {_limits.MaxDepth} levels.", "policy-violation");
                        }

                        _state = ScanState.StartTag;
                        _quote = 0;
                        _lastWasSlash = false;
                        _tagNameEnd = -1;
                    }
                    else
                    {
                        throw new XmppException(XmppErrorKind.MalformedXml, "The peer sent '<' not followed by a name.", "not-well-formed");
                    }

                    _declarationAllowed = false;
                    break;
                case ScanState.StartTag:
                    if (_tagNameEnd < 0 && _quote == 0 && (IsXmlSpace(c) || c is (byte)'/' or (byte)'>'))
                    {
                        _tagNameEnd = _scan;
                    }

                    if (_quote != 0)
                    {
                        if (c == _quote)
                        {
                            _quote = 0;
                        }
                        else if (c == '<')
                        {
                            throw new XmppException(XmppErrorKind.MalformedXml, "The peer sent '<' in an attribute value.", "not-well-formed");
                        }
                    }
                    else if (c is (byte)'\'' or (byte)'"')
                    {
                        _quote = c;
                        _lastWasSlash = false;
                    }
                    else if (c == '>')
                    {
                        _scan++;
                        _state = ScanState.Content;
                        if (!_headerRead)
                        {
                            from = _markupStart;
                            to = _scan;
                            return Token.HeaderTag;
                        }

                        if (!_lastWasSlash)
                        {
                            PushName();
                            _depth++;
                        }
                        else if (_depth == 0)
                        {
                            from = _start;
                            to = _scan;
                            return Token.Element;
                        }

                        continue;
                    }
                    else if (c == '<')
                    {
                        throw new XmppException(XmppErrorKind.MalformedXml, "The peer sent '<' inside a tag.", "not-well-formed");
                    }
                    else
                    {
                        _lastWasSlash = c == '/';
                    }

                    break;
                case ScanState.EndTag:
                    if (c == '>')
                    {
                        _scan++;
                        _state = ScanState.Content;
                        if (_depth == 0)
                        {
                            if (!_headerRead || !IsStreamName(buffer.AsSpan(_markupStart + 2, _scan - 1 - (_markupStart + 2))))
                            {
                                throw new XmppException(XmppErrorKind.MalformedXml, "The peer sent an end tag that closes nothing.", "not-well-formed");
                            }

                            from = _markupStart;
                            to = _scan;
                            return Token.StreamEnd;
                        }

                        if (!IsOpenName(buffer.AsSpan(_markupStart + 2, _scan - 1 - (_markupStart + 2))))
                        {
                            throw new XmppException(XmppErrorKind.MalformedXml, "The peer sent an end tag that does not match the open element.", "not-well-formed");
                        }

                        if (--_depth == 0)
                        {
                            from = _start;
                            to = _scan;
                            return Token.Element;
                        }

                        continue;
                    }

                    if (c == '<')
                    {
                        throw new XmppException(XmppErrorKind.MalformedXml, "The peer sent '<' inside an end tag.", "not-well-formed");
                    }

                    break;
                case ScanState.Bang:
                    if (c == '-')
                    {
                        throw new XmppException(XmppErrorKind.RestrictedXml, "The peer sent an XML comment.", "restricted-xml");
                    }

                    if (c == 'D')
                    {
                        throw new XmppException(XmppErrorKind.RestrictedXml, "The peer sent a DOCTYPE (DTDs are prohibited).", "restricted-xml");
                    }

                    if (c != '[' || _depth == 0)
                    {
                        throw new XmppException(XmppErrorKind.MalformedXml, "The peer sent '<!' that starts no allowed markup.", "not-well-formed");
                    }

                    _state = ScanState.CdataOpening;
                    _count = 1;
                    break;
                case ScanState.CdataOpening:
                    if (c != CdataOpening[_count])
                    {
                        throw new XmppException(XmppErrorKind.MalformedXml, "The peer sent '<![' that starts no CDATA section.", "not-well-formed");
                    }

                    if (++_count == CdataOpening.Length)
                    {
                        _state = ScanState.Cdata;
                        _count = 0;
                    }

                    break;
                case ScanState.Cdata:
                    if (c == '>' && _count >= 2)
                    {
                        _state = ScanState.Content;
                    }

                    _count = c == ']' ? _count + 1 : 0;
                    break;
                case ScanState.ProcessingInstruction:
                    // Only the XML declaration, only before the stream header.
                    if (c == '>' && _lastWasSlash)
                    {
                        if (!IsXmlDeclaration(buffer.AsSpan(_markupStart, _scan + 1 - _markupStart)))
                        {
                            throw new XmppException(XmppErrorKind.RestrictedXml, "The peer sent a processing instruction.", "restricted-xml");
                        }

                        _state = ScanState.Content;
                        _start = _scan + 1;
                    }

                    _lastWasSlash = c == '?';
                    break;
            }

            _scan++;
        }

        return Token.None;
    }

    private static bool IsXmlSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static bool IsNameStart(byte c) => c >= 0x80 || c is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (byte)'_' or (byte)':';

    private static bool IsXmlDeclaration(ReadOnlySpan<byte> markup) =>
        markup.Length > 7 && markup.StartsWith("<?xml"u8) && IsXmlSpace(markup[5]);

    /// <summary>RFC 6120 §11.6: the stream is UTF-8; the XML reader would replace invalid sequences instead of failing.</summary>
    private void CheckUtf8(int from, int to)
    {
        if (!System.Text.Unicode.Utf8.IsValid(_buffer.AsSpan(from, to - from)))
        {
            throw new XmppException(XmppErrorKind.MalformedXml, "The peer sent bytes that are not UTF-8.", "not-well-formed");
        }
    }

    private static ReadOnlySpan<byte> TrimEnd(ReadOnlySpan<byte> name)
    {
        var end = name.Length;
        while (end > 0 && IsXmlSpace(name[end - 1]))
        {
            end--;
        }

        return name[..end];
    }

    private bool IsStreamName(ReadOnlySpan<byte> name) => TrimEnd(name).SequenceEqual(_streamName);

    /// <summary>Remembers where the name of the element just opened is (relative to the stanza's first byte, which stays put while it is pending).</summary>
    private void PushName()
    {
        _openNames ??= new int[2 * _limits.MaxDepth];
        _openNames[2 * _depth] = _markupStart + 1 - _start;
        _openNames[(2 * _depth) + 1] = _tagNameEnd - (_markupStart + 1);
    }

    private bool IsOpenName(ReadOnlySpan<byte> name)
    {
        var at = _start + _openNames![2 * (_depth - 1)];
        return TrimEnd(name).SequenceEqual(_buffer.AsSpan(at, _openNames[(2 * (_depth - 1)) + 1]));
    }

    private XmppStreamHeader ParseHeader(int from, int to)
    {
        CheckUtf8(from, to);
        using var reader = XmlReader.Create(new MemoryStream(_buffer!, from, to - from, writable: false), Settings);
        if (!reader.Read() || reader.NodeType != XmlNodeType.Element)
        {
            throw new XmppException(XmppErrorKind.MalformedXml, "The stream header is not an element.", "not-well-formed");
        }

        if (reader.LocalName != "stream" || reader.NamespaceURI != XmppNamespaces.Streams.NamespaceName)
        {
            throw new XmppException(XmppErrorKind.MalformedXml, $"Expected <stream:stream>, got <{reader.Name}>.", "invalid-namespace");
        }

        if (reader.IsEmptyElement)
        {
            throw new XmppException(XmppErrorKind.StreamClosed, "The peer opened and closed the stream at once.");
        }

        _namespaces.Clear();
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.NamespaceURI == XmlnsNamespace)
                {
                    _namespaces.Add(new(reader.Prefix.Length == 0 ? string.Empty : reader.LocalName, reader.Value));
                }
            }
            while (reader.MoveToNextAttribute());

            reader.MoveToElement();
        }

        _streamName = Encoding.UTF8.GetBytes(reader.Name);
        _headerRead = true;
        return new XmppStreamHeader(
            reader.GetAttribute("from"),
            reader.GetAttribute("id"),
            reader.GetAttribute("version"),
            reader.GetAttribute("lang", XNamespace.Xml.NamespaceName));
    }

    /// <summary>Parses one framed top-level element with a synchronous reader in the stream header's namespace context.</summary>
    private XElement ParseElement(int from, int to)
    {
        CheckUtf8(from, to);
        var names = new NameTable();
        var scope = new XmlNamespaceManager(names);
        foreach (var (prefix, uri) in _namespaces)
        {
            scope.AddNamespace(prefix, uri);
        }

        var context = new XmlParserContext(names, scope, null, XmlSpace.None, Encoding.UTF8);
        using var reader = XmlReader.Create(new MemoryStream(_buffer!, from, to - from, writable: false), Settings, context);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                return ReadStanza(reader);
            }

            throw Unexpected(reader);
        }

        throw new XmppException(XmppErrorKind.MalformedXml, "A framed element held no element.", "bad-format");
    }

    private XElement ReadStanza(XmlReader reader)
    {
        var size = 0;
        var root = CreateElement(reader, ref size);
        if (reader.IsEmptyElement)
        {
            return root;
        }

        var current = root;
        var depth = 1;
        while (true)
        {
            if (!reader.Read())
            {
                throw new XmppException(XmppErrorKind.MalformedXml, $"A <{root.Name.LocalName}> stanza ended before its end tag.", "not-well-formed");
            }

            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (depth + 1 > _limits.MaxDepth)
                    {
                        throw new XmppException(XmppErrorKind.StanzaTooDeep, $"A <{root.Name.LocalName}> stanza nests deeper than {_limits.MaxDepth} levels.", "policy-violation");
                    }

                    var child = CreateElement(reader, ref size);
                    current.Add(child);
                    if (!reader.IsEmptyElement)
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
                    var value = reader.Value;
                    Count(ref size, value.Length, root);
                    current.Add(new XText(value));
                    break;
                default:
                    throw Unexpected(reader);
            }
        }
    }

    private XElement CreateElement(XmlReader reader, ref int size)
    {
        var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
        Count(ref size, reader.Name.Length * 2 + 5, element);
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                var ns = reader.NamespaceURI;
                Count(ref size, reader.Name.Length + reader.Value.Length + 4, element);
                if (ns == XmlnsNamespace)
                {
                    continue; // declarations are implied by the element names
                }

                element.SetAttributeValue(XName.Get(reader.LocalName, ns), reader.Value);
            }
            while (reader.MoveToNextAttribute());

            reader.MoveToElement();
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

    private static XmppException Unexpected(XmlReader reader) => reader.NodeType switch
    {
        XmlNodeType.Comment => new XmppException(XmppErrorKind.RestrictedXml, "The peer sent an XML comment.", "restricted-xml"),
        XmlNodeType.ProcessingInstruction => new XmppException(XmppErrorKind.RestrictedXml, "The peer sent a processing instruction.", "restricted-xml"),
        XmlNodeType.DocumentType => new XmppException(XmppErrorKind.RestrictedXml, "The peer sent a DOCTYPE.", "restricted-xml"),
        XmlNodeType.EntityReference => new XmppException(XmppErrorKind.RestrictedXml, "The peer sent an entity reference.", "restricted-xml"),
        _ => new XmppException(XmppErrorKind.MalformedXml, $"Unexpected XML node {reader.NodeType}.", "bad-format"),
    };

    private XmppException Closed(string where)
    {
        _closed = true;
        return new XmppException(XmppErrorKind.StreamClosed, "The peer closed the connection " + where + ".");
    }

    private static XmppException Translate(Exception ex)
    {
        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is XmppException xmpp)
            {
                return xmpp;
            }
        }

        if (ex is XmlException xml)
        {
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
}
