using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SiebelCti.ChainLoad;

/// <summary>
/// Driver side (issue #11): one driver instance loaded by the C host of the end-to-end tests
/// (tests/native/e2e/siebel_e2e_host.c) serves N agent services over the real chain; the host's RSS
/// is read with no service, with N services, and with N agents signed in.
/// </summary>
internal static class DriverLoad
{
    public static async Task<string> RunAsync(Settings s, int n, string host, string library, string dir, string passwordHash, CancellationToken ct)
    {
        Directory.CreateDirectory(dir);
        await using var lab = new Lab { Settings = s };
        await lab.StartEmulatorAsync(n, Path.Combine(dir, "emulator.log"), ct);
        await lab.StartConnectorAsync(Path.Combine(dir, "connector-logs"), passwordHash, ct);

        var psi = new ProcessStartInfo(host) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(library);
        psi.Environment["SIEBELCTI_LOG_DIR"] = Path.Combine(dir, "driver-logs");
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("the C host did not start");
        var results = new ConcurrentDictionary<string, TaskCompletionSource<long>>(StringComparer.Ordinal);
        var signedIn = new ConcurrentDictionary<string, TaskCompletionSource>(StringComparer.Ordinal);
        var problems = new ConcurrentQueue<string>();
        var hello = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        var reader = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync(ct) is { } line)
            {
                var f = line.Split('\t');
                switch (f[0])
                {
                    case "HELLO":
                        hello.TrySetResult();
                        break;
                    case "RESULT" when results.TryRemove(f[1], out var r):
                        r.TrySetResult(long.Parse(f[2], CultureInfo.InvariantCulture));
                        break;
                    case "EVENT" when f.Length > 2 && f[2] == "AgentStateChanged" && signedIn.TryGetValue(f[1], out var done):
                        done.TrySetResult();
                        break;
                    case "PROBLEM" or "FATAL":
                        problems.Enqueue(line);
                        break;
                }
            }
        }, ct);

        var next = 0;
        var input = new SemaphoreSlim(1);
        async Task<long> CommandAsync(params string[] fields)
        {
            var id = Interlocked.Increment(ref next).ToString(CultureInfo.InvariantCulture);
            var result = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            results[id] = result;
            var line = new StringBuilder(id);
            foreach (var field in fields)
            {
                line.Append('\t').Append(field.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal));
            }

            await input.WaitAsync(ct);
            try
            {
                await process.StandardInput.WriteLineAsync(line.ToString().AsMemory(), ct);
                await process.StandardInput.FlushAsync(ct);
            }
            finally
            {
                input.Release();
            }

            return await result.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
        }

        await hello.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
        var loaded = ProcessStats.Read(process.Id, s.AmqPort);
        var rc = await CommandAsync("driver", $"BrokerUri=failover:(tcp://127.0.0.1:{s.AmqPort})", "BrokerUser=" + s.DriverUser,
            "BrokerPassword=" + s.DriverPassword, $"ClientId={s.DriverUser}.driver-load-{Guid.NewGuid().ToString("N")[..8]}", "RequestTimeout=20");
        if (rc != 0)
        {
            throw new InvalidOperationException($"CreateISCDriverInstance returned {rc}");
        }

        await Task.Delay(2000, ct);
        var driver = ProcessStats.Read(process.Id, s.AmqPort);
        for (var i = 0; i < n; i++)
        {
            rc = await CommandAsync("service", "s" + i.ToString(CultureInfo.InvariantCulture));
            if (rc != 0)
            {
                throw new InvalidOperationException($"RequestService {i} returned {rc}");
            }
        }

        await Task.Delay(2000, ct);
        var services = ProcessStats.Read(process.Id, s.AmqPort);
        var clock = Stopwatch.StartNew();
        var failed = 0;
        using (var slots = new SemaphoreSlim(50))
        {
            var logins = Enumerable.Range(0, n).Select(async i =>
            {
                await slots.WaitAsync(ct);
                try
                {
                    var svc = "s" + i.ToString(CultureInfo.InvariantCulture);
                    var (id, password, extension) = Lab.Agent(i);
                    var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    signedIn[svc] = done;
                    var code = await CommandAsync("invoke", svc, svc + "-login", "LogIn", string.Empty, "AgentId=" + id, "AgentPin=" + password, "Extension=" + extension);
                    if (code != 0)
                    {
                        return false;
                    }

                    try
                    {
                        await done.Task.WaitAsync(TimeSpan.FromSeconds(90), ct);
                        return true;
                    }
                    catch (TimeoutException)
                    {
                        return false;
                    }
                }
                finally
                {
                    slots.Release();
                }
            }).ToList();
            failed = (await Task.WhenAll(logins)).Count(ok => !ok);
        }

        var loginSeconds = clock.Elapsed.TotalSeconds;
        await Task.Delay(5000, ct);
        var after = ProcessStats.Read(process.Id, s.AmqPort);
        process.StandardInput.Close(); // the host releases every service and the driver, then exits
        await process.WaitForExitAsync(ct).WaitAsync(TimeSpan.FromSeconds(60), ct);
        await reader.WaitAsync(TimeSpan.FromSeconds(5), ct);
        var errors = await stderr;

        string Kb(double mb) => (mb * 1024).ToString("0", CultureInfo.InvariantCulture);
        var perService = (after.RssMb - driver.RssMb) * 1024 / n;
        var perServiceIdle = (services.RssMb - driver.RssMb) * 1024 / n;
        return string.Create(CultureInfo.InvariantCulture, $"""
            | Driver host (one driver instance, {n} agent services) | Figure |
            |---|---:|
            | host RSS after loading the library (KB) | {Kb(loaded.RssMb)} |
            | host RSS with the driver instance connected (KB) | {Kb(driver.RssMb)} |
            | host RSS with {n} services, signed out (KB) | {Kb(services.RssMb)} |
            | host RSS with {n} agents signed in (KB) / peak | {Kb(after.RssMb)} / {Kb(after.PeakRssMb)} |
            | RSS per agent service, signed out (KB) | {perServiceIdle:0.0} |
            | RSS per agent service, signed in (KB) | {perService:0.0} |
            | logins failed | {failed} of {n} ({loginSeconds:0.0} s, 50 at a time) |
            | host threads / fds with {n} agents | {after.Threads} / {after.Fds} |
            | ABI problems reported by the host | {problems.Count}{(problems.IsEmpty ? string.Empty : ": " + string.Join("; ", problems.Take(3)))} |
            | host exit code / stderr | {process.ExitCode} / {(errors.Length == 0 ? "empty" : errors.Trim().Split('\n')[0])} |

            """);
    }
}
