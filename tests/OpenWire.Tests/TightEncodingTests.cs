using SiebelCti.OpenWire.Codec;
using SiebelCti.OpenWire.Commands;

namespace SiebelCti.OpenWire.Tests;

/// <summary>
/// The tight encoding against sessions recorded between ActiveMQ 5.17.2 and its Java client with tight
/// encoding on (every frame after the two WireFormatInfo frames is tight), its negotiation, and
/// hostile tight input at the codec level.
/// </summary>
public sealed class TightEncodingTests
{
    private const string Session = "activemq-5.17.2-java-session-tight.txt";
    private const string KeepAliveAndError = "activemq-5.17.2-java-keepalive-error-tight.txt";

    private static IEnumerable<GoldenFrames.Frame> TightFrames() =>
        GoldenFrames.Load(Session).Concat(GoldenFrames.Load(KeepAliveAndError)).Where(f => f.Type != DataType.WireFormatInfo);

    public static TheoryData<string, int> AllTightFrames()
    {
        var data = new TheoryData<string, int>();
        foreach (var f in TightFrames())
        {
            data.Add(f.File, f.Line);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllTightFrames))]
    public void DecodeThenEncode_RecordedTightFrame_ReproducesEveryByte(string file, int line)
    {
        var frame = GoldenFrames.Load(file).Single(f => f.Line == line);

        var decoded = OpenWireCodec.DecodeBody(frame.Bytes.AsSpan(4), tight: true);

        Assert.IsNotType<UnknownCommand>(decoded);
        Assert.Equal(frame.Type, decoded.DataType);
        Assert.Equal(Convert.ToHexString(frame.Bytes), Convert.ToHexString(OpenWireCodec.EncodeFrame(decoded, tight: true)));
    }

    [Fact]
    public void WriteFrame_RecordedJavaCommands_SameBytesThroughTheTransportPath()
    {
        // The transport's path (command id and response flag passed separately, in place in a pooled
        // buffer) gives the Java client's bytes for every command the Java client sent.
        using var buffer = new PooledBufferWriter(64);
        foreach (var frame in TightFrames().Where(f => f.Direction == "C"))
        {
            var command = (Command)OpenWireCodec.DecodeBody(frame.Bytes.AsSpan(4), tight: true);
            buffer.Reset();

            var length = OpenWireCodec.WriteFrame(buffer, command with { CommandId = 0, ResponseRequired = false }, command.CommandId, command.ResponseRequired, tight: true);

            Assert.Equal(frame.Bytes.Length, length);
            Assert.Equal(Convert.ToHexString(frame.Bytes), Convert.ToHexString(buffer.WrittenSpan));
        }
    }

    [Fact]
    public void Encode_KeepAliveInfo_MatchesTheJavaClientTightBytes()
    {
        var frame = GoldenFrames.Load(KeepAliveAndError).First(f => f.Direction == "C" && f.Type == DataType.KeepAliveInfo);

        Assert.Equal(Convert.ToHexString(frame.Bytes), Convert.ToHexString(OpenWireCodec.EncodeFrame(new KeepAliveInfo(), tight: true)));
    }

    [Fact]
    public void WireFormatInfo_JavaOffersTight_AndItsFramesAreSmallerThanLoose()
    {
        var client = (WireFormatInfo)OpenWireCodec.DecodeBody(GoldenFrames.First(Session, "C", DataType.WireFormatInfo).Bytes.AsSpan(4));
        var broker = (WireFormatInfo)OpenWireCodec.DecodeBody(GoldenFrames.First(Session, "B", DataType.WireFormatInfo).Bytes.AsSpan(4));
        Assert.True(client.GetBool("TightEncodingEnabled"));
        Assert.True(broker.GetBool("TightEncodingEnabled"));

        var tight = GoldenFrames.First(Session, "C", DataType.TextMessage).Bytes;
        var loose = GoldenFrames.First("activemq-5.17.2-java-session.txt", "C", DataType.TextMessage).Bytes;
        Assert.True(tight.Length < loose.Length, $"tight {tight.Length} bytes, loose {loose.Length}");
    }

    [Fact]
    public void Decode_RecordedTightTextMessage_ExposesFields()
    {
        var frame = GoldenFrames.First(Session, "C", DataType.TextMessage);

        var message = Assert.IsType<MessageCommand>(OpenWireCodec.DecodeBody(frame.Bytes.AsSpan(4), tight: true));

        Assert.Equal("Hello", message.Type);
        Assert.Equal("corr-1", message.CorrelationId);
        Assert.True(message.Persistent);
        Assert.True(message.ResponseRequired);
        Assert.Equal(DataType.TempQueue, message.ReplyTo!.Type);
        Assert.Equal("h\u00e9llo \u20ac", new WireReader(message.Content).Utf8WithIntLength());
        Assert.Equal("\u00fc", PrimitiveMap.Decode(message.MarshalledProperties)["str"]);
        Assert.NotEqual(0, message.Timestamp);
    }

    [Fact]
    public void Decode_RecordedTightDispatchAndError()
    {
        var dispatch = Assert.IsType<MessageDispatch>(OpenWireCodec.DecodeBody(GoldenFrames.First(Session, "B", DataType.MessageDispatch).Bytes.AsSpan(4), tight: true));
        Assert.NotNull(dispatch.Message);
        Assert.NotNull(dispatch.ConsumerId);

        var error = Assert.IsType<ExceptionResponse>(OpenWireCodec.DecodeBody(GoldenFrames.First(KeepAliveAndError, "B", DataType.ExceptionResponse).Bytes.AsSpan(4), tight: true));
        Assert.Equal("javax.jms.InvalidClientIDException", error.Exception!.ExceptionClass);
        Assert.Contains("golden-duplicate", error.Exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L, 0b0000, "")]
    [InlineData(0xFFFFL, 0b1000, "FFFF")]
    [InlineData(0x10000L, 0b0100, "00010000")]
    [InlineData(0xFFFFFFFFL, 0b0100, "FFFFFFFF")]
    [InlineData(0x100000000L, 0b1100, "0000000100000000")]
    [InlineData(-1L, 0b1100, "FFFFFFFFFFFFFFFF")]
    public void Long_TakesTheSizeItsBitsSay_AndReadsBack(long value, int bits, string longHex)
    {
        // RemoveInfo: bits are response flag, object id present, then the long's two; body is the
        // command id and the long in 0, 2, 4 or 8 bytes.
        var frame = OpenWireCodec.EncodeFrame(new RemoveInfo { LastDeliveredSequenceId = value }, tight: true);

        Assert.Equal("0C01" + bits.ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + "00000000" + longHex, Convert.ToHexString(frame.AsSpan(4)));
        Assert.Equal(value, ((RemoveInfo)OpenWireCodec.DecodeBody(frame.AsSpan(4), tight: true)).LastDeliveredSequenceId);
    }

    [Theory]
    [InlineData("plain", true)]
    [InlineData("caf\u00e9", false)]
    [InlineData("nul\u0000", false)]
    public void String_AsciiFlag_AsJava(string value, bool ascii)
    {
        // ControlCommand: bits are response flag, present, ASCII.
        var frame = OpenWireCodec.EncodeFrame(new ControlCommand { Command = value }, tight: true);

        Assert.Equal(ascii ? 0b110 : 0b010, frame[6]);
        Assert.Equal(value, ((ControlCommand)OpenWireCodec.DecodeBody(frame.AsSpan(4), tight: true)).Command);
    }

    [Fact]
    public void String_LongerThanJavaAllows_IsRefused()
    {
        Assert.Throws<OpenWireProtocolException>(() => OpenWireCodec.EncodeFrame(new ControlCommand { Command = new string('x', short.MaxValue) }, tight: true));
    }

    [Fact]
    public void ManyFlags_UseTheLongerBooleanStreamPrefixes()
    {
        // 40 and 600 broker ids: a presence flag each, so 64+ and 256+ bytes of bits take the 0xC0 and 0x80 prefixes.
        foreach (var (count, prefix) in new[] { (600, 0xC0), (2100, 0x80) })
        {
            var info = new ConnectionInfo { BrokerPath = Enumerable.Range(0, count).Select(i => new BrokerId(null)).ToList() };
            var frame = OpenWireCodec.EncodeFrame(info, tight: true);

            Assert.Equal(prefix, frame[5]);
            var decoded = (ConnectionInfo)OpenWireCodec.DecodeBody(frame.AsSpan(4), tight: true);
            Assert.Equal(count, decoded.BrokerPath!.Count);
            Assert.Equal(Convert.ToHexString(frame), Convert.ToHexString(OpenWireCodec.EncodeFrame(decoded, tight: true)));
        }
    }

    [Fact]
    public void Fuzz_TruncatedAndMutatedTightFrames_OnlyProtocolExceptions()
    {
        var random = new Random(14);
        var bodies = TightFrames().Select(f => f.Bytes[4..]).ToList();
        var outcomes = 0;
        foreach (var body in bodies)
        {
            for (var n = 1; n < body.Length; n++)
            {
                outcomes += Outcome(body[..n]);
            }

            for (var i = 0; i < 300; i++)
            {
                var mutated = (byte[])body.Clone();
                for (var k = random.Next(1, 4); k > 0; k--)
                {
                    mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
                }

                outcomes += Outcome(mutated);
            }
        }

        Assert.True(outcomes > 0);

        static int Outcome(byte[] body)
        {
            try
            {
                OpenWireCodec.DecodeBody(body, tight: true);
            }
            catch (OpenWireProtocolException)
            {
            }

            return 1;
        }
    }

    [Fact]
    public async Task Connect_BrokerOffersTight_FramesAfterNegotiationAreTight()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var broker = new FakeBroker();
        _ = broker.ServeAsync(maxInactivityMs: null, ct);
        await using var connection = await OpenWireConnection.ConnectAsync(new OpenWireOptions { BrokerUri = broker.Uri }, cancellationToken: ct);
        var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto, ct);
        var producer = await session.CreateProducerAsync(Destination.Queue("tight"), ct);
        await producer.SendAsync(new TextMessage("x"), persistent: true, ct);

        Assert.True(broker.ClientWireFormat!.GetBool("TightEncodingEnabled"));
        Assert.True(broker.Tight);
        var sent = broker.ReceivedFrames.ToList();
        Assert.Contains(broker.Received, c => c is MessageCommand);
        Assert.All(sent, f => OpenWireCodec.DecodeBody(f.AsSpan(4), tight: true));
    }

    [Fact]
    public async Task Connect_BrokerRefusesTight_LooseEncoding()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var broker = new FakeBroker { OffersTight = false };
        _ = broker.ServeAsync(maxInactivityMs: null, ct);
        await using var connection = await OpenWireConnection.ConnectAsync(new OpenWireOptions { BrokerUri = broker.Uri }, cancellationToken: ct);
        var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto, ct);
        var producer = await session.CreateProducerAsync(Destination.Queue("loose"), ct);
        await producer.SendAsync(new TextMessage("x"), persistent: true, ct);

        Assert.True(broker.ClientWireFormat!.GetBool("TightEncodingEnabled"));
        Assert.False(broker.Tight);
        Assert.Contains(broker.Received, c => c is MessageCommand);
        Assert.All(broker.ReceivedFrames, f => OpenWireCodec.DecodeBody(f.AsSpan(4)));

        // A loose ConnectionInfo: type byte, command id, then a response flag as a whole byte.
        var first = broker.ReceivedFrames.First();
        Assert.Equal(DataType.ConnectionInfo, first[4]);
        Assert.Equal(1, first[9]);
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, "?wireFormat.tightEncodingEnabled=false")]
    public async Task Connect_ClientDoesNotOfferTight_LooseEncoding(bool option, string? uriOption)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var broker = new FakeBroker();
        _ = broker.ServeAsync(maxInactivityMs: null, ct);
        var options = new OpenWireOptions { BrokerUri = broker.Uri + uriOption, TightEncodingEnabled = option };
        await using var connection = await OpenWireConnection.ConnectAsync(options, cancellationToken: ct);
        var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto, ct);
        await session.CreateProducerAsync(Destination.Queue("loose"), ct);

        Assert.False(broker.ClientWireFormat!.GetBool("TightEncodingEnabled"));
        Assert.False(broker.Tight);
        Assert.All(broker.ReceivedFrames, f => OpenWireCodec.DecodeBody(f.AsSpan(4)));
    }

    [Theory]
    [InlineData("tcp://a:1?wireFormat.tightEncodingEnabled=false", false)]
    [InlineData("failover:(tcp://a:1?wireFormat.tightEncodingEnabled=true,tcp://b:1)", true)]
    [InlineData("failover:(tcp://a:1,tcp://b:1)?wireFormat.tightEncodingEnabled=false", false)]
    [InlineData("tcp://a:1", null)]
    public void ParseBrokerUri_TightOption(string text, bool? expected)
    {
        Assert.Equal(expected, new OpenWireOptions { BrokerUri = text }.ParseBrokerUri().TightEncodingEnabled);
    }

    [Theory]
    [InlineData("tcp://a:1?wireFormat.tightEncodingEnabled=maybe")]
    [InlineData("tcp://a:1?soTimeout=5")]
    [InlineData("failover:(tcp://a:1?wireFormat.tightEncodingEnabled=true,tcp://b:1?wireFormat.tightEncodingEnabled=false)")]
    public void Validate_BadTightOption_IsAnError(string text)
    {
        Assert.NotEmpty(new OpenWireOptions { BrokerUri = text }.Validate());
    }
}
