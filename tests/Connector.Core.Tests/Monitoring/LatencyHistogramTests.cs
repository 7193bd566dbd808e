using SiebelCti.Connector.Engine.Monitoring;

namespace SiebelCti.Connector.Core.Tests.Monitoring;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void BucketOf_IsMonotonicAndRepresentativeIsClose()
    {
        var previous = -1;
        for (long v = 0; v < 5_000_000; v = v < 100 ? v + 1 : v + (v / 37))
        {
            var bucket = LatencyHistogram.BucketOf(v);
            Assert.True(bucket >= previous, $"bucket of {v} went down");
            Assert.InRange(bucket, 0, LatencyHistogram.BucketCount - 1);
            var representative = LatencyHistogram.RepresentativeOf(bucket);
            Assert.True(Math.Abs(representative - v) <= Math.Max(0.5, v / 32.0), $"{v} -> {representative}");
            previous = bucket;
        }
    }

    [Fact]
    public void BucketOf_Extremes_InRange()
    {
        Assert.Equal(0, LatencyHistogram.BucketOf(-5));
        Assert.Equal(LatencyHistogram.BucketCount - 1, LatencyHistogram.BucketOf(long.MaxValue));
    }

    [Fact]
    public void Percentile_NoValues_Zero()
    {
        Assert.Equal(0, LatencyHistogram.Percentile(new long[LatencyHistogram.BucketCount], 0, 0.5, 0));
    }
}
