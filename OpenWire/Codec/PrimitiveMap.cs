using System.Buffers;

namespace SiebelCti.OpenWire.Codec;

/// <summary>
/// The OpenWire primitive map (message properties, WireFormatInfo options): a 32-bit count, then
/// per entry a name (Java writeUTF) and a type-tagged value. Values are bool, byte, char, short,
/// int, long, float, double, string, byte[], and nested maps and lists (decoded, never produced).
/// </summary>
internal static class PrimitiveMap
{
    public const byte NullType = 0;
    public const byte BooleanType = 1;
    public const byte ByteType = 2;
    public const byte CharType = 3;
    public const byte ShortType = 4;
    public const byte IntegerType = 5;
    public const byte LongType = 6;
    public const byte DoubleType = 7;
    public const byte FloatType = 8;
    public const byte StringType = 9;
    public const byte ByteArrayType = 10;
    public const byte MapType = 11;
    public const byte ListType = 12;
    public const byte BigStringType = 13;

    private const int MaxDepth = 16;

    public static byte[] Encode(IEnumerable<KeyValuePair<string, object?>> entries)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        var writer = new WireWriter(buffer);
        var list = entries as IReadOnlyCollection<KeyValuePair<string, object?>> ?? entries.ToList();
        writer.Int(list.Count);
        foreach (var (name, value) in list)
        {
            writer.Utf(name);
            WriteValue(writer, value);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static void WriteValue(WireWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.Byte(NullType);
                break;
            case bool b:
                writer.Byte(BooleanType);
                writer.Bool(b);
                break;
            case byte b:
                writer.Byte(ByteType);
                writer.Byte(b);
                break;
            case sbyte b:
                writer.Byte(ByteType);
                writer.Byte(unchecked((byte)b));
                break;
            case char c:
                writer.Byte(CharType);
                writer.Char(c);
                break;
            case short s:
                writer.Byte(ShortType);
                writer.Short(s);
                break;
            case int i:
                writer.Byte(IntegerType);
                writer.Int(i);
                break;
            case long l:
                writer.Byte(LongType);
                writer.Long(l);
                break;
            case double d:
                writer.Byte(DoubleType);
                writer.Double(d);
                break;
            case float f:
                writer.Byte(FloatType);
                writer.Float(f);
                break;
            case string s when s.Length < 8191:
                writer.Byte(StringType);
                writer.Utf(s);
                break;
            case string s:
                writer.Byte(BigStringType);
                writer.Utf8WithIntLength(s);
                break;
            case byte[] bytes:
                writer.Byte(ByteArrayType);
                writer.Int(bytes.Length);
                writer.Raw(bytes);
                break;
            default:
                throw new OpenWireProtocolException($"a property value of type {value.GetType().Name} cannot be sent");
        }
    }

    public static Dictionary<string, object?> Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new WireReader(bytes);
        var map = ReadMap(ref reader, 0) ?? [];
        if (reader.Remaining != 0)
        {
            throw new OpenWireProtocolException($"{reader.Remaining} unexpected bytes after a property map");
        }

        return map;
    }

    private static Dictionary<string, object?>? ReadMap(ref WireReader reader, int depth)
    {
        var count = reader.Int();
        if (count < 0)
        {
            return null;
        }

        // Every entry takes at least 3 bytes, so a larger count is a lie about the length.
        if (count > reader.Remaining / 3)
        {
            throw new OpenWireProtocolException($"property map claims {count} entries in {reader.Remaining} bytes");
        }

        var map = new Dictionary<string, object?>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var name = reader.Utf();
            map[name] = ReadValue(ref reader, depth);
        }

        return map;
    }

    private static object? ReadValue(ref WireReader reader, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new OpenWireProtocolException("property values nested too deeply");
        }

        var type = reader.Byte();
        switch (type)
        {
            case NullType:
                return null;
            case BooleanType:
                return reader.Bool();
            case ByteType:
                return reader.Byte();
            case CharType:
                return reader.Char();
            case ShortType:
                return reader.Short();
            case IntegerType:
                return reader.Int();
            case LongType:
                return reader.Long();
            case DoubleType:
                return reader.Double();
            case FloatType:
                return reader.Float();
            case StringType:
                return reader.Utf();
            case BigStringType:
                return reader.Utf8WithIntLength();
            case ByteArrayType:
                return reader.Raw(reader.Int()).ToArray();
            case MapType:
                return ReadMap(ref reader, depth + 1);
            case ListType:
            {
                var count = reader.Int();
                if (count < 0 || count > reader.Remaining)
                {
                    throw new OpenWireProtocolException($"property list claims {count} entries in {reader.Remaining} bytes");
                }

                var list = new List<object?>(count);
                for (var i = 0; i < count; i++)
                {
                    list.Add(ReadValue(ref reader, depth + 1));
                }

                return list;
            }

            default:
                throw new OpenWireProtocolException($"unknown property value type {type}");
        }
    }
}
