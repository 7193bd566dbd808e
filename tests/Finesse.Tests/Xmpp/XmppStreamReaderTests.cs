using System.Text;
using System.Xml.Linq;
using SiebelCti.Finesse.Xmpp;

namespace SiebelCti.Finesse.Tests.Xmpp;

/// <summary>The codec's read side: incremental parsing, byte-boundary independence, limits and hostile input.</summary>
public sealed class XmppStreamReaderTests
{
    private static readonly XmppReadLimits Limits = new(64 * 1024, 16);

    private const string Header =
        "<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' " +
        "from='fin.example' id='abc' version='1.0' xml:lang='en'>";

    // A Finesse-shaped pubsub event (escaped Update, non-ASCII), an IQ, whitespace keepalives, then the close.
    private const string Body =
        "<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features>\n " +
        "<message from='pubsub.fin.example' to='5001@fin.example' id='/finesse/api/User/5001__5001@fin.example__k15Q3'>" +
        "<event xmlns='http://jabber.org/protocol/pubsub#event'><items node='/finesse/api/User/5001'><item id='it-1'>" +
        "<notification xmlns='http://jabber.org/protocol/pubsub'>&lt;Update&gt;&lt;data&gt;&lt;user&gt;&lt;firstName&gt;Zoë &amp;amp; 日本 😀&lt;/firstName&gt;" +
        "&lt;/user&gt;&lt;/data&gt;&lt;event&gt;PUT&lt;/event&gt;&lt;/Update&gt;</notification></item></items></event></message>" +
        " \n <iq type='result' id='sc1'/>" +
        "<presence from='finesse@fin.example/x' type='unavailable'/></stream:stream>";

    private const string ExpectedPayload =
        "<Update><data><user><firstName>Zoë &amp; 日本 😀</firstName></user></data><event>PUT</event></Update>";

    [Fact]
    public async Task Parses_a_stream_in_one_piece()
    {
        var elements = await ReadAllAsync(Encoding.UTF8.GetBytes(Header + Body), splitAt: null);
        AssertExpected(elements);
    }

    [Fact]
    public async Task Parses_the_same_elements_whatever_byte_the_stream_is_split_at()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + Body);
        for (var split = 1; split < bytes.Length; split++)
        {
            var elements = await ReadAllAsync(bytes, splitAt: split);
            AssertExpected(elements);
        }
    }

    [Fact]
    public async Task Parses_a_stream_delivered_one_byte_at_a_time()
    {
        var elements = await ReadAllAsync(Encoding.UTF8.GetBytes(Header + Body), splitAt: null, oneByteAtATime: true);
        AssertExpected(elements);
    }

    [Fact]
    public async Task Reads_the_stream_header_attributes()
    {
        using var reader = new XmppStreamReader(new MemoryStream(Encoding.UTF8.GetBytes(Header + "</stream:stream>")), Limits);
        var header = await reader.ReadHeaderAsync();
        Assert.Equal(new XmppStreamHeader("fin.example", "abc", "1.0", "en"), header);
        Assert.Null(await reader.ReadElementAsync());
        Assert.Null(await reader.ReadElementAsync());
    }

    [Theory]
    [InlineData("<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'><!ENTITY lol2 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'><!ENTITY lol3 '&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'>]><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'><message><body>&lol3;</body></message>", XmppErrorKind.RestrictedXml)]
    [InlineData("<!DOCTYPE x SYSTEM 'http://127.0.0.1:1/evil.dtd'><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>", XmppErrorKind.RestrictedXml)]
    [InlineData("<!-- hi --><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>", XmppErrorKind.RestrictedXml)]
    [InlineData("\u0001\u0002garbage<<>>", XmppErrorKind.MalformedXml)]
    [InlineData("HTTP/1.1 400 Bad Request\r\n\r\n", XmppErrorKind.MalformedXml)]
    [InlineData("<html><body>not xmpp</body></html>", XmppErrorKind.MalformedXml)]
    [InlineData("", XmppErrorKind.StreamClosed)]
    [InlineData("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/str", XmppErrorKind.StreamClosed)]
    public async Task Hostile_or_broken_stream_openings_fail_with_a_stable_kind(string wire, XmppErrorKind expected)
    {
        using var reader = new XmppStreamReader(new MemoryStream(Encoding.UTF8.GetBytes(wire)), Limits);
        var error = await Assert.ThrowsAsync<XmppException>(async () =>
        {
            await reader.ReadHeaderAsync();
            while (await reader.ReadElementAsync() is not null)
            {
            }
        });
        Assert.Equal(expected, error.Kind);
    }

    [Theory]
    [InlineData("<message><body>&lol;</body></message>", XmppErrorKind.RestrictedXml)]
    [InlineData("<message><body>a<!-- c --></body></message>", XmppErrorKind.RestrictedXml)]
    [InlineData("<message><?php echo 1; ?></message>", XmppErrorKind.RestrictedXml)]
    [InlineData("<message><body>unclosed</message>", XmppErrorKind.MalformedXml)]
    [InlineData("<message a='1' a='2'/>", XmppErrorKind.MalformedXml)]
    [InlineData("<message><body>\u0000</body></message>", XmppErrorKind.MalformedXml)]
    [InlineData("<message><body>&#x0;</body></message>", XmppErrorKind.MalformedXml)]
    [InlineData("text between stanzas", XmppErrorKind.MalformedXml)]
    [InlineData("<message><body>abc", XmppErrorKind.StreamClosed)]
    [InlineData("<message><bo", XmppErrorKind.StreamClosed)]
    [InlineData("<message/>", XmppErrorKind.StreamClosed)]
    public async Task Hostile_or_broken_stanzas_fail_with_a_stable_kind(string stanzas, XmppErrorKind expected)
    {
        using var reader = new XmppStreamReader(new MemoryStream(Encoding.UTF8.GetBytes(Header + stanzas)), Limits);
        await reader.ReadHeaderAsync();
        var error = await Assert.ThrowsAsync<XmppException>(async () =>
        {
            while (await reader.ReadElementAsync() is not null)
            {
            }
        });
        Assert.Equal(expected, error.Kind);
    }

    [Fact]
    public async Task A_stanza_over_the_size_limit_fails_with_stanza_too_large()
    {
        var big = "<message><body>" + new string('x', Limits.MaxStanzaSize) + "</body></message>";
        var error = await ReadStanzasExpectingErrorAsync(big);
        Assert.Equal(XmppErrorKind.StanzaTooLarge, error.Kind);
    }

    [Fact]
    public async Task Many_attributes_count_towards_the_size_limit()
    {
        var attributes = string.Concat(Enumerable.Range(0, 5000).Select(i => $" a{i}='vvvvvvvvvvvvvvvv'"));
        var error = await ReadStanzasExpectingErrorAsync("<message" + attributes + "/>");
        Assert.Equal(XmppErrorKind.StanzaTooLarge, error.Kind);
    }

    [Fact]
    public async Task An_endless_text_node_is_stopped_by_the_byte_budget_without_buffering_it_all()
    {
        // 64 MiB of text that never ends: the reader must give up after about limit + read-ahead bytes.
        var source = new EndlessStream(Encoding.UTF8.GetBytes(Header + "<message><body>"), (byte)'x');
        using var reader = new XmppStreamReader(source, Limits);
        await reader.ReadHeaderAsync();
        var error = await Assert.ThrowsAsync<XmppException>(async () => await reader.ReadElementAsync());
        Assert.Equal(XmppErrorKind.StanzaTooLarge, error.Kind);
        Assert.InRange(source.Served, Limits.MaxStanzaSize, Limits.MaxStanzaSize + (1024 * 1024));
    }

    [Fact]
    public async Task Nesting_deeper_than_the_limit_fails_with_stanza_too_deep()
    {
        var deep = "<message>" + string.Concat(Enumerable.Repeat("<a>", 100)) + string.Concat(Enumerable.Repeat("</a>", 100)) + "</message>";
        var error = await ReadStanzasExpectingErrorAsync(deep);
        Assert.Equal(XmppErrorKind.StanzaTooDeep, error.Kind);
    }

    [Fact]
    public async Task Nesting_exactly_at_the_limit_is_accepted()
    {
        var depth = Limits.MaxDepth - 1;
        var ok = "<message>" + string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth)) + "</message>";
        using var reader = new XmppStreamReader(new MemoryStream(Encoding.UTF8.GetBytes(Header + ok + "</stream:stream>")), Limits);
        await reader.ReadHeaderAsync();
        Assert.NotNull(await reader.ReadElementAsync());
    }

    [Fact]
    public async Task Unknown_elements_and_namespaces_are_returned_not_rejected()
    {
        using var reader = new XmppStreamReader(
            new MemoryStream(Encoding.UTF8.GetBytes(Header + "<foo xmlns='urn:example:unknown' x='1'><bar/></foo><message><weird xmlns='urn:w'/></message></stream:stream>")),
            Limits);
        await reader.ReadHeaderAsync();
        Assert.Equal(XName.Get("foo", "urn:example:unknown"), (await reader.ReadElementAsync())!.Name);
        Assert.Equal(XmppNamespaces.Client + "message", (await reader.ReadElementAsync())!.Name);
        Assert.Null(await reader.ReadElementAsync());
    }

    private static async Task<XmppException> ReadStanzasExpectingErrorAsync(string stanzas)
    {
        using var reader = new XmppStreamReader(new MemoryStream(Encoding.UTF8.GetBytes(Header + stanzas + "</stream:stream>")), Limits);
        await reader.ReadHeaderAsync();
        return await Assert.ThrowsAsync<XmppException>(async () =>
        {
            while (await reader.ReadElementAsync() is not null)
            {
            }
        });
    }

    private static async Task<List<XElement>> ReadAllAsync(byte[] bytes, int? splitAt, bool oneByteAtATime = false)
    {
        using var reader = new XmppStreamReader(new SplitStream(bytes, splitAt, oneByteAtATime), Limits);
        var header = await reader.ReadHeaderAsync();
        Assert.Equal("abc", header.Id);
        var elements = new List<XElement>();
        while (await reader.ReadElementAsync() is { } element)
        {
            elements.Add(element);
        }

        return elements;
    }

    private static void AssertExpected(List<XElement> elements)
    {
        Assert.Equal(4, elements.Count);
        Assert.Equal(XmppNamespaces.Streams + "features", elements[0].Name);
        Assert.NotNull(elements[0].Element(XmppNamespaces.Bind + "bind"));
        var events = PubSubStanzas.ParseEvent(elements[1]);
        var e = Assert.Single(events);
        Assert.Equal("/finesse/api/User/5001", e.Node);
        Assert.Equal("it-1", e.ItemId);
        Assert.Equal("pubsub.fin.example", e.From);
        Assert.Equal(ExpectedPayload, e.PayloadText);
        Assert.Equal("sc1", (string?)elements[2].Attribute("id"));
        Assert.Equal("unavailable", new XmppPresenceEvent(elements[3]).Type);
    }

    /// <summary>Serves its bytes split at one position, or one byte per read.</summary>
    private sealed class SplitStream(byte[] data, int? splitAt, bool oneByteAtATime) : SyncReadStream
    {
        private int _position;

        public override int Read(Span<byte> buffer)
        {
            var limit = data.Length;
            if (oneByteAtATime)
            {
                limit = Math.Min(limit, _position + 1);
            }
            else if (splitAt is { } split && _position < split)
            {
                limit = split;
            }

            var n = Math.Min(buffer.Length, limit - _position);
            data.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }
    }

    /// <summary>A prefix, then the same byte forever (up to 64 MiB); counts what it served.</summary>
    private sealed class EndlessStream(byte[] prefix, byte filler) : SyncReadStream
    {
        public long Served { get; private set; }

        public override int Read(Span<byte> buffer)
        {
            if (Served >= 64 * 1024 * 1024)
            {
                return 0;
            }

            var n = Math.Min(buffer.Length, 4096);
            for (var i = 0; i < n; i++)
            {
                var at = Served + i;
                buffer[i] = at < prefix.Length ? prefix[at] : filler;
            }

            Served += n;
            return n;
        }
    }

    /// <summary>A read-only, non-seekable stream whose every read (sync or async) goes through <see cref="Read(Span{byte})"/>.</summary>
    private abstract class SyncReadStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public abstract override int Read(Span<byte> buffer);

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
