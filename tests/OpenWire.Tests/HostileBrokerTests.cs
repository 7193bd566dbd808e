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

    public static TheoryData<string> Scripts() => ["garbage", "2gb-prefix", "negative-prefix", "truncated-structure", "closed-mid-frame", "bad-magic", "bad-boolean"];

    private static byte[] Script(string name) => name switch
    {
        "garbage" => "HTTP/1.1 400 Bad Request\r\n\r\n"u8.ToArray(),
        "2gb-prefix" => [.. Prefix(int.MaxValue), 1, 2, 3],
        "negative-prefix" => Prefix(-5),
        "truncated-structure" => [.. FakeBroker.BrokerWireFormat(), .. Prefix(6), DataType.BrokerInfo, 0, 0, 0, 1, 0],
        "closed-mid-frame" => [.. FakeBroker.BrokerWireFormat(), .. Prefix(100), 2, 0, 0],
        "bad-magic" => [.. Prefix(13), DataType.WireFormatInfo, .. "ActiveMX"u8, 0, 0, 0, 12],
        "bad-boolean" => [.. FakeBroker.BrokerWireFormat(), .. Prefix(6), DataType.Response, 0, 0, 0, 1, 7],
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

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
