using System.Text;
using SiebelCti.OpenWire;

namespace SiebelCti.Integration.Tests.OpenWire;

/// <summary>
/// Interop both ways with ActiveMQ's own Java OpenWire client on the same broker, with the tight
/// encoding (both clients' default) and with the loose one (both told not to offer tight).
/// </summary>
public sealed class JavaInteropTests
{
    private const string JavaText = "h\u00e9llo \u20ac \ud834\udd1e \u65e5\u672c #";

    private static string Hex(string s) => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(s));

    private static string JavaOptions(bool tight) => $"?wireFormat.tightEncodingEnabled={(tight ? "true" : "false")}";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task JavaSends_WeReceive_TextPropertiesAndHeadersIntact(bool tight)
    {
        var ct = TestContext.Current.CancellationToken;
        var queue = $"test.fromjava.{Guid.NewGuid():N}";
        await JavaClient.RunClientAsync("send", [queue, "3"], ct, JavaOptions(tight));
        await using var connection = await OpenWireConnection.ConnectAsync(BrokerTests.Options() with { TightEncodingEnabled = tight }, cancellationToken: ct);
        Assert.Equal(tight, connection.TightEncoding);
        var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto, ct);
        var consumer = await session.CreateConsumerAsync(Destination.Queue(queue), cancellationToken: ct);

        for (var i = 0; i < 3; i++)
        {
            var m = Assert.IsType<TextMessage>(await consumer.ReceiveAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(20), ct));
            Assert.Equal(JavaText + i, m.Text);
            Assert.Equal("Interop", m.Type);
            Assert.Equal($"corr-{i}", m.CorrelationId);
            Assert.Equal(Destination.Queue("interop.reply"), m.ReplyTo);
            Assert.True(m.Persistent);
            Assert.StartsWith("ID:", m.MessageId, StringComparison.Ordinal);
            Assert.Equal(true, m.Properties["b"]);
            Assert.Equal((byte)unchecked((byte)-7), m.Properties["y"]);
            Assert.Equal((short)-300, m.Properties["s"]);
            Assert.Equal(70000 + i, m.Properties["i"]);
            Assert.Equal(1L << 40, m.Properties["l"]);
            Assert.Equal(1.5f, m.Properties["f"]);
            Assert.Equal(2.25, m.Properties["d"]);
            Assert.Equal("\u00fc\u20ac", m.Properties["str"]);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WeSend_JavaReceives_TextPropertiesAndHeadersIntact(bool tight)
    {
        var ct = TestContext.Current.CancellationToken;
        var queue = Destination.Queue($"test.tojava.{Guid.NewGuid():N}");
        await using (var connection = await OpenWireConnection.ConnectAsync(BrokerTests.Options() with { TightEncodingEnabled = tight }, cancellationToken: ct))
        {
            Assert.Equal(tight, connection.TightEncoding);
            var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto, ct);
            var producer = await session.CreateProducerAsync(queue, ct);
            var text = new TextMessage("Grüße € 𝄞 日本") { Type = "FromDotNet", CorrelationId = "req-42", ReplyTo = Destination.Topic("SiebelCti.Client.x") };
            text.Properties.Set("b", false).Set("y", (byte)200).Set("s", (short)12).Set("i", -5).Set("l", long.MinValue)
                .Set("f", -0.5f).Set("d", double.MaxValue).Set("str", "é\"\t");
            await producer.SendAsync(text, true, ct);
            await producer.SendAsync(new BytesMessage(new byte[] { 9, 8, 7 }) { CorrelationId = "bytes-1" }, false, ct);
        }

        var lines = await JavaClient.RunClientAsync("receive", [queue.Name, "2", "20000"], ct, JavaOptions(tight));

        Assert.Equal(2, lines.Length);
        var first = lines[0].Split('\t').Skip(1).Select(f => f.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(Hex("Grüße € 𝄞 日本"), first["text"]);
        Assert.Equal("FromDotNet", first["type"]);
        Assert.Equal("req-42", first["corr"]);
        Assert.Equal("topic://SiebelCti.Client.x", first["replyTo"]);
        Assert.Equal("true", first["persistent"]);
        Assert.Equal("Boolean:false", first["p.b"]);
        Assert.Equal("Byte:-56", first["p.y"]);
        Assert.Equal("Short:12", first["p.s"]);
        Assert.Equal("Integer:-5", first["p.i"]);
        Assert.Equal("Long:-9223372036854775808", first["p.l"]);
        Assert.Equal("Float:-0.5", first["p.f"]);
        Assert.Equal("Double:1.7976931348623157E308", first["p.d"]);
        Assert.Equal("String:" + Hex("é\"\t"), first["p.str"]);
        var second = lines[1].Split('\t').Skip(1).Select(f => f.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal("090807", second["bytes"]);
        Assert.Equal("bytes-1", second["corr"]);
        Assert.Equal("false", second["persistent"]);
    }
}
