using System.Net.Sockets;
using System.Text;

namespace SiebelCti.Integration.Tests;

/// <summary>Proves the test command really started the broker and the XMPP server on loopback.</summary>
public sealed class ServicesAnswerTests
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ActiveMq_greets_with_an_openwire_WireFormatInfo_frame()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = new TcpClient();
        await client.ConnectAsync(TestServices.Host, TestServices.ActiveMqPort, ct);
        var stream = client.GetStream();

        // An OpenWire frame: 4-byte big-endian size, 1-byte command type (1 = WireFormatInfo),
        // then the 8 magic bytes "ActiveMQ".
        var header = await ReadExactlyAsync(stream, 13, ct);

        var size = (header[0] << 24) | (header[1] << 16) | (header[2] << 8) | header[3];
        Assert.InRange(size, 9, 64 * 1024);
        Assert.Equal(1, header[4]);
        Assert.Equal("ActiveMQ", Encoding.ASCII.GetString(header, 5, 8));
    }

    [Fact]
    public async Task Prosody_opens_an_xmpp_stream_offering_starttls_and_sasl_plain()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = new TcpClient();
        await client.ConnectAsync(TestServices.Host, TestServices.XmppPort, ct);
        var stream = client.GetStream();
        var open = $"<?xml version='1.0'?><stream:stream to='{TestServices.XmppDomain}' xmlns='jabber:client' " +
                   "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(open), ct);

        var text = await ReadUntilAsync(stream, "</stream:features>", ct);

        Assert.Contains($"from='{TestServices.XmppDomain}'", text, StringComparison.Ordinal);
        Assert.Contains("urn:ietf:params:xml:ns:xmpp-tls", text, StringComparison.Ordinal);
        Assert.Contains("<mechanism>PLAIN</mechanism>", text, StringComparison.Ordinal);
    }

    private static async Task<byte[]> ReadExactlyAsync(NetworkStream stream, int count, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ReadTimeout);
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer, timeout.Token);
        return buffer;
    }

    private static async Task<string> ReadUntilAsync(NetworkStream stream, string marker, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ReadTimeout);
        var text = new StringBuilder();
        var buffer = new byte[4096];
        while (!text.ToString().Contains(marker, StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            Assert.True(read > 0, $"the server closed the stream before sending {marker}; got: {text}");
            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
            Assert.True(text.Length < 64 * 1024, "no stream features within 64 KiB");
        }

        return text.ToString();
    }
}
