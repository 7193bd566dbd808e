using Microsoft.Extensions.Time.Testing;
using SiebelCti.Connector.Engine.Monitoring;
using SiebelCti.Connector.Contract;

namespace SiebelCti.Connector.Core.Tests.Monitoring;

public sealed class InMemoryConnectorMonitorSourceTests
{
    [Fact]
    public void EmptySnapshot_OutOfServiceAndBrokerUriWithoutCredentials()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
        var snapshot = InMemoryConnectorMonitorSource.EmptySnapshot(clock, "1.0.0", "starting", "tcp://u:pw@amq:61616", []);

        Assert.Equal(SystemStatus.OutOfService, snapshot.Status.Status);
        Assert.Equal("starting", snapshot.Status.Reason);
        Assert.Equal("tcp://amq:61616", snapshot.Broker.Uri);
        Assert.Equal(0, snapshot.UptimeSeconds);
    }

    [Fact]
    public async Task Update_Concurrent_NoChangeLost()
    {
        var clock = new FakeTimeProvider();
        var source = new InMemoryConnectorMonitorSource(InMemoryConnectorMonitorSource.EmptySnapshot(clock, "1", "x", "tcp://a:1", []));
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                source.Update(s => s with { Broker = s.Broker with { ReconnectCount = s.Broker.ReconnectCount + 1 } });
            }
        }, TestContext.Current.CancellationToken)).ToArray();
        await Task.WhenAll(workers);

        Assert.Equal(4000, source.GetSnapshot().Broker.ReconnectCount);
    }

    [Fact]
    public void WithMetrics_CopiesMetricParts()
    {
        var clock = new FakeTimeProvider();
        var metrics = new ConnectorMetrics(clock);
        metrics.RecordRequest("Hello");
        metrics.RecordResponse("Hello", TimeSpan.FromMilliseconds(3));
        metrics.RecordError("SERVICE_UNREACHABLE", "Finesse side A did not answer");

        var snapshot = InMemoryConnectorMonitorSource.EmptySnapshot(clock, "1", "x", "tcp://a:1", []).WithMetrics(metrics.GetSnapshot());

        Assert.Equal("Hello", Assert.Single(snapshot.RequestsByType).Key);
        Assert.Equal(1, snapshot.Latency.Count);
        Assert.Equal("SERVICE_UNREACHABLE", Assert.Single(snapshot.RecentErrors).Code);
    }

    [Fact]
    public void FinesseSide_Usable_OnlyWhenAllThreeChecksPass()
    {
        Assert.True(new FinesseSideInfo("A", "https://a", SystemStatus.InService, true, true, null, null).Usable);
        Assert.False(new FinesseSideInfo("A", "https://a", SystemStatus.InService, false, true, null, null).Usable);
        Assert.False(new FinesseSideInfo("A", "https://a", SystemStatus.InService, true, false, null, null).Usable);
        Assert.False(new FinesseSideInfo("A", "https://a", "OUT_OF_SERVICE", true, true, null, null).Usable);
    }
}
