using Microsoft.Extensions.Logging;
using SiebelCti.Connector.Engine.Ports;
using SiebelCti.Finesse;
using SiebelCti.Finesse.Notifications;
using SiebelCti.Finesse.Rest;
using SiebelCti.Finesse.Xmpp;
using SiebelCti.Connector.Diagnostics;

namespace SiebelCti.Connector.Engine.Adapters;

/// <summary>
/// The engine's notification port: one XMPP session per signed-in agent with its own credentials
/// (Finesse signs out an agent whose session is gone). Finesse subscribes every user to its own User
/// and Dialogs nodes (no subscribe IQ is needed, and an explicit one with the full JID would create a
/// second subscription and deliver every Update twice); Updates are decoded and mapped to <see cref="FinesseNotification"/>s. A SystemInfo poll
/// follows Finesse's status and active side; when the side changes, agents' sessions move to that
/// side's notification service.
/// </summary>
public sealed partial class FinesseNotificationHub : IFinesseNotifications, IAsyncDisposable
{
    private readonly FinesseNotificationOptions _options;
    private readonly FinesseRestClient _rest;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly FinesseNotificationParser _parser = new();
    private IEngineInput? _engine;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _opens;
    private readonly Dictionary<string, AgentSubscription> _agents = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private int _disposed;
    private Task? _healthLoop;
    private FinesseHealthNotification? _lastHealth;

    public FinesseNotificationHub(FinesseNotificationOptions options, FinesseRestClient rest, ILoggerFactory loggerFactory, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException("invalid notification options: " + string.Join("; ", problems), nameof(options));
        }

        _options = options;
        _rest = rest;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<FinesseNotificationHub>();
        _time = timeProvider ?? TimeProvider.System;
        _opens = new SemaphoreSlim(options.MaxConcurrentOpens, options.MaxConcurrentOpens);
    }

    public void Attach(IEngineInput engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (Interlocked.CompareExchange(ref _engine, engine, null) is not null)
        {
            throw new InvalidOperationException("The notification hub is attached to an engine already.");
        }
    }

    /// <summary>Starts following Finesse's health (SystemInfo) until disposed; the engine must be attached.</summary>
    public void Start()
    {
        _ = Engine;
        _healthLoop ??= Task.Run(() => HealthLoopAsync(_stop.Token));
    }

    private IEngineInput Engine => Volatile.Read(ref _engine) ?? throw new InvalidOperationException("The notification hub has no engine attached.");

    /// <summary>
    /// Hands <paramref name="notification"/> to the engine, waiting while its queue is full: the
    /// session's dispatcher waits with it, and the session stops reading (see <see cref="IXmppEventSink"/>).
    /// </summary>
    private async ValueTask PostAsync(FinesseNotification notification)
    {
        try
        {
            await Engine.NotificationAsync(notification, _stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopping: nothing takes notifications any more.
        }
    }

    /// <remarks>
    /// The engine calls this only for an agent whose credentials Finesse has just accepted and that
    /// has no working session, one call per agent at a time. A session of the agent that failed for
    /// good is replaced; a working one with the same credentials is kept. At most
    /// <see cref="FinesseNotificationOptions.MaxConcurrentOpens"/> sessions open at once, so a
    /// shift-start burst does not open thousands of TLS connections together.
    /// </remarks>
    public async Task SubscribeAsync(AgentCredentials agent, CancellationToken cancellationToken)
    {
        AgentSubscription? previous;
        lock (_gate)
        {
            if (_agents.TryGetValue(agent.AgentId, out previous) && previous.Credentials == agent && previous.Client.State != XmppState.Failed)
            {
                return;
            }
        }

        if (previous is not null)
        {
            await CloseAsync(previous).ConfigureAwait(false);
        }

        var subscription = new AgentSubscription(agent, CreateClient(agent, ActiveHost()));
        await _opens.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await OpenAsync(subscription, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _opens.Release();
        }

        lock (_gate)
        {
            _agents[agent.AgentId] = subscription;
        }
    }

    public async Task UnsubscribeAsync(string agentId, CancellationToken cancellationToken)
    {
        AgentSubscription? subscription;
        lock (_gate)
        {
            _agents.Remove(agentId, out subscription);
        }

        if (subscription is not null)
        {
            await CloseAsync(subscription).ConfigureAwait(false);
        }
    }

    private async Task OpenAsync(AgentSubscription subscription, CancellationToken cancellationToken)
    {
        var client = subscription.Client;
        var agentId = subscription.Credentials.AgentId;
        client.EventSink = new SubscriptionEvents(this, subscription);
        try
        {
            await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
            await WatchFinessePresenceAsync(client, agentId, cancellationToken).ConfigureAwait(false);
        }
        catch (XmppException ex)
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw new FinesseGatewayException(ex.Code, $"the notification session of agent {agentId} could not open: {ex.Message}", ex);
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        Log.AgentSubscribed(_logger, agentId, client.Options.Host);
    }

    private static async Task CloseAsync(AgentSubscription subscription) =>
        await subscription.Client.DisposeAsync().ConfigureAwait(false);

    private XmppClient CreateClient(AgentCredentials agent, string host) =>
        new(_options.Xmpp with
        {
            Host = host,
            User = agent.AgentId,
            Password = agent.Password,
            Resource = _options.Xmpp.Resource + "-" + agent.AgentId,
        }, _loggerFactory, _time);

    private string ActiveHost() =>
        _rest.ActiveSide == FinesseSide.B && _options.SideBHost is { Length: > 0 } b ? b : _options.Xmpp.Host;

    private async ValueTask OnStateChangedAsync(AgentSubscription subscription, XmppStateChangedEventArgs e)
    {
        var agentId = subscription.Credentials.AgentId;
        lock (_gate)
        {
            // Only a failure of the service counts against Finesse's health; an agent's refused
            // credentials or a resource conflict are that agent's trouble (docs/operations.md, health).
            subscription.ServiceFailure = e.Current == XmppState.Connected ? null
                : IsServiceFailure(e.Error) ? e.Error!.Code : subscription.ServiceFailure;
            if (e.Current != XmppState.Connected)
            {
                subscription.ForgetFinessePresence();
            }
        }

        RequestHealthCheck();
        if (e.Current == XmppState.Connected && e.Previous == XmppState.Reconnecting)
        {
            await PostAsync(new AgentSessionNotification(agentId, true, null)).ConfigureAwait(false);
        }
        else if (e.Current is XmppState.Reconnecting or XmppState.Failed && e.Previous is XmppState.Connected or XmppState.Reconnecting)
        {
            await PostAsync(new AgentSessionNotification(agentId, false, e.Error?.Message ?? e.Current.ToString(), e.Current == XmppState.Failed)).ConfigureAwait(false);
        }
    }

    private static bool IsServiceFailure(XmppException? error) =>
        error is { IsPermanent: false, Kind: not (XmppErrorKind.NotAuthorized or XmppErrorKind.AuthenticationFailed or XmppErrorKind.BindFailed) };

    private async ValueTask OnPubSubAsync(AgentSubscription subscription, PubSubEvent e)
    {
        var agentId = subscription.Credentials.AgentId;
        FinesseUpdate update;
        try
        {
            update = _parser.Parse(e.Node, e.PayloadText);
        }
        catch (FinesseException ex)
        {
            Log.UpdateRejected(_logger, agentId, e.Node, ex.Code, ex.Message);
            return;
        }

        var requestId = string.IsNullOrEmpty(update.RequestId) ? null : update.RequestId;
        switch (update)
        {
            case UserUpdated user when FinesseContractMapper.IsOwnUser(agentId, e.Node, user.User):
                subscription.Extension = user.User.Extension ?? subscription.Extension;
                await PostAsync(new AgentStateNotification(agentId, FinesseContractMapper.ToAgentState(user.User), requestId)).ConfigureAwait(false);
                break;
            case DialogUpdated dialog:
                await PublishDialogAsync(subscription, dialog.Dialog, update.Event == NotificationEvent.Delete, requestId).ConfigureAwait(false);
                break;
            case DialogsUpdated dialogs:
                foreach (var dialog in dialogs.Dialogs)
                {
                    await PublishDialogAsync(subscription, dialog, dialogs.IsRemoved, requestId).ConfigureAwait(false);
                }

                break;
            case SystemInfoUpdated:
                // Finesse pushes its status changes (CTI failover, side going out of service): judge
                // its health now instead of at the next poll.
                RequestHealthCheck();
                break;
            case ApiErrorUpdate error:
                var first = error.Errors.FirstOrDefault();
                await PostAsync(new RequestFailedNotification(agentId, requestId, error.Code,
                    first is null ? "Finesse reported an error" : $"Finesse {first.ErrorType}: {first.ErrorMessage} {first.ErrorData}".Trim(), update.Source)).ConfigureAwait(false);
                break;
            default:
                Log.UpdateIgnored(_logger, agentId, e.Node, update.GetType().Name);
                break;
        }
    }

    private async ValueTask PublishDialogAsync(AgentSubscription subscription, Finesse.Model.Dialog dialog, bool removed, string? requestId)
    {
        var agentId = subscription.Credentials.AgentId;
        if (dialog.Id is not { Length: > 0 } id)
        {
            Log.UpdateRejected(_logger, agentId, null, SiebelCti.Finesse.FinesseErrorCode.FinesseNotificationInvalid, "a dialog without an id");
            return;
        }

        FinesseNotification notification = removed || FinesseContractMapper.AgentLeft(dialog, subscription.Extension)
            ? new DialogRemovedNotification(agentId, id, requestId)
            : new DialogNotification(agentId, FinesseContractMapper.ToDialog(dialog), requestId);
        await PostAsync(notification).ConfigureAwait(false);
    }

    private async Task HealthLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            string? systemInfoProblem;
            try
            {
                var info = await _rest.GetSystemInfoAsync(null, cancellationToken).ConfigureAwait(false);
                systemInfoProblem = info.IsInService ? null : $"SystemInfo {info.StatusText ?? "OUT_OF_SERVICE"}";
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                var code = ex is FinesseException f ? f.Code : ex.GetType().Name;
                systemInfoProblem = $"SystemInfo unreachable ({code})";
            }

            var side = SideName(_rest.ActiveSide);
            if (systemInfoProblem is null && _lastHealth is not null && _lastHealth.ActiveSide != side)
            {
                // The sessions must move before the notification side can be judged on the new side.
                await MoveAgentsAsync(cancellationToken).ConfigureAwait(false);
            }

            var health = FinesseHealthEvaluator.Evaluate(systemInfoProblem, side, _rest.ActiveBaseUri.Host, NotificationState());
            if (health != _lastHealth)
            {
                _lastHealth = health;
                await PostAsync(health).ConfigureAwait(false);
            }

            try
            {
                await WaitForNextCheckAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// After a failover, reopens every agent's session on the now active side's notification service,
    /// <see cref="FinesseNotificationOptions.MaxConcurrentOpens"/> at a time.
    /// </summary>
    private async Task MoveAgentsAsync(CancellationToken cancellationToken)
    {
        var host = ActiveHost();
        List<AgentSubscription> moving;
        lock (_gate)
        {
            moving = _agents.Values.Where(a => !string.Equals(a.Client.Options.Host, host, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        await Parallel.ForEachAsync(moving, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentOpens, CancellationToken = cancellationToken },
            async (old, ct) => await MoveAsync(old, host, ct).ConfigureAwait(false)).ConfigureAwait(false);
    }

    private async Task MoveAsync(AgentSubscription old, string host, CancellationToken cancellationToken)
    {
        var agentId = old.Credentials.AgentId;
        var replacement = new AgentSubscription(old.Credentials, CreateClient(old.Credentials, host)) { Extension = old.Extension };
        await CloseAsync(old).ConfigureAwait(false);
        try
        {
            await OpenAsync(replacement, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FinesseGatewayException or OperationCanceledException)
        {
            Log.MoveFailed(_logger, agentId, host, ex);
            await PostAsync(new AgentSessionNotification(agentId, false, ex.Message)).ConfigureAwait(false);
            return;
        }

        bool kept;
        lock (_gate)
        {
            kept = _agents.TryGetValue(agentId, out var current) && ReferenceEquals(current, old);
            if (kept)
            {
                _agents[agentId] = replacement;
            }
        }

        if (!kept)
        {
            // Unsubscribed (or subscribed anew) while moving: this session is not wanted.
            await CloseAsync(replacement).ConfigureAwait(false);
            return;
        }

        await PostAsync(new AgentSessionNotification(agentId, true, null)).ConfigureAwait(false);
    }

    private static string SideName(FinesseSide side) => side == FinesseSide.B ? "B" : "A";

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        if (_healthLoop is not null)
        {
            await _healthLoop.ConfigureAwait(false);
        }

        List<AgentSubscription> all;
        lock (_gate)
        {
            all = [.. _agents.Values];
            _agents.Clear();
        }

        foreach (var subscription in all)
        {
            await subscription.Client.DisposeAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
        _recheck.Dispose();
        _opens.Dispose();
    }

    /// <summary>One session's events, delivered by its client's dispatcher in order (awaited: see <see cref="PostAsync"/>).</summary>
    private sealed class SubscriptionEvents(FinesseNotificationHub hub, AgentSubscription subscription) : IXmppEventSink
    {
        public ValueTask OnStateChangedAsync(XmppStateChangedEventArgs change) => hub.OnStateChangedAsync(subscription, change);

        public ValueTask OnPubSubAsync(PubSubEvent item) => hub.OnPubSubAsync(subscription, item);

        public ValueTask OnPresenceAsync(XmppPresenceEvent presence)
        {
            hub.OnPresence(subscription, presence);
            return ValueTask.CompletedTask;
        }
    }

    private sealed partial class AgentSubscription(AgentCredentials credentials, XmppClient client)
    {
        public AgentCredentials Credentials { get; } = credentials;

        public XmppClient Client { get; } = client;

        /// <summary>The agent's extension as its User last reported it (to tell when it left a dialog).</summary>
        public string? Extension { get; set; }

        /// <summary>The code of the service failure that took the session down, while it is down for one (guarded by the hub's gate).</summary>
        public string? ServiceFailure { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = EngineEventIds.NotificationAgentSubscribed, EventName = nameof(EngineEventIds.NotificationAgentSubscribed), Level = LogLevel.Information, Message = "Agent {AgentId} has its Finesse notification session on {Host}")]
        public static partial void AgentSubscribed(ILogger logger, string agentId, string host);

        [LoggerMessage(EventId = EngineEventIds.NotificationUpdateRejected, EventName = nameof(EngineEventIds.NotificationUpdateRejected), Level = LogLevel.Warning, Message = "Rejected a Finesse Update for agent {AgentId} on node {Node}: {ErrorCode} {ErrorMessage}")]
        public static partial void UpdateRejected(ILogger logger, string agentId, string? node, string errorCode, string errorMessage);

        [LoggerMessage(EventId = EngineEventIds.NotificationUpdateIgnored, EventName = nameof(EngineEventIds.NotificationUpdateIgnored), Level = LogLevel.Debug, Message = "Ignored a {UpdateType} Update for agent {AgentId} on node {Node}")]
        public static partial void UpdateIgnored(ILogger logger, string agentId, string? node, string updateType);

        [LoggerMessage(EventId = EngineEventIds.NotificationPresenceWatchFailed, EventName = nameof(EngineEventIds.NotificationPresenceWatchFailed), Level = LogLevel.Warning, Message = "Agent {AgentId}'s session could not ask to see the presence of {Jid}: {ErrorCode} {ErrorMessage}")]
        public static partial void PresenceWatchFailed(ILogger logger, string agentId, string jid, string errorCode, string errorMessage);

        [LoggerMessage(EventId = EngineEventIds.NotificationFinessePresence, EventName = nameof(EngineEventIds.NotificationFinessePresence), Level = LogLevel.Information, Message = "The finesse user is {Presence} ({Jid})")]
        public static partial void FinessePresence(ILogger logger, string presence, string jid);

        [LoggerMessage(EventId = EngineEventIds.NotificationMoveFailed, EventName = nameof(EngineEventIds.NotificationMoveFailed), Level = LogLevel.Error, Message = "Could not move the notification session of agent {AgentId} to {Host}")]
        public static partial void MoveFailed(ILogger logger, string agentId, string host, Exception exception);
    }
}
