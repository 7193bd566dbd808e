using System.Threading.Channels;
using SiebelCti.FinesseEmulator.Engine;

namespace SiebelCti.FinesseEmulator.Publishing;

/// <summary>
/// The queue between the engine (which must not do I/O under its lock) and the publisher: one
/// reader loop publishes notifications in the order the engine produced them.
/// </summary>
public sealed class NotificationQueue
{
    private readonly Channel<Notification> _channel = Channel.CreateUnbounded<Notification>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });

    public void Enqueue(Notification notification) => _channel.Writer.TryWrite(notification);

    public ChannelReader<Notification> Reader => _channel.Reader;
}

/// <summary>Background loop: provisions XMPP accounts, then publishes every queued notification.</summary>
public sealed class NotificationPump(
    NotificationQueue queue, INotificationPublisher publisher, IAccountProvisioner provisioner, ILogger<NotificationPump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await provisioner.ProvisionAsync(stoppingToken).ConfigureAwait(false);
            await publisher.StartAsync(stoppingToken).ConfigureAwait(false);
            await foreach (var n in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await publisher.PublishAsync(n.Node, NotificationEnvelope.Build(n), stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.PublishFailed(logger, ex, n.Node);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Log.PumpFailed(logger, ex);
        }
    }
}
