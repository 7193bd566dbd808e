using System.Buffers.Binary;
using System.IO.Compression;
using SiebelCti.OpenWire.Codec;
using SiebelCti.OpenWire.Commands;

namespace SiebelCti.OpenWire.Session;

/// <summary>Converts between the public message classes and the wire <see cref="MessageCommand"/>.</summary>
internal static class MessageMapper
{
    public static MessageCommand ToWire(OpenWireMessage message, ProducerId producer, long sequence, Destination destination, bool persistent, long timestamp)
    {
        byte[]? content;
        byte kind;
        switch (message)
        {
            case TextMessage text:
                kind = DataType.TextMessage;
                content = null;
                if (text.Text is not null)
                {
                    // Exactly the body: a 32-bit length and modified UTF-8, with no intermediate buffer.
                    var length = ModifiedUtf8.GetByteCount(text.Text);
                    content = new byte[4 + length];
                    BinaryPrimitives.WriteInt32BigEndian(content, length);
                    ModifiedUtf8.Encode(text.Text, content.AsSpan(4));
                }

                break;
            case BytesMessage bytes:
                kind = DataType.BytesMessage;
                content = bytes.Body.ToArray();
                break;
            default:
                throw new OpenWireException(OpenWireErrorKind.InvalidOperation, $"cannot send a {message.GetType().Name}");
        }

        byte[]? properties;
        try
        {
            properties = message.Properties.Count == 0 ? null : PrimitiveMap.Encode(message.Properties);
        }
        catch (OpenWireProtocolException e)
        {
            throw new OpenWireException(OpenWireErrorKind.InvalidOperation, e.Message);
        }

        return new MessageCommand
        {
            Kind = kind,
            ProducerId = producer,
            Destination = destination.ToWire(),
            MessageId = new MessageId(null, producer, sequence, 0),
            CorrelationId = message.CorrelationId,
            Persistent = persistent,
            Priority = message.Priority,
            ReplyTo = message.ReplyTo?.ToWire(),
            Timestamp = timestamp,
            Expiration = message.Expiration is { } expiration ? Math.Max(1, expiration.ToUnixTimeMilliseconds()) : 0,
            Type = message.Type,
            Content = content,
            MarshalledProperties = properties,
        };
    }

    /// <summary>
    /// Builds the public message of a dispatch; throws <see cref="OpenWireProtocolException"/> on a malformed body,
    /// and on a compressed body that inflates beyond <paramref name="maxBodySize"/> bytes (the largest frame this
    /// client accepts: a compressed message may not carry more than an uncompressed one).
    /// </summary>
    public static OpenWireMessage FromWire(MessageDispatch dispatch, int maxBodySize)
    {
        var m = dispatch.Message!;
        OpenWireMessage message;
        if (m.Kind == DataType.TextMessage)
        {
            string? text = null;
            if (m.Content is { } c)
            {
                var raw = m.Compressed ? Inflate(c, maxBodySize) : c;
                var reader = new WireReader(raw);
                text = reader.Utf8WithIntLength();
            }

            message = new TextMessage(text);
        }
        else
        {
            var body = m.Content ?? [];
            if (m.Compressed && body.Length >= 4)
            {
                body = Inflate(body.AsSpan(4).ToArray(), maxBodySize);
            }

            message = new BytesMessage(body);
        }

        message.Type = m.Type;
        message.CorrelationId = m.CorrelationId;
        message.ReplyTo = Destination.FromWire(m.ReplyTo);
        message.Priority = m.Priority;
        message.MessageId = m.MessageId?.ToJmsString();
        message.Timestamp = m.Timestamp == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(m.Timestamp);
        message.Expiration = m.Expiration <= 0 ? null : UnixMilliseconds(m.Expiration);
        message.Destination = Destination.FromWire(m.Destination ?? dispatch.Destination);
        message.Persistent = m.Persistent;
        message.UserId = m.UserId;
        message.RedeliveryCounter = Math.Max(m.RedeliveryCounter, dispatch.RedeliveryCounter);
        if (m.MarshalledProperties is { } props)
        {
            foreach (var (name, value) in PrimitiveMap.Decode(props))
            {
                message.Properties.PutReceived(name, value);
            }
        }

        message.Dispatch = dispatch;
        return message;
    }

    // A broker or peer may send any long: beyond the calendar it means "never".
    private static DateTimeOffset UnixMilliseconds(long value) =>
        value >= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() ? DateTimeOffset.MaxValue : DateTimeOffset.FromUnixTimeMilliseconds(value);

    private static byte[] Inflate(byte[] compressed, int maxBodySize)
    {
        try
        {
            using var input = new MemoryStream(compressed);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = zlib.Read(chunk)) > 0)
            {
                if (output.Length + read > maxBodySize)
                {
                    throw new OpenWireProtocolException($"compressed body inflates beyond {maxBodySize} bytes (MaxFrameSize); not inflated further");
                }

                output.Write(chunk, 0, read);
            }

            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new OpenWireProtocolException($"compressed body cannot be inflated: {e.Message}");
        }
    }
}
