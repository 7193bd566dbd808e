using Microsoft.Extensions.Time.Testing;
using SiebelCti.OpenWire.Commands;

namespace SiebelCti.OpenWire.Tests;

/// <summary>Keep-alive and inactivity logic driven by fake time against a loopback fake broker.</summary>
public sealed class InactivityMonitorTests
{
    [Fact]
    public async Task SilentBroker_ClientSendsKeepAlivesThenFaultsWithTimeout()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var broker = new FakeBroker();
        var serve = broker.ServeAsync(maxInactivityMs: 3000, ct);
        var options = new OpenWireOptions { BrokerUri = broker.Uri, MaxInactivityDuration = TimeSpan.FromSeconds(30) };
        await using var connection = await OpenWireConnection.ConnectAsync(options, null, time, ct);
        var faulted = new TaskCompletionSource<OpenWireException?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.StateChanged += (_, e) =>
        {
            if (e.Current == OpenWireConnectionState.Faulted)
            {
                faulted.TrySetResult(e.Cause);
            }
        };

        // Negotiated: min(30 s ours, 3 s broker) = 3 s; a keep-alive goes out after 1 s of silence.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(20));
        while (!broker.Received.OfType<KeepAliveInfo>().Any())
        {
            time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(10, deadline.Token);
        }

        Assert.Equal(OpenWireConnectionState.Open, connection.State);
        while (!faulted.Task.IsCompleted)
        {
            time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(10, deadline.Token);
        }

        var cause = await faulted.Task;
        Assert.Equal(OpenWireErrorKind.Timeout, cause!.Kind);
    }
}
