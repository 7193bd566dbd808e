using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SiebelCti.ChainLoad;

/// <summary>Everything measured for one N.</summary>
internal sealed class RunResult
{
    public int Agents { get; set; }

    public string? Error { get; set; }

    public double EmulatorStartSeconds { get; set; }

    public int LoginsOk { get; set; }

    public int LoginsFailed { get; set; }

    public Dictionary<string, int> LoginFailures { get; set; } = [];

    public double LoginSeconds { get; set; }

    public double LoginCpuSeconds { get; set; }

    /// <summary>CPU seconds prosody spent while the logins ran (the lab's XMPP server, one core at most).</summary>
    public double LoginProsodyCpuSeconds { get; set; }

    public int StatusChanges { get; set; }

    public List<string> StatusChangeSamples { get; set; } = [];

    public Percentiles? Sequential { get; set; }

    public int SequentialFailed { get; set; }

    public Percentiles? BrokerRoundTrip { get; set; }

    public Dictionary<string, Percentiles> SequentialStages { get; set; } = [];

    public Burst? ReadyBurst { get; set; }

    public Burst? NotReadyBurst { get; set; }

    public double BurstCpuSeconds { get; set; }

    public double BurstProsodyCpuSeconds { get; set; }

    public Dictionary<string, Percentiles> BurstStages { get; set; } = [];

    public ProcessStats? Idle { get; set; }

    public ProcessStats? AfterLogin { get; set; }

    public ProcessStats? AfterBursts { get; set; }

    public ProcessStats? Final { get; set; }

    public int FailoverRepublished { get; set; }

    public double? FailoverRepublishSeconds { get; set; }

    public double? FailoverDetectedSeconds { get; set; }

    public List<string> FailoverStatus { get; set; } = [];

    public string? LoadAverage { get; set; }

    public static RunResult Failed(int agents, string error) => new() { Agents = agents, Error = error };

    public string Summary() => JsonSerializer.Serialize(this);
}

/// <summary>An all-at-once burst: confirmed by the expected AgentState, failed (by error code or "no answer"), last answer after the first send.</summary>
internal sealed record Burst(int Confirmed, int Failed, double Seconds, double SendSeconds, Dictionary<string, int> Failures)
{
    public override string ToString() =>
        $"{Confirmed} confirmed, {Failed} failed{(Failures.Count > 0 ? " (" + string.Join(", ", Failures.Select(f => $"{f.Key} {f.Value}")) + ")" : string.Empty)} in {Seconds:0.00} s";
}

/// <summary>Percentiles in milliseconds.</summary>
internal sealed record Percentiles(long Count, double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(List<double> values)
    {
        if (values.Count == 0)
        {
            return new Percentiles(0, 0, 0, 0, 0);
        }

        var sorted = values.Order().ToArray();
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(sorted.Length, At(0.50), At(0.95), At(0.99), sorted[^1]);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"n={Count} p50 {P50:0.###} p95 {P95:0.###} p99 {P99:0.###} max {Max:0.###} ms");
}

/// <summary>The Connector's stage histograms (monitor snapshot <c>stages</c>), between two snapshots.</summary>
internal static class Stages
{
    public static Dictionary<string, Percentiles> Diff(JsonElement before, JsonElement after)
    {
        var result = new Dictionary<string, Percentiles>(StringComparer.Ordinal);
        foreach (var stage in after.GetProperty("stages").EnumerateArray())
        {
            var name = stage.GetProperty("stage").GetString()!;
            var counts = Buckets(stage);
            foreach (var old in before.GetProperty("stages").EnumerateArray().Where(s => s.GetProperty("stage").GetString() == name))
            {
                foreach (var (us, count) in Buckets(old))
                {
                    counts[us] = counts.GetValueOrDefault(us) - count;
                }
            }

            var sorted = counts.Where(kv => kv.Value > 0).OrderBy(kv => kv.Key).ToList();
            var total = sorted.Sum(kv => kv.Value);
            double At(double p)
            {
                var rank = (long)Math.Ceiling(p * total);
                long seen = 0;
                foreach (var (us, count) in sorted)
                {
                    seen += count;
                    if (seen >= rank)
                    {
                        return us / 1000.0;
                    }
                }

                return 0;
            }

            result[name] = total == 0 ? new Percentiles(0, 0, 0, 0, 0) : new Percentiles(total, At(0.50), At(0.95), At(0.99), sorted[^1].Key / 1000.0);
        }

        return result;
    }

    private static Dictionary<double, long> Buckets(JsonElement stage)
    {
        var counts = new Dictionary<double, long>();
        foreach (var b in stage.GetProperty("buckets").EnumerateArray())
        {
            var us = b.GetProperty("microseconds").GetDouble();
            counts[us] = counts.GetValueOrDefault(us) + b.GetProperty("count").GetInt64();
        }

        return counts;
    }
}

/// <summary>The table and the plot of docs/benchmarks.md.</summary>
internal static class Report
{
    public static string Table(IReadOnlyList<RunResult> results)
    {
        var sb = new StringBuilder();
        var cols = results.Select(r => r.Agents.ToString("N0", CultureInfo.InvariantCulture)).ToList();
        sb.Append("| Figure | ").AppendJoin(" | ", cols).Append(" |\n|---|").Append(string.Concat(cols.Select(_ => "---:|"))).Append('\n');
        void Row(string name, Func<RunResult, string> value) =>
            sb.Append("| ").Append(name).Append(" | ").AppendJoin(" | ", results.Select(r => r.Error is null ? value(r) : "failed: " + r.Error)).Append(" |\n");
        string F(double v, string format = "0.0") => v.ToString(format, CultureInfo.InvariantCulture);
        string P(Percentiles? p) => p is null || p.Count == 0 ? "–" : $"{F(p.P50, "0.00")} / {F(p.P95, "0.00")} / {F(p.P99, "0.00")} / {F(p.Max, "0.0")}";
        string S(Dictionary<string, Percentiles> stages, string name) => stages.TryGetValue(name, out var p) ? P(p) : "–";
        Row("logins ok / failed", r => $"{r.LoginsOk} / {r.LoginsFailed}" + (r.LoginFailures.Count > 0 ? " (" + string.Join(", ", r.LoginFailures.Select(f => $"{f.Key} {f.Value}")) + ")" : string.Empty));
        Row("login wall time (s), 50 in flight", r => F(r.LoginSeconds));
        Row("Connector status changes seen by clients", r => r.StatusChanges.ToString(CultureInfo.InvariantCulture));
        Row("sequential Ready/NotReady round trip p50 / p95 / p99 / max (ms)", r => P(r.Sequential) + (r.SequentialFailed > 0 ? $" ({r.SequentialFailed} failed)" : string.Empty));
        Row("broker round trip, same phase (ms)", r => P(r.BrokerRoundTrip));
        Row("in-process request → REST sent, sequential (ms)", r => S(r.SequentialStages, "requestToFinesse"));
        Row("in-process request → REST call queued, sequential (ms)", r => S(r.SequentialStages, "requestToQueued"));
        Row("in-process notification → event published, sequential (ms)", r => S(r.SequentialStages, "notificationToPublished"));
        Row("Ready burst: confirmed / failed, duration", r => r.ReadyBurst is { } b ? $"{b.Confirmed} / {b.Failed}, {F(b.Seconds, "0.00")} s" : "–");
        Row("NotReady burst: confirmed / failed, duration", r => r.NotReadyBurst is { } b ? $"{b.Confirmed} / {b.Failed}, {F(b.Seconds, "0.00")} s" : "–");
        Row("in-process request → REST sent, bursts (ms)", r => S(r.BurstStages, "requestToFinesse"));
        Row("in-process request → REST call queued, bursts (ms)", r => S(r.BurstStages, "requestToQueued"));
        Row("REST queue wait, bursts (ms)", r => S(r.BurstStages, "finesseQueueWait"));
        Row("in-process notification → event published, bursts (ms)", r => S(r.BurstStages, "notificationToPublished"));
        Row("Connector CPU: logins / both bursts (s)", r => $"{F(r.LoginCpuSeconds)} / {F(r.BurstCpuSeconds)}");
        Row("prosody CPU: logins / both bursts (s)", r => $"{F(r.LoginProsodyCpuSeconds)} / {F(r.BurstProsodyCpuSeconds)}");
        Row("Connector RSS idle / after logins / after bursts / peak (MB)", r => $"{F(r.Idle?.RssMb ?? 0, "0")} / {F(r.AfterLogin?.RssMb ?? 0, "0")} / {F(r.AfterBursts?.RssMb ?? 0, "0")} / {F(r.Final?.PeakRssMb ?? 0, "0")}");
        Row("Connector threads / fds after bursts", r => $"{r.AfterBursts?.Threads} / {r.AfterBursts?.Fds}");
        Row("Connector XMPP sessions", r => (r.AfterBursts?.TcpSessionsToPort ?? 0).ToString(CultureInfo.InvariantCulture));
        Row("failover to side B: switch seen / all agents re-read (s)", r => $"{(r.FailoverDetectedSeconds is { } d ? F(d, "0.00") : "–")} / {(r.FailoverRepublishSeconds is { } s ? F(s, "0.00") : "–")} ({r.FailoverRepublished} of {r.Agents})");
        Row("load average at the end", r => r.LoadAverage ?? "–");
        return sb.ToString();
    }

    /// <summary>SVG: sequential round trip p99, in-process p99 (both directions) and Connector peak RSS against N.</summary>
    public static string Plot(IReadOnlyList<RunResult> results)
    {
        var ok = results.Where(r => r.Error is null).ToList();
        const int W = 720, H = 360, L = 70, R = 70, T = 40, B = 50;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}\" height=\"{H}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        sb.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{W / 2}\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">Chain load: latency and Connector RSS against agents (N)</text>\n");
        if (ok.Count == 0)
        {
            return sb.Append("</svg>\n").ToString();
        }

        var maxN = ok.Max(r => r.Agents);
        var series = new (string Name, string Color, Func<RunResult, double> Value, bool Right)[]
        {
            ("sequential round trip p99 (ms)", "#1f77b4", r => r.Sequential?.P99 ?? 0, false),
            ("in-process request→REST p99, bursts (ms, REST queue wait included)", "#2ca02c", r => r.BurstStages.GetValueOrDefault("requestToFinesse")?.P99 ?? 0, false),
            ("in-process request→REST call queued p99, bursts (ms)", "#ff7f0e", r => r.BurstStages.GetValueOrDefault("requestToQueued")?.P99 ?? 0, false),
            ("in-process notification→event p99, bursts (ms)", "#9467bd", r => r.BurstStages.GetValueOrDefault("notificationToPublished")?.P99 ?? 0, false),
            ("Connector peak RSS (MB, right axis)", "#d62728", r => r.Final?.PeakRssMb ?? r.AfterBursts?.RssMb ?? 0, true),
        };
        var maxLeft = Nice(ok.Max(r => series.Where(s => !s.Right).Max(s => s.Value(r))));
        var maxRight = Nice(Math.Max(600, ok.Max(r => series.Where(s => s.Right).Max(s => s.Value(r)))));
        double X(double n) => L + ((W - L - R) * n / maxN);
        double Y(double v, double max) => H - B - ((H - T - B) * v / max);
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{L}\" y1=\"{H - B}\" x2=\"{W - R}\" y2=\"{H - B}\" stroke=\"black\"/><line x1=\"{L}\" y1=\"{T}\" x2=\"{L}\" y2=\"{H - B}\" stroke=\"black\"/><line x1=\"{W - R}\" y1=\"{T}\" x2=\"{W - R}\" y2=\"{H - B}\" stroke=\"black\"/>\n");
        for (var i = 0; i <= 4; i++)
        {
            var y = Y(maxLeft * i / 4, maxLeft);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{L}\" y1=\"{y:0.#}\" x2=\"{W - R}\" y2=\"{y:0.#}\" stroke=\"#ddd\"/><text x=\"{L - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{maxLeft * i / 4:0.##}</text><text x=\"{W - R + 6}\" y=\"{y + 4:0.#}\">{maxRight * i / 4:0}</text>\n");
        }

        foreach (var r in ok)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(r.Agents):0.#}\" y=\"{H - B + 16}\" text-anchor=\"middle\">{r.Agents}</text>\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{W / 2}\" y=\"{H - 12}\" text-anchor=\"middle\">agents (N)</text><text x=\"16\" y=\"{H / 2}\" transform=\"rotate(-90 16 {H / 2})\" text-anchor=\"middle\">milliseconds</text><text x=\"{W - 14}\" y=\"{H / 2}\" transform=\"rotate(90 {W - 14} {H / 2})\" text-anchor=\"middle\">MB</text>\n");
        for (var k = 0; k < series.Length; k++)
        {
            var (name, color, value, right) = series[k];
            var points = string.Join(' ', ok.Select(r => string.Create(CultureInfo.InvariantCulture, $"{X(r.Agents):0.#},{Y(value(r), right ? maxRight : maxLeft):0.#}")));
            sb.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{points}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"{(right ? " stroke-dasharray=\"6 3\"" : string.Empty)}/>\n");
            foreach (var r in ok)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(r.Agents):0.#}\" cy=\"{Y(value(r), right ? maxRight : maxLeft):0.#}\" r=\"3\" fill=\"{color}\"/>\n");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{L + 10}\" y=\"{T + 4 + (k * 16)}\" width=\"12\" height=\"3\" fill=\"{color}\"/><text x=\"{L + 28}\" y=\"{T + 9 + (k * 16)}\">{name}</text>\n");
        }

        return sb.Append("</svg>\n").ToString();
    }

    private static double Nice(double max)
    {
        if (max <= 0)
        {
            return 1;
        }

        var step = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var m in new[] { 1.0, 2.0, 2.5, 5.0, 10.0 })
        {
            if (m * step >= max)
            {
                return m * step;
            }
        }

        return 10 * step;
    }
}
