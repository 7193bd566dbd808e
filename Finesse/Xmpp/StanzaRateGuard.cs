namespace SiebelCti.Finesse.Xmpp;

/// <summary>
/// Token bucket for incoming stanzas: up to <c>perSecond</c> stanzas per second with a burst of
/// the same size. When the bucket is empty it answers how long to wait; the read loop waits, which
/// slows the socket down (back-pressure) instead of dropping anything. Time comes from a
/// <see cref="TimeProvider"/>. Used by one loop only.
/// </summary>
internal sealed class StanzaRateGuard
{
    private readonly int _perSecond;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _last;

    public StanzaRateGuard(int perSecond, TimeProvider time)
    {
        _perSecond = perSecond;
        _time = time;
        _tokens = perSecond;
        _last = time.GetTimestamp();
    }

    /// <summary>Takes one token; returns zero, or how long the caller must wait before using it.</summary>
    public TimeSpan Take()
    {
        if (_perSecond <= 0)
        {
            return TimeSpan.Zero;
        }

        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_last, now).TotalSeconds;
        _last = now;
        _tokens = Math.Min(_perSecond, _tokens + (elapsed * _perSecond));
        _tokens -= 1;
        return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _perSecond);
    }
}
