using System.Diagnostics;
using System.Globalization;
using SiebelCti.OpenWire;

// Usage (broker started by scripts/activemq.sh, env from scripts/env.sh):
//   dotnet run -c Release --project benchmarks/OpenWire.Load -- [count] [size] [--java-first]
//     Same workload for both clients, one after the other, against the same broker:
//     200 warm-up round trips; COUNT persistent sends (each waits for the broker's receipt);
//     COUNT receives (auto ack); COUNT non-persistent send->receive round trips (latency).
//   dotnet run -c Release --project benchmarks/OpenWire.Load -- sends [count] [size] [rounds]
//     Send rates, ROUNDS interleaved rounds (ours first in odd rounds, Java first in even ones):
//     persistent on 1 producer with no consumer (p1), with a consumer attached (pc), 4 producers
//     on their own sessions at once (p4), non-persistent on 1 producer (np); then each ratio
//     ours/Java as median (min-max) over the rounds.
//   dotnet run -c Release --project benchmarks/OpenWire.Load -- p1 [count] [size]
//     Only COUNT persistent sends on one producer (ours), for perf stat; the Java twin is
//     `java InteropClient p1 PORT QUEUE COUNT SIZE`.
//   dotnet run -c Release --project benchmarks/OpenWire.Load -- p4 [count] [size] [--yield]
//     Only COUNT persistent sends from 4 producers of one connection (ours); --yield: each producer leaves the
//     thread its send completed on before the next send. Leaves its messages on the broker (as p1 and np do).
//   dotnet run -c Release --project benchmarks/OpenWire.Load -- np [count] [size]
//     200 persistent warm-up sends, then COUNT non-persistent sends on one producer (ours), for perf stat.
//   dotnet run -c Release --project benchmarks/OpenWire.Load -- wire CAPTURE.pcap [--loose]
//     Splits each persistent send of a tcpdump capture of the broker port into the broker's part and the
//     client's part, per connection (benchmarks/openwire-sends.sh captures a "sends" run and calls it).
//   Any mode with --loose: both clients refuse the tight encoding (ours through the URI option
//   wireFormat.tightEncodingEnabled=false, Java through -Dinterop.uriOptions); without it both use
//   their default, the tight encoding.
var port = Environment.GetEnvironmentVariable("SIEBELCTI_AMQ_PORT") ?? throw new InvalidOperationException("source scripts/env.sh first");
var root = Environment.GetEnvironmentVariable("SIEBELCTI_ROOT") ?? Directory.GetCurrentDirectory();
var run = Environment.GetEnvironmentVariable("SIEBELCTI_RUN") ?? Path.Combine(root, ".run");
var loose = args.Contains("--loose");
var uri = $"tcp://127.0.0.1:{port}" + (loose ? "?wireFormat.tightEncodingEnabled=false" : "");
var javaOptions = loose ? "?wireFormat.tightEncodingEnabled=false" : "";
var mode = args.Length > 0 && !char.IsDigit(args[0][0]) ? args[0] : "bench";
var numbers = args.Where(a => a.Length > 0 && char.IsDigit(a[0])).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
var count = numbers.Length > 0 ? numbers[0] : 5000;
var size = numbers.Length > 1 ? numbers[1] : 256;

if (mode == "wire")
{
    var capture = args.FirstOrDefault(a => a.EndsWith(".pcap", StringComparison.Ordinal)) ?? throw new ArgumentException("wire: name a .pcap file");
    var losses = new List<string>();
    var connections = SiebelCti.OpenWire.Load.WireCapture.Read(capture, int.Parse(port, CultureInfo.InvariantCulture), losses);
    foreach (var line in SiebelCti.OpenWire.Load.WireTiming.Describe(connections, !loose).Concat(losses))
    {
        Console.WriteLine(line);
    }

    return 0;
}

if (mode == "p1")
{
    await using var connection = await ConnectAsync(uri);
    var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto);
    var producer = await session.CreateProducerAsync(Destination.Queue($"bench.dotnet.p1.{Guid.NewGuid():N}"));
    var p1 = await RateAsync(producer, new string('x', size), count, true);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dotnet p1_per_s={p1:F0}"));
    return 0;
}

if (mode == "p4")
{
    // COUNT persistent sends from 4 producers on their own sessions of one connection (ours), as the p4 phase of "sends";
    // --yield: each producer leaves the thread that completed its send before the next (continuations off the read loop).
    var yieldEach = args.Contains("--yield");
    await using var connection = await ConnectAsync(uri);
    var queue = $"bench.dotnet.p4.{Guid.NewGuid():N}";
    var body = new string('x', size);
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
    {
        var own = await connection.CreateSessionAsync(AcknowledgeMode.Auto);
        var producer = await own.CreateProducerAsync(Destination.Queue(queue));
        for (var i = 0; i < count / 4; i++)
        {
            await producer.SendAsync(new TextMessage(body), true);
            if (yieldEach)
            {
                await Task.Yield();
            }
        }
    })));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dotnet p4_per_s={count / clock.Elapsed.TotalSeconds:F0}"));
    return 0;
}

if (mode == "np")
{
    await using var connection = await ConnectAsync(uri);
    var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto);
    var queue = Destination.Queue($"bench.dotnet.np.{Guid.NewGuid():N}");
    var producer = await session.CreateProducerAsync(queue);
    var body = new string('x', size);
    await RateAsync(producer, body, 200, true);
    var clock = Stopwatch.StartNew();
    var np = await RateAsync(producer, body, count, false);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dotnet np_per_s={np:F0}"));
    return 0;
}

if (mode == "sends")
{
    var rounds = numbers.Length > 2 ? numbers[2] : 3;
    var ratios = new Dictionary<string, List<double>>();
    for (var round = 1; round <= rounds; round++)
    {
        var oursFirst = round % 2 == 1;
        Dictionary<string, double> ours = [], java = [];
        for (var turn = 0; turn < 2; turn++)
        {
            if ((turn == 0) == oursFirst)
            {
                ours = await SendRatesAsync(uri, $"bench.dotnet.{Guid.NewGuid():N}", count, size);
            }
            else
            {
                java = Parse(RunJava(root, run, port, javaOptions, "sends", $"bench.java.{Guid.NewGuid():N}", count, size));
            }
        }

        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var figures = string.Join(" ", ours.Keys.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k} ours={ours[k]:F0} java={java[k]:F0} ratio={ours[k] / java[k]:F2}")));
        Console.WriteLine($"round {round} ({(oursFirst ? "ours first" : "Java first")}, load {load}): {figures}");
        foreach (var k in ours.Keys)
        {
            if (!ratios.TryGetValue(k, out var list))
            {
                ratios[k] = list = [];
            }

            list.Add(ours[k] / java[k]);
        }
    }

    foreach (var (k, list) in ratios)
    {
        list.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{k} ours/java median {list[list.Count / 2]:F2} ({list[0]:F2}-{list[^1]:F2})"));
    }

    return 0;
}

var javaFirst = args.Contains("--java-first");
if (javaFirst)
{
    Console.WriteLine(RunJava(root, run, port, javaOptions, "bench", $"bench.java.{Guid.NewGuid():N}", count, size));
}

Console.WriteLine(await RunOursAsync(uri, $"bench.dotnet.{Guid.NewGuid():N}", count, size));
if (!javaFirst)
{
    Console.WriteLine(RunJava(root, run, port, javaOptions, "bench", $"bench.java.{Guid.NewGuid():N}", count, size));
}

return 0;

static Task<OpenWireConnection> ConnectAsync(string uri) =>
    // The lab broker's privileged test user (scripts/env.sh exports it; the Java client reads the same variables).
    OpenWireConnection.ConnectAsync(new OpenWireOptions
    {
        BrokerUri = uri,
        UserName = Environment.GetEnvironmentVariable("SIEBELCTI_AMQ_TEST_USER"),
        Password = Environment.GetEnvironmentVariable("SIEBELCTI_AMQ_TEST_PASSWORD"),
    });

static async Task<double> RateAsync(OpenWireProducer producer, string body, int count, bool persistent)
{
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        await producer.SendAsync(new TextMessage(body), persistent);
    }

    return count / clock.Elapsed.TotalSeconds;
}

static async Task<Dictionary<string, double>> SendRatesAsync(string uri, string queue, int count, int size)
{
    var body = new string('x', size);
    await using var connection = await ConnectAsync(uri);
    var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto);
    await RateAsync(await session.CreateProducerAsync(Destination.Queue(queue + ".warm")), body, 200, true);
    var p1 = await RateAsync(await session.CreateProducerAsync(Destination.Queue(queue + ".p1")), body, count, true);

    var consumerSession = await connection.CreateSessionAsync(AcknowledgeMode.Auto);
    var consumer = await consumerSession.CreateConsumerAsync(Destination.Queue(queue + ".pc"), 1000);
    using var stop = new CancellationTokenSource();
    var drain = Task.Run(async () =>
    {
        try
        {
            while (true)
            {
                await consumer.ReceiveAsync(stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    });
    var pc = await RateAsync(await session.CreateProducerAsync(Destination.Queue(queue + ".pc")), body, count, true);
    await stop.CancelAsync();
    await drain;

    var each = count / 4;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
    {
        var own = await connection.CreateSessionAsync(AcknowledgeMode.Auto);
        await RateAsync(await own.CreateProducerAsync(Destination.Queue(queue + ".p4")), body, each, true);
    })));
    var p4 = each * 4 / clock.Elapsed.TotalSeconds;

    var np = await RateAsync(await session.CreateProducerAsync(Destination.Queue(queue + ".np")), body, count, false);

    // Not timed: empty the queues again, so that repeated runs do not fill the broker's memory.
    foreach (var name in new[] { ".warm", ".p1", ".p4", ".np" })
    {
        await using var empty = await consumerSession.CreateConsumerAsync(Destination.Queue(queue + name), 1000);
        try
        {
            while (true)
            {
                using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await empty.ReceiveAsync(quiet.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    return new() { ["p1"] = p1, ["pc"] = pc, ["p4"] = p4, ["np"] = np };
}

static Dictionary<string, double> Parse(string line) =>
    line.Split(' ').Where(p => p.Contains('=')).ToDictionary(
        p => p[..p.IndexOf("_per_s", StringComparison.Ordinal)], p => double.Parse(p[(p.IndexOf('=') + 1)..], CultureInfo.InvariantCulture));

static async Task<string> RunOursAsync(string uri, string queueName, int count, int size)
{
    await using var connection = await ConnectAsync(uri);
    var session = await connection.CreateSessionAsync(AcknowledgeMode.Auto);
    var queue = Destination.Queue(queueName);
    var producer = await session.CreateProducerAsync(queue);
    var consumer = await session.CreateConsumerAsync(queue, 1000);
    var body = new string('x', size);
    for (var i = 0; i < 200; i++)
    {
        await producer.SendAsync(new TextMessage(body), true);
        await consumer.ReceiveAsync();
    }

    var clock = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        await producer.SendAsync(new TextMessage(body), true);
    }

    var send = clock.Elapsed;
    clock.Restart();
    for (var i = 0; i < count; i++)
    {
        await consumer.ReceiveAsync();
    }

    var receive = clock.Elapsed;
    var rtt = new long[count];
    for (var i = 0; i < count; i++)
    {
        var start = Stopwatch.GetTimestamp();
        await producer.SendAsync(new TextMessage(body), false);
        await consumer.ReceiveAsync();
        rtt[i] = (long)Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    }

    Array.Sort(rtt);
    return string.Create(CultureInfo.InvariantCulture,
        $"dotnet send_per_s={count / send.TotalSeconds:F0} receive_per_s={count / receive.TotalSeconds:F0} rtt_p50_us={rtt[count / 2]} rtt_p99_us={rtt[(int)(count * 0.99)]}");
}

static string RunJava(string root, string run, string port, string javaOptions, string mode, string queue, int count, int size)
{
    var classes = Path.Combine(run, "interop-java");
    Directory.CreateDirectory(classes);
    string[] jars = ["activemq-client.jar", "geronimo-jms_1.1_spec.jar", "geronimo-j2ee-management-1.1-spec.jar", "hawtbuf.jar", "slf4j-api.jar", "slf4j-nop.jar"];
    var cp = string.Join(':', jars.Select(j => "/usr/share/java/" + j).Append(classes));
    Exec("javac", ["-d", classes, "-cp", cp, Path.Combine(root, "tests", "interop-java", "InteropClient.java")]);
    return Exec("java", ["-Dinterop.uriOptions=" + javaOptions, "-cp", cp, "InteropClient", mode, port, queue, count.ToString(CultureInfo.InvariantCulture), size.ToString(CultureInfo.InvariantCulture)]).Trim();
}

static string Exec(string file, string[] args)
{
    var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
    foreach (var a in args)
    {
        info.ArgumentList.Add(a);
    }

    using var process = Process.Start(info)!;
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} exited {process.ExitCode}: {output}");
}
