using System.Runtime.InteropServices;
using SiebelCti.Interop;
using SiebelCti.Driver.Logging;

namespace SiebelCti.Driver.Native;

/// <summary>
/// Reads and writes <c>ISC_STRING</c>: NUL-terminated UTF-16 on every platform. Input is copied
/// at once (Siebel owns it); unpaired surrogates become U+FFFD so that nothing downstream (JSON,
/// logs) has to handle invalid UTF-16; strings longer than <see cref="MaxChars"/> are refused.
/// </summary>
internal static unsafe class NativeText
{
    /// <summary>The longest string accepted from Siebel, in UTF-16 code units (1 Mi).</summary>
    public const int MaxChars = 1 << 20;

    /// <summary>Copies <paramref name="text"/>; null stays null.</summary>
    /// <param name="text">The Siebel string.</param>
    /// <param name="what">What the string is, for the error message.</param>
    /// <param name="repaired">Set when unpaired surrogates were replaced.</param>
    public static string? Read(char* text, string what, ref bool repaired)
    {
        if (text == null)
        {
            return null;
        }
        var length = 0;
        while (text[length] != '\0')
        {
            if (++length > MaxChars)
            {
                throw new DriverException(ScErrorCode.SC_EC_ERROR, DriverErrorCode.NativeStringTooLong,
                    $"{what} is longer than {MaxChars} UTF-16 code units or not NUL-terminated");
            }
        }
        var span = new ReadOnlySpan<char>(text, length);
        if (IsWellFormed(span))
        {
            return new string(span);
        }
        repaired = true;
        return Repair(span);
    }

    /// <summary>Copies <paramref name="text"/>; null becomes the empty string.</summary>
    public static string ReadOrEmpty(char* text, string what, ref bool repaired) => Read(text, what, ref repaired) ?? string.Empty;

    /// <summary>True when every surrogate in <paramref name="text"/> is part of a pair.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Replaces each unpaired surrogate of <paramref name="text"/> with U+FFFD.</summary>
    public static string Repair(ReadOnlySpan<char> text)
    {
        var chars = text.ToArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }
        return new string(chars);
    }

    /// <summary>Allocates a NUL-terminated copy of <paramref name="text"/> with <see cref="NativeMemory"/>.</summary>
    public static char* Allocate(string text)
    {
        var chars = (char*)NativeMemory.Alloc((nuint)(text.Length + 1), sizeof(char));
        text.AsSpan().CopyTo(new Span<char>(chars, text.Length));
        chars[text.Length] = '\0';
        return chars;
    }
}
