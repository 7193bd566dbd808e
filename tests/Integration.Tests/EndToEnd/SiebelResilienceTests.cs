using System.Diagnostics;
using SiebelCti.Integration.Tests.Connector;
using SiebelCti.Integration.Tests.OpenWire;

namespace SiebelCti.Integration.Tests.EndToEnd;

/// <summary>
/// The C Siebel host on an established call while the shared ActiveMQ broker restarts (both the
/// driver's link and the Connector's channel reconnect over their failover URIs): the agent keeps
/// the right toolbar and state, and the call stays controllable. Runs alone (it stops the broker).
/// </summary>
[Collection(BrokerRestartCollection.Name)]
public sealed class SiebelBrokerRestartTests
{
    private static async Task ActiveMqAsync(string verb)
    {
        var root = Environment.GetEnvironmentVariable("SIEBELCTI_ROOT")
            ?? throw new InvalidOperationException("SIEBELCTI_ROOT is not set: run through 'bash scripts/test.sh'.");
        using var process = Process.Start(new ProcessStartInfo("bash", ["scripts/activemq.sh", verb]) { WorkingDirectory = root })!;
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public async Task BrokerRestart_DuringAnEstablishedCall_ToolbarStateAndCallControlSurvive()
    {
        await using var connector = new ConnectorUnderTest();
        await connector.InitializeAsync();
        using var emulator = new EmulatorControl(connector.Emulator);
        await using var host = await SiebelHost.StartAsync(connector);
        const string a = "A";
        var call = await SiebelEndToEndTests.EstablishedCallAsync(host, emulator, connector, a);

        host.Mark(a);
        try
        {
            await ActiveMqAsync("stop");
            await host.WaitForEventAsync(a, "ConnectorStatus", e => e["Status"] == "BROKER_DOWN");
        }
        finally
        {
            await ActiveMqAsync("start");
        }

        await host.WaitForEventAsync(a, "ConnectorStatus", e => e["Status"] == "BROKER_UP");
        await host.WaitForEventAsync(a, "ConnectorStatus", e => e["Status"] == "IN_SERVICE");
        await StillControllableAsync(host, a, call);
        host.AssertNoProblems();
    }

    /// <summary>
    /// After the outage: the toolbar still shows the call, the Connector's full state (ResetState)
    /// says TALKING, and hold, retrieve and release of the call work.
    /// </summary>
    internal static async Task StillControllableAsync(SiebelHost host, string svc, string call)
    {
        await host.WaitForToolbarAsync(svc, Toolbar.Active);
        await host.InvokeAsync(svc, "ResetState");
        await host.WaitForEventAsync(svc, "AgentStateChanged", e => e["AgentState"] == "TALKING");
        await host.WaitForToolbarAsync(svc, Toolbar.Active);
        await SiebelEndToEndTests.HoldRetrieveAsync(host, svc, call);
        await host.InvokeAsync(svc, "ReleaseCall");
        await host.WaitForEventAsync(svc, "CallReleased", e => e["DialogId"] == call);
        await host.WaitForCallbackAsync(svc, "RELEASED", l => l.Fields[0] == call);
        await host.WaitForToolbarAsync(svc, Toolbar.Ready);
    }
}

/// <summary>
/// The C Siebel host on an established call while Finesse fails over from side A to side B: the
/// Connector moves to side B, the agent keeps the right toolbar and state, and the call stays
/// controllable through side B.
/// </summary>
public sealed class SiebelFinesseFailoverTests
{
    [Fact]
    public async Task FinesseFailover_DuringAnEstablishedCall_ToolbarStateAndCallControlSurvive()
    {
        await using var connector = new ConnectorUnderTest { WithSideB = true };
        await connector.InitializeAsync();
        using var emulator = new EmulatorControl(connector.Emulator);
        await using var host = await SiebelHost.StartAsync(connector);
        const string a = "A";
        var call = await SiebelEndToEndTests.EstablishedCallAsync(host, emulator, connector, a);

        host.Mark(a);
        await emulator.PostAsync("/emulator/failover");
        await host.WaitForEventAsync(a, "ConnectorStatus", e => e["Status"] == "IN_SERVICE" && e["ActiveSide"] == "B");
        await SiebelBrokerRestartTests.StillControllableAsync(host, a, call);
        await host.InvokeAsync(a, "ChangeNotReadyState", new Dictionary<string, string> { ["ReasonCode"] = "10" });
        await host.WaitForToolbarAsync(a, Toolbar.NotReady);
        await host.InvokeAsync(a, "LogOut", new Dictionary<string, string> { ["ReasonCode"] = "20" });
        await host.WaitForToolbarAsync(a, Toolbar.LoggedOut);
        host.AssertNoProblems();
    }
}
