namespace SiebelCti.OpenWire.Codec;

/// <summary>
/// The field kinds of an OpenWire structure as one encoding writes them. The marshaller lists each
/// structure's fields once against this interface; the loose encoding (<see cref="WireWriter"/>) and
/// the two passes of the tight encoding (<see cref="TightSizer"/>, <see cref="TightSpanWriter"/>)
/// decide the bytes. Implemented by structs so that the generic marshaller is specialised per encoding.
/// </summary>
internal interface IFieldWriter
{
    /// <summary>A boolean field, and the presence flag of a nullable field.</summary>
    void Bool(bool value);

    void Byte(byte value);

    void Short(short value);

    void Int(int value);

    void Long(long value);

    /// <summary>A nullable string.</summary>
    void String(string? value);

    /// <summary>A nullable byte sequence with a 32-bit length.</summary>
    void Bytes(ReadOnlySpan<byte> value, bool present);

    /// <summary>A byte sequence of fixed length (the WireFormatInfo magic).</summary>
    void Raw(ReadOnlySpan<byte> value);

    /// <summary>
    /// The "cached marshalled form" flag a nested message or WireFormatInfo carries in the tight
    /// encoding (always false: we keep no marshalled form); nothing in the loose encoding.
    /// </summary>
    void MarshallAware();
}

/// <summary>The reading counterpart of <see cref="IFieldWriter"/>; every read is bounds-checked.</summary>
internal interface IFieldReader
{
    bool Bool();

    byte Byte();

    short Short();

    int Int();

    long Long();

    string? String();

    byte[]? Bytes();

    ReadOnlySpan<byte> Raw(int count);

    int Remaining { get; }

    /// <summary>
    /// Reads the tight encoding's "cached marshalled form" flag of a nested message or WireFormatInfo
    /// (loose: none, false).
    /// </summary>
    bool MarshallAware();
}
