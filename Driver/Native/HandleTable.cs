namespace SiebelCti.Driver.Native;

/// <summary>
/// Opaque handles for Siebel: never a pointer, always <c>kind | generation | slot</c>, so that a
/// null, foreign, stale or twice-released handle is recognised and refused. Thread-safe.
/// </summary>
/// <remarks>
/// Layout of the 64-bit value: bits 0-23 slot + 1, bits 24-47 generation (bumped on every release),
/// bits 48-55 the table's kind tag. A handle is valid only while its slot holds the same generation.
/// </remarks>
internal sealed class HandleTable<T>(byte kind) where T : class
{
    private const int SlotBits = 24;
    private const long SlotMask = (1L << SlotBits) - 1;
    private const long GenerationMask = (1L << 24) - 1;

    private readonly Lock _lock = new();
    private readonly List<(T? Value, long Generation)> _slots = [];
    private readonly Stack<int> _free = new();

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
                if (_slots.Count >= SlotMask - 1)
                {
                    throw new InvalidOperationException("the handle table is full");
                }
                slot = _slots.Count;
                _slots.Add((null, 1));
            }
            var generation = _slots[slot].Generation;
            _slots[slot] = (value, generation);
            Count++;
            return (nint)(((long)kind << 48) | (generation << SlotBits) | (slot + 1L));
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
            var next = (_slots[slot].Generation + 1) & GenerationMask;
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
                    var next = (generation + 1) & GenerationMask;
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
        if (raw <= 0 || (raw >> 48) != kind)
        {
            return -1;
        }
        var slot = (int)((raw & SlotMask) - 1);
        var generation = (raw >> SlotBits) & GenerationMask;
        return slot >= 0 && slot < _slots.Count && _slots[slot].Value is not null && _slots[slot].Generation == generation ? slot : -1;
    }
}
