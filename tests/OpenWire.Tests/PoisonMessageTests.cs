using System.IO.Compression;
using SiebelCti.OpenWire.Codec;
using SiebelCti.OpenWire.Commands;
using SiebelCti.OpenWire.Session;

namespace SiebelCti.OpenWire.Tests;

/// <summary>
/// A message nobody can read is acknowledged as poison and the consumer goes on: anything else makes the broker
/// hand it back after every reconnect, and one hostile sender keeps a consumer out of service for good.
/// </summary>
public sealed class PoisonMessageTests
{
    private const int MaxFrameSize = 64 * 1024;

    /// <summary>A zlib stream of <paramref name="inflated"/> zero bytes: about a thousandth of that on the wire.</summary>
    private static byte[] Bomb(int inflated)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[64 * 1024];
            for (var written = 0; written < inflated; written += zeros.Length)
            {
                zlib.Write(zeros);
            }
        }

        return output.ToArray();
    }

    private static MessageDispatch Dispatch(ConsumerId consumer, long sequence, MessageCommand message) => new()
    {
        ConsumerId = consumer,
        Destination = new DestinationRef(DataType.Queue, "q"),
        Message = message with
        {
            Destination = new DestinationRef(DataType.Queue, "q"),
            MessageId = new MessageId(null, new ProducerId("ID:hostile-1", 1, 1), sequence, sequence),
        },
    };

    [Fact]
    public void A_compressed_body_that_inflates_beyond_the_largest_frame_is_refused_without_inflating_it_all()
    {
        // Before: inflated into an unbounded MemoryStream; a 2 GB bomb (2 MB on the wire) threw an IOException or ran
        // the process out of memory, neither of which the consumer took for a bad message.
        var dispatch = Dispatch(new ConsumerId("ID:c", 1, 1), 1, new MessageCommand { Kind = DataType.TextMessage, Compressed = true, Content = Bomb(MaxFrameSize * 4) });

        var e = Assert.Throws<OpenWireProtocolException>(() => MessageMapper.FromWire(dispatch, MaxFrameSize));

        Assert.Contains($"beyond {MaxFrameSize} bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_that_cannot_be_read_is_acknowledged_as_poison_and_the_next_one_arrives()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var broker = new FakeBroker();
        var serve = broker.ServeAsync(null, ct);
        await using var connection = await OpenWireConnection.ConnectAsync(
            new OpenWireOptions { BrokerUri = broker.Uri, MaxFrameSize = MaxFrameSize, RequestTimeout = TimeSpan.FromSeconds(10) }, cancellationToken: ct);
        var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto, ct);
        await using var consumer = await session.CreateConsumerAsync(Destination.Queue("q"), 10, null, ct);
        var consumerId = broker.Received.OfType<ConsumerInfo>().Single().ConsumerId!;
        var text = new byte[4 + 5];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(text, 5);
        "after"u8.CopyTo(text.AsSpan(4));

        await broker.WriteAsync(
        [
            .. OpenWireCodec.EncodeFrame(Dispatch(consumerId, 1, new MessageCommand { Kind = DataType.TextMessage, Compressed = true, Content = Bomb(MaxFrameSize * 4) }), broker.Tight),
            .. OpenWireCodec.EncodeFrame(Dispatch(consumerId, 2, new MessageCommand { Kind = DataType.TextMessage, Content = text }), broker.Tight),
        ], ct);
        var received = await consumer.ReceiveAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(20), ct);
        await Task.Run(async () =>
        {
            while (broker.Received.OfType<MessageAck>().Count() < 2)
            {
                await Task.Delay(20, ct);
            }
        }, ct).WaitAsync(TimeSpan.FromSeconds(20), ct);

        Assert.Equal("after", Assert.IsType<TextMessage>(received).Text);
        var acks = broker.Received.OfType<MessageAck>().ToList();
        Assert.Equal(MessageAck.PoisonAck, acks.Single(a => a.LastMessageId!.ProducerSequenceId == 1).AckType);
        Assert.Equal(MessageAck.StandardAck, acks.Single(a => a.LastMessageId!.ProducerSequenceId == 2).AckType);
        Assert.Equal(OpenWireConnectionState.Open, connection.State);
        _ = serve;
    }
}
