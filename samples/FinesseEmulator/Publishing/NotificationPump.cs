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

/// <summary>
/// Background loop: provisions XMPP accounts, then publishes every queued notification. Up to
/// <see cref="MaxInFlight"/> publishes are outstanding at once (Finesse's notification service does
/// not wait for one agent's item to be acknowledged before sending the next agent's); the
/// notifications of one agent stay in order across its nodes (<c>/finesse/api/User/{id}</c> and
/// <c>…/Dialogs</c>: a call's end must not be overtaken by the state that follows it), and those of
/// any other node in order per node: one is published only after the previous one of its order key
/// ended (acknowledged, failed or given up).
/// </summary>
public sealed class NotificationPump(
    NotificationQueue queue, INotificationPublisher publisher, IAccountProvisioner provisioner, PublisherStatus status, ILogger<NotificationPump> logger) : BackgroundService
{
    /// <summary>Publishes outstanding at once, over all nodes.</summary>
    public const int MaxInFlight = 64;

    private readonly SemaphoreSlim _slots = new(MaxInFlight, MaxInFlight);
    // The last publish of each order key (bounded by the emulator's agents and teams).
    private readonly Dictionary<string, Task> _lastByNode = new(StringComparer.Ordinal);

    private const string UserNodePrefix = "/finesse/api/User/";

    /// <summary>What must stay in order with <paramref name="node"/>: the agent for its user and dialog nodes, else the node.</summary>
    internal static string OrderKey(string node)
    {
        if (!node.StartsWith(UserNodePrefix, StringComparison.Ordinal))
        {
            return node;
        }

        var end = node.IndexOf('/', UserNodePrefix.Length);
        return end < 0 ? node : node[..end];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await provisioner.ProvisionAsync(stoppingToken).ConfigureAwait(false);
            await publisher.StartAsync(stoppingToken).ConfigureAwait(false);
            status.SetReady();
            await foreach (var n in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await _slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                lock (_lastByNode)
                {
                    var key = OrderKey(n.Node);
                    var previous = _lastByNode.GetValueOrDefault(key) ?? Task.CompletedTask;
                    _lastByNode[key] = PublishAfterAsync(previous, n, stoppingToken);
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

    private async Task PublishAfterAsync(Task previous, Notification n, CancellationToken stoppingToken)
    {
        try
        {
            await previous.ConfigureAwait(false); // never faults: failures are logged below
            await publisher.PublishAsync(n.Node, NotificationEnvelope.Build(n), stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Log.PublishFailed(logger, ex, n.Node);
        }
        finally
        {
            _slots.Release();
        }
    }
}
