using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SiebelCti.Connector.Engine.Monitoring;
using SiebelCti.Connector.Contract;
using SiebelCti.Connector.Service.Monitor;

namespace SiebelCti.Connector.Service.Tests;

/// <summary>
/// The connector service started in-process on 127.0.0.1 with an ephemeral port and an in-memory
/// monitor source whose snapshot deliberately contains secrets (which must never come out).
/// </summary>
internal sealed class TestService : IAsyncDisposable
{
    public const string MonitorUser = "operator";
    public const string MonitorPassword = "Monitor-Pass-9876";
    public const string BrokerPassword = "Broker-Secret-4321";
    public const string AgentPassword = "Agent-Pin-5555";

    // 100,000 iterations (the minimum accepted) keep each login check fast in tests.
    public static readonly string MonitorPasswordHash = MonitorPasswordHasher.Hash(MonitorPassword, MonitorPasswordHasher.MinimumIterations);

    private readonly IHost _host;

    private TestService(IHost host, InMemoryConnectorMonitorSource source, Uri baseAddress)
    {
        _host = host;
        Source = source;
        BaseAddress = baseAddress;
    }

    public InMemoryConnectorMonitorSource Source { get; }

    public IServiceProvider Services => _host.Services;

    public Uri BaseAddress { get; }

    public static Dictionary<string, string?> Settings() => new()
    {
        ["Broker:Uri"] = "failover:(tcp://127.0.0.1:61616,tcp://127.0.0.1:61617)?randomize=false",
        ["Broker:User"] = "amquser",
        ["Broker:Password"] = BrokerPassword,
        ["Finesse:SideAUrl"] = "https://finesse-a.test:8445",
        ["Finesse:SideBUrl"] = "https://finesse-b.test:8445",
        ["Monitor:Urls"] = "http://127.0.0.1:0",
        ["Monitor:User"] = MonitorUser,
        ["Monitor:PasswordHash"] = MonitorPasswordHash,
        ["Monitor:PushInterval"] = "00:00:00.2",
    };

    /// <param name="adjust">Changes to <see cref="Settings"/>.</param>
    /// <param name="source">The monitor source (default: <see cref="SampleSnapshot"/> in memory).</param>
    /// <param name="time">The service's clock (login backoff, sessions, cookies); the real one when null.</param>
    public static async Task<TestService> StartAsync(Action<Dictionary<string, string?>>? adjust = null, IConnectorMonitorSource? source = null, TimeProvider? time = null)
    {
        var settings = Settings();
        adjust?.Invoke(settings);
        var memory = new InMemoryConnectorMonitorSource(SampleSnapshot());
        var host = ConnectorServiceHost.Build(
            [],
            settings,
            services =>
            {
                services.AddSingleton(source ?? memory);
                if (time is not null)
                {
                    services.AddSingleton(time);
                }
            },
            useNLog: false);
        await host.StartAsync(TestContext.Current.CancellationToken);
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new TestService(host, memory, new Uri(address));
    }

    public HttpClient NewClient(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    public async Task<HttpClient> LoggedInClientAsync()
    {
        var client = NewClient();
        using var response = await client.PostAsync("/api/monitor/login", LoginBody(MonitorUser, MonitorPassword), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    public static StringContent LoginBody(string user, string password) =>
        new($"{{\"user\":\"{user}\",\"password\":\"{password}\"}}", System.Text.Encoding.UTF8, "application/json");

    public static ConnectorSnapshot SampleSnapshot()
    {
        var t0 = new DateTimeOffset(2026, 11, 25, 7, 0, 0, TimeSpan.Zero);
        return new ConnectorSnapshot
        {
            Version = "9.9.9-test",
            StartedAt = t0,
            TakenAt = t0.AddMinutes(90),
            Status = new ConnectorStatusInfo(SystemStatus.InService, null, t0.AddSeconds(5)),
            Finesse = new FinesseInfo("A",
            [
                new FinesseSideInfo("A", $"https://admin:{BrokerPassword}@finesse-a.test:8445", SystemStatus.InService, true, true, t0.AddMinutes(89), null),
                new FinesseSideInfo("B", "https://finesse-b.test:8445", "OUT_OF_SERVICE", false, false, t0.AddMinutes(89), $"login failed password={AgentPassword}"),
            ]),
            Broker = new BrokerInfo($"failover:(tcp://amquser:{BrokerPassword}@127.0.0.1:61616)?jms.password={BrokerPassword}", true, t0, 2),
            Clients = [new ClientInfo("crm01.profile1", "crm01", t0.AddMinutes(89), 2)],
            Agents =
            [
                new AgentInfo
                {
                    AgentId = "1001", State = "TALKING", Extension = "2001", LastEventTime = t0.AddMinutes(88),
                    Calls = [new CallInfo("dlg-77", "ACTIVE", "+4930555123", "8000")], Clients = ["crm01.profile1"],
                },
                new AgentInfo
                {
                    AgentId = "1002", State = "NOT_READY", ReasonCode = "12", ReasonCodeLabel = "Lunch", Extension = "2002",
                    LastEventTime = t0.AddMinutes(80), Clients = ["crm01.profile1"],
                },
            ],
            Rates = new MessageRates(12.5, 30.25, 1000, 2500, 10),
            Latency = new LatencyPercentiles(900, 4.5, 20.1, 180.2, 950.0, 60),
            RequestsByType = [new KeyCount("Login", 2), new KeyCount("Ready", 40)],
            ErrorsByCode = [new KeyCount("REQUEST_TIMEOUT", 1)],
            RecentErrors = [new ErrorRecord(t0.AddMinutes(85), "REQUEST_TIMEOUT", $"Login {{\"password\":\"{AgentPassword}\"}} got no answer", "1001", null)],
        };
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }
}
