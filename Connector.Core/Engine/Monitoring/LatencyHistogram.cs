using System.Numerics;

namespace SiebelCti.Connector.Engine.Monitoring;

/// <summary>
/// Bucket layout of the latency histograms (log-linear, in microseconds): values below 16 µs get a
/// bucket each; every power of two above is split into 16 equal buckets, so a bucket is at most
/// 1/16 of its value wide and its midpoint is within about 3% of any value in it. Values of about
/// 71 minutes and more share the last bucket. Pure arithmetic; no state.
/// </summary>
internal static class LatencyHistogram
{
    private const int SubBucketBits = 4;
    private const int SubBuckets = 1 << SubBucketBits;
    private const int MaxExponent = 31;

    /// <summary>Number of buckets.</summary>
    public const int BucketCount = SubBuckets + ((MaxExponent - SubBucketBits + 1) * SubBuckets);

    /// <summary>The bucket of <paramref name="microseconds"/> (negative values count as 0).</summary>
    public static int BucketOf(long microseconds)
    {
        if (microseconds < SubBuckets)
        {
            return (int)Math.Max(0, microseconds);
        }

        var exponent = 63 - BitOperations.LeadingZeroCount((ulong)microseconds);
        if (exponent > MaxExponent)
        {
            return BucketCount - 1;
        }

        var shift = exponent - SubBucketBits;
        var sub = (int)(microseconds >> shift) - SubBuckets;
        return SubBuckets + (shift * SubBuckets) + sub;
    }

    /// <summary>The value (µs) that stands for every value in <paramref name="bucket"/>: its midpoint.</summary>
    public static double RepresentativeOf(int bucket)
    {
        if (bucket < SubBuckets)
        {
            return bucket;
        }

        var shift = (bucket - SubBuckets) / SubBuckets;
        var sub = (bucket - SubBuckets) % SubBuckets;
        var low = (long)(SubBuckets + sub) << shift;
        var width = 1L << shift;
        return low + ((width - 1) / 2.0);
    }

    /// <summary>
    /// The nearest-rank <paramref name="percentile"/> (0..1] of the counts, as a representative value
    /// in µs, never above <paramref name="maxMicroseconds"/>. 0 when there are no values.
    /// </summary>
    public static double Percentile(ReadOnlySpan<long> counts, long total, double percentile, long maxMicroseconds)
    {
        if (total <= 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percentile * total));
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return Math.Min(RepresentativeOf(i), maxMicroseconds);
            }
        }

        return maxMicroseconds;
    }
}
