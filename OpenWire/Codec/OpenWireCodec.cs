using System.Buffers;
using System.Buffers.Binary;
using SiebelCti.OpenWire.Commands;

namespace SiebelCti.OpenWire.Codec;

/// <summary>
/// Framing and (un)marshalling entry points. A frame is a 32-bit big-endian length followed by one
/// marshalled structure, in the loose or (once both sides' WireFormatInfo agreed on it) the tight
/// encoding. Pure: no I/O, no logging.
/// </summary>
internal static class OpenWireCodec
{
    /// <summary>Marshals one structure with its size prefix.</summary>
    public static byte[] EncodeFrame(DataStructure value, bool tight = false)
    {
        if (tight)
        {
            var sizer = default(TightSizer);
            Marshaller.WriteBodyOf(ref sizer, value);
            var bitBytes = sizer.BitBytes;
            var size = 1 + TightEncoding.PrefixSize(bitBytes) + bitBytes + sizer.BodyBytes;
            var tightFrame = new byte[4 + size];
            BinaryPrimitives.WriteInt32BigEndian(tightFrame, size);
            tightFrame[4] = value.DataType;
            var header = 5 + TightEncoding.WritePrefix(tightFrame.AsSpan(5), bitBytes);
            var writer = new TightSpanWriter(tightFrame.AsSpan(header, bitBytes), tightFrame.AsSpan(header + bitBytes));
            Marshaller.WriteBodyOf(ref writer, value);
            writer.Verify(sizer);
            return tightFrame;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        buffer.Advance(4);
        var loose = new WireWriter(buffer);
        Marshaller.Write(ref loose, value);
        var frame = buffer.WrittenSpan.ToArray();
        BinaryPrimitives.WriteInt32BigEndian(frame, frame.Length - 4);
        return frame;
    }

    /// <summary>
    /// Marshals one command with its size prefix at the end of <paramref name="buffer"/>, with the
    /// given command id and response flag; returns the frame's length including the prefix. On a
    /// marshalling error the buffer is left as it was.
    /// </summary>
    public static int WriteFrame(PooledBufferWriter buffer, Command command, int commandId, bool responseRequired, bool tight = false)
    {
        if (tight)
        {
            return WriteTightFrame(buffer, command, commandId, responseRequired);
        }

        var start = buffer.WrittenCount;
        try
        {
            buffer.GetSpan(4);
            buffer.Advance(4);
            var writer = new WireWriter(buffer);
            Marshaller.WriteCommand(ref writer, command, commandId, responseRequired);
        }
        catch
        {
            buffer.Truncate(start);
            throw;
        }

        var length = buffer.WrittenCount - start;
        BinaryPrimitives.WriteInt32BigEndian(buffer.WrittenSpanForUpdate.Slice(start, 4), length - 4);
        return length;
    }

    /// <summary>
    /// The tight form of <see cref="WriteFrame"/>: a first pass counts the bits and bytes, the frame is
    /// then reserved whole in the buffer and the second pass writes bits and body in place (no
    /// intermediate buffer, nothing allocated).
    /// </summary>
    private static int WriteTightFrame(PooledBufferWriter buffer, Command command, int commandId, bool responseRequired)
    {
        var sizer = default(TightSizer);
        Marshaller.WriteCommandFields(ref sizer, command, commandId, responseRequired);
        var bitBytes = sizer.BitBytes;
        if (bitBytes > short.MaxValue)
        {
            throw new OpenWireProtocolException($"a {command.GetType().Name} needs {sizer.Bits} flags, more than a tight frame holds");
        }

        var size = 1 + TightEncoding.PrefixSize(bitBytes) + bitBytes + sizer.BodyBytes;
        var frame = buffer.GetSpan(4 + size)[..(4 + size)];
        BinaryPrimitives.WriteInt32BigEndian(frame, size);
        frame[4] = command.DataType;
        var header = 5 + TightEncoding.WritePrefix(frame[5..], bitBytes);
        var bits = frame.Slice(header, bitBytes);
        bits.Clear();
        var writer = new TightSpanWriter(bits, frame[(header + bitBytes)..]);
        Marshaller.WriteCommandFields(ref writer, command, commandId, responseRequired);
        writer.Verify(sizer);
        buffer.Advance(4 + size);
        return 4 + size;
    }

    /// <summary>Unmarshals one frame body (without the size prefix). Every byte must be consumed.</summary>
    public static DataStructure DecodeBody(ReadOnlySpan<byte> body, bool stackTraces = false, bool tight = false)
    {
        if (body.IsEmpty)
        {
            throw new OpenWireProtocolException("empty frame");
        }

        var reader = new WireReader(body);
        if (tight)
        {
            return DecodeTight(ref reader, body.Length, stackTraces);
        }

        var value = Marshaller.ReadTopLevel(ref reader, stackTraces);
        if (value is not UnknownCommand && reader.Remaining != 0)
        {
            throw new OpenWireProtocolException($"{reader.Remaining} unexpected bytes after a structure of type {value.DataType}");
        }

        return value;
    }

    private static DataStructure DecodeTight(ref WireReader reader, int length, bool stackTraces)
    {
        var type = reader.Byte();
        if (!Marshaller.IsKnownType(type))
        {
            return new UnknownCommand(type, length);
        }

        var bits = TightEncoding.ReadBits(ref reader);
        var tight = new TightReader(bits, reader);
        var value = Marshaller.ReadStructure(ref tight, type, stackTraces);
        if (tight.Remaining != 0)
        {
            throw new OpenWireProtocolException($"{tight.Remaining} unexpected bytes after a tight structure of type {value.DataType}");
        }

        if (tight.UnreadBitBytes != 0)
        {
            throw new OpenWireProtocolException($"{tight.UnreadBitBytes} unused bytes of boolean stream in a tight structure of type {value.DataType}");
        }

        return value;
    }

    /// <summary>
    /// Takes one complete frame body off the front of <paramref name="buffer"/> if it is all there.
    /// A length below 1 or above <paramref name="maxFrameSize"/> is a protocol violation (checked
    /// before any allocation, so a hostile 2 GB prefix costs nothing).
    /// </summary>
    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, long maxFrameSize, out ReadOnlySequence<byte> body)
    {
        body = default;
        if (buffer.Length < 4)
        {
            return false;
        }

        Span<byte> prefix = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(prefix);
        var length = BinaryPrimitives.ReadInt32BigEndian(prefix);
        if (length < 1 || length > maxFrameSize)
        {
            throw new OpenWireProtocolException($"frame size {length} is outside 1..{maxFrameSize}");
        }

        if (buffer.Length < 4L + length)
        {
            return false;
        }

        body = buffer.Slice(4, length);
        buffer = buffer.Slice(4L + length);
        return true;
    }
}
