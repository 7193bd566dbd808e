namespace SiebelCti.OpenWire.Codec;

/// <summary>
/// Java's "modified UTF-8": U+0000 takes two bytes and characters outside the BMP are written as
/// two three-byte surrogates. OpenWire uses it for every string and for text message bodies.
/// </summary>
internal static class ModifiedUtf8
{
    public static int GetByteCount(string value)
    {
        var count = 0;
        foreach (var c in value)
        {
            count += c is >= '\u0001' and <= '\u007f' ? 1 : c <= '\u07ff' ? 2 : 3;
        }

        return count;
    }

    public static void Encode(string value, Span<byte> destination)
    {
        var i = 0;
        foreach (var c in value)
        {
            if (c is >= '\u0001' and <= '\u007f')
            {
                destination[i++] = (byte)c;
            }
            else if (c <= '\u07ff')
            {
                destination[i++] = (byte)(0xC0 | ((c >> 6) & 0x1F));
                destination[i++] = (byte)(0x80 | (c & 0x3F));
            }
            else
            {
                destination[i++] = (byte)(0xE0 | ((c >> 12) & 0x0F));
                destination[i++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                destination[i++] = (byte)(0x80 | (c & 0x3F));
            }
        }
    }

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.ContainsAnyInRange((byte)0x80, (byte)0xFF))
        {
            return System.Text.Encoding.ASCII.GetString(bytes);
        }

        var chars = bytes.Length <= 512 ? stackalloc char[bytes.Length] : new char[bytes.Length];
        var n = 0;
        var i = 0;
        while (i < bytes.Length)
        {
            int b = bytes[i];
            if (b < 0x80)
            {
                chars[n++] = (char)b;
                i++;
            }
            else if ((b & 0xE0) == 0xC0)
            {
                if (i + 1 >= bytes.Length || (bytes[i + 1] & 0xC0) != 0x80)
                {
                    throw new OpenWireProtocolException("malformed modified UTF-8 string");
                }

                chars[n++] = (char)(((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F));
                i += 2;
            }
            else if ((b & 0xF0) == 0xE0)
            {
                if (i + 2 >= bytes.Length || (bytes[i + 1] & 0xC0) != 0x80 || (bytes[i + 2] & 0xC0) != 0x80)
                {
                    throw new OpenWireProtocolException("malformed modified UTF-8 string");
                }

                chars[n++] = (char)(((b & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F));
                i += 3;
            }
            else
            {
                throw new OpenWireProtocolException("malformed modified UTF-8 string");
            }
        }

        return new string(chars[..n]);
    }
}
