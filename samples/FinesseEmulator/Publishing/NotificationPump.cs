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

/// <summary>Completes once XMPP accounts are provisioned and the publisher is connected (tests and the demo wait for it).</summary>
public sealed class PublisherStatus
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ready => _ready.Task;

    internal void SetReady() => _ready.TrySetResult();

    internal void SetFailed(Exception ex) => _ready.TrySetException(ex);
}

/// <summary>Background loop: provisions XMPP accounts, then publishes every queued notification.</summary>
public sealed class NotificationPump(
    NotificationQueue queue, INotificationPublisher publisher, IAccountProvisioner provisioner, PublisherStatus status, ILogger<NotificationPump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await provisioner.ProvisionAsync(stoppingToken).ConfigureAwait(false);
            await publisher.StartAsync(stoppingToken).ConfigureAwait(false);
            status.SetReady();
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
            status.SetFailed(ex);
            Log.PumpFailed(logger, ex);
        }
    }
}
