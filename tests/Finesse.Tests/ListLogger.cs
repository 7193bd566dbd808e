using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SiebelCti.Finesse.Tests;

/// <summary>Collects formatted log lines (with event id) for assertions.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, EventId Id, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, eventId, formatter(state, exception) + (exception is null ? "" : " | " + exception)));
}
