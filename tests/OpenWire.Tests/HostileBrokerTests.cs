using System.Buffers.Binary;
using SiebelCti.OpenWire.Codec;
using SiebelCti.OpenWire.Commands;

namespace SiebelCti.OpenWire.Tests;

/// <summary>A malicious or broken broker makes the client fail cleanly with a protocol-violation kind; nothing crashes or hangs.</summary>
public sealed class HostileBrokerTests
{
    private static OpenWireOptions Options(string uri) => new()
    {
        BrokerUri = uri,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        RequestTimeout = TimeSpan.FromSeconds(10),
    };

    private static byte[] Prefix(int length)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, length);
        return bytes;
    }

    public static TheoryData<string> Scripts() =>
    [
        "garbage", "2gb-prefix", "negative-prefix", "truncated-structure", "closed-mid-frame", "bad-magic", "bad-boolean",
        "tight-bits-overrun", "tight-no-bits", "tight-unused-bits", "tight-ascii-negative-length", "tight-string-overrun",
        "tight-2gb-bytes", "tight-long-overrun", "tight-too-deep", "tight-cached-form", "tight-truncated-message",
    ];

    private static byte[] Script(string name) => name switch
    {
        "garbage" => "HTTP/1.1 400 Bad Request\r\n\r\n"u8.ToArray(),
        "2gb-prefix" => [.. Prefix(int.MaxValue), 1, 2, 3],
        "negative-prefix" => Prefix(-5),
        "truncated-structure" => Loose(DataType.BrokerInfo, 0, 0, 0, 1, 0),
        "closed-mid-frame" => [.. FakeBroker.BrokerWireFormat(tight: false), .. Prefix(100), 2, 0, 0],
        "bad-magic" => [.. Prefix(13), DataType.WireFormatInfo, .. "ActiveMX"u8, 0, 0, 0, 12],
        "bad-boolean" => Loose(DataType.Response, 0, 0, 0, 1, 7),

        // Tight frames (the recorded broker WireFormatInfo offers it, the client does by default):
        // type byte, boolean-stream length and bits, body.
        "tight-bits-overrun" => Tight(DataType.Response, 5, 1, 0),
        "tight-no-bits" => Tight(DataType.Response, 0, 0, 0, 0, 1, 0, 0, 0, 1),
        "tight-unused-bits" => Tight(DataType.Response, 2, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1),

        // ControlCommand: response flag 0, string present 1, ASCII 1; length 0xFFFF (negative) or 0x7FFF of 3 bytes.
        "tight-ascii-negative-length" => Tight(DataType.ControlCommand, 1, 0b110, 0, 0, 0, 1, 0xFF, 0xFF),
        "tight-string-overrun" => Tight(DataType.ControlCommand, 1, 0b110, 0, 0, 0, 1, 0x7F, 0xFF, 1, 2, 3),

        // ConnectionControl: nine false flags, then a token present with a 2 GB length.
        "tight-2gb-bytes" => Tight(DataType.ConnectionControl, 2, 0, 0b10, 0, 0, 0, 1, 0x7F, 0xFF, 0xFF, 0xFF),

        // RemoveInfo: no object id, a long whose bits say 8 bytes, 3 present.
        "tight-long-overrun" => Tight(DataType.RemoveInfo, 1, 0b1100, 0, 0, 0, 1, 1, 2, 3),
        "tight-too-deep" => [.. FakeBroker.BrokerWireFormat(), .. OpenWireCodec.EncodeFrame(Nest(40), tight: true)],

        // MessageDispatch whose nested TextMessage claims a cached marshalled form.
        "tight-cached-form" => Tight(DataType.MessageDispatch, 1, 0b11000, 0, 0, 0, 1, DataType.TextMessage),
        "tight-truncated-message" => TruncatedTightDispatch(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static byte[] Loose(params byte[] body) => [.. FakeBroker.BrokerWireFormat(tight: false), .. Prefix(body.Length), .. body];

    private static byte[] Tight(params byte[] body) => [.. FakeBroker.BrokerWireFormat(), .. Prefix(body.Length), .. body];

    private static BrokerInfo Nest(int depth) => depth == 0 ? new BrokerInfo() : new BrokerInfo { PeerBrokerInfos = [Nest(depth - 1)] };

    /// <summary>A valid tight MessageDispatch with its last 10 bytes cut off but the frame size shortened to match.</summary>
    private static byte[] TruncatedTightDispatch()
    {
        var frame = OpenWireCodec.EncodeFrame(
            new MessageDispatch
            {
                ConsumerId = new ConsumerId("ID:c", 1, 1),
                Message = new MessageCommand { Kind = DataType.TextMessage, Content = new byte[40], Timestamp = 1L << 40 },
            },
            tight: true);
        var cut = frame[..^10];
        BinaryPrimitives.WriteInt32BigEndian(cut, cut.Length - 4);
        return [.. FakeBroker.BrokerWireFormat(), .. cut];
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task ConnectAsync_HostileBytes_FailsWithProtocolViolation(string script)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var broker = new FakeBroker();
        var serve = Task.Run(async () =>
        {
            await broker.AcceptAsync(ct);
            await broker.WriteAsync(Script(script), ct);
            broker.ShutdownSend();
        }, ct);

        var e = await Assert.ThrowsAsync<OpenWireException>(() => OpenWireConnection.ConnectAsync(Options(broker.Uri), cancellationToken: ct)).WaitAsync(TimeSpan.FromSeconds(20), ct);

        Assert.Equal(OpenWireErrorKind.ProtocolViolation, e.Kind);
        Assert.Equal("OPENWIRE_PROTOCOL_VIOLATION", e.ErrorCode);
        await serve;
    }

    [Fact]
    public async Task OpenConnection_BrokerSendsOversizedFrame_ConnectionFaultsAndSendsFail()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var broker = new FakeBroker();
        var serve = broker.ServeAsync(null, ct);
        await using var connection = await OpenWireConnection.ConnectAsync(Options(broker.Uri), cancellationToken: ct);
        var faulted = new TaskCompletionSource<OpenWireStateChangedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.StateChanged += (_, e) =>
        {
            if (e.Current == OpenWireConnectionState.Faulted)
            {
                faulted.TrySetResult(e);
            }
        };

        await broker.WriteAsync(Prefix(int.MaxValue), ct);
        var change = await faulted.Task.WaitAsync(TimeSpan.FromSeconds(20), ct);

        Assert.Equal(OpenWireErrorKind.ProtocolViolation, change.Cause!.Kind);
        Assert.Equal(OpenWireConnectionState.Faulted, connection.State);
        var e = await Assert.ThrowsAsync<OpenWireException>(() => connection.CreateSessionAsync(AcknowledgeMode.Auto, ct));
        Assert.Equal(OpenWireErrorKind.ProtocolViolation, e.Kind);
    }

    [Fact]
    public async Task ConnectAsync_ConnectionInfoPassword_IsSentButNeverPrinted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var broker = new FakeBroker();
        var serve = broker.ServeAsync(null, ct);

        await using var connection = await OpenWireConnection.ConnectAsync(Options(broker.Uri) with { UserName = "agent", Password = "pa55word" }, cancellationToken: ct);

        var info = Assert.Single(broker.Received.OfType<ConnectionInfo>());
        Assert.Equal("pa55word", info.Password);
        Assert.DoesNotContain("pa55word", info.ToString(), StringComparison.Ordinal);
    }
}
