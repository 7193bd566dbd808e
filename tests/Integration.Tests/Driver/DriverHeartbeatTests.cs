using Microsoft.Extensions.Logging.Abstractions;
using SiebelCti.Connector.Engine;
using SiebelCti.Connector.Contract;
using SiebelCti.Driver;
using SiebelCti.Driver.Configuration;
using SiebelCti.Driver.Connector;
using SiebelCti.Driver.Services;
using SiebelCti.Integration.Tests.Connector;
using SiebelCti.Interop;

namespace SiebelCti.Integration.Tests.Driver;

/// <summary>
/// The heartbeat tests run alone: a second Finesse emulator publishing to the shared prosody at the
/// same time as another fixture's (e.g. ConnectorEndToEndTests') makes the two disturb each other.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DriverHeartbeatCollection
{
    public const string Name = "Driver heartbeat against the real Connector";
}

/// <summary>A Connector (real engine, broker, emulator, prosody) that declares a client dead after 12 s of silence.</summary>
public sealed class ShortClientTimeoutConnector : IAsyncLifetime
{
    public static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(12);

    public ConnectorUnderTest Connector { get; } = new()
    {
        EngineOptions = new EngineOptions
        {
            RequestTimeout = TimeSpan.FromSeconds(10),
            ClientTimeout = ClientTimeout,
            HousekeepingInterval = TimeSpan.FromMilliseconds(250),
        },
    };

    public ValueTask InitializeAsync() => Connector.InitializeAsync();

    public ValueTask DisposeAsync() => Connector.DisposeAsync();
}

/// <summary>
/// The driver's heartbeats against the real Connector: an idle driver stays attached past the
/// Connector's client timeout, and a driver the Connector declared dead restores its agent after
/// <c>CLIENT_UNKNOWN</c> (Hello, Connect, Login). Waits for conditions, never for fixed times.
/// </summary>
[Collection(DriverHeartbeatCollection.Name)]
public sealed class DriverHeartbeatTests(ShortClientTimeoutConnector fixture) : IClassFixture<ShortClientTimeoutConnector>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly ConnectorUnderTest _connector = fixture.Connector;

    private static async Task Until(Func<bool> condition, Func<string> what)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Wait);
        try
        {
            while (!condition())
            {
                await Task.Delay(20, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"not within {Wait.TotalSeconds} s: {what()}");
        }
    }

    private int AgentsOf(string clientId) => _connector.Engine.GetSnapshot().Clients.FirstOrDefault(c => c.ClientId == clientId)?.AgentCount ?? -1;

    private (DriverInstance Driver, AgentService Service, EventsClient Client) StartDriver(string clientId, int heartbeatSeconds)
    {
        var problems = new List<string>();
        var options = DriverOptions.TryCreate(
            [new("BrokerUri", ConnectorUnderTest.BrokerUri), new("BrokerUser", TestServices.TestUser.Name), new("BrokerPassword", TestServices.TestUser.Password),
             new("ClientId", clientId), new("RequestQueue", _connector.RequestQueue),
             new("RequestTimeout", "30"), new("HeartbeatInterval", heartbeatSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            "unused", _ => null, problems, []);
        Assert.Empty(problems);
        var driver = new DriverInstance(options!, "Voice", new OpenWireLink(options!, NullLoggerFactory.Instance, TimeProvider.System), TimeProvider.System, NullLoggerFactory.Instance);
        driver.Start();
        var client = new EventsClient();
        return (driver, driver.CreateService(client, null, null), client);
    }

    private static async Task SignIn(AgentService service, EventsClient client, string agentId, string password, string extension)
    {
        await Until(() => client.Calls.Contains("HandleEvent ConnectorStatus IN_SERVICE"), () => "the Connector in service");
        Assert.Equal(ScErrorCode.SC_EC_OK, service.InvokeCommand("t-login", "LogIn", null,
            [new("AgentId", agentId), new("AgentPin", password), new("Extension", extension)]));
        await Until(() => service.View.AgentState == "NOT_READY" && service.PendingCount == 0, () => $"the agent signed in; the client saw: {string.Join(" | ", client.Calls)}");
    }

    private static async Task Ready(AgentService service, EventsClient client)
    {
        Assert.Equal(ScErrorCode.SC_EC_OK, service.InvokeCommand("t-ready", "ChangeReadyState", null, []));
        await Until(() => service.View.AgentState == "READY" || client.Calls.Any(c => c.StartsWith("HandleError t-ready", StringComparison.Ordinal)),
            () => "the Ready answer");
        Assert.DoesNotContain(client.Calls, c => c.StartsWith("HandleError", StringComparison.Ordinal));
        Assert.Equal("READY", service.View.AgentState);
    }

    [Fact]
    public async Task An_idle_driver_stays_attached_past_the_connectors_client_timeout()
    {
        var clientId = "drv-hb-" + Guid.NewGuid().ToString("N")[..8];
        var (driver, service, client) = StartDriver(clientId, heartbeatSeconds: 2);
        try
        {
            await SignIn(service, client, _connector.AgentA, "pw, with # and | ü", "3101");

            // A silent client that joins now is declared dead one client timeout later: that proves
            // the timeout has passed since the driver's last command too.
            await using var silent = await _connector.ClientAsync("silent");
            await silent.SendAsync(new Hello("test", "it-host"));
            await Until(() => AgentsOf(silent.ClientId) == 0, () => "the silent client known to the Connector");
            await Until(() => AgentsOf(silent.ClientId) == -1, () => "the silent client declared dead");

            Assert.Equal(1, AgentsOf(clientId));
            await Ready(service, client);
        }
        finally
        {
            driver.Release();
        }
    }

    [Fact]
    public async Task A_driver_the_connector_declared_dead_restores_its_agent_on_CLIENT_UNKNOWN()
    {
        var clientId = "drv-lost-" + Guid.NewGuid().ToString("N")[..8];
        // Heartbeats less often than the Connector's client timeout: it declares the driver dead in between.
        var (driver, service, client) = StartDriver(clientId, heartbeatSeconds: (int)ShortClientTimeoutConnector.ClientTimeout.TotalSeconds + 4);
        try
        {
            await SignIn(service, client, _connector.AgentB, "pw-b", "3102");
            await Until(() => AgentsOf(clientId) == 1, () => "the driver's agent attached");

            await Until(() => AgentsOf(clientId) == -1, () => "the driver declared dead");
            // The next heartbeat gets CLIENT_UNKNOWN; the driver says Hello, Connect and Login again.
            await Until(() => AgentsOf(clientId) == 1, () => "the driver's agent attached again");
            Assert.Equal("NOT_READY", service.View.AgentState);
            await Ready(service, client);
        }
        finally
        {
            driver.Release();
        }
    }
}
