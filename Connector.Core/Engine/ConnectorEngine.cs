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
/// item on one bounded queue, written there by its source (see ConnectorEngine.Input.cs), and is
/// handled in order on that loop, which never waits for the network:
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
    private readonly Channel<Work> _work;
    private readonly Channel<Outbound> _outbound;

    // State below is touched only by the engine loop.
    private readonly Dictionary<string, ClientSession> _clientSessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AgentSession> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingRequest> _pending = new(StringComparer.Ordinal);
    private readonly FinesseCallQueue _calls;
    private readonly RejectionLog _rejections;
    private readonly LoginThrottle _loginThrottle;
    private DateTimeOffset _nextThrottleForget;
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
        _loginThrottle = new LoginThrottle(options.LoginFailureLimit, options.LoginFailureBackoff, Math.Max(1000, options.MaxAgents * 10));
        _clients = clients;
        _finesse = finesse;
        _notifications = notifications;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
        _work = Channel.CreateBounded<Work>(new BoundedChannelOptions(options.WorkQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _outbound = Channel.CreateBounded<Outbound>(new BoundedChannelOptions(options.OutboundQueueCapacity)
        {
            SingleReader = true,
            SingleWriter = true, // the loop
            FullMode = BoundedChannelFullMode.Wait, // written with TryWrite: full means "refused", see Send
        });
        _calls = new FinesseCallQueue(options.MaxConcurrentFinesseRequests, options.MaxQueuedCallsPerAgent);
        _rejections = new RejectionLog(options.RejectionLogInterval);
        Metrics = metrics ?? new ConnectorMetrics(_time);
        _description = description ?? new MonitorDescription("", "", []);
        _startedAt = Now;
        _statusSince = _startedAt;
        _snapshot = BuildSnapshot();
        var input = new Input(this);
        clients.Attach(input);
        notifications.Attach(input);
    }

    /// <summary>The status last announced to clients.</summary>
    public SystemStatus Status => Volatile.Read(ref _status);

    /// <summary>Runs the engine until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _stopping = cancellationToken;
        using var timer = _time.CreateTimer(
            static state => ((ConnectorEngine)state!).Signal(Signals.Tick),
            this, _options.HousekeepingInterval, _options.HousekeepingInterval);

        var publishing = PublishLoopAsync(cancellationToken);
        try
        {
            await LoopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _work.Writer.TryComplete();
            _outbound.Writer.TryComplete();
            await publishing.ConfigureAwait(false);
        }
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var work in _work.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                // Signals first: a request read after the broker came back sees the broker up.
                TakeSignals();
                Run(work);
                while (_next.TryDequeue(out var next))
                {
                    Run(next);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void Run(Work work)
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
            case Work.Completion c:
                c.Continue();
                break;
            case Work.Broker b:
                HandleBrokerConnectivity(b.Connected);
                break;
            case Work.Tick:
                Housekeeping();
                RefreshSnapshot();
                break;
            case Work.Wake:
                break;
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

        await PostAsync(new Work.Completion(() => completed(failure))).ConfigureAwait(false);
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

        /// <summary>Broker connectivity, as taken in from its signal.</summary>
        public sealed record Broker(bool Connected) : Work;

        public sealed record Completion(Action Continue) : Work;

        /// <summary>Housekeeping, as taken in from its signal.</summary>
        public sealed record Tick : Work
        {
            public static readonly Tick Instance = new();
        }

        /// <summary>Wakes the loop to take in a signal (see <see cref="Signals"/>); carries nothing itself.</summary>
        public sealed record Wake : Work
        {
            public static readonly Wake Instance = new();
        }
    }
}
