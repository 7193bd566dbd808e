using System.Buffers.Binary;

namespace SiebelCti.OpenWire.Codec;

/// <summary>
/// Big-endian primitive reader over one frame for the loose OpenWire encoding. Every read checks the
/// remaining length; running past the end of the frame is a protocol violation, never an IndexOutOfRange.
/// </summary>
internal ref struct WireReader(ReadOnlySpan<byte> frame) : IFieldReader
{
    private readonly ReadOnlySpan<byte> _frame = frame;
    private int _position;

    public readonly int Remaining => _frame.Length - _position;

    public readonly int Position => _position;

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw new OpenWireProtocolException($"structure truncated: needed {count} bytes at offset {_position}, {Remaining} left in the frame");
        }

        var span = _frame.Slice(_position, count);
        _position += count;
        return span;
    }

    public byte Byte() => Take(1)[0];

    public bool Bool() => Byte() switch
    {
        0 => false,
        1 => true,
        var b => throw new OpenWireProtocolException($"invalid boolean byte 0x{b:x2} at offset {_position - 1}"),
    };

    public short Short() => BinaryPrimitives.ReadInt16BigEndian(Take(2));

    public char Char() => (char)BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    public int Int() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

    public long Long() => BinaryPrimitives.ReadInt64BigEndian(Take(8));

    public float Float() => BinaryPrimitives.ReadSingleBigEndian(Take(4));

    public double Double() => BinaryPrimitives.ReadDoubleBigEndian(Take(8));

    public ReadOnlySpan<byte> Raw(int count) => Take(count);

    public string Utf() => ModifiedUtf8.Decode(Take(BinaryPrimitives.ReadUInt16BigEndian(Take(2))));

    public string Utf8WithIntLength()
    {
        var length = Int();
        return ModifiedUtf8.Decode(Take(length));
    }

    public string? String() => Bool() ? Utf() : null;

    public byte[]? Bytes()
    {
        if (!Bool())
        {
            return null;
        }

        var length = Int();
        return Take(length).ToArray();
    }

    /// <summary>The loose encoding has no cached-form flag.</summary>
    public readonly bool MarshallAware() => false;
}
