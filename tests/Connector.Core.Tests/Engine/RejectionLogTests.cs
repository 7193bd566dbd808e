using SiebelCti.Connector.Engine;

namespace SiebelCti.Connector.Core.Tests.Engine;

public sealed class RejectionLogTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_code_writes_its_first_lines_then_counts_and_the_interval_ends_with_a_summary()
    {
        var log = new RejectionLog(TimeSpan.FromSeconds(10), linesPerInterval: 3);

        var written = Enumerable.Range(0, 10).Count(_ => log.ShouldWrite("A", T0));
        var writtenB = Enumerable.Range(0, 2).Count(_ => log.ShouldWrite("B", T0.AddSeconds(1)));
        var early = log.TakeSummary(T0.AddSeconds(9));
        var summary = log.TakeSummary(T0.AddSeconds(10));
        var fresh = log.ShouldWrite("A", T0.AddSeconds(11));

        Assert.Equal(3, written);
        Assert.Equal(2, writtenB);
        Assert.Empty(early);
        Assert.Equal([KeyValuePair.Create("A", 7L)], summary);
        Assert.True(fresh);
    }

    [Fact]
    public void Memory_stays_flat_whatever_the_codes()
    {
        var log = new RejectionLog(TimeSpan.FromSeconds(10), linesPerInterval: 1);
        for (var i = 0; i < 10_000; i++)
        {
            log.ShouldWrite("CODE_" + i, T0);
        }

        var summary = log.TakeSummary(T0.AddSeconds(10));

        Assert.True(summary.Count <= 65);
    }
}
