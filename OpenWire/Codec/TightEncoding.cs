using System.Buffers.Binary;

namespace SiebelCti.OpenWire.Codec;

/// <summary>
/// Rules of the tight OpenWire encoding shared by its writers and its reader. A tight frame is the
/// type byte, a bit stream (its byte count in 1, 2 or 3 bytes, then the bits, least significant bit
/// of each byte first) and the body; booleans and presence flags live in the bit stream, longs take
/// 0, 2, 4 or 8 bytes as two bits say, and a string's second bit says whether it is plain ASCII.
/// </summary>
internal static class TightEncoding
{
    /// <summary>Longest string the tight encoding carries (Java refuses 32767 bytes and more).</summary>
    public const int MaxStringBytes = short.MaxValue - 1;

    /// <summary>Bytes that the bit stream's length prefix takes for <paramref name="bitBytes"/> bytes of bits.</summary>
    public static int PrefixSize(int bitBytes) => bitBytes < 64 ? 1 : bitBytes < 256 ? 2 : 3;

    public static int WritePrefix(Span<byte> destination, int bitBytes)
    {
        if (bitBytes < 64)
        {
            destination[0] = (byte)bitBytes;
            return 1;
        }

        if (bitBytes < 256)
        {
            destination[0] = 0xC0;
            destination[1] = (byte)bitBytes;
            return 2;
        }

        destination[0] = 0x80;
        BinaryPrimitives.WriteInt16BigEndian(destination[1..], checked((short)bitBytes));
        return 3;
    }

    /// <summary>Reads the bit stream's length prefix and returns the bits.</summary>
    public static ReadOnlySpan<byte> ReadBits(ref WireReader reader)
    {
        int count = reader.Byte();
        if (count == 0xC0)
        {
            count = reader.Byte();
        }
        else if (count == 0x80)
        {
            count = reader.Short();
        }

        if (count < 0 || count > reader.Remaining)
        {
            throw new OpenWireProtocolException($"tight frame claims {count} bytes of boolean stream with {reader.Remaining} left");
        }

        return reader.Raw(count);
    }

    /// <summary>Size class of a long: 0, 2, 4 or 8 bytes (Java tests the bits, so negatives take 8).</summary>
    public static int LongSize(long value) =>
        value == 0 ? 0 : (value & unchecked((long)0xFFFFFFFFFFFF0000UL)) == 0 ? 2 : (value & unchecked((long)0xFFFFFFFF00000000UL)) == 0 ? 4 : 8;

    /// <summary>Modified UTF-8 length of a string and whether every char is 0x01..0x7F (the ASCII flag).</summary>
    public static int StringBytes(string value, out bool ascii)
    {
        var length = ModifiedUtf8.GetByteCount(value);
        if (length > MaxStringBytes)
        {
            throw new OpenWireProtocolException($"string of {length} bytes is longer than the {MaxStringBytes} bytes the tight OpenWire encoding allows");
        }

        // Modified UTF-8 takes one byte per char exactly when every char is 0x01..0x7F.
        ascii = length == value.Length;
        return length;
    }
}

/// <summary>
/// First pass of the tight encoding: counts the bits and the body bytes a structure takes. Writes nothing.
/// </summary>
internal struct TightSizer : IFieldWriter
{
    public int Bits;
    public int BodyBytes;

    public void Bool(bool value) => Bits++;

    public void Byte(byte value) => BodyBytes++;

    public void Short(short value) => BodyBytes += 2;

    public void Int(int value) => BodyBytes += 4;

    public void Long(long value)
    {
        Bits += 2;
        BodyBytes += TightEncoding.LongSize(value);
    }

    public void String(string? value)
    {
        Bits++;
        if (value is not null)
        {
            Bits++;
            BodyBytes += 2 + TightEncoding.StringBytes(value, out _);
        }
    }

    public void Bytes(ReadOnlySpan<byte> value, bool present)
    {
        Bits++;
        if (present)
        {
            BodyBytes += 4 + value.Length;
        }
    }

    public void Raw(ReadOnlySpan<byte> value) => BodyBytes += value.Length;

    public void MarshallAware() => Bits++;

    public readonly int BitBytes => (Bits + 7) / 8;
}

/// <summary>
/// Second pass of the tight encoding: writes the bits and the body into spans the first pass sized
/// (the bit span must start zeroed). Any disagreement with the first pass is a bug, reported by
/// <see cref="Verify"/> or by a span bound.
/// </summary>
internal ref struct TightSpanWriter(Span<byte> bits, Span<byte> body) : IFieldWriter
{
    private readonly Span<byte> _bits = bits;
    private readonly Span<byte> _body = body;
    private int _bit;
    private int _position;

    public void Bool(bool value)
    {
        if (value)
        {
            _bits[_bit >> 3] |= (byte)(1 << (_bit & 7));
        }

        _bit++;
    }

    public void Byte(byte value) => _body[_position++] = value;

    public void Short(short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(_body[_position..], value);
        _position += 2;
    }

    public void Int(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(_body[_position..], value);
        _position += 4;
    }

    public void Long(long value)
    {
        switch (TightEncoding.LongSize(value))
        {
            case 0:
                Bool(false);
                Bool(false);
                break;
            case 2:
                Bool(false);
                Bool(true);
                Short(unchecked((short)value));
                break;
            case 4:
                Bool(true);
                Bool(false);
                Int(unchecked((int)value));
                break;
            default:
                Bool(true);
                Bool(true);
                BinaryPrimitives.WriteInt64BigEndian(_body[_position..], value);
                _position += 8;
                break;
        }
    }

    public void String(string? value)
    {
        Bool(value is not null);
        if (value is null)
        {
            return;
        }

        var length = TightEncoding.StringBytes(value, out var ascii);
        Bool(ascii);
        BinaryPrimitives.WriteUInt16BigEndian(_body[_position..], (ushort)length);
        ModifiedUtf8.Encode(value, _body.Slice(_position + 2, length));
        _position += 2 + length;
    }

    public void Bytes(ReadOnlySpan<byte> value, bool present)
    {
        Bool(present);
        if (present)
        {
            Int(value.Length);
            Raw(value);
        }
    }

    public void Raw(ReadOnlySpan<byte> value)
    {
        value.CopyTo(_body[_position..]);
        _position += value.Length;
    }

    public void MarshallAware() => Bool(false);

    /// <summary>Checks that this pass wrote what the first pass counted.</summary>
    public readonly void Verify(in TightSizer sized)
    {
        if (_bit != sized.Bits || _position != sized.BodyBytes)
        {
            throw new InvalidOperationException(
                $"tight marshalling passes disagree: sized {sized.Bits} bits and {sized.BodyBytes} bytes, wrote {_bit} bits and {_position} bytes");
        }
    }
}

/// <summary>
/// Tight reader over one frame: body bytes through a <see cref="WireReader"/>, flags from the bit
/// stream. Reading past either end is a protocol violation.
/// </summary>
internal ref struct TightReader(ReadOnlySpan<byte> bits, WireReader body) : IFieldReader
{
    private readonly ReadOnlySpan<byte> _bits = bits;
    private WireReader _body = body;
    private int _bit;

    public readonly int Remaining => _body.Remaining;

    /// <summary>Bytes of the bit stream not yet read (whole bytes after the current one).</summary>
    public readonly int UnreadBitBytes => _bits.Length - ((_bit + 7) >> 3);

    public bool Bool()
    {
        var index = _bit >> 3;
        if (index >= _bits.Length)
        {
            throw new OpenWireProtocolException($"tight frame's boolean stream of {_bits.Length} bytes ends before flag {_bit}");
        }

        var value = ((_bits[index] >> (_bit & 7)) & 1) != 0;
        _bit++;
        return value;
    }

    public byte Byte() => _body.Byte();

    public short Short() => _body.Short();

    public int Int() => _body.Int();

    public long Long()
    {
        if (Bool())
        {
            return Bool() ? _body.Long() : unchecked((uint)_body.Int());
        }

        // Java reads the 2- and 4-byte forms as unsigned.
        return Bool() ? unchecked((ushort)_body.Short()) : 0;
    }

    public string? String()
    {
        if (!Bool())
        {
            return null;
        }

        if (!Bool())
        {
            return _body.Utf();
        }

        // Flagged plain ASCII: Java reads a signed 16-bit length and one char per byte.
        var length = _body.Short();
        if (length < 0)
        {
            throw new OpenWireProtocolException($"tight ASCII string with negative length {length}");
        }

        return System.Text.Encoding.Latin1.GetString(_body.Raw(length));
    }

    public byte[]? Bytes()
    {
        if (!Bool())
        {
            return null;
        }

        return _body.Raw(_body.Int()).ToArray();
    }

    public ReadOnlySpan<byte> Raw(int count) => _body.Raw(count);

    public bool MarshallAware() => Bool();
}
