using System.Buffers;
using BenchmarkDotNet.Attributes;
using SiebelCti.OpenWire;
using SiebelCti.OpenWire.Codec;
using SiebelCti.OpenWire.Commands;
using SiebelCti.OpenWire.Session;

namespace SiebelCti.Connector.Benchmarks.OpenWire;

/// <summary>
/// What the OpenWire codec allocates per frame on the send and receive paths. A send encodes into
/// the transport's pooled buffer (<see cref="PooledBufferWriter"/>, reused frame after frame); a
/// receive decodes in place from the reader's buffer. The message of the workload is the one the
/// Connector sends most: a 256-character text body with a type, a correlation id and the three
/// contract properties. Every benchmark runs in both encodings (<see cref="Tight"/>).
/// </summary>
[MemoryDiagnoser]
public class OpenWireCodecBenchmarks
{
    private readonly PooledBufferWriter _buffer = new();
    private readonly ProducerId _producer = new("ID:siebelcti-0123456789abcdef0123456789abcdef:1", 1, 1);
    private readonly Destination _queue = Destination.Queue("SiebelCti.Connector.Requests");
    private TextMessage _message = null!;
    private MessageCommand _command = null!;
    private byte[] _dispatchBody = [];
    private byte[] _responseBody = [];
    private byte[] _stream = [];
    private long _sequence;

    /// <summary>The tight encoding (negotiated by default) or the loose one.</summary>
    [Params(false, true)]
    public bool Tight { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _message = new TextMessage(new string('x', 256)) { Type = "MakeCall", CorrelationId = "req-000001" };
        _message.Properties.Set("agentId", "1001").Set("clientId", "siebel01.voice").Set("protocolVersion", 1);
        _command = MessageMapper.ToWire(_message, _producer, 1, _queue, persistent: true, timestamp: 1_796_000_000_000);

        var dispatch = new MessageDispatch
        {
            ConsumerId = new ConsumerId("ID:broker-1:1", 1, 1),
            Destination = _queue.ToWire(),
            Message = _command with { MessageId = new MessageId(null, _producer, 1, 42), UserId = "siebel01" },
        };
        _dispatchBody = Body(OpenWireCodec.EncodeFrame(dispatch, Tight));
        _responseBody = Body(OpenWireCodec.EncodeFrame(new Response { CommandId = 7, CorrelationId = 5 }, Tight));

        // Sixteen send frames back to back, as the reader finds them in its buffer.
        _buffer.Reset();
        for (var i = 0; i < 16; i++)
        {
            OpenWireCodec.WriteFrame(_buffer, _command, i + 1, responseRequired: true, Tight);
        }

        _stream = _buffer.WrittenSpan.ToArray();
        _buffer.Reset();
    }

    [GlobalCleanup]
    public void Cleanup() => _buffer.Dispose();

    /// <summary>The transport's part of a send: the frame into the pooled buffer. Expected: 0 bytes.</summary>
    [Benchmark]
    public int EncodeSendFrame()
    {
        _buffer.Reset();
        return OpenWireCodec.WriteFrame(_buffer, _command, 1, responseRequired: true, Tight);
    }

    /// <summary>A whole send as the producer does it: the wire message from the public one, then the frame (allocates the message).</summary>
    [Benchmark]
    public int MapAndEncodeSend()
    {
        _buffer.Reset();
        var command = MessageMapper.ToWire(_message, _producer, ++_sequence, _queue, persistent: true, timestamp: 1_796_000_000_000);
        return OpenWireCodec.WriteFrame(_buffer, command, 1, responseRequired: true, Tight);
    }

    /// <summary>Splitting the reader's buffer into frames. Expected: 0 bytes.</summary>
    [Benchmark]
    public int ReadSixteenFrames()
    {
        var buffer = new ReadOnlySequence<byte>(_stream);
        var frames = 0;
        while (OpenWireCodec.TryReadFrame(ref buffer, 1 << 20, out _))
        {
            frames++;
        }

        return frames;
    }

    /// <summary>The broker's receipt of a persistent send (allocates the Response record only).</summary>
    [Benchmark]
    public object DecodeResponse() => OpenWireCodec.DecodeBody(_responseBody, tight: Tight);

    /// <summary>A delivered message (allocates the decoded message: its records, strings and arrays).</summary>
    [Benchmark]
    public object DecodeDispatch() => OpenWireCodec.DecodeBody(_dispatchBody, tight: Tight);

    private static byte[] Body(byte[] frame) => frame.AsSpan(4).ToArray();
}
