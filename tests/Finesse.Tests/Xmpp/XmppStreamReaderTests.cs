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

    // Markup-like bytes where the framer must not see markup: '>' and '/>' in attribute values (both
    // quote kinds), a CDATA section with '<', '>' and ']]' inside, entity and character references,
    // multi-byte UTF-8 (2, 3 and 4 bytes) in names of nothing, values and text.
    private const string Tricky =
        "<message id=\"a>b/>c\" to='x/>y' from='z&gt;&amp;&quot;&apos;'><body>1 &lt; 2 &amp;&amp; 3 &gt; 2 &#x41;&#66; Zoë 日本 😀</body>" +
        "<x xmlns='urn:x' v='&lt;/message&gt;'><![CDATA[<notxml a='>'/> ]] ]> </message>]]></x><empty a='/>'/></message>";

    [Fact]
    public async Task Markup_inside_attribute_values_cdata_and_references_does_not_confuse_the_framing_at_any_split()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + Tricky + "<iq type='result' id='after'/></stream:stream>");
        for (var split = 1; split < bytes.Length; split++)
        {
            AssertTricky(await ReadAllAsync(bytes, splitAt: split, expectId: "abc"));
        }

        AssertTricky(await ReadAllAsync(bytes, splitAt: null, oneByteAtATime: true, expectId: "abc"));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task Parses_the_same_elements_when_every_read_returns_a_few_bytes(int chunk)
    {
        var bytes = Encoding.UTF8.GetBytes(Header + Body);
        using var reader = new XmppStreamReader(new ChunkStream(bytes, chunk), Limits);
        await reader.ReadHeaderAsync();
        var elements = new List<XElement>();
        while (await reader.ReadElementAsync() is { } element)
        {
            elements.Add(element);
        }

        AssertExpected(elements);
    }

    [Fact]
    public async Task Many_stanzas_across_buffer_compactions_are_framed_whatever_the_read_sizes()
    {
        // Pub-sub subscription results as prosody sends them to the emulator: the buffer is compacted
        // and grown while tags are half read (a start tag's name already ended, its attributes not).
        var stanzas = string.Concat(Enumerable.Range(0, 300).Select(i =>
            $"<iq type='result' id='sub{i}' from='pubsub.finesse.localhost' to='admin@finesse.localhost/FinesseEmulator-1a2b3c4d'>" +
            $"<pubsub xmlns='http://jabber.org/protocol/pubsub'><subscription node='/finesse/api/User/{i:D5}' jid='{i:D5}@finesse.localhost' subscription='subscribed'/></pubsub></iq>"));
        var bytes = Encoding.UTF8.GetBytes(Header + stanzas + "</stream:stream>");
        foreach (var chunk in new[] { 1, 7, 100, 333, 1000, 1023, 1024, 1500, 3000, 4095, 4096, 5000 })
        {
            using var reader = new XmppStreamReader(new ChunkStream(bytes, chunk), Limits);
            await reader.ReadHeaderAsync();
            for (var i = 0; i < 300; i++)
            {
                var iq = await reader.ReadElementAsync();
                Assert.Equal($"sub{i}", (string?)iq!.Attribute("id"));
                Assert.Equal($"/finesse/api/User/{i:D5}", (string?)iq.Descendants(XmppNamespaces.PubSub + "subscription").Single().Attribute("node"));
            }

            Assert.Null(await reader.ReadElementAsync());
        }
    }

    [Fact]
    public async Task A_multi_byte_character_split_across_reads_is_decoded_whole()
    {
        // Every split inside each of the 2-, 3- and 4-byte sequences of the text.
        var text = "é日😀";
        var prefix = Encoding.UTF8.GetBytes(Header + "<message><body>");
        var bytes = Encoding.UTF8.GetBytes(Header + "<message><body>" + text + "</body></message></stream:stream>");
        for (var split = prefix.Length + 1; split < prefix.Length + Encoding.UTF8.GetByteCount(text); split++)
        {
            using var reader = new XmppStreamReader(new SplitStream(bytes, split, oneByteAtATime: false), Limits);
            await reader.ReadHeaderAsync();
            var message = await reader.ReadElementAsync();
            Assert.Equal(text, message!.Element(XmppNamespaces.Client + "body")!.Value);
            Assert.Null(await reader.ReadElementAsync());
        }
    }

    [Fact]
    public async Task Predefined_and_character_references_are_resolved()
    {
        using var reader = Over(Header + "<message a='&lt;&#x3E;'><body>&amp;&quot;&apos;&#233;&#x1F600;</body></message></stream:stream>");
        await reader.ReadHeaderAsync();
        var message = await reader.ReadElementAsync();
        Assert.Equal("<>", (string?)message!.Attribute("a"));
        Assert.Equal("&\"'é😀", message.Element(XmppNamespaces.Client + "body")!.Value);
    }

    [Theory]
    [InlineData("<!-- between -->", XmppErrorKind.RestrictedXml)]
    [InlineData("<?pi between?>", XmppErrorKind.RestrictedXml)]
    [InlineData("<?xml version='1.0'?>", XmppErrorKind.RestrictedXml)]
    [InlineData("<!DOCTYPE x>", XmppErrorKind.RestrictedXml)]
    [InlineData("<message><![CDATA[x]]><!DOCTYPE x></message>", XmppErrorKind.RestrictedXml)]
    [InlineData("<message><body>&undeclared;</body></message>", XmppErrorKind.RestrictedXml)]
    [InlineData("<![CDATA[between]]>", XmppErrorKind.MalformedXml)]
    [InlineData("<message><![CDAT", XmppErrorKind.StreamClosed)]
    [InlineData("<message><![CDATX[x]]></message>", XmppErrorKind.MalformedXml)]
    [InlineData("<message a='<'/>", XmppErrorKind.MalformedXml)]
    [InlineData("<message <x/>", XmppErrorKind.MalformedXml)]
    [InlineData("< message/>", XmppErrorKind.MalformedXml)]
    [InlineData("<message></massage>", XmppErrorKind.MalformedXml)]
    [InlineData("<message><a></b></message>", XmppErrorKind.MalformedXml)]
    [InlineData("</message>", XmppErrorKind.MalformedXml)]
    [InlineData("</stream:streams>", XmppErrorKind.MalformedXml)]
    [InlineData("<message xmlns:p='urn:p'><q:x/></message>", XmppErrorKind.MalformedXml)]
    [InlineData("<message a='1\"/>", XmppErrorKind.StreamClosed)]
    public async Task Restricted_or_broken_markup_anywhere_fails_with_a_stable_kind(string stanzas, XmppErrorKind expected)
    {
        var error = await ReadStanzasExpectingErrorAsync(stanzas, close: false);
        Assert.Equal(expected, error.Kind);
    }

    [Fact]
    public async Task Invalid_utf8_bytes_in_a_stanza_fail_as_malformed()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + "<message><body>").Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat(Encoding.UTF8.GetBytes("</body></message></stream:stream>")).ToArray();
        using var reader = new XmppStreamReader(new MemoryStream(bytes), Limits);
        await reader.ReadHeaderAsync();
        var error = await Assert.ThrowsAsync<XmppException>(async () => await reader.ReadElementAsync());
        Assert.Equal(XmppErrorKind.MalformedXml, error.Kind);
    }

    [Fact]
    public async Task Garbage_bytes_between_stanzas_fail_as_malformed()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + "<iq id='1'/>").Concat(new byte[] { 0x00, 0x16, 0x03, 0x01, 0xFF }).ToArray();
        using var reader = new XmppStreamReader(new MemoryStream(bytes), Limits);
        await reader.ReadHeaderAsync();
        Assert.NotNull(await reader.ReadElementAsync());
        var error = await Assert.ThrowsAsync<XmppException>(async () => await reader.ReadElementAsync());
        Assert.Equal(XmppErrorKind.MalformedXml, error.Kind);
    }

    [Theory]
    [InlineData("</stream:stream>")]
    [InlineData("</stream:stream \r\n>")]
    [InlineData(" \n </stream:stream>trailing bytes are never read")]
    public async Task The_closing_stream_tag_ends_the_stream(string close)
    {
        using var reader = Over(Header + "<iq id='1'/>" + close);
        await reader.ReadHeaderAsync();
        Assert.NotNull(await reader.ReadElementAsync());
        Assert.Null(await reader.ReadElementAsync());
        Assert.Null(await reader.ReadElementAsync());
        Assert.Equal(0, reader.BufferedCapacity);
    }

    [Fact]
    public async Task A_stream_header_with_another_prefix_is_closed_by_its_own_name()
    {
        const string header = "<s:stream xmlns='jabber:client' xmlns:s='http://etherx.jabber.org/streams' id='x' version='1.0'>";
        using var reader = Over(header + "<s:features/><message><body>b</body></message></s:stream>");
        await reader.ReadHeaderAsync();
        Assert.Equal(XmppNamespaces.Streams + "features", (await reader.ReadElementAsync())!.Name);
        Assert.Equal(XmppNamespaces.Client + "message", (await reader.ReadElementAsync())!.Name);
        Assert.Null(await reader.ReadElementAsync());
    }

    [Fact]
    public async Task A_self_closing_stream_header_fails_as_stream_closed()
    {
        using var reader = Over("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'/>");
        var error = await Assert.ThrowsAsync<XmppException>(async () => await reader.ReadHeaderAsync());
        Assert.Equal(XmppErrorKind.StreamClosed, error.Kind);
    }

    [Fact]
    public async Task Endless_nesting_is_stopped_at_the_depth_limit_without_reading_on()
    {
        var source = new EndlessStream(Encoding.UTF8.GetBytes(Header + "<message>"), "<a>"u8.ToArray());
        using var reader = new XmppStreamReader(source, Limits);
        await reader.ReadHeaderAsync();
        var error = await Assert.ThrowsAsync<XmppException>(async () => await reader.ReadElementAsync());
        Assert.Equal(XmppErrorKind.StanzaTooDeep, error.Kind);
        Assert.InRange(source.Served, 0, 64 * 1024);
    }

    [Fact]
    public async Task A_stanza_many_times_the_first_buffer_is_read_whole()
    {
        var limits = new XmppReadLimits(1024 * 1024, 16);
        var text = string.Concat(Enumerable.Range(0, 40_000).Select(i => (char)('a' + (i % 26)))) + "日本😀";
        var bytes = Encoding.UTF8.GetBytes(Header + "<message><body>" + text + "</body></message><iq id='2'/></stream:stream>");
        foreach (var chunk in new[] { 1000, 4096, 65536 })
        {
            using var reader = new XmppStreamReader(new ChunkStream(bytes, chunk), limits);
            await reader.ReadHeaderAsync();
            var message = await reader.ReadElementAsync();
            Assert.Equal(text, message!.Element(XmppNamespaces.Client + "body")!.Value);
            Assert.Equal("2", (string?)(await reader.ReadElementAsync())!.Attribute("id"));
            Assert.Null(await reader.ReadElementAsync());
        }
    }

    [Fact]
    public async Task An_idle_stream_holds_no_buffer_and_waits_with_a_zero_byte_read()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + "<iq id='1'/>");
        var source = new ChunkStream(bytes, 4096);
        using var reader = new XmppStreamReader(source, Limits);
        await reader.ReadHeaderAsync();
        Assert.NotNull(await reader.ReadElementAsync());
        Assert.Equal(0, reader.BufferedCapacity); // the iq was everything pending: buffer returned
        Assert.Equal(0, source.ReadSizes[0]); // the first wait held no buffer either
        var reads = source.ReadSizes.Count;
        var error = await Assert.ThrowsAsync<XmppException>(async () => await reader.ReadElementAsync());
        Assert.Equal(XmppErrorKind.StreamClosed, error.Kind);
        Assert.Equal(0, source.ReadSizes[reads]); // waited again without a buffer
        reader.Dispose();
        Assert.Equal(0, reader.BufferedCapacity);
    }

    [Fact]
    public async Task A_pending_unfinished_stanza_keeps_a_small_buffer()
    {
        var source = new ChunkStream(Encoding.UTF8.GetBytes(Header + "<message><body>part"), 4096);
        using var reader = new XmppStreamReader(source, Limits);
        await reader.ReadHeaderAsync();
        await Assert.ThrowsAsync<XmppException>(async () => await reader.ReadElementAsync());
        Assert.InRange(reader.BufferedCapacity, 0, XmppStreamReader.InitialBufferSize * 2);
    }

    private static XmppStreamReader Over(string wire) => new(new MemoryStream(Encoding.UTF8.GetBytes(wire)), Limits);

    private static void AssertTricky(List<XElement> elements)
    {
        Assert.Equal(2, elements.Count);
        var message = elements[0];
        Assert.Equal("a>b/>c", (string?)message.Attribute("id"));
        Assert.Equal("x/>y", (string?)message.Attribute("to"));
        Assert.Equal("z>&\"'", (string?)message.Attribute("from"));
        Assert.Equal("1 < 2 && 3 > 2 AB Zoë 日本 😀", message.Element(XmppNamespaces.Client + "body")!.Value);
        var x = message.Element(XName.Get("x", "urn:x"))!;
        Assert.Equal("</message>", (string?)x.Attribute("v"));
        Assert.Equal("<notxml a='>'/> ]] ]> </message>", x.Value);
        Assert.Equal("/>", (string?)message.Element(XmppNamespaces.Client + "empty")!.Attribute("a"));
        Assert.Equal("after", (string?)elements[1].Attribute("id"));
    }

    private static async Task<XmppException> ReadStanzasExpectingErrorAsync(string stanzas, bool close = true)
    {
        using var reader = new XmppStreamReader(new MemoryStream(Encoding.UTF8.GetBytes(Header + stanzas + (close ? "</stream:stream>" : string.Empty))), Limits);
        await reader.ReadHeaderAsync();
        return await Assert.ThrowsAsync<XmppException>(async () =>
        {
            while (await reader.ReadElementAsync() is not null)
            {
            }
        });
    }

    private static async Task<List<XElement>> ReadAllAsync(byte[] bytes, int? splitAt, bool oneByteAtATime = false, string expectId = "abc")
    {
        using var reader = new XmppStreamReader(new SplitStream(bytes, splitAt, oneByteAtATime), Limits);
        var header = await reader.ReadHeaderAsync();
        Assert.Equal(expectId, header.Id);
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

    /// <summary>Serves at most <paramref name="chunk"/> bytes per read; records the size of every buffer it was given.</summary>
    private sealed class ChunkStream(byte[] data, int chunk) : SyncReadStream
    {
        private int _position;

        public List<int> ReadSizes { get; } = [];

        public override int Read(Span<byte> buffer)
        {
            ReadSizes.Add(buffer.Length);
            var n = Math.Min(Math.Min(buffer.Length, chunk), data.Length - _position);
            data.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }
    }

    /// <summary>A prefix, then the same bytes forever (up to 64 MiB); counts what it served.</summary>
    private sealed class EndlessStream(byte[] prefix, byte[] filler) : SyncReadStream
    {
        public EndlessStream(byte[] prefix, byte filler)
            : this(prefix, new[] { filler })
        {
        }

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
                buffer[i] = at < prefix.Length ? prefix[at] : filler[(at - prefix.Length) % filler.Length];
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
