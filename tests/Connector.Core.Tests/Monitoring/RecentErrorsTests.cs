using SiebelCti.Connector.Engine.Monitoring;

namespace SiebelCti.Connector.Core.Tests.Monitoring;

public sealed class RecentErrorsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Snapshot_FewerThanCapacity_NewestFirst()
    {
        var errors = new RecentErrors(5);
        errors.Add(T0, "A", "first", "1001");
        errors.Add(T0.AddSeconds(1), "B", "second", null, "dlg");

        var list = errors.Snapshot();
        Assert.Equal(["B", "A"], list.Select(e => e.Code));
        Assert.Equal("1001", list[1].AgentId);
        Assert.Equal("dlg", list[0].DialogId);
    }

    [Fact]
    public void Add_BeyondCapacity_KeepsOnlyTheLastN()
    {
        var errors = new RecentErrors(3);
        for (var i = 0; i < 10; i++)
        {
            errors.Add(T0.AddSeconds(i), "E" + i, "m" + i);
        }

        Assert.Equal(["E9", "E8", "E7"], errors.Snapshot().Select(e => e.Code));
        Assert.Equal(10, errors.Total);
        Assert.Equal(3, errors.Capacity);
    }

    [Fact]
    public void Add_EmptyCodeAndNullMessage_StoredSafely()
    {
        var errors = new RecentErrors(2);
        errors.Add(T0, "", null);

        var error = Assert.Single(errors.Snapshot());
        Assert.Equal("UNKNOWN", error.Code);
        Assert.Equal("", error.Message);
    }

    [Fact]
    public void Add_SecretsInMessage_Redacted()
    {
        var errors = new RecentErrors();
        errors.Add(T0, "LOGIN_FAILED", "Login {\"agentId\":\"1001\",\"password\":\"p@ss w0rd\"} rejected; Authorization: Basic MTAwMTpzZWNyZXQ=");

        var message = errors.Snapshot()[0].Message;
        Assert.DoesNotContain("p@ss w0rd", message, StringComparison.Ordinal);
        Assert.DoesNotContain("MTAwMTpzZWNyZXQ=", message, StringComparison.Ordinal);
        Assert.Contains("1001", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ZeroCapacity_Rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecentErrors(0));
    }

    [Fact]
    public async Task Add_FromManyThreads_BoundedAndCounted()
    {
        var errors = new RecentErrors(16);
        var workers = Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 5000; i++)
            {
                errors.Add(T0, "T" + t, "m");
                if (i % 500 == 0)
                {
                    Assert.True(errors.Snapshot().Count <= 16);
                }
            }
        }, TestContext.Current.CancellationToken)).ToArray();
        await Task.WhenAll(workers);

        Assert.Equal(20_000, errors.Total);
        Assert.Equal(16, errors.Snapshot().Count);
        Assert.All(errors.Snapshot(), e => Assert.NotNull(e));
    }
}
