using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace SiebelCti.ChainLoad;

/// <summary>
/// The Finesse emulator and Connector.Service processes of one run (ActiveMQ and prosody are started
/// by chain-load.sh with the project's scripts), on loopback, with their logs in the run folder.
/// </summary>
internal sealed class Lab : IAsyncDisposable
{
    private readonly List<Process> _processes = [];

    public required Settings Settings { get; init; }

    public Process? Connector { get; private set; }

    public Uri SideA => new($"http://127.0.0.1:{Settings.FinessePort.ToString(CultureInfo.InvariantCulture)}");

    public Uri SideB => new($"http://127.0.0.1:{(Settings.FinessePort + 1).ToString(CultureInfo.InvariantCulture)}");

    public Uri Monitor => new($"http://127.0.0.1:{Settings.MonitorPort.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Agent i (0-based): id, password, extension.</summary>
    public static (string Id, string Password, string Extension) Agent(int i) =>
        ("ld" + (i + 1).ToString("D5", CultureInfo.InvariantCulture), "pw-ld-" + (i + 1).ToString(CultureInfo.InvariantCulture), (50000 + i + 1).ToString(CultureInfo.InvariantCulture));

    /// <summary>Starts the emulator with <paramref name="agents"/> agents (after the three of its appsettings.json), both sides, publishing through prosody.</summary>
    public async Task StartEmulatorAsync(int agents, string logFile, CancellationToken ct)
    {
        var s = Settings;
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.Combine(s.Root, "samples/FinesseEmulator/bin/Release/net10.0") };
        foreach (var a in new[]
        {
            "SiebelCti.FinesseEmulator.dll",
            $"--Emulator:SideA:Urls:0={SideA}", $"--Emulator:SideB:Urls:0={SideB}",
            "--Emulator:Xmpp:Enabled=true", "--Emulator:Xmpp:AccountProvisioning=ProsodyShell",
            $"--Emulator:Xmpp:Port={s.XmppPort}", $"--Emulator:XmppDomain={s.XmppDomain}",
            "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:SiebelCti.FinesseEmulator.Publishing=Information",
        })
        {
            psi.ArgumentList.Add(a);
        }

        // Passwords through the environment, never the command line.
        psi.Environment["Emulator__Xmpp__FinesseUserPassword"] = "finesse-chain-load";
        for (var i = 0; i < agents; i++)
        {
            var (id, password, extension) = Agent(i);
            var at = "Emulator__Agents__" + (i + 3).ToString(CultureInfo.InvariantCulture) + "__";
            psi.Environment[at + "LoginId"] = id;
            psi.Environment[at + "Password"] = password;
            psi.Environment[at + "Extension"] = extension;
        }

        Start(psi, logFile);
        using var http = new HttpClient();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (deadline.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new InvalidOperationException($"the emulator did not provision its accounts within 5 min (see {logFile})");
            }

            var log = File.Exists(logFile) ? await ReadSharedAsync(logFile) : string.Empty;
            if (log.Contains("provisioning failed", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"the emulator could not provision its XMPP accounts (see {logFile})");
            }

            // Accounts provisioned, agents subscribed to their nodes, the finesse user signed in.
            if (log.Contains("Publishing notifications to", StringComparison.Ordinal))
            {
                try
                {
                    (await http.GetAsync(new Uri(SideA, "/finesse/api/SystemInfo"), ct)).EnsureSuccessStatusCode();
                    return;
                }
                catch (HttpRequestException)
                {
                }
            }

            await Task.Delay(500, ct);
        }
    }

    /// <summary>Starts Connector.Service as shipped (defaults of appsettings.json) against both emulator sides; returns once /health says IN_SERVICE.</summary>
    public async Task StartConnectorAsync(string logDirectory, string passwordHash, CancellationToken ct)
    {
        var s = Settings;
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.Combine(s.Root, "Connector.Service/bin/Release/net10.0") };
        foreach (var a in new[]
        {
            "SiebelCti.Connector.Service.dll",
            $"--Broker:Uri=failover:(tcp://127.0.0.1:{s.AmqPort})",
            $"--Finesse:SideAUrl={SideA}", $"--Finesse:SideBUrl={SideB}",
            "--Finesse:XmppHostA=127.0.0.1", "--Finesse:XmppHostB=127.0.0.1",
            $"--Finesse:XmppPort={s.XmppPort}", $"--Finesse:XmppDomain={s.XmppDomain}", "--Finesse:XmppTls=StartTls",
            $"--Finesse:TrustedCertificatesPath={Path.Combine(s.Run, "prosody", "certs", s.XmppDomain + ".crt")}",
            $"--Monitor:Urls={Monitor}", "--Monitor:User=admin", $"--Monitor:PasswordHash={passwordHash}",
        })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["SIEBELCTI_LOG_DIR"] = logDirectory;
        psi.Environment["SIEBELCTI_Broker__User"] = s.ConnectorUser;
        psi.Environment["SIEBELCTI_Broker__Password"] = s.ConnectorPassword;
        Connector = Start(psi, Path.Combine(logDirectory, "console.log"));
        using var http = new HttpClient();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (Connector.HasExited)
            {
                throw new InvalidOperationException($"the Connector exited with {Connector.ExitCode} (see {logDirectory})");
            }

            try
            {
                if ((await http.GetAsync(new Uri(Monitor, "/health"), ct)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250, ct);
        }

        throw new InvalidOperationException($"the Connector did not say IN_SERVICE within 2 min (see {logDirectory})");
    }

    /// <summary>POSTs to the emulator's control API on side A.</summary>
    public async Task ControlAsync(string path, CancellationToken ct)
    {
        using var http = new HttpClient();
        (await http.PostAsync(new Uri(SideA, path), null, ct)).EnsureSuccessStatusCode();
    }

    /// <summary>The monitor's snapshot (logs in first): the <c>stages</c> histograms and status.</summary>
    public async Task<JsonElement> SnapshotAsync(HttpClient monitor, CancellationToken ct)
    {
        var response = await monitor.GetAsync(new Uri(Monitor, "/api/monitor/snapshot"), ct);
        if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            (await monitor.PostAsJsonAsync(new Uri(Monitor, "/api/monitor/login"), new { user = "admin", password = Settings.MonitorPassword }, ct)).EnsureSuccessStatusCode();
            response = await monitor.GetAsync(new Uri(Monitor, "/api/monitor/snapshot"), ct);
        }

        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.Clone();
    }

    private Process Start(ProcessStartInfo psi, string logFile)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + psi.FileName);
        _processes.Add(process);
        var writer = new StreamWriter(new FileStream(logFile, FileMode.Create, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var gate = new Lock();
        void Line(object _, DataReceivedEventArgs e)
        {
            if (e.Data is { } line)
            {
                lock (gate)
                {
                    writer.WriteLine(line);
                }
            }
        }

        process.OutputDataReceived += Line;
        process.ErrorDataReceived += Line;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<string> ReadSharedAsync(string path)
    {
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return await reader.ReadToEndAsync();
    }

    public async ValueTask DisposeAsync()
    {
        // The Connector first (it closes its XMPP sessions and broker connection), then the emulator.
        for (var i = _processes.Count - 1; i >= 0; i--)
        {
            var p = _processes[i];
            if (!p.HasExited)
            {
                using (var term = Process.Start("kill", ["-TERM", p.Id.ToString(CultureInfo.InvariantCulture)]))
                {
                    await term.WaitForExitAsync();
                }

                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(40));
                try
                {
                    await p.WaitForExitAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    p.Kill(entireProcessTree: true);
                }
            }

            p.Dispose();
        }
    }
}

/// <summary>Where everything is (from scripts/env.sh and the command line).</summary>
internal sealed record Settings(
    string Root, string Run, int AmqPort, int XmppPort, string XmppDomain,
    string DriverUser, string DriverPassword, string ConnectorUser, string ConnectorPassword, string TestUser, string TestPassword,
    int FinessePort, int MonitorPort, string MonitorPassword);
