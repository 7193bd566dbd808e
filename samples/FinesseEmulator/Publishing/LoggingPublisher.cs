using System.Xml.Linq;

namespace SiebelCti.FinesseEmulator.Publishing;

/// <summary>Used when Emulator:Xmpp:Enabled is false: notifications are only logged (Debug).</summary>
public sealed partial class LoggingPublisher(ILogger<LoggingPublisher> logger) : INotificationPublisher
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PublishAsync(string node, XElement item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        LogItem(logger, node, item.ToString(SaveOptions.DisableFormatting));
        return Task.CompletedTask;
    }

    [LoggerMessage(7100, LogLevel.Debug, "Notification for {Node}: {Item}")]
    private static partial void LogItem(ILogger logger, string node, string item);
}
