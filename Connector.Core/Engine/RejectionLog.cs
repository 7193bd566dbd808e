namespace SiebelCti.Connector.Engine;

/// <summary>
/// Keeps warnings about rejected or failed requests from flooding the log: in each interval the
/// first <see cref="LinesPerInterval"/> of each code are written in full, the rest only counted, and
/// when the interval ends one summary line says how many of each code were not written. Owned by the
/// engine loop (not thread-safe); the clock is the engine's.
/// </summary>
internal sealed class RejectionLog(TimeSpan interval, int linesPerInterval = RejectionLog.DefaultLinesPerInterval)
{
    public const int DefaultLinesPerInterval = 10;

    // Codes come from our own constants, but a bound keeps memory flat whatever happens.
    private const int MaxCodes = 64;

    private readonly Dictionary<string, Counter> _counts = new(StringComparer.Ordinal);
    private DateTimeOffset _intervalStart = DateTimeOffset.MinValue;

    public int LinesPerInterval { get; } = linesPerInterval;

    /// <summary>Counts one rejection of <paramref name="code"/>; true when it should be written in full.</summary>
    public bool ShouldWrite(string code, DateTimeOffset now)
    {
        if (_intervalStart == DateTimeOffset.MinValue)
        {
            _intervalStart = now;
        }

        if (!_counts.TryGetValue(code, out var counter))
        {
            if (_counts.Count >= MaxCodes)
            {
                code = "(other)";
                if (!_counts.TryGetValue(code, out counter))
                {
                    _counts[code] = counter = new Counter();
                }
            }
            else
            {
                _counts[code] = counter = new Counter();
            }
        }

        counter.Seen++;
        if (counter.Seen <= LinesPerInterval)
        {
            return true;
        }

        counter.Suppressed++;
        return false;
    }

    /// <summary>
    /// When the interval has ended: the codes whose lines were not written, with their counts (empty
    /// when nothing was suppressed), and a new interval starts.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, long>> TakeSummary(DateTimeOffset now)
    {
        if (_intervalStart == DateTimeOffset.MinValue || now - _intervalStart < interval)
        {
            return [];
        }

        var suppressed = _counts.Where(c => c.Value.Suppressed > 0)
            .Select(c => KeyValuePair.Create(c.Key, c.Value.Suppressed))
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
        _counts.Clear();
        _intervalStart = now;
        return suppressed;
    }

    private sealed class Counter
    {
        public long Seen;
        public long Suppressed;
    }
}
