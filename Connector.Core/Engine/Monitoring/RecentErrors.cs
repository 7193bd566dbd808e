namespace SiebelCti.Connector.Engine.Monitoring;

/// <summary>
/// The last <see cref="Capacity"/> errors, in a fixed ring: adding never allocates beyond the record
/// itself and never grows. Messages are redacted on the way in (<see cref="SecretRedactor"/>).
/// Thread-safe.
/// </summary>
public sealed class RecentErrors
{
    /// <summary>Default number of errors kept.</summary>
    public const int DefaultCapacity = 100;

    private readonly ErrorRecord?[] _ring;
    private readonly Lock _lock = new();
    private int _next;
    private int _count;
    private long _total;

    /// <summary>Keeps the last <paramref name="capacity"/> errors.</summary>
    public RecentErrors(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new ErrorRecord?[capacity];
    }

    /// <summary>How many errors are kept at most.</summary>
    public int Capacity => _ring.Length;

    /// <summary>How many errors were added since start (including those no longer kept).</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Adds an error; the oldest one drops out when the ring is full.</summary>
    public void Add(DateTimeOffset time, string code, string? message, string? agentId = null, string? dialogId = null)
    {
        var record = new ErrorRecord(
            time,
            string.IsNullOrEmpty(code) ? "UNKNOWN" : code,
            SecretRedactor.RedactMessage(message),
            agentId,
            dialogId);
        lock (_lock)
        {
            _ring[_next] = record;
            _next = (_next + 1) % _ring.Length;
            _count = Math.Min(_count + 1, _ring.Length);
            _total++;
        }
    }

    /// <summary>The kept errors, newest first.</summary>
    public IReadOnlyList<ErrorRecord> Snapshot()
    {
        lock (_lock)
        {
            var result = new ErrorRecord[_count];
            for (var i = 0; i < _count; i++)
            {
                var index = (_next - 1 - i + _ring.Length) % _ring.Length;
                result[i] = _ring[index]!;
            }

            return result;
        }
    }
}
