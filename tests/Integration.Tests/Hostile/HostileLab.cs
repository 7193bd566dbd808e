using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SiebelCti.Finesse.Rest;
using SiebelCti.Connector.Contract;
using SiebelCti.FinesseEmulator;
using SiebelCti.FinesseEmulator.Publishing;
using SiebelCti.FinesseEmulator.Testing;
using SiebelCti.Integration.Tests.Connector;

namespace SiebelCti.Integration.Tests.Hostile;

/// <summary>
/// What an attacker on the network meets: the real Connector.Service as its own process (so it can
/// be paused with SIGSTOP, and its memory, log and monitor measured), on its own request queue,
/// against the Finesse emulator and prosody, with a victim agent signed in by its own client.
/// </summary>
public sealed class HostileLab : IAsyncLifetime
{
    private const string MonitorPassword = "hostile-lab-monitor-pw";
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("hostile-lab").FullName;
    private WebApplication? _emulator;
    private Process? _connector;

    // Under SiebelCti.Test.Requests.>, which the lab broker lets driver users write (scripts/activemq.sh).
    public string RequestQueue { get; } = "SiebelCti.Test.Requests.hostile-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The victim agent (extension 3201).</summary>
    public TestAgent Victim { get; } = new("v" + Guid.NewGuid().ToString("N")[..10], "victim-pw", "3201");

    /// <summary>The intruder's own, real agent (extension 3202): it can prove itself, but not the victim.</summary>
    public TestAgent Intruder { get; } = new("i" + Guid.NewGuid().ToString("N")[..10], "intruder-pw", "3202");

    public Uri Emulator { get; private set; } = null!;

    public Uri Monitor { get; private set; } = null!;

    public string LogDirectory { get; } = Directory.CreateTempSubdirectory("hostile-lab-logs").FullName;

    public int ConnectorPid => _connector!.Id;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var run = Environment.GetEnvironmentVariable("SIEBELCTI_RUN") is { Length: > 0 } r ? r : throw new InvalidOperationException("SIEBELCTI_RUN is not set: run through scripts/test.sh");
        var config = EmulatorTestConfig.Standard();
        EmulatorTestConfig.SingleSide(config);
        EmulatorTestConfig.ThroughProsody(config, TestServices.Host, TestServices.XmppPort, TestServices.XmppDomain, run);
        config["Emulator:FarEndAnswerDelay"] = "00:00:00.200";
        EmulatorTestConfig.SetAgent(config, 0, Victim);
        EmulatorTestConfig.SetAgent(config, 1, Intruder);
        _emulator = EmulatorApp.Build([], config, contentRoot: _contentRoot);
        await _emulator.StartAsync(ct);
        await _emulator.Services.GetRequiredService<PublisherStatus>().Ready.WaitAsync(TimeSpan.FromSeconds(60), ct);
        Emulator = _emulator.Services.GetRequiredService<Listeners>().UrlsOf(0).Single();

        var serviceDir = Path.Combine(RepositoryRoot(), "Connector.Service", "bin", "Debug", "net10.0");
        var dll = Path.Combine(serviceDir, "SiebelCti.Connector.Service.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the solution first (scripts/test.sh does)");
        }

        var monitorPort = FreePort();
        Monitor = new Uri($"http://127.0.0.1:{monitorPort}");
        var hash = await RunToEndAsync(serviceDir, ["exec", dll, "--hash-password"], MonitorPassword, ct);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = serviceDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "exec", dll,
            $"--Broker:Uri=failover:(tcp://{TestServices.Host}:{TestServices.ActiveMqPort})?initialReconnectDelay=100",
            $"--Broker:RequestQueue={RequestQueue}",
            $"--Broker:User={TestServices.ConnectorUser.Name}",
            $"--Finesse:SideAUrl={Emulator.ToString().TrimEnd('/')}",
            "--Finesse:XmppHostA=127.0.0.1",
            $"--Finesse:XmppPort={TestServices.XmppPort}",
            $"--Finesse:XmppDomain={TestServices.XmppDomain}",
            "--Finesse:XmppTls=StartTls",
            $"--Finesse:TrustedCertificatesPath={Path.Combine(run, "prosody", "certs", TestServices.XmppDomain + ".crt")}",
            "--Finesse:HealthCheckInterval=00:00:01",
            $"--Monitor:Urls={Monitor.ToString().TrimEnd('/')}",
            "--Monitor:Demo=false",
            "--Monitor:User=admin",
            $"--Monitor:PasswordHash={hash.Trim().Split('\n')[^1]}",
        })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["SIEBELCTI_LOG_DIR"] = LogDirectory;
        start.Environment["SIEBELCTI_Broker__Password"] = TestServices.ConnectorUser.Password; // secrets in the environment, as in production
        _connector = Process.Start(start)!;
        _connector.OutputDataReceived += (_, _) => { };
        _connector.ErrorDataReceived += (_, _) => { };
        _connector.BeginOutputReadLine();
        _connector.BeginErrorReadLine();
    }

    /// <summary>
    /// A client of the Connector process (a driver instance's stand-in) connected as broker user
    /// <paramref name="user"/> (its client id under that user's name), after its Hello was answered IN_SERVICE.
    /// </summary>
    public async Task<ContractClient> ClientAsync(string name, BrokerUser user)
    {
        var client = await ContractClient.ConnectAsync(ConnectorUnderTest.BrokerUri, RequestQueue, user.ClientId($"{name}-{RequestQueue[^8..]}"), user, TestContext.Current.CancellationToken);
        await client.HelloInServiceAsync();
        return client;
    }

    /// <summary>A raw broker client, logged in as the attacker's own broker user, that sends whatever it likes.</summary>
    public Task<Attacker> AttackerAsync() => Attacker.ConnectAsync(ConnectorUnderTest.BrokerUri, RequestQueue, TestServices.AttackerUser, TestContext.Current.CancellationToken);

    /// <summary>A privileged watcher (the lab's test user) that may listen anywhere: to see what the Connector publishes where.</summary>
    public Task<Attacker> ObserverAsync() => Attacker.ConnectAsync(ConnectorUnderTest.BrokerUri, RequestQueue, TestServices.TestUser, TestContext.Current.CancellationToken);

    /// <summary>Signs <paramref name="agent"/> in through <paramref name="client"/> and makes it READY.</summary>
    public async Task SignInReadyAsync(ContractClient client, TestAgent agent)
    {
        await client.SendAsync(new Connect(), agent.LoginId);
        var login = await client.SendAsync(new Login(agent.Password, agent.Extension), agent.LoginId);
        Assert.IsType<AgentState>((await client.WaitForAsync(e => e.CorrelationId == login, "the Login answer")).Message);
        var ready = await client.SendAsync(new Ready(), agent.LoginId);
        await client.WaitForAsync(e => e.CorrelationId == ready, "the Ready answer");
    }

    /// <summary>A customer call to the (READY) agent, answered; returns the dialog id once ACTIVE at the client.</summary>
    public async Task<string> ActiveCallAsync(ContractClient client, TestAgent agent, string callVariable1)
    {
        using var http = new HttpClient { BaseAddress = Emulator };
        var json = JsonSerializer.Serialize(new
        {
            extension = agent.Extension,
            ani = "0612345678",
            dnis = "8000",
            callVariables = new Dictionary<string, string> { ["callVariable1"] = callVariable1 },
        });
        using var body = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        (await http.PostAsync("/emulator/calls", body, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var ringing = (Dialog)(await client.WaitForAsync(e => e.Message is Dialog { State: "ALERTING" }, "a ringing call")).Message;
        var answer = await client.SendAsync(new Answer(ringing.Id), agent.LoginId);
        await client.WaitForAsync(e => e.CorrelationId == answer, "the Answer answer");
        return ringing.Id;
    }

    /// <summary>The agent's own participant state in the call, asked of Finesse (the emulator) directly: the truth, whatever any client was told.</summary>
    public async Task<string?> ParticipantStateAsync(TestAgent agent, string dialogId)
    {
        using var rest = new FinesseRestClient(new FinesseOptions { SideA = Emulator, AllowHttp = true });
        var dialogs = await rest.GetDialogsAsync(new FinesseCredentials(agent.LoginId, agent.Password), TestContext.Current.CancellationToken);
        return dialogs.SingleOrDefault(d => d.Id == dialogId)?.ParticipantFor(agent.Extension)?.StateText;
    }

    /// <summary>The agent's state, asked of Finesse directly.</summary>
    public async Task<string?> AgentStateAsync(TestAgent agent)
    {
        using var rest = new FinesseRestClient(new FinesseOptions { SideA = Emulator, AllowHttp = true });
        return (await rest.GetUserAsync(new FinesseCredentials(agent.LoginId, agent.Password), TestContext.Current.CancellationToken)).StateText;
    }

    /// <summary>The Connector Monitor's snapshot as its API serves it (logged in), and its size in bytes.</summary>
    public async Task<(JsonDocument Snapshot, int Bytes)> MonitorSnapshotAsync()
    {
        using var handler = new HttpClientHandler { UseCookies = true };
        using var http = new HttpClient(handler) { BaseAddress = Monitor };
        var login = await http.PostAsJsonAsync("/api/monitor/login", new { user = "admin", password = MonitorPassword }, TestContext.Current.CancellationToken);
        login.EnsureSuccessStatusCode();
        var text = await http.GetStringAsync("/api/monitor/snapshot", TestContext.Current.CancellationToken);
        return (JsonDocument.Parse(text), System.Text.Encoding.UTF8.GetByteCount(text));
    }

    /// <summary>The Connector process's resident memory in KiB.</summary>
    public long ConnectorRssKiB()
    {
        foreach (var line in File.ReadLines($"/proc/{ConnectorPid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException("no VmRSS");
    }

    /// <summary>Every line the Connector process logged so far.</summary>
    public IReadOnlyList<string> ConnectorLogLines() =>
        [.. Directory.EnumerateFiles(LogDirectory, "*.log", SearchOption.AllDirectories).SelectMany(ReadShared)];

    /// <summary>SIGSTOP / SIGCONT the Connector process.</summary>
    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", ConnectorPid.ToString(CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connector is { HasExited: false })
        {
            Signal("CONT");
            _connector.Kill(entireProcessTree: true);
            await _connector.WaitForExitAsync();
        }

        _connector?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.StopAsync();
            await _emulator.DisposeAsync();
        }
    }

    private static IEnumerable<string> ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    private static async Task<string> RunToEndAsync(string directory, string[] args, string stdin, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return output;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SiebelCtiDriver.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SiebelCtiDriver.sln not found above the test directory");
    }
}
