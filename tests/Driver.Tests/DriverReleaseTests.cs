using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using SiebelCti.Driver.Configuration;
using SiebelCti.Driver.Services;

namespace SiebelCti.Driver.Tests;

/// <summary>How long <c>ReleaseISCDriverInstance</c> may keep Siebel's thread when Siebel's own callbacks block.</summary>
public sealed class DriverReleaseTests
{
    /// <summary>Fake time that says when a timer was created (the release's one wait for callbacks).</summary>
    private sealed class SignallingTime(DateTimeOffset start) : FakeTimeProvider(start)
    {
        public ManualResetEventSlim TimerCreated { get; } = new(false);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            TimerCreated.Set();
            return timer;
        }
    }

    [Fact]
    public async Task Releasing_a_driver_waits_once_for_all_blocked_callbacks_not_once_per_service()
    {
        // Before: each service was released in turn with its own 10 s wait, so a driver with 200 agents whose
        // Siebel callbacks blocked kept Siebel's thread for over half an hour.
        var logs = new FakeLogCollector();
        using var loggers = new LoggerFactory([new FakeLoggerProvider(logs)]);
        var problems = new List<string>();
        var options = DriverOptions.TryCreate([new("BrokerUri", "tcp://127.0.0.1:1")], "drv-release", _ => null, problems, []);
        Assert.Empty(problems);
        var time = new SignallingTime(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        var link = new FakeLink();
        var driver = new DriverInstance(options!, "Voice", link, time, loggers);
        driver.Start();
        link.Up();
        using var gate = new ManualResetEventSlim(false);
        var clients = Enumerable.Range(0, 5).Select(_ => new RecordingClient { HandleEventGate = gate }).ToList();
        var services = clients.Select((c, i) => driver.CreateService(c, $"a{i}", $"100{i}")).ToList();
        Wait.Until(() => clients.All(c => c.BlockedInHandleEvent == 1)); // each is inside Siebel's HandleEvent("ConnectorStatus")

        time.TimerCreated.Reset();
        var release = Task.Run(driver.Release, TestContext.Current.CancellationToken);
        Wait.Until(() => time.TimerCreated.IsSet);
        time.Advance(AgentService.ReleaseWait);

        await release.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken); // throws if it still waits after one ReleaseWait
        Assert.Contains(logs.GetSnapshot(), r => r.Message.Contains("5 callback loop(s) did not stop", StringComparison.Ordinal));
        gate.Set();
        await Task.WhenAll(services.Select(s => s.Completion)).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }
}
