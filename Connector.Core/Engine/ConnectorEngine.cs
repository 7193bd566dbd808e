using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SiebelCti.Connector.Engine.Monitoring;
using SiebelCti.Connector.Engine.Ports;
using SiebelCti.Connector.Contract;

namespace SiebelCti.Connector.Engine;

/// <summary>
/// The Generic Connector engine: requests from drivers in, Finesse REST calls out, Finesse
/// notifications in, contract events out to every client of the agent.
/// </summary>
/// <remarks>
/// One loop owns all state (clients, agents, pending requests, service status). Everything that
/// happens — a request, a notification, a finished REST call, a housekeeping tick — becomes a work
/// item on one channel and is handled in order on that loop, which never waits for the network:
/// REST calls run as tasks whose completions are posted back as work items. Publishing to the
/// broker runs on its own loop so a slow broker never stalls request handling.
/// </remarks>
public sealed partial class ConnectorEngine
{
    private readonly EngineOptions _options;
    private readonly IClientChannel _clients;
    private readonly IFinesseGateway _finesse;
    private readonly IFinesseNotifications _notifications;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Channel<Work> _work = Channel.CreateUnbounded<Work>(new() { SingleReader = true });
    private readonly Channel<Outbound> _outbound = Channel.CreateUnbounded<Outbound>(new() { SingleReader = true });

    // State below is touched only by the engine loop.
    private readonly Dictionary<string, ClientSession> _clientSessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AgentSession> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingRequest> _pending = new(StringComparer.Ordinal);
    private readonly FinesseCallQueue _calls;
    private readonly RejectionLog _rejections;
    private bool _brokerConnected;
    private FinesseHealthNotification _finesseHealth = new(false, null, null, "Finesse not checked yet");
    private SystemStatus _status = new(SystemStatus.OutOfService, "starting");
    private CancellationToken _stopping;
    private readonly MonitorDescription _description;
    private readonly DateTimeOffset _startedAt;

    public ConnectorEngine(
        EngineOptions options,
        IClientChannel clients,
        IFinesseGateway finesse,
        IFinesseNotifications notifications,
        ILogger<ConnectorEngine> logger,
        TimeProvider? timeProvider = null,
        ConnectorMetrics? metrics = null,
        MonitorDescription? description = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException("invalid engine options: " + string.Join("; ", problems), nameof(options));
        }

        _options = options;
        _clients = clients;
        _finesse = finesse;
        _notifications = notifications;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
        _calls = new FinesseCallQueue(options.MaxConcurrentFinesseRequests, options.MaxQueuedCallsPerAgent);
        _rejections = new RejectionLog(options.RejectionLogInterval);
        Metrics = metrics ?? new ConnectorMetrics(_time);
        _description = description ?? new MonitorDescription("", "", []);
        _startedAt = Now;
        _statusSince = _startedAt;
        _snapshot = BuildSnapshot();
    }

    /// <summary>The status last announced to clients.</summary>
    public SystemStatus Status => Volatile.Read(ref _status);

    /// <summary>Runs the engine until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _stopping = cancellationToken;
        using var timer = _time.CreateTimer(
            static state => ((ConnectorEngine)state!)._work.Writer.TryWrite(Work.Tick.Instance),
            this, _options.HousekeepingInterval, _options.HousekeepingInterval);

        Task[] loops =
        [
            PumpAsync(_clients.Requests, r => new Work.Request(r, Now), cancellationToken),
            PumpAsync(_clients.ConnectivityChanges, c => new Work.Broker(c), cancellationToken),
            PumpAsync(_notifications.Notifications, n => new Work.Notification(n, Now), cancellationToken),
            PublishLoopAsync(cancellationToken),
        ];

        try
        {
            await LoopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _work.Writer.TryComplete();
            _outbound.Writer.TryComplete();
            await Task.WhenAll(loops).ConfigureAwait(false);
        }
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var work in _work.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    Handle(work);
                    _snapshotDirty = true;
                }
                catch (Exception ex)
                {
                    // A bug in one handler must not stop the connector for every agent.
                    Log.WorkFailed(_logger, work.GetType().Name, ex);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void Handle(Work work)
    {
        switch (work)
        {
            case Work.Request r:
                HandleRequest(r.Inbound, r.Received);
                break;
            case Work.Notification n:
                // Events sent while this notification is handled carry the time it was taken in.
                _notificationReceived = n.Received;
                try
                {
                    HandleNotification(n.Value);
                }
                finally
                {
                    _notificationReceived = null;
                }

                break;
            case Work.Broker b:
                HandleBrokerConnectivity(b.Connected);
                break;
            case Work.Completion c:
                c.Continue();
                break;
            case Work.Tick:
                Housekeeping();
                RefreshSnapshot();
                break;
        }
    }

    private async Task PumpAsync<T>(ChannelReader<T> source, Func<T, Work> wrap, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in source.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                _work.Writer.TryWrite(wrap(item));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Log.PumpFailed(_logger, typeof(T).Name, ex);
        }
    }

    /// <summary>
    /// Starts <paramref name="operation"/> off the loop and posts <paramref name="completed"/> back
    /// to it with the exception (null on success). The loop never awaits the network.
    /// </summary>
    private void Start(Func<CancellationToken, Task> operation, Action<Exception?> completed)
    {
        _ = RunOperationAsync(operation, completed);
    }

    private async Task RunOperationAsync(Func<CancellationToken, Task> operation, Action<Exception?> completed)
    {
        Exception? failure = null;
        try
        {
            await operation(_stopping).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        _work.Writer.TryWrite(new Work.Completion(() => completed(failure)));
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    // The notification the loop is handling (when it was taken in), for the NotificationToPublished stage.
    private DateTimeOffset? _notificationReceived;

    /// <summary>Everything the engine loop handles, in arrival order.</summary>
    private abstract record Work
    {
        /// <summary>A driver's request; <paramref name="Received"/>: when the engine took it from the broker channel.</summary>
        public sealed record Request(WireMessage Inbound, DateTimeOffset Received) : Work;

        /// <summary>A Finesse notification; <paramref name="Received"/>: when the engine took it from the notification hub.</summary>
        public sealed record Notification(FinesseNotification Value, DateTimeOffset Received) : Work;

        public sealed record Broker(bool Connected) : Work;

        public sealed record Completion(Action Continue) : Work;

        public sealed record Tick : Work
        {
            public static readonly Tick Instance = new();
        }
    }
}
