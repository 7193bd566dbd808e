using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SiebelCti.ChainLoad;
using SiebelCti.Connector.Contract;
using SiebelCti.OpenWire;

// Chain load benchmark (docs/benchmarks.md): for each N, a fresh Finesse emulator with N agents and a
// fresh Connector.Service, driven by N/100 clients over the broker: logins 50 at a time, sequential
// Ready/NotReady next to the broker's round trip, all-at-once bursts, process figures, failover.
// Usage (ActiveMQ and prosody running, environment from scripts/env.sh; benchmarks/chain-load.sh does all):
//   dotnet benchmarks/ChainLoad/bin/Release/net10.0/SiebelCti.ChainLoad.dll --agents 100,500 --out DIR
//   dotnet benchmarks/ChainLoad/bin/Release/net10.0/SiebelCti.ChainLoad.dll --replot DIR   (table and picture from DIR/nN.json)
if (Arg("--replot", string.Empty) is { Length: > 0 } replot)
{
    // The table and the picture again from the nN.json files of an earlier run (e.g. after a new row or series).
    var saved = Directory.GetFiles(replot, "n*.json")
        .Select(f => JsonSerializer.Deserialize<RunResult>(File.ReadAllText(f))!)
        .OrderBy(r => r.Agents)
        .ToList();
    await File.WriteAllTextAsync(Path.Combine(replot, "results.md"), Report.Table(saved));
    await File.WriteAllTextAsync(Path.Combine(replot, "chain-load.svg"), Report.Plot(saved));
    Console.WriteLine(Report.Table(saved));
    return 0;
}

var agentCounts = Arg("--agents", "100,500,1000,2000,4000").Split(',').Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
var outDir = Path.GetFullPath(Arg("--out", "chain-load-results"));
Directory.CreateDirectory(outDir);
var settings = new Settings(
    Env("SIEBELCTI_ROOT"), Env("SIEBELCTI_RUN"), int.Parse(Env("SIEBELCTI_AMQ_PORT"), CultureInfo.InvariantCulture),
    int.Parse(Env("SIEBELCTI_XMPP_PORT"), CultureInfo.InvariantCulture), Env("SIEBELCTI_XMPP_DOMAIN"),
    Env("SIEBELCTI_AMQ_DRIVER_USER"), Env("SIEBELCTI_AMQ_DRIVER_PASSWORD"),
    Env("SIEBELCTI_AMQ_CONNECTOR_USER"), Env("SIEBELCTI_AMQ_CONNECTOR_PASSWORD"),
    Env("SIEBELCTI_AMQ_TEST_USER"), Env("SIEBELCTI_AMQ_TEST_PASSWORD"),
    int.Parse(Arg("--finesse-port", "18582"), CultureInfo.InvariantCulture), int.Parse(Arg("--monitor-port", "18584"), CultureInfo.InvariantCulture),
    Env("CHAIN_LOAD_MONITOR_PASSWORD"));
var passwordHash = Env("CHAIN_LOAD_MONITOR_HASH");
var sequentialAgents = int.Parse(Arg("--sequential", "500"), CultureInfo.InvariantCulture);

if (Arg("--driver", string.Empty) is { Length: > 0 } driverServices)
{
    // Driver side: --driver N --host tests/native/build/siebel_e2e_host --library artifacts/driver/libSiebelCtiDriver.so
    using var driverCts = new CancellationTokenSource(TimeSpan.FromMinutes(30));
    var table = await DriverLoad.RunAsync(settings, int.Parse(driverServices, CultureInfo.InvariantCulture), Path.GetFullPath(Arg("--host", string.Empty)),
        Path.GetFullPath(Arg("--library", string.Empty)), Path.Combine(outDir, "driver"), passwordHash, driverCts.Token);
    await File.WriteAllTextAsync(Path.Combine(outDir, "driver.md"), table);
    Console.WriteLine(table);
    return 0;
}

var results = new List<RunResult>();
foreach (var n in agentCounts)
{
    Console.WriteLine($"=== N = {n} ===");
    using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(30));
    try
    {
        var result = await RunAsync(settings, n, Path.Combine(outDir, "n" + n.ToString(CultureInfo.InvariantCulture)), passwordHash, sequentialAgents, cts.Token);
        results.Add(result);
        await File.WriteAllTextAsync(Path.Combine(outDir, $"n{n}.json"), JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine(result.Summary());
    }
    catch (Exception ex)
    {
        Console.WriteLine($"N = {n} failed: {ex.Message}");
        results.Add(RunResult.Failed(n, ex.Message));
    }

    await File.WriteAllTextAsync(Path.Combine(outDir, "results.md"), Report.Table(results));
    await File.WriteAllTextAsync(Path.Combine(outDir, "chain-load.svg"), Report.Plot(results));
}

Console.WriteLine(Report.Table(results));
return results.All(r => r.Error is null) ? 0 : 1;

static async Task<RunResult> RunAsync(Settings s, int n, string dir, string passwordHash, int sequentialAgents, CancellationToken ct)
{
    Directory.CreateDirectory(dir);
    var r = new RunResult { Agents = n };
    await using var lab = new Lab { Settings = s };
    var clock = Stopwatch.StartNew();
    await lab.StartEmulatorAsync(n, Path.Combine(dir, "emulator.log"), ct);
    r.EmulatorStartSeconds = clock.Elapsed.TotalSeconds;
    await lab.StartConnectorAsync(Path.Combine(dir, "connector-logs"), passwordHash, ct);
    var pid = lab.Connector!.Id;
    var prosodyPid = int.Parse(File.ReadAllText(Path.Combine(s.Run, "prosody", "prosody.pid")).Trim(), CultureInfo.InvariantCulture);
    using var monitor = new HttpClient();
    var brokerUri = $"failover:(tcp://127.0.0.1:{s.AmqPort})";
    r.Idle = ProcessStats.Read(pid, s.XmppPort);

    // Clients: one per 100 agents, each its own broker connection as the lab's driver user.
    var clients = new List<LoadClient>();
    var runTag = Guid.NewGuid().ToString("N")[..6];
    try
    {
        for (var c = 0; c < (n + 99) / 100; c++)
        {
            var client = await LoadClient.ConnectAsync(brokerUri, s.DriverUser, s.DriverPassword, $"{s.DriverUser}.load-{runTag}-{c:D2}", ct);
            clients.Add(client);
            if (!await client.HelloAsync(ct))
            {
                throw new InvalidOperationException($"{client.ClientId}: the Hello was not answered IN_SERVICE");
            }
        }

        LoadClient ClientOf(int agent) => clients[agent / 100];

        // Logins: Connect + Login, 50 agents in flight at once.
        var failures = new Dictionary<string, int>(StringComparer.Ordinal);
        var loginClock = Stopwatch.StartNew();
        var cpu0 = ProcessStats.CpuSecondsOf(pid);
        var loginProsodyCpu0 = ProcessStats.CpuSecondsOf(prosodyPid);
        using (var slots = new SemaphoreSlim(50))
        {
            var logins = Enumerable.Range(0, n).Select(async i =>
            {
                await slots.WaitAsync(ct);
                try
                {
                    var (id, password, extension) = Lab.Agent(i);
                    var client = ClientOf(i);
                    await client.SendAsync(new Connect(), id, TimeSpan.FromSeconds(60), ct);
                    var login = await client.SendAsync(new Login(password, extension), id, TimeSpan.FromSeconds(60), ct);
                    return Outcome(await AwaitAnswer(login, TimeSpan.FromSeconds(90)), "NOT_READY");
                }
                finally
                {
                    slots.Release();
                }
            }).ToList();
            foreach (var outcome in await Task.WhenAll(logins))
            {
                if (outcome is not null)
                {
                    failures[outcome] = failures.GetValueOrDefault(outcome) + 1;
                }
            }
        }

        r.LoginSeconds = loginClock.Elapsed.TotalSeconds;
        r.LoginsFailed = failures.Values.Sum();
        r.LoginsOk = n - r.LoginsFailed;
        r.LoginFailures = failures;
        r.LoginCpuSeconds = ProcessStats.CpuSecondsOf(pid) - cpu0;
        r.LoginProsodyCpuSeconds = ProcessStats.CpuSecondsOf(prosodyPid) - loginProsodyCpu0;
        r.AfterLogin = ProcessStats.Read(pid, s.XmppPort);
        Console.WriteLine($"  logins: {r.LoginsOk} ok, {r.LoginsFailed} failed in {r.LoginSeconds:0.0} s");
        await Task.Delay(2000, ct);

        // Sequential Ready/NotReady, one request at a time, each followed by a broker round trip (privileged test user, private queue).
        await using (var ping = await OpenWireConnection.ConnectAsync(new OpenWireOptions { BrokerUri = brokerUri, UserName = s.TestUser, Password = s.TestPassword }, cancellationToken: ct))
        {
            var session = await ping.CreateSessionAsync(AcknowledgeMode.Auto, ct);
            var queue = Destination.Queue("SiebelCti.Test.ChainLoad." + runTag);
            var producer = await session.CreateProducerAsync(queue, ct);
            var consumer = await session.CreateConsumerAsync(queue, 10, cancellationToken: ct);
            var before = await lab.SnapshotAsync(monitor, ct);
            var latencies = new List<double>();
            var rtts = new List<double>();
            var seqFailed = 0;
            var m = Math.Min(n, sequentialAgents);
            for (var i = 0; i < m; i++)
            {
                var (id, _, _) = Lab.Agent(i);
                foreach (var (request, state) in new (ConnectorRequest, string)[] { (new Ready(), "READY"), (new NotReady("10"), "NOT_READY") })
                {
                    var t0 = Stopwatch.GetTimestamp();
                    var answer = await AwaitAnswer(await ClientOf(i).SendAsync(request, id, TimeSpan.FromSeconds(5), ct), TimeSpan.FromSeconds(30));
                    if (Outcome(answer, state) is null)
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(t0, answer!.Timestamp).TotalMilliseconds);
                    }
                    else
                    {
                        seqFailed++;
                    }

                    var p0 = Stopwatch.GetTimestamp();
                    await producer.SendAsync(new TextMessage("ping"), persistent: false, ct);
                    await consumer.ReceiveAsync(ct);
                    rtts.Add(Stopwatch.GetElapsedTime(p0).TotalMilliseconds);
                }
            }

            var after = await lab.SnapshotAsync(monitor, ct);
            r.Sequential = Percentiles.Of(latencies);
            r.SequentialFailed = seqFailed;
            r.BrokerRoundTrip = Percentiles.Of(rtts);
            r.SequentialStages = Stages.Diff(before, after);
            Console.WriteLine($"  sequential: {r.Sequential} (broker {r.BrokerRoundTrip}), {seqFailed} failed");
        }

        // All at once: every agent Ready, then every agent NotReady (another reason).
        var burstBefore = await lab.SnapshotAsync(monitor, ct);
        var prosodyCpu0 = ProcessStats.CpuSecondsOf(prosodyPid);
        cpu0 = ProcessStats.CpuSecondsOf(pid);
        r.ReadyBurst = await BurstAsync(n, i => (ClientOf(i), Lab.Agent(i).Id), new Ready(), "READY", ct);
        Console.WriteLine($"  Ready burst: {r.ReadyBurst}");
        r.NotReadyBurst = await BurstAsync(n, i => (ClientOf(i), Lab.Agent(i).Id), new NotReady("11"), "NOT_READY", ct);
        Console.WriteLine($"  NotReady burst: {r.NotReadyBurst}");
        r.BurstCpuSeconds = ProcessStats.CpuSecondsOf(pid) - cpu0;
        r.BurstProsodyCpuSeconds = ProcessStats.CpuSecondsOf(prosodyPid) - prosodyCpu0;
        r.BurstStages = Stages.Diff(burstBefore, await lab.SnapshotAsync(monitor, ct));
        r.AfterBursts = ProcessStats.Read(pid, s.XmppPort);

        // Status changes seen by clients before the failover (unsolicited System, or any OUT_OF_SERVICE).
        r.StatusChanges = clients.Sum(c => c.StatusChanges.Count);
        r.StatusChangeSamples = [.. clients.SelectMany(c => c.StatusChanges).Take(5).Select(x => $"{x.Status} {x.Reason}")];

        // Failover to side B. Both emulator sides share one agent state, so nothing changed for clients:
        // the Connector re-reads every agent from side B and publishes only differences. Measured: when
        // the switch was seen (status IN_SERVICE on B) and when the re-read of every agent had ended
        // (the Connector's lastResync in its monitor snapshot), both from the failover request.
        var statusMarks = clients.Select(c => c.StatusChanges.Count).ToList();
        var failoverAt = TimeProvider.System.GetUtcNow();
        var f0 = Stopwatch.GetTimestamp();
        await lab.ControlAsync("/emulator/failover", ct);
        var failoverWait = Stopwatch.StartNew();
        while (failoverWait.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(200, ct);
            var snapshot = await lab.SnapshotAsync(monitor, ct);
            if (snapshot.TryGetProperty("lastResync", out var resync) && resync.ValueKind == JsonValueKind.Object
                && resync.GetProperty("startedAt").GetDateTimeOffset() >= failoverAt)
            {
                var startedAfter = (resync.GetProperty("startedAt").GetDateTimeOffset() - failoverAt).TotalSeconds;
                r.FailoverDetectedSeconds = startedAfter;
                r.FailoverRepublishSeconds = startedAfter + (resync.GetProperty("durationMs").GetDouble() / 1000.0);
                r.FailoverRepublished = resync.GetProperty("agents").GetInt32() - resync.GetProperty("failed").GetInt32();
                break;
            }
        }

        var failoverStatus = clients.SelectMany((c, k) => c.StatusChanges.Skip(statusMarks[k])).OrderBy(x => x.Timestamp).ToList();
        r.FailoverStatus = [.. failoverStatus.Take(4).Select(x => $"{Stopwatch.GetElapsedTime(f0, x.Timestamp).TotalSeconds:0.00}s {x.Status} {x.Side} {x.Reason}")];
        Console.WriteLine($"  failover: side B seen after {r.FailoverDetectedSeconds:0.00} s, {r.FailoverRepublished} of {n} agents re-read by {r.FailoverRepublishSeconds:0.00} s");
        r.Final = ProcessStats.Read(pid, s.XmppPort);
    }
    finally
    {
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }

    r.LoadAverage = File.ReadAllText("/proc/loadavg").Trim();
    return r;
}

static async Task<Burst> BurstAsync(int n, Func<int, (LoadClient Client, string AgentId)> target, ConnectorRequest request, string state, CancellationToken ct)
{
    var start = Stopwatch.GetTimestamp();
    var sends = new List<Task<Reply>>(n);
    for (var i = 0; i < n; i++)
    {
        var (client, agentId) = target(i);
        sends.Add(await client.SendAsync(request, agentId, TimeSpan.FromSeconds(5), ct));
    }

    var sent = Stopwatch.GetElapsedTime(start).TotalSeconds;
    var answers = await Task.WhenAll(sends.Select(t => AwaitAnswer(t, TimeSpan.FromSeconds(120))));
    var codes = new Dictionary<string, int>(StringComparer.Ordinal);
    var confirmed = 0;
    long last = start;
    foreach (var answer in answers)
    {
        var outcome = Outcome(answer, state);
        if (outcome is null)
        {
            confirmed++;
        }
        else
        {
            codes[outcome] = codes.GetValueOrDefault(outcome) + 1;
        }

        if (answer is not null)
        {
            last = Math.Max(last, answer.Timestamp);
        }
    }

    return new Burst(confirmed, n - confirmed, Stopwatch.GetElapsedTime(start, last).TotalSeconds, sent, codes);
}

static async Task<Reply?> AwaitAnswer(Task<Reply> answer, TimeSpan patience)
{
    try
    {
        return await answer.WaitAsync(patience);
    }
    catch (TimeoutException)
    {
        return null;
    }
}

// null when the answer is the expected AgentState; else what went wrong (error code, or "no answer").
static string? Outcome(Reply? answer, string state) => answer?.Message switch
{
    null => "no answer",
    AgentState a when a.State == state => null,
    AgentState a => "state " + a.State,
    Error e => e.Code,
    var other => other.MessageType,
};

string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

static string Env(string name) =>
    Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : throw new InvalidOperationException($"{name} is not set: run benchmarks/chain-load.sh");
