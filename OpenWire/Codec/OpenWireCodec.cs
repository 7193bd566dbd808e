using System.Buffers;
using System.Buffers.Binary;
using SiebelCti.OpenWire.Commands;

namespace SiebelCti.OpenWire.Codec;

/// <summary>
/// Framing and (un)marshalling entry points. A frame is a 32-bit big-endian length followed by one
/// marshalled structure. Pure: no I/O, no logging.
/// </summary>
internal static class OpenWireCodec
{
    /// <summary>Marshals one structure with its size prefix.</summary>
    public static byte[] EncodeFrame(DataStructure value)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        buffer.Advance(4);
        Marshaller.Write(new WireWriter(buffer), value);
        var frame = buffer.WrittenSpan.ToArray();
        BinaryPrimitives.WriteInt32BigEndian(frame, frame.Length - 4);
        return frame;
    }

    /// <summary>
    /// Marshals one command with its size prefix at the end of <paramref name="buffer"/>, with the
    /// given command id and response flag; returns the frame's length including the prefix. On a
    /// marshalling error the buffer is left as it was.
    /// </summary>
    public static int WriteFrame(PooledBufferWriter buffer, Command command, int commandId, bool responseRequired)
    {
        var start = buffer.WrittenCount;
        try
        {
            buffer.GetSpan(4);
            buffer.Advance(4);
            Marshaller.WriteCommand(new WireWriter(buffer), command, commandId, responseRequired);
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

    /// <summary>Unmarshals one frame body (without the size prefix). Every byte must be consumed.</summary>
    public static DataStructure DecodeBody(ReadOnlySpan<byte> body, bool stackTraces = false)
    {
        if (body.IsEmpty)
        {
            throw new OpenWireProtocolException("empty frame");
        }

        var reader = new WireReader(body);
        var value = Marshaller.ReadTopLevel(ref reader, stackTraces);
        if (value is not UnknownCommand && reader.Remaining != 0)
        {
            throw new OpenWireProtocolException($"{reader.Remaining} unexpected bytes after a structure of type {value.DataType}");
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
