using System.Buffers;
using System.Buffers.Binary;

namespace SiebelCti.OpenWire.Codec;

/// <summary>
/// Big-endian primitive writer for the loose OpenWire encoding. Pure: writes into a buffer only. A
/// struct around the buffer so that marshalling a frame allocates nothing of its own.
/// </summary>
internal readonly struct WireWriter(IBufferWriter<byte> output) : IFieldWriter
{
    private readonly IBufferWriter<byte> _output = output;

    public void Byte(byte value)
    {
        _output.GetSpan(1)[0] = value;
        _output.Advance(1);
    }

    public void Bool(bool value) => Byte(value ? (byte)1 : (byte)0);

    public void Short(short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(_output.GetSpan(2), value);
        _output.Advance(2);
    }

    public void Char(char value) => Short(unchecked((short)value));

    public void Int(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(_output.GetSpan(4), value);
        _output.Advance(4);
    }

    public void Long(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(_output.GetSpan(8), value);
        _output.Advance(8);
    }

    public void Float(float value)
    {
        BinaryPrimitives.WriteSingleBigEndian(_output.GetSpan(4), value);
        _output.Advance(4);
    }

    public void Double(double value)
    {
        BinaryPrimitives.WriteDoubleBigEndian(_output.GetSpan(8), value);
        _output.Advance(8);
    }

    public void Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_output.GetSpan(bytes.Length));
        _output.Advance(bytes.Length);
    }

    /// <summary>Java <c>writeUTF</c>: a 16-bit length and modified UTF-8 (at most 65535 bytes).</summary>
    public void Utf(string value)
    {
        var length = ModifiedUtf8.GetByteCount(value);
        if (length > ushort.MaxValue)
        {
            throw new OpenWireProtocolException($"string of {length} bytes is longer than the 65535 bytes OpenWire allows");
        }

        var span = _output.GetSpan(2 + length);
        BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)length);
        ModifiedUtf8.Encode(value, span.Slice(2, length));
        _output.Advance(2 + length);
    }

    /// <summary>A 32-bit length and modified UTF-8 (text message bodies, long string properties).</summary>
    public void Utf8WithIntLength(string value)
    {
        var length = ModifiedUtf8.GetByteCount(value);
        var span = _output.GetSpan(4 + length);
        BinaryPrimitives.WriteInt32BigEndian(span, length);
        ModifiedUtf8.Encode(value, span.Slice(4, length));
        _output.Advance(4 + length);
    }

    /// <summary>Loose nullable string: presence flag, then <see cref="Utf"/>.</summary>
    public void String(string? value)
    {
        Bool(value is not null);
        if (value is not null)
        {
            Utf(value);
        }
    }

    /// <summary>Loose nullable byte sequence: presence flag, 32-bit length, bytes.</summary>
    public void Bytes(ReadOnlySpan<byte> value, bool present)
    {
        Bool(present);
        if (present)
        {
            Int(value.Length);
            Raw(value);
        }
    }

    public void Bytes(byte[]? value) => Bytes(value, value is not null);

    /// <summary>The loose encoding has no cached-form flag.</summary>
    public void MarshallAware()
    {
    }
}
