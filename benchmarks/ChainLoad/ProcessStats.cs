using System.Globalization;

namespace SiebelCti.ChainLoad;

/// <summary>What /proc says about one process (Linux): memory, CPU time, threads, descriptors, TCP sessions to a port.</summary>
internal sealed record ProcessStats(double RssMb, double PeakRssMb, double CpuSeconds, int Threads, int Fds, int TcpSessionsToPort)
{
    private const double TicksPerSecond = 100.0; // USER_HZ on Linux

    public static ProcessStats Read(int pid, int remotePort)
    {
        double rss = 0, hwm = 0;
        var threads = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kb(line) / 1024.0;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kb(line) / 1024.0;
            }
            else if (line.StartsWith("Threads:", StringComparison.Ordinal))
            {
                threads = (int)Kb(line);
            }
        }

        return new ProcessStats(rss, hwm, CpuSecondsOf(pid), threads, Directory.GetFiles($"/proc/{pid}/fd").Length, TcpSessions(pid, remotePort));
    }

    /// <summary>utime + stime of the process, in seconds.</summary>
    public static double CpuSecondsOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>Established TCP connections of the process whose remote port is <paramref name="port"/>.</summary>
    private static int TcpSessions(int pid, int port)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fd in Directory.GetFiles($"/proc/{pid}/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                {
                    inodes.Add(target[8..^1]);
                }
            }
            catch (IOException)
            {
            }
        }

        var hexPort = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        var count = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/net/tcp").Skip(1).Concat(File.ReadLines($"/proc/{pid}/net/tcp6").Skip(1)))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length > 9 && f[2].EndsWith(hexPort, StringComparison.Ordinal) && f[3] == "01" && inodes.Contains(f[9]))
            {
                count++;
            }
        }

        return count;
    }

    private static double Kb(string line) =>
        double.Parse(line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
