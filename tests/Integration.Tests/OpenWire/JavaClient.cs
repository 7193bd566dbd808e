using System.Diagnostics;

namespace SiebelCti.Integration.Tests.OpenWire;

/// <summary>
/// Compiles tests/interop-java with javac into $SIEBELCTI_RUN/interop-java (once per run) and runs
/// ActiveMQ's own Java client (Debian libactivemq-java) against the test broker.
/// </summary>
internal static class JavaClient
{
    private static readonly string[] Jars =
    [
        "activemq-client.jar", "geronimo-jms_1.1_spec.jar", "geronimo-j2ee-management-1.1-spec.jar",
        "hawtbuf.jar", "slf4j-api.jar", "slf4j-nop.jar",
    ];

    private static readonly SemaphoreSlim CompileLock = new(1, 1);
    private static string? s_classes;

    private static string Root => Environment.GetEnvironmentVariable("SIEBELCTI_ROOT")
        ?? throw new InvalidOperationException("SIEBELCTI_ROOT is not set: run through 'bash scripts/test.sh'.");

    private static string ClassPath(string classes) => string.Join(':', Jars.Select(j => Path.Combine("/usr/share/java", j)).Append(classes));

    private static async Task<string> CompileAsync(CancellationToken ct)
    {
        await CompileLock.WaitAsync(ct);
        try
        {
            if (s_classes is not null)
            {
                return s_classes;
            }

            var run = Environment.GetEnvironmentVariable("SIEBELCTI_RUN") ?? Path.Combine(Root, ".run");
            var classes = Path.Combine(run, "interop-java");
            Directory.CreateDirectory(classes);
            var source = Path.Combine(Root, "tests", "interop-java", "InteropClient.java");
            var (code, output) = await RunAsync("javac", ["-d", classes, "-cp", ClassPath(classes), source], TimeSpan.FromMinutes(2), ct);
            Assert.True(code == 0, $"javac failed: {output}");
            s_classes = classes;
            return classes;
        }
        finally
        {
            CompileLock.Release();
        }
    }

    /// <summary>
    /// Runs InteropClient with <paramref name="args"/> (port inserted as the second argument) and returns
    /// its output lines; <paramref name="uriOptions"/> (e.g. <c>?wireFormat.tightEncodingEnabled=false</c>)
    /// is appended to the Java client's broker URI.
    /// </summary>
    public static async Task<string[]> RunClientAsync(string mode, IEnumerable<string> args, CancellationToken ct, string uriOptions = "")
    {
        var classes = await CompileAsync(ct);
        var (code, output) = await RunAsync("java", ["-Dinterop.uriOptions=" + uriOptions, "-cp", ClassPath(classes), "InteropClient", mode, TestServices.ActiveMqPort.ToString(System.Globalization.CultureInfo.InvariantCulture), .. args], TimeSpan.FromMinutes(3), ct);
        Assert.True(code == 0, $"InteropClient {mode} failed: {output}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, IEnumerable<string> args, TimeSpan timeout, CancellationToken ct)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
