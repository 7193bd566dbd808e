using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace SiebelCti.Integration.Tests.Xmpp;

/// <summary>Captures the client's wire trace (category SiebelCti.Wire.Xmpp) so tests can see what really crossed the socket.</summary>
internal sealed partial class WireLog : ILoggerFactory, ILoggerProvider
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Pings we sent whose id came back in a result.</summary>
    public int AnsweredPings()
    {
        var lines = Lines;
        var sent = lines.Where(l => l.Contains("=>", StringComparison.Ordinal) && l.Contains("urn:xmpp:ping", StringComparison.Ordinal))
            .Select(l => Id().Match(l).Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        return lines.Count(l => l.Contains("<=", StringComparison.Ordinal) && l.Contains("type='result'", StringComparison.Ordinal) && sent.Contains(Id().Match(l).Groups[1].Value));
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    [GeneratedRegex("id='([^']*)'")]
    private static partial Regex Id();

    private sealed class Logger(WireLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => category == "SiebelCti.Wire.Xmpp" || logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner._lines)
            {
                owner._lines.Add(category + " " + formatter(state, exception));
            }
        }
    }
}
