using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SiebelCti.OpenWire.Codec;
using SiebelCti.OpenWire.Commands;

namespace SiebelCti.OpenWire.Tests;

/// <summary>
/// A scripted OpenWire "broker" on loopback for hostile-input and timer tests. It accepts one
/// client, optionally answers the handshake like ActiveMQ 5.17.2 (recorded WireFormatInfo, a
/// Response to every command that asks for one) and records every frame the client sends; reading can be paused and the connection dropped. Like the
/// broker it speaks the tight encoding after the WireFormatInfo exchange if both sides offered it.
/// </summary>
internal sealed class FakeBroker : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly X509Certificate2? _certificate;
    private TcpClient? _client;
    private Stream? _stream;
    private volatile TaskCompletionSource _readGate = Completed();

    public FakeBroker(X509Certificate2? tlsCertificate = null)
    {
        _certificate = tlsCertificate;
        _listener.Start();
    }

    public string Uri => $"{(_certificate is null ? "tcp" : "ssl")}://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public ConcurrentQueue<DataStructure> Received { get; } = new();

    /// <summary>Which requests <see cref="ServeAsync"/> answers (default: all); the others it records and leaves unanswered.</summary>
    public Func<Command, bool> Answers { get; init; } = _ => true;

    public Stream Stream => _stream!;

    /// <summary>Whether <see cref="ServeAsync"/> offers the tight encoding (the recorded broker does).</summary>
    public bool OffersTight { get; init; } = true;

    /// <summary>The client's WireFormatInfo, once <see cref="ServeAsync"/> has read it.</summary>
    public WireFormatInfo? ClientWireFormat { get; private set; }

    /// <summary>Whether the frames after the WireFormatInfo exchange are tight (both offered it).</summary>
    public bool Tight { get; private set; }

    /// <summary>The raw frames the client sent after its WireFormatInfo, size prefix included.</summary>
    public ConcurrentQueue<byte[]> ReceivedFrames { get; } = new();

    public void ShutdownSend() => _client!.Client.Shutdown(SocketShutdown.Send);

    /// <summary>Makes <see cref="ServeAsync"/> stop reading before its next frame (the client's writes back up).</summary>
    public void PauseReading() => _readGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ResumeReading() => _readGate.TrySetResult();

    /// <summary>Drops the client's connection at once (a reset, as when a broker process dies).</summary>
    public void Abort()
    {
        _client!.Client.LingerState = new LingerOption(true, 0);
        _client.Close();
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }

    /// <summary>
    /// The broker's recorded WireFormatInfo (which offers the tight encoding), optionally with another
    /// MaxInactivityDuration or refusing the tight encoding.
    /// </summary>
    public static byte[] BrokerWireFormat(long? maxInactivityMs = null, bool tight = true)
    {
        var recorded = GoldenFrames.First("activemq-5.17.2-java-session.txt", "B", 1).Bytes;
        if (maxInactivityMs is null && tight)
        {
            return recorded;
        }

        var info = (WireFormatInfo)OpenWireCodec.DecodeBody(recorded.AsSpan(4));
        var props = new Dictionary<string, object?>(info.Properties) { ["TightEncodingEnabled"] = tight };
        if (maxInactivityMs is not null)
        {
            props["MaxInactivityDuration"] = maxInactivityMs.Value;
        }

        return OpenWireCodec.EncodeFrame(info with { Properties = props });
    }

    public async Task AcceptAsync(CancellationToken ct)
    {
        _client = await _listener.AcceptTcpClientAsync(ct);
        _stream = _client.GetStream();
        if (_certificate is not null)
        {
            var ssl = new SslStream(_stream);
            _stream = ssl;
            try
            {
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, ct);
            }
            catch (Exception e) when (e is AuthenticationException or IOException)
            {
                // The client refused our certificate: exactly what some tests expect.
                throw new OperationCanceledException("TLS refused by the client", e);
            }
        }
    }

    public Task WriteAsync(byte[] bytes, CancellationToken ct) => Stream.WriteAsync(bytes, ct).AsTask();

    /// <summary>Answers like a broker until the client goes away: WireFormatInfo first, then a Response per request.</summary>
    public Task ServeAsync(long? maxInactivityMs, CancellationToken ct) => Task.Run(async () =>
    {
        await AcceptAsync(ct);
        await WriteAsync(BrokerWireFormat(maxInactivityMs, OffersTight), ct);
        var header = new byte[4];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await _readGate.Task.WaitAsync(ct);
                await Stream.ReadExactlyAsync(header, ct);
                var body = new byte[BinaryPrimitives.ReadInt32BigEndian(header)];
                await Stream.ReadExactlyAsync(body, ct);
                var command = OpenWireCodec.DecodeBody(body, tight: Tight);
                if (ClientWireFormat is null && command is WireFormatInfo info)
                {
                    ClientWireFormat = info;
                    Tight = OffersTight && info.GetBool("TightEncodingEnabled");
                    continue;
                }

                ReceivedFrames.Enqueue([.. header, .. body]);
                Received.Enqueue(command);
                if (command is Command { ResponseRequired: true } c && Answers(c))
                {
                    await WriteAsync(OpenWireCodec.EncodeFrame(new Response { CorrelationId = c.CommandId }, Tight), ct);
                }
            }
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }, ct);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _client?.Dispose();
        _listener.Stop();
        _listener.Dispose();
        _stop.Dispose();
    }
}
