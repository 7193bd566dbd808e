namespace SiebelCti.Driver.Native;

/// <summary>
/// Opaque handles for Siebel: never a pointer, always <c>kind | generation | slot</c>, so that a
/// null, foreign, stale or twice-released handle is recognised and refused. Thread-safe.
/// </summary>
/// <remarks>
/// A handle is a pointer-sized integer, so its layout follows the process: on 64 bits (win-x64,
/// linux-x64) bits 0-23 hold slot + 1, bits 24-47 the generation (bumped on every release), bits
/// 48-55 the table's kind tag; on 32 bits (win-x86, whose managed code runs in a 32-bit runtime)
/// bits 0-12 slot + 1 (8,191 handles per table), bits 13-23 the generation, bits 24-30 the kind
/// (7 bits), so that every handle stays positive. A handle is valid only while its slot holds the
/// same generation; a generation wraps after 2^24 (64-bit) or 2^11 (32-bit) releases of its slot.
/// </remarks>
internal sealed class HandleTable<T> where T : class
{
    private readonly Lock _lock = new();
    private readonly List<(T? Value, long Generation)> _slots = [];
    private readonly Stack<int> _free = new();
    private readonly long _kind;
    private readonly int _slotBits;
    private readonly int _kindShift;
    private readonly long _slotMask;
    private readonly long _generationMask;

    /// <summary>A table for this process's handle size.</summary>
    public HandleTable(byte kind)
        : this(kind, IntPtr.Size * 8)
    {
    }

    /// <summary>A table laid out for <paramref name="handleBits"/>-bit handles (32 or 64; tests use 32 on a 64-bit host).</summary>
    internal HandleTable(byte kind, int handleBits)
    {
        (_slotBits, var generationBits, _kindShift) = handleBits switch
        {
            64 => (24, 24, 48),
            32 => (13, 11, 24),
            _ => throw new ArgumentOutOfRangeException(nameof(handleBits), handleBits, "handles are 32 or 64 bits"),
        };
        if (kind == 0 || (handleBits == 32 && kind > 0x7F))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "a kind tag is 1-255 (1-127 for 32-bit handles)");
        }

        _kind = kind;
        _slotMask = (1L << _slotBits) - 1;
        _generationMask = (1L << generationBits) - 1;
    }

    public int Count { get; private set; }

    public nint Add(T value)
    {
        lock (_lock)
        {
            int slot;
            if (_free.Count > 0)
            {
                slot = _free.Pop();
            }
            else
            {
                if (_slots.Count >= _slotMask)
                {
                    throw new InvalidOperationException("the handle table is full");
                }
                slot = _slots.Count;
                _slots.Add((null, 1));
            }
            var generation = _slots[slot].Generation;
            _slots[slot] = (value, generation);
            Count++;
            return (nint)((_kind << _kindShift) | (generation << _slotBits) | (slot + 1L));
        }
    }

    public bool TryGet(nint handle, out T value)
    {
        lock (_lock)
        {
            var slot = Find(handle);
            value = slot < 0 ? null! : _slots[slot].Value!;
            return slot >= 0;
        }
    }

    public bool TryRemove(nint handle, out T value)
    {
        lock (_lock)
        {
            var slot = Find(handle);
            if (slot < 0)
            {
                value = null!;
                return false;
            }
            value = _slots[slot].Value!;
            var next = (_slots[slot].Generation + 1) & _generationMask;
            _slots[slot] = (null, next == 0 ? 1 : next);
            _free.Push(slot);
            Count--;
            return true;
        }
    }

    /// <summary>Removes (invalidates) every handle whose value matches; returns the values removed.</summary>
    public List<T> RemoveWhere(Func<T, bool> match)
    {
        lock (_lock)
        {
            var removed = new List<T>();
            for (var slot = 0; slot < _slots.Count; slot++)
            {
                var (value, generation) = _slots[slot];
                if (value is not null && match(value))
                {
                    removed.Add(value);
                    var next = (generation + 1) & _generationMask;
                    _slots[slot] = (null, next == 0 ? 1 : next);
                    _free.Push(slot);
                    Count--;
                }
            }
            return removed;
        }
    }

    public List<T> Snapshot()
    {
        lock (_lock)
        {
            return [.. _slots.Where(s => s.Value is not null).Select(s => s.Value!)];
        }
    }

    private int Find(nint handle)
    {
        var raw = (long)handle;
        if (raw <= 0 || (raw >> _kindShift) != _kind)
        {
            return -1;
        }
        var slot = (int)((raw & _slotMask) - 1);
        var generation = (raw >> _slotBits) & _generationMask;
        return slot >= 0 && slot < _slots.Count && _slots[slot].Value is not null && _slots[slot].Generation == generation ? slot : -1;
    }
}
