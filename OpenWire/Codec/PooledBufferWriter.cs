using System.Buffers;

namespace SiebelCti.OpenWire.Codec;

/// <summary>
/// A growable <see cref="IBufferWriter{T}"/> over arrays rented from <see cref="ArrayPool{T}.Shared"/>.
/// Reused across frames (<see cref="Reset"/> keeps the array), so a steady stream of frames of
/// similar size allocates nothing. Not thread-safe: its owner serializes access.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer;
    private int _written;

    public PooledBufferWriter(int initialCapacity = 4096)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 256));
    }

    public int WrittenCount => _written;

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    /// <summary>The written bytes, writable in place (a frame's size prefix is patched here).</summary>
    public Span<byte> WrittenSpanForUpdate => _buffer.AsSpan(0, _written);

    public int Capacity => _buffer.Length;

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_written + count > _buffer.Length)
        {
            throw new InvalidOperationException("advanced past the end of the buffer");
        }

        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>Forgets everything written after <paramref name="length"/> bytes (undo of a failed frame).</summary>
    public void Truncate(int length) => _written = Math.Clamp(length, 0, _written);

    /// <summary>Empties the writer; a buffer that grew beyond <paramref name="keepCapacity"/> goes back to the pool.</summary>
    public void Reset(int keepCapacity = 1 << 20)
    {
        _written = 0;
        if (_buffer.Length > keepCapacity)
        {
            var large = _buffer;
            _buffer = ArrayPool<byte>.Shared.Rent(4096);
            ArrayPool<byte>.Shared.Return(large);
        }
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        _written = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Ensure(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length)
        {
            return;
        }

        var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max((long)needed, (long)_buffer.Length * 2)));
        _buffer.AsSpan(0, _written).CopyTo(grown);
        var old = _buffer;
        _buffer = grown;
        if (old.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(old);
        }
    }
}
