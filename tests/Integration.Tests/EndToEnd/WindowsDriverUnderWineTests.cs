using SiebelCti.Integration.Tests.Connector;

namespace SiebelCti.Integration.Tests.EndToEnd;

/// <summary>
/// Issue #16: the Windows DLLs, loaded by the MinGW-built Siebel host under 64-bit Wine, drive the
/// real broker, Connector and Finesse emulator on 127.0.0.1: one agent's sign-in, an inbound call
/// answered, held, retrieved and released through Siebel's work-item export, and sign-out.
/// </summary>
public sealed class WindowsDriverUnderWineTests
{
    [Theory]
    [InlineData("win-x64")]
    [InlineData("win-x64-hosted")]
    public async Task AnAgentsCall_ThroughTheWindowsDriverUnderWine(string build)
    {
        await using var connector = new ConnectorUnderTest();
        await connector.InitializeAsync();
        using var emulator = new EmulatorControl(connector.Emulator);
        await using var host = await WineSiebelHost.StartAsync(connector, build);
        const string a = "A";
        var call = await SiebelEndToEndTests.EstablishedCallAsync(host, emulator, connector, a);
        await SiebelEndToEndTests.HoldRetrieveAsync(host, a, call);

        await host.WorkItemAsync(a, "release", call); // Siebel's ReleaseWorkItem hangs up
        await host.WaitForEventAsync(a, "CallReleased", e => e["DialogId"] == call);
        Assert.Equal(call, (await host.WaitForCallbackAsync(a, "RELEASED")).Fields[0]);
        await host.WaitForToolbarAsync(a, Toolbar.Ready);

        await host.InvokeAsync(a, "ChangeNotReadyState", new Dictionary<string, string> { ["ReasonCode"] = "10" });
        await host.WaitForToolbarAsync(a, Toolbar.NotReady);
        await host.InvokeAsync(a, "LogOut", new Dictionary<string, string> { ["ReasonCode"] = "20" });
        await host.WaitForToolbarAsync(a, Toolbar.LoggedOut);
        host.AssertNoProblems();
    }
}
