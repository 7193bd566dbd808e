using System.Diagnostics;
using System.Globalization;
using System.Text;
using SiebelCti.Integration.Tests.Connector;

namespace SiebelCti.Integration.Tests.EndToEnd;

/// <summary>
/// Plays Siebel through the C host <c>tests/native/e2e/siebel_e2e_host.c</c>: a gcc-built process
/// that loads the published <c>libSiebelCtiDriver.so</c> with dlopen, configured for the real broker
/// and the Connector's request queue. Commands go to the host's stdin, every driver callback comes
/// back as one line on its stdout (protocol in the C file's header). Waits are for conditions with a
/// generous timeout; a callback that breaks the ABI (a PROBLEM line) or a host that dies fails the
/// test at the next wait.
/// </summary>
public sealed class SiebelHost : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly List<HostLine> _lines = [];
    private readonly Dictionary<string, int> _marks = [];
    private readonly Dictionary<string, TaskCompletionSource<long>> _results = [];
    private readonly StringBuilder _stderr = new();
    private readonly Task _stdoutPump;
    private readonly Task _stderrPump;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextId;
    private bool _exited;

    private SiebelHost(Process process)
    {
        _process = process;
        _stdoutPump = Task.Run(PumpStdoutAsync);
        _stderrPump = Task.Run(PumpStderrAsync);
    }

    /// <summary>Where the tests find the published driver and the compiled host (scripts/test.sh builds both).</summary>
    public static string DriverPath => Path.Combine(Root, "artifacts", "driver", "libSiebelCtiDriver.so");

    public static string HostPath => Path.Combine(Root, "tests", "native", "build", "siebel_e2e_host");

    private static string Root => Environment.GetEnvironmentVariable("SIEBELCTI_ROOT") is { Length: > 0 } root
        ? root
        : throw new InvalidOperationException("SIEBELCTI_ROOT is not set: run these tests through 'bash scripts/test.sh'.");

    /// <summary>The agent service names (SVC) of this host, in order of creation.</summary>
    public List<string> Services { get; } = [];

    /// <summary>
    /// Starts the host, runs Siebel's load sequence and creates one driver instance for the
    /// Connector of <paramref name="connector"/> over the real broker.
    /// </summary>
    public static Task<SiebelHost> StartAsync(ConnectorUnderTest connector, double requestTimeoutSeconds = 20, params string[] driverParameters) =>
        StartAsync(connector, new ProcessStartInfo(HostPath, [DriverPath]), [HostPath, DriverPath], requestTimeoutSeconds, driverParameters);

    /// <summary>
    /// As <see cref="StartAsync(ConnectorUnderTest, double, string[])"/> with another host command line (such as
    /// the MinGW-built host under Wine, <see cref="WineSiebelHost"/>); <paramref name="files"/> must exist.
    /// </summary>
    internal static async Task<SiebelHost> StartAsync(ConnectorUnderTest connector, ProcessStartInfo start, IEnumerable<string> files, double requestTimeoutSeconds = 20, params string[] driverParameters)
    {
        foreach (var path in files)
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"{path} does not exist: scripts/test.sh compiles the hosts in tests/native and scripts/publish-driver.sh publishes the drivers. Run 'bash scripts/test.sh'.");
            }
        }

        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.StandardInputEncoding = new UTF8Encoding(false);
        start.StandardOutputEncoding = Encoding.UTF8;
        start.StandardErrorEncoding = Encoding.UTF8;
        start.UseShellExecute = false;
        start.Environment.Remove("SIEBELCTI_DRIVER_TEST_HOOKS"); // the real connector, never the loopback
        var host = new SiebelHost(Process.Start(start) ?? throw new InvalidOperationException($"cannot start {start.FileName}"));
        await host.WaitForLineAsync(null, "HELLO", _ => true, 0);
        // A driver user of the lab broker, as on a Siebel server: it may read only its own client topics.
        var user = TestServices.DriverUser;
        var clientId = user.ClientId("e2e-" + Guid.NewGuid().ToString("N")[..12]);
        var rc = await host.CommandAsync(["driver", "BrokerUri=" + ConnectorUnderTest.BrokerUri, "BrokerUser=" + user.Name, "BrokerPassword=" + user.Password, "ClientId=" + clientId,
            "RequestQueue=" + connector.RequestQueue, "RequestTimeout=" + requestTimeoutSeconds.ToString(CultureInfo.InvariantCulture), .. driverParameters]);
        Assert.True(rc == 0, $"CreateISCDriverInstance returned {rc}");
        return host;
    }

    /// <summary>
    /// RequestService for agent service <paramref name="svc"/>; waits for the LOGGED OUT toolbar and the
    /// Connector's IN_SERVICE status, as an agent's Siebel session starts.
    /// </summary>
    public async Task AddServiceAsync(string svc, params string[] parameters)
    {
        lock (_gate)
        {
            Services.Add(svc);
            _marks[svc] = _lines.Count;
        }

        var rc = await CommandAsync(["service", svc, .. parameters]);
        Assert.True(rc == 0, $"RequestService({svc}) returned {rc}");
        await WaitForToolbarAsync(svc, Toolbar.LoggedOut);
        await WaitForEventAsync(svc, "ConnectorStatus", e => e["Status"] == "IN_SERVICE");
    }

    /// <summary>
    /// InvokeCommand(<paramref name="command"/>) for <paramref name="svc"/> with key/value pairs;
    /// asserts the export's result (SC_EC_OK unless <paramref name="expect"/>) and returns the
    /// clntCmdTrackID used. Later waits for this service look only at callbacks after this call.
    /// </summary>
    public async Task<string> InvokeAsync(string svc, string command, IReadOnlyDictionary<string, string>? parameters = null,
        string? stringParam = null, long expect = 0)
    {
        var track = $"{svc}-{Interlocked.Increment(ref _nextId)}";
        Mark(svc);
        var rc = await CommandAsync(["invoke", svc, track, command, stringParam ?? "", .. (parameters ?? new Dictionary<string, string>()).Select(p => $"{p.Key}={p.Value}")]);
        Assert.True(rc == expect, $"{svc}: InvokeCommand({command}) returned {rc}, expected {expect}");
        return track;
    }

    /// <summary>A work-item export (accept, release, suspend, resume) on <paramref name="workItem"/>.</summary>
    public async Task WorkItemAsync(string svc, string call, string workItem, long expect = 0)
    {
        Mark(svc);
        var rc = await CommandAsync(call, svc, workItem);
        Assert.True(rc == expect, $"{svc}: {call} work item {workItem} returned {rc}, expected {expect}");
    }

    /// <summary>From now on, waits for <paramref name="svc"/> look only at later callbacks.</summary>
    public void Mark(string svc)
    {
        lock (_gate)
        {
            _marks[svc] = _lines.Count;
        }
    }

    /// <summary>The first HandleEvent <paramref name="name"/> of <paramref name="svc"/> since its mark that matches.</summary>
    public async Task<HostEvent> WaitForEventAsync(string svc, string name, Func<HostEvent, bool>? match = null)
    {
        var line = await WaitForLineAsync(svc, "EVENT", l => l.Fields[0] == name && (match is null || match(HostEvent.Of(l))), MarkOf(svc), $"HandleEvent {name}");
        return HostEvent.Of(line);
    }

    /// <summary>The first callback of <paramref name="kind"/> (INDICATE, STARTED, SUSPENDED, RESUMED, RELEASED, ERROR, CLEANALL, STATUS) since the mark.</summary>
    public Task<HostLine> WaitForCallbackAsync(string svc, string kind, Func<HostLine, bool>? match = null) =>
        WaitForLineAsync(svc, kind, l => match is null || match(l), MarkOf(svc), kind);

    /// <summary>Waits until the last CacheCommandInformation of <paramref name="svc"/> enables exactly <paramref name="expected"/>.</summary>
    public async Task WaitForToolbarAsync(string svc, IReadOnlySet<string> expected)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            Task changed;
            string? last;
            lock (_gate)
            {
                ThrowIfProblems();
                last = _lines.LastOrDefault(l => l.Kind == "TOOLBAR" && l.Service == svc)?.Fields[0];
                if (last is not null && Toolbar.Parse(last).SetEquals(expected))
                {
                    return;
                }

                changed = _changed.Task;
            }

            if (!await WaitChangedAsync(changed, deadline))
            {
                throw new TimeoutException($"{svc}: the toolbar did not become [{string.Join(",", expected.Order())}] within {Wait.TotalSeconds} s; last [{last}]{Tail(svc)}");
            }
        }
    }

    /// <summary>Every callback line of <paramref name="svc"/> so far.</summary>
    public IReadOnlyList<HostLine> LinesOf(string svc)
    {
        lock (_gate)
        {
            return [.. _lines.Where(l => l.Service == svc)];
        }
    }

    /// <summary>Fails if the driver broke an ABI rule (overlapping callbacks, callbacks after release, bad lists).</summary>
    public void AssertNoProblems()
    {
        lock (_gate)
        {
            ThrowIfProblems();
        }
    }

    /// <summary>Sends one command line; returns the SCErrorCode of the export.</summary>
    public async Task<long> CommandAsync(params string[] fields)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        var result = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_exited)
            {
                throw new InvalidOperationException($"the Siebel host has exited{Tail(null)}");
            }

            _results[id] = result;
            _process.StandardInput.Write(string.Join('\t', new[] { id }.Concat(fields).Select(Escape)) + "\n");
            _process.StandardInput.Flush();
        }

        try
        {
            return await result.Task.WaitAsync(Wait, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the Siebel host did not return from '{string.Join(' ', fields)}' within {Wait.TotalSeconds} s{Tail(null)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            lock (_gate)
            {
                _process.StandardInput.Close(); // end of input: the host releases every service and the driver
            }
        }
        catch (IOException)
        {
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        await _stdoutPump;
        await _stderrPump;
        _process.Dispose();
    }

    private int MarkOf(string svc)
    {
        lock (_gate)
        {
            return _marks.GetValueOrDefault(svc);
        }
    }

    private async Task<HostLine> WaitForLineAsync(string? svc, string kind, Func<HostLine, bool> match, int from, string? what = null)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                ThrowIfProblems();
                for (var i = from; i < _lines.Count; i++)
                {
                    var line = _lines[i];
                    if (line.Kind == kind && line.Service == svc && match(line))
                    {
                        return line;
                    }
                }

                if (_exited)
                {
                    throw new InvalidOperationException($"the Siebel host exited before {what ?? kind}{Tail(svc)}");
                }

                changed = _changed.Task;
            }

            if (!await WaitChangedAsync(changed, deadline))
            {
                throw new TimeoutException($"{svc}: no {what ?? kind} within {Wait.TotalSeconds} s{Tail(svc)}");
            }
        }
    }

    private static async Task<bool> WaitChangedAsync(Task changed, Stopwatch since)
    {
        var left = Wait - since.Elapsed;
        if (left <= TimeSpan.Zero)
        {
            return false;
        }

        try
        {
            await changed.WaitAsync(left, TestContext.Current.CancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private void ThrowIfProblems()
    {
        var problems = _lines.Where(l => l.Kind is "PROBLEM" or "FATAL").ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("the Siebel host reported: " + string.Join(" | ", problems.Select(p => $"{p.Service}: {string.Join(' ', p.Fields)}")));
        }
    }

    private string Tail(string? svc)
    {
        lock (_gate)
        {
            var mine = _lines.Where(l => svc is null || l.Service == svc).TakeLast(25).Select(l => $"  {l.Kind} {l.Service} {string.Join(" | ", l.Fields)}");
            return $"\nlast callbacks:\n{string.Join('\n', mine)}\nhost stderr: {_stderr}";
        }
    }

    private async Task PumpStdoutAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } text)
        {
            var fields = text.Split('\t').Select(Unescape).ToArray();
            lock (_gate)
            {
                if (fields[0] == "RESULT")
                {
                    if (_results.Remove(fields[1], out var result))
                    {
                        result.TrySetResult(long.Parse(fields[2], CultureInfo.InvariantCulture));
                    }

                    continue;
                }

                // Lines of a service: KIND SVC ...; HELLO and FATAL have no service.
                var line = fields[0] is "HELLO" or "FATAL"
                    ? new HostLine(fields[0], null, fields[1..])
                    : new HostLine(fields[0], fields.Length > 1 ? fields[1] : null, fields.Length > 2 ? fields[2..] : []);
                _lines.Add(line);
                Signal();
            }
        }

        lock (_gate)
        {
            _exited = true;
            foreach (var pending in _results.Values)
            {
                pending.TrySetException(new InvalidOperationException($"the Siebel host exited{Tail(null)}"));
            }

            Signal();
        }
    }

    private async Task PumpStderrAsync()
    {
        while (await _process.StandardError.ReadLineAsync() is { } text)
        {
            lock (_gate)
            {
                if (_stderr.Length < 20_000)
                {
                    _stderr.AppendLine(text);
                }
            }
        }
    }

    private void Signal()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    private static string Escape(string field) =>
        field.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);

    private static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var sb = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 1 < field.Length)
            {
                i++;
                sb.Append(field[i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', var c => c });
            }
            else
            {
                sb.Append(field[i]);
            }
        }

        return sb.ToString();
    }
}

/// <summary>One line of the host: the callback kind, the agent service, the callback's arguments.</summary>
public sealed record HostLine(string Kind, string? Service, string[] Fields);

/// <summary>A HandleEvent: its name, trackingID and fields by name.</summary>
public sealed record HostEvent(string Name, string Tracking, IReadOnlyDictionary<string, string> Fields)
{
    public string? this[string key] => Fields.GetValueOrDefault(key);

    public static HostEvent Of(HostLine line)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kv in line.Fields.Skip(2))
        {
            var eq = kv.IndexOf('=', StringComparison.Ordinal);
            fields[eq < 0 ? kv : kv[..eq]] = eq < 0 ? "" : kv[(eq + 1)..];
        }

        return new HostEvent(line.Fields[0], line.Fields[1], fields);
    }
}

/// <summary>
/// The enabled toolbar commands of each state, as ARCHITECTURE.md §4 lists them, with AttachData
/// during a call and ChangeNotReadyState (to change the reason) while Not Ready (docs/native-abi.md).
/// </summary>
public static class Toolbar
{
    public static readonly IReadOnlySet<string> LoggedOut = Set("LogIn");
    public static readonly IReadOnlySet<string> NotReady = Set("ChangeReadyState", "ChangeNotReadyState", "MakeCall", "ResetState", "LogOut");
    public static readonly IReadOnlySet<string> Ready = Set("ChangeNotReadyState");
    public static readonly IReadOnlySet<string> Alerting = Set("AnswerCall", "AttachData");
    public static readonly IReadOnlySet<string> Active = Set("ReleaseCall", "HoldCall", "ConsultCall", "BlindTransfer", "SendDTMF", "AttachData");
    public static readonly IReadOnlySet<string> Held = Set("ReleaseCall", "RetrieveCall", "AttachData");
    public static readonly IReadOnlySet<string> ConsultActive = Set("ReleaseCall", "TransferComplete", "ConferenceComplete", "HoldCall", "AttachData");
    public static readonly IReadOnlySet<string> WrapUp = Set("ChangeReadyState", "ChangeNotReadyState", "SetWrapUp");

    public static HashSet<string> Parse(string enabled) => [.. enabled.Split(',', StringSplitOptions.RemoveEmptyEntries)];

    private static HashSet<string> Set(params string[] commands) => [.. commands];
}
