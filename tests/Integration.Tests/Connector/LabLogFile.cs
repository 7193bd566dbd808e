using System.Globalization;
using Microsoft.Extensions.Logging;

namespace SiebelCti.Integration.Tests.Connector;

/// <summary>
/// Writes an in-process Connector's log (Information and above) to
/// <c>$SIEBELCTI_RUN/test-logs/NAME.log</c>, so that a failed test over real parts can be explained
/// from what the engine, the hub and the broker channel said. Without SIEBELCTI_RUN nothing is written.
/// </summary>
internal sealed class LabLogFile : ILoggerFactory, ILoggerProvider
{
    private readonly Lock _gate = new();
    private readonly StreamWriter? _writer;

    public LabLogFile(string name)
    {
        var run = Environment.GetEnvironmentVariable("SIEBELCTI_RUN");
        if (string.IsNullOrEmpty(run))
        {
            return;
        }

        var dir = System.IO.Path.Combine(run, "test-logs");
        Directory.CreateDirectory(dir);
        Path = System.IO.Path.Combine(dir, name + ".log");
        _writer = new StreamWriter(Path, append: false) { AutoFlush = true };
    }

    /// <summary>Where the log is written, or null.</summary>
    public string? Path { get; }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _writer?.Dispose();
        }
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            try
            {
                _writer?.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // a late line after the fixture ended
            }
        }
    }

    private sealed class Logger(LabLogFile owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => owner._writer is not null && logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var time = TimeProvider.System.GetUtcNow().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
            owner.Write($"{time} {logLevel} {category}[{eventId.Id}] {formatter(state, exception)}{(exception is null ? "" : " | " + exception.GetType().Name + ": " + exception.Message)}");
        }
    }
}
