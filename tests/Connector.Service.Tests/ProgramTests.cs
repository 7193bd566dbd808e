using System.Diagnostics;
using SiebelCti.Connector.Service.Monitor;

namespace SiebelCti.Connector.Service.Tests;

/// <summary>The service executable itself: the --hash-password command and the exit code on bad configuration.</summary>
public sealed class ProgramTests
{
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, string? input, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "SiebelCti.Connector.Service.dll"), .. args])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["SIEBELCTI_LOG_DIR"] = Path.Combine(Path.GetTempPath(), "siebelcti-program-tests");
        foreach (var (key, value) in environment ?? [])
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task HashPassword_FromStandardInput_PrintsVerifiableHash()
    {
        var (exitCode, output, _) = await RunAsync(["--hash-password"], "s3cret-monitor");

        Assert.Equal(0, exitCode);
        var hash = output.Trim();
        Assert.True(MonitorPasswordHasher.Verify("s3cret-monitor", hash));
        Assert.StartsWith("pbkdf2-sha256$600000$", hash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HashPassword_AsAnArgument_WorksButWarnsThatOthersCanSeeIt()
    {
        var (exitCode, output, error) = await RunAsync(["--hash-password", "s3cret-monitor"], "");

        Assert.Equal(0, exitCode);
        Assert.True(MonitorPasswordHasher.Verify("s3cret-monitor", output.Trim()));
        Assert.Contains("visible to other local users", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-monitor", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HashPassword_EmptyInput_Usage()
    {
        var (exitCode, _, error) = await RunAsync(["--hash-password"], "");

        Assert.Equal(2, exitCode);
        Assert.Contains("usage", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InvalidConfiguration_Exit78ListingEveryProblemWithoutSecrets()
    {
        var (exitCode, output, error) = await RunAsync(
            ["--Broker:Uri=tcp://amq:Cmd-Secret-1@broker", "--Engine:DeadClientAction=Never"],
            null,
            new() { ["SIEBELCTI_Monitor__PasswordHash"] = "Env-Secret-2", ["SIEBELCTI_Broker__Password"] = "Env-Secret-3" });

        Assert.Equal(78, exitCode);
        var all = output + error;
        Assert.Contains("Broker:Uri: 'tcp://***@broker' carries credentials", all, StringComparison.Ordinal);
        Assert.Contains("Broker:Password is set but Broker:User is not", all, StringComparison.Ordinal);
        Assert.Contains("Finesse:SideAUrl is required", all, StringComparison.Ordinal);
        Assert.Contains("Engine:DeadClientAction: 'Never'", all, StringComparison.Ordinal);
        Assert.Contains("Monitor:PasswordHash is not a hash made by --hash-password", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Cmd-Secret-1", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Env-Secret-2", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Env-Secret-3", all, StringComparison.Ordinal);
    }
}
