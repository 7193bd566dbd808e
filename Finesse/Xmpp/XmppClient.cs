using System.Diagnostics;
using System.Threading.Channels;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SiebelCti.Finesse.Xmpp;

/// <summary>
/// Public XMPP client: one session of one user (for the connector: one Finesse agent). Connects,
/// authenticates (SASL PLAIN), binds, sends presence with priority 0 and pings the server; when
/// the session is lost it reconnects with back-off and jitter and replays its recorded pubsub
/// subscriptions. Incoming pubsub events, messages and presence are raised as events from a
/// dispatcher task, never from the read loop, in the order they arrived; a throwing handler is
/// logged and does not stop delivery. All methods are thread-safe and asynchronous.
/// </summary>
public sealed class XmppClient : IAsyncDisposable
{
    private readonly XmppOptions _options;
    private readonly ILogger _logger;
    private readonly ILogger _wire;
    private readonly TimeProvider _time;
    private readonly Func<double> _random;
    private readonly object _gate = new();
    private readonly Dictionary<(string Service, string Node), bool> _subscriptions = [];
    /// <summary>State changes queued behind a receiver that has not taken them, at most; older ones are kept, newer ones dropped (State is always current).</summary>
    internal const int MaxQueuedStateChanges = 64;

    // Bounded: stanzas hold one of EventQueueCapacity slots (the read loop waits for one), state
    // changes are at most MaxQueuedStateChanges; so a TryWrite of either never finds it full.
    private readonly Channel<object> _events;
    private int _queuedStateChanges;
    private readonly SemaphoreSlim _eventSlots;
    private readonly Task _dispatcher;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private XmppState _state;
    private XmppConnection? _connection;
    private CancellationTokenSource? _run;
    private Task _supervisor = Task.CompletedTask;
    private bool _disposed;

    /// <summary>Creates a client. Throws <see cref="XmppException"/> (<see cref="XmppErrorKind.InvalidOptions"/>) listing every problem.</summary>
    public XmppClient(XmppOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(options, loggerFactory, timeProvider, null)
    {
    }

    internal XmppClient(XmppOptions options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider, Func<double>? random)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        _options = options;
        loggerFactory ??= NullLoggerFactory.Instance;
        _logger = loggerFactory.CreateLogger("SiebelCti.Finesse.Xmpp.XmppClient");
        _wire = loggerFactory.CreateLogger("SiebelCti.Wire.Xmpp");
        _time = timeProvider ?? TimeProvider.System;
        _random = random ?? Random.Shared.NextDouble;
        _eventSlots = new SemaphoreSlim(options.EventQueueCapacity, options.EventQueueCapacity);
        _events = Channel.CreateBounded<object>(new BoundedChannelOptions(options.EventQueueCapacity + MaxQueuedStateChanges)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _dispatcher = Task.Run(DispatchLoopAsync);
    }

    /// <summary>The state changed (raised from the dispatcher, in order with the other events).</summary>
    public event EventHandler<XmppStateChangedEventArgs>? StateChanged;

    /// <summary>A pubsub item arrived (one event per item).</summary>
    public event EventHandler<PubSubEvent>? PubSubEventReceived;

    /// <summary>Any message stanza arrived (pubsub event messages included).</summary>
    public event EventHandler<XmppMessageEvent>? MessageReceived;

    /// <summary>A presence stanza arrived (e.g. the <c>finesse</c> user becoming unavailable).</summary>
    public event EventHandler<XmppPresenceEvent>? PresenceReceived;

    /// <summary>
    /// An asynchronous receiver of the events, awaited by the dispatcher after the .NET events are
    /// raised (see <see cref="IXmppEventSink"/>); set it before <see cref="ConnectAsync"/>.
    /// </summary>
    public IXmppEventSink? EventSink { get; set; }

    /// <summary>The current state.</summary>
    public XmppState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>The options (password redacted in <see cref="XmppOptions.ToString"/>).</summary>
    public XmppOptions Options => _options;

    /// <summary>The bound full JID while connected, else null.</summary>
    public string? Jid => Current?.Jid;

    /// <summary>True when the current session runs over TLS.</summary>
    public bool IsEncrypted => Current?.IsEncrypted ?? false;

    /// <summary>The failure behind the last change to Reconnecting or Failed, or the last failed connect.</summary>
    public XmppException? LastError { get; private set; }

    /// <summary>The recorded pubsub subscriptions (service, node) that are replayed after every reconnect.</summary>
    public IReadOnlyList<(string Service, string Node)> Subscriptions
    {
        get
        {
            lock (_gate)
            {
                return [.. _subscriptions.Keys];
            }
        }
    }

    private XmppConnection? Current
    {
        get
        {
            lock (_gate)
            {
                return _connection is { IsOpen: true } c ? c : null;
            }
        }
    }

    /// <summary>
    /// Opens the session. Completes when the client is connected (authenticated, bound, presence
    /// sent); throws <see cref="XmppException"/> when this first attempt fails (no retry: a wrong
    /// password must not be retried blindly). After success, lost sessions are re-established
    /// automatically until <see cref="DisconnectAsync"/>.
    /// </summary>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (State is XmppState.Connected or XmppState.Reconnecting or XmppState.Connecting)
            {
                throw new InvalidOperationException("The XMPP client is already started; call DisconnectAsync first.");
            }

            await StopAsync().ConfigureAwait(false); // after Failed: release the finished supervisor

            var run = new CancellationTokenSource();
            SetState(XmppState.Connecting, null);
            XmppConnection connection;
            try
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, run.Token);
                connection = await OpenConnectionAsync(linked.Token).ConfigureAwait(false);
                await ReplaySubscriptionsAsync(connection, linked.Token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                run.Dispose();
                var error = ex as XmppException;
                LastError = error ?? LastError;
                SetState(error is { IsPermanent: true } ? XmppState.Failed : XmppState.Disconnected, error);
                throw;
            }

            lock (_gate)
            {
                _run = run;
                _connection = connection;
            }

            SetState(XmppState.Connected, null);
            _supervisor = Task.Run(() => SuperviseAsync(connection, run.Token), CancellationToken.None);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Closes the session politely and stops reconnecting. Recorded subscriptions are kept (server-side they persist too; unsubscribe first if they must go).</summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await StopAsync().ConfigureAwait(false))
            {
                SetState(XmppState.Disconnected, null);
                XmppLog.Disconnected(_logger, _options.BareJid);
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// Subscribes this session's full JID to <paramref name="node"/> on the pubsub <paramref name="service"/>
    /// (XEP-0060 §6.1) and records the intent, so it is replayed after every reconnect.
    /// Throws <see cref="XmppErrorKind.NotConnected"/> while not connected, <see cref="XmppErrorKind.IqError"/> when refused.
    /// </summary>
    public async Task SubscribeAsync(string service, string node, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        ArgumentException.ThrowIfNullOrEmpty(node);
        var connection = RequireConnection();
        await connection.SendIqAsync(PubSubStanzas.Subscribe(connection.NextId(), service, node, connection.Jid), cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _subscriptions[(service, node)] = true;
        }
    }

    /// <summary>Forgets the intent and unsubscribes this session's full JID from <paramref name="node"/> (XEP-0060 §6.2).</summary>
    public async Task UnsubscribeAsync(string service, string node, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        ArgumentException.ThrowIfNullOrEmpty(node);
        lock (_gate)
        {
            _subscriptions.Remove((service, node));
        }

        var connection = RequireConnection();
        await connection.SendIqAsync(PubSubStanzas.Unsubscribe(connection.NextId(), service, node, connection.Jid), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>This user's subscriptions on <paramref name="service"/>, for one node or all (XEP-0060 §5.6).</summary>
    public async Task<IReadOnlyList<PubSubSubscription>> GetSubscriptionsAsync(string service, string? node = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        var connection = RequireConnection();
        var result = await connection.SendIqAsync(PubSubStanzas.GetSubscriptions(connection.NextId(), service, node), cancellationToken).ConfigureAwait(false);
        return PubSubStanzas.ParseSubscriptions(result);
    }

    /// <summary>
    /// Publishes one item to <paramref name="node"/> whose payload is exactly Finesse's envelope:
    /// <c>&lt;notification xmlns='http://jabber.org/protocol/pubsub'&gt;</c> holding
    /// <paramref name="notificationText"/> (e.g. an <c>&lt;Update&gt;</c> document) as escaped character data.
    /// Returns the item id (the given one, or the one the service assigned).
    /// </summary>
    public Task<string?> PublishAsync(string service, string node, string notificationText, string? itemId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notificationText);
        return PublishAsync(service, node, PubSubStanzas.Notification(notificationText), itemId, cancellationToken);
    }

    /// <summary>Publishes one item carrying <paramref name="payload"/> to <paramref name="node"/> (XEP-0060 §7.1).</summary>
    public async Task<string?> PublishAsync(string service, string node, XElement payload, string? itemId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        ArgumentException.ThrowIfNullOrEmpty(node);
        ArgumentNullException.ThrowIfNull(payload);
        var connection = RequireConnection();
        var result = await connection.SendIqAsync(PubSubStanzas.Publish(connection.NextId(), service, node, payload, itemId), cancellationToken).ConfigureAwait(false);
        return PubSubStanzas.PublishedItemId(result) ?? itemId;
    }

    /// <summary>Sends a XEP-0199 ping to the server and returns the round-trip time.</summary>
    public async Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default)
    {
        var connection = RequireConnection();
        var started = _time.GetTimestamp();
        var ping = new XElement(
            XmppNamespaces.Client + "iq",
            new XAttribute("type", "get"),
            new XAttribute("id", connection.NextId()),
            new XAttribute("to", _options.Domain),
            new XElement(XmppNamespaces.Ping + "ping"));
        await connection.SendIqAsync(ping, cancellationToken).ConfigureAwait(false);
        return _time.GetElapsedTime(started);
    }

    /// <summary>Asks <paramref name="jid"/> for a presence subscription (RFC 6121 §3.1), e.g. to watch the <c>finesse</c> user.</summary>
    public Task RequestPresenceSubscriptionAsync(string jid, CancellationToken cancellationToken = default) =>
        SendPresenceAsync(jid, "subscribe", cancellationToken);

    /// <summary>Approves <paramref name="jid"/>'s presence subscription request (RFC 6121 §3.1.3).</summary>
    public Task ApprovePresenceSubscriptionAsync(string jid, CancellationToken cancellationToken = default) =>
        SendPresenceAsync(jid, "subscribed", cancellationToken);

    /// <summary>Sends any stanza as is (the caller builds it; <c>jabber:client</c> elements carry no xmlns on the wire).</summary>
    public async Task SendAsync(XElement stanza, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stanza);
        cancellationToken.ThrowIfCancellationRequested();
        await RequireConnection().SendAsync(stanza, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends an IQ get/set (an id is added if missing) and returns the result stanza; an error answer throws <see cref="XmppErrorKind.IqError"/>.</summary>
    public Task<XElement> SendIqAsync(XElement iq, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(iq);
        return RequireConnection().SendIqAsync(iq, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await DisconnectAsync().ConfigureAwait(false);
        _disposed = true;
        _events.Writer.TryComplete();
        await _dispatcher.ConfigureAwait(false);
        _lifecycle.Dispose();
        _eventSlots.Dispose();
    }

    /// <summary>The delay before reconnect attempt <paramref name="attempt"/> (1-based): doubling from the initial delay up to the maximum, spread by the jitter.</summary>
    internal static TimeSpan ReconnectDelay(int attempt, XmppOptions options, double random)
    {
        var initial = options.ReconnectDelayInitial.TotalMilliseconds;
        var exponent = Math.Min(Math.Max(attempt, 1) - 1, 30);
        var baseDelay = Math.Min(options.ReconnectDelayMax.TotalMilliseconds, initial * Math.Pow(2, exponent));
        var factor = 1 - options.ReconnectJitter + (2 * options.ReconnectJitter * Math.Clamp(random, 0, 1));
        return TimeSpan.FromMilliseconds(Math.Max(0, baseDelay * factor));
    }

    private async Task SendPresenceAsync(string jid, string type, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(jid);
        await SendAsync(new XElement(XmppNamespaces.Client + "presence", new XAttribute("to", jid), new XAttribute("type", type)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the supervisor and closes the current connection; false when nothing was running. Call under the lifecycle lock.</summary>
    private async Task<bool> StopAsync()
    {
        CancellationTokenSource? run;
        lock (_gate)
        {
            run = _run;
            _run = null;
        }

        if (run is null)
        {
            return false;
        }

        await run.CancelAsync().ConfigureAwait(false);
        await _supervisor.ConfigureAwait(false);
        XmppConnection? connection;
        lock (_gate)
        {
            connection = _connection;
            _connection = null;
        }

        if (connection is not null)
        {
            await connection.CloseAsync().ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        run.Dispose();
        return true;
    }

    private XmppConnection RequireConnection() =>
        Current ?? throw new XmppException(XmppErrorKind.NotConnected, $"The XMPP client {_options.BareJid} is not connected (state {State}).");

    private async Task<XmppConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        XmppLog.Connecting(_logger, _options.Host, _options.Port, _options.BareJid + "/" + _options.Resource, _options.TlsMode, _options.Trust);
        XmppConnection? connection = null;
        connection = new XmppConnection(_options, _logger, _wire, _time, (stanza, ct) => OnStanzaAsync(connection!, stanza, ct));
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await AwaitPresenceTakenAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (XmppException ex)
        {
            XmppLog.ConnectFailed(_logger, _options.Host, _options.Port, _options.User, ex.Code, ex.Message);
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        XmppLog.Connected(_logger, connection.Jid, connection.IsEncrypted, connection.StreamId);
        return connection;
    }

    /// <summary>
    /// A server handles a stream's stanzas in order, so once it has answered a request sent after
    /// the initial presence, that presence has taken effect and messages to the bare JID (Finesse's
    /// notifications) reach this session. Without this round trip a notification published right
    /// after connecting could find no available resource and be dropped. A roster get is answered by
    /// every server (an error answer proves the same).
    /// </summary>
    private static async Task AwaitPresenceTakenAsync(XmppConnection connection, CancellationToken cancellationToken)
    {
        var rosterGet = new XElement(XmppNamespaces.Client + "iq", new XAttribute("type", "get"), new XElement(XmppNamespaces.Roster + "query"));
        try
        {
            await connection.SendIqAsync(rosterGet, cancellationToken).ConfigureAwait(false);
        }
        catch (XmppException ex) when (ex.Kind == XmppErrorKind.IqError)
        {
            // Refused, but answered: the presence before it was handled.
        }
    }

    private async Task SuperviseAsync(XmppConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var reason = await connection.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
                lock (_gate)
                {
                    _connection = null;
                }

                await connection.DisposeAsync().ConfigureAwait(false);
                LastError = reason;
                if (reason.IsPermanent)
                {
                    XmppLog.PermanentFailure(_logger, _options.BareJid, reason.Code, reason.Message);
                    SetState(XmppState.Failed, reason);
                    return;
                }

                XmppLog.ConnectionLost(_logger, _options.BareJid, reason.Code, reason.Message);
                SetState(XmppState.Reconnecting, reason);
                var attempt = 0;
                while (true)
                {
                    attempt++;
                    var delay = ReconnectDelay(attempt, _options, _random());
                    XmppLog.ReconnectScheduled(_logger, _options.BareJid, attempt, delay);
                    await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                    try
                    {
                        connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                        lock (_gate)
                        {
                            _connection = connection;
                        }

                        await ReplaySubscriptionsAsync(connection, cancellationToken).ConfigureAwait(false);
                        break;
                    }
                    catch (XmppException ex) when (!ex.IsPermanent)
                    {
                        LastError = ex;
                    }
                    catch (XmppException ex)
                    {
                        LastError = ex;
                        XmppLog.PermanentFailure(_logger, _options.BareJid, ex.Code, ex.Message);
                        SetState(XmppState.Failed, ex);
                        return;
                    }
                }

                XmppLog.Reconnected(_logger, connection.Jid, attempt);
                SetState(XmppState.Connected, null);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // DisconnectAsync: it closes the current connection.
        }
        catch (Exception ex)
        {
            XmppLog.LoopFailed(_logger, ex, _options.BareJid, "supervisor");
            var error = new XmppException(XmppErrorKind.StreamClosed, "The XMPP supervisor failed: " + ex.Message, null, ex);
            LastError = error;
            SetState(XmppState.Failed, error);
        }
    }

    private async Task ReplaySubscriptionsAsync(XmppConnection connection, CancellationToken cancellationToken)
    {
        var wanted = Subscriptions;
        foreach (var (service, node) in wanted)
        {
            try
            {
                // Subscriptions usually survive on the server; subscribe again only when ours is gone,
                // so that servers allowing several subscriptions per JID do not deliver twice.
                IReadOnlyList<PubSubSubscription>? existing = null;
                try
                {
                    existing = PubSubStanzas.ParseSubscriptions(
                        await connection.SendIqAsync(PubSubStanzas.GetSubscriptions(connection.NextId(), service, node), cancellationToken).ConfigureAwait(false));
                }
                catch (XmppException ex) when (ex.Kind == XmppErrorKind.IqError)
                {
                    // Retrieval unsupported: subscribe anyway.
                }

                if (existing is not null && existing.Any(s => s.Node == node && s.State == "subscribed" && string.Equals(s.Jid, connection.Jid, StringComparison.Ordinal)))
                {
                    continue;
                }

                await connection.SendIqAsync(PubSubStanzas.Subscribe(connection.NextId(), service, node, connection.Jid), cancellationToken).ConfigureAwait(false);
                XmppLog.SubscriptionReplayed(_logger, connection.Jid, node, service);
            }
            catch (XmppException ex) when (ex.Kind == XmppErrorKind.IqError)
            {
                XmppLog.SubscriptionReplayFailed(_logger, connection.Jid, node, service, ex.Code, ex.Message);
            }
        }
    }

    private async ValueTask OnStanzaAsync(XmppConnection connection, XElement stanza, CancellationToken cancellationToken)
    {
        // Runs on the read loop: only queue. The slot wait is the back-pressure when handlers fall behind.
        await _eventSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (stanza.Name == XmppNamespaces.Client + "presence")
        {
            var presence = new XmppPresenceEvent(stanza);
            if (_options.AutoApprovePresenceSubscriptions && presence.Type == "subscribe" && presence.FromBare is { } from)
            {
                // The receiving connection, not Current: requests pending at login arrive before ConnectAsync returns.
                // Not queued: the connection is ending or the server is not reading; it re-sends pending requests at the next login.
                if (connection.TrySend(new XElement(XmppNamespaces.Client + "presence", new XAttribute("to", from), new XAttribute("type", "subscribed"))))
                {
                    XmppLog.PresenceApproved(_logger, _options.BareJid, from);
                }
            }

            _events.Writer.TryWrite(presence);
            return;
        }

        _events.Writer.TryWrite(new XmppMessageEvent(stanza));
    }

    private void SetState(XmppState state, XmppException? error)
    {
        XmppState previous;
        lock (_gate)
        {
            previous = _state;
            if (previous == state)
            {
                return;
            }

            _state = state;
        }

        XmppLog.StateChanged(_logger, _options.BareJid, previous, state);
        if (Interlocked.Increment(ref _queuedStateChanges) > MaxQueuedStateChanges)
        {
            Interlocked.Decrement(ref _queuedStateChanges);
            XmppLog.StateChangeDropped(_logger, _options.BareJid, previous, state, MaxQueuedStateChanges);
            return;
        }

        _events.Writer.TryWrite(new XmppStateChangedEventArgs(previous, state, error));
    }

    private async Task DispatchLoopAsync()
    {
        await foreach (var item in _events.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            switch (item)
            {
                case XmppStateChangedEventArgs change:
                    Interlocked.Decrement(ref _queuedStateChanges);
                    Raise(StateChanged, change, "StateChanged");
                    await SinkAsync(static (sink, e) => sink.OnStateChangedAsync(e), change, "StateChanged").ConfigureAwait(false);
                    break;
                case XmppMessageEvent message:
                    try
                    {
                        Raise(MessageReceived, message, "MessageReceived");
                        IReadOnlyList<PubSubEvent> items;
                        try
                        {
                            items = PubSubStanzas.ParseEvent(message.Stanza);
                        }
                        catch (XmppException)
                        {
                            items = [];
                        }

                        foreach (var pubSubEvent in items)
                        {
                            Raise(PubSubEventReceived, pubSubEvent, "PubSubEventReceived");
                            await SinkAsync(static (sink, e) => sink.OnPubSubAsync(e), pubSubEvent, "PubSubEventReceived").ConfigureAwait(false);
                        }
                    }
                    finally
                    {
                        ReleaseSlot();
                    }

                    break;
                case XmppPresenceEvent presence:
                    try
                    {
                        Raise(PresenceReceived, presence, "PresenceReceived");
                        await SinkAsync(static (sink, e) => sink.OnPresenceAsync(e), presence, "PresenceReceived").ConfigureAwait(false);
                    }
                    finally
                    {
                        ReleaseSlot();
                    }

                    break;
                default:
                    Debug.Fail("Unknown event " + item.GetType().Name);
                    break;
            }
        }
    }

    private async ValueTask SinkAsync<T>(Func<IXmppEventSink, T, ValueTask> deliver, T args, string kind)
    {
        if (EventSink is not { } sink)
        {
            return;
        }

        try
        {
            await deliver(sink, args).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            XmppLog.EventHandlerFailed(_logger, ex, _options.BareJid, kind, FinesseErrorCode.XmppEventHandlerFailed);
        }
    }

    private void ReleaseSlot()
    {
        try
        {
            _eventSlots.Release();
        }
        catch (ObjectDisposedException)
        {
            // Disposing.
        }
    }

    private void Raise<T>(EventHandler<T>? handler, T args, string kind)
    {
        if (handler is null)
        {
            return;
        }

        try
        {
            handler(this, args);
        }
        catch (Exception ex)
        {
            XmppLog.EventHandlerFailed(_logger, ex, _options.BareJid, kind, FinesseErrorCode.XmppEventHandlerFailed);
        }
    }
}
