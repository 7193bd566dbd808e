using System.Diagnostics;
using System.Globalization;
using SiebelCti.Connector.OpenWire;

// Usage (broker started by scripts/activemq.sh, env from scripts/env.sh):
//   dotnet run -c Release --project benchmarks/OpenWire.Load -- [count] [size] [--java-first]
// Same workload for both clients, one after the other, against the same broker:
//   200 warm-up round trips; COUNT persistent sends (each waits for the broker's receipt);
//   COUNT receives (auto ack); COUNT non-persistent send->receive round trips (latency).
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
var size = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 256;
var port = Environment.GetEnvironmentVariable("SIEBELCTI_AMQ_PORT") ?? throw new InvalidOperationException("source scripts/env.sh first");
var root = Environment.GetEnvironmentVariable("SIEBELCTI_ROOT") ?? Directory.GetCurrentDirectory();
var run = Environment.GetEnvironmentVariable("SIEBELCTI_RUN") ?? Path.Combine(root, ".run");

var javaFirst = args.Contains("--java-first");
if (javaFirst)
{
    Console.WriteLine(RunJava(root, run, port, $"bench.java.{Guid.NewGuid():N}", count, size));
}

Console.WriteLine(await RunOursAsync($"tcp://127.0.0.1:{port}", $"bench.dotnet.{Guid.NewGuid():N}", count, size));
if (!javaFirst)
{
    Console.WriteLine(RunJava(root, run, port, $"bench.java.{Guid.NewGuid():N}", count, size));
}

return 0;

static async Task<string> RunOursAsync(string uri, string queueName, int count, int size)
{
    // The lab broker's privileged test user (scripts/env.sh exports it; the Java client reads the same variables).
    await using var connection = await OpenWireConnection.ConnectAsync(new OpenWireOptions
    {
        BrokerUri = uri,
        UserName = Environment.GetEnvironmentVariable("SIEBELCTI_AMQ_TEST_USER"),
        Password = Environment.GetEnvironmentVariable("SIEBELCTI_AMQ_TEST_PASSWORD"),
    });
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

static string RunJava(string root, string run, string port, string queue, int count, int size)
{
    var classes = Path.Combine(run, "interop-java");
    Directory.CreateDirectory(classes);
    string[] jars = ["activemq-client.jar", "geronimo-jms_1.1_spec.jar", "geronimo-j2ee-management-1.1-spec.jar", "hawtbuf.jar", "slf4j-api.jar", "slf4j-nop.jar"];
    var cp = string.Join(':', jars.Select(j => "/usr/share/java/" + j).Append(classes));
    Exec("javac", ["-d", classes, "-cp", cp, Path.Combine(root, "tests", "interop-java", "InteropClient.java")]);
    return Exec("java", ["-cp", cp, "InteropClient", "bench", port, queue, count.ToString(CultureInfo.InvariantCulture), size.ToString(CultureInfo.InvariantCulture)]).Trim();
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
