using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SiebelCti.Connector.Contract;
using SiebelCti.Driver.Configuration;
using SiebelCti.Driver.Connector;
using SiebelCti.Driver.Logging;
using SiebelCti.Interop;

namespace SiebelCti.Driver.Services;

/// <summary>What a service needs from its driver instance.</summary>
internal interface IServiceHost
{
    TimeProvider Time { get; }

    /// <summary>How long the service waits for the answer to <paramref name="request"/> (a Login longer).</summary>
    TimeSpan TimeoutOf(ConnectorRequest request);

    /// <summary>What commands leave out and the driver parameters fill in (default reason codes).</summary>
    CommandDefaults Defaults { get; }

    string NewRequestId();

    bool TrySend(ConnectorEnvelope request);

    /// <summary>The service now serves <paramref name="agentId"/> (events for that agent reach it).</summary>
    void AgentChanged(AgentService service, string? previous, string agentId);

    /// <summary>The last connector status seen (a <see cref="SystemStatus"/> or the link state), shown to a new service at once.</summary>
    StatusReport? LastStatus { get; }
}

/// <summary>
/// One agent's communications session (the service handle). Siebel's threads call the command
/// methods, which only validate, map and queue (never wait on the network). Everything that calls
/// back into Siebel runs on this service's own callback loop, one call at a time, never under a
/// driver lock; after <see cref="Release"/> returns, no callback is made.
/// </summary>
internal sealed class AgentService
{
    [ThreadStatic]
    private static AgentService? t_inCallback;

    private readonly IServiceHost _host;
    private readonly ISiebelClient _client;
    private readonly ILogger _logger;
    /// <summary>Unasked Connector events one service holds for Siebel at most (see <see cref="Deliver"/>).</summary>
    internal const int MaxQueuedEvents = 4096;

    // Bounded by what writes it: unasked events by MaxQueuedEvents, answers by the pending requests
    // (each answered once), the rest by commands and status changes. Written with TryWrite only.
    private readonly Channel<Work> _work = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private int _queuedEvents;
    private int _eventsLost;
    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly Lock _viewLock = new();
    private readonly Task _loop;
    private volatile ServiceView _view;
    private volatile bool _released;

    // Recorded intent, replayed when the Connector forgets this driver (CLIENT_UNKNOWN): whether
    // LogIn connected the agent, and the Login it signed in with (in memory only, never logged).
    private volatile bool _connected;
    private volatile Login? _signIn;

    // Owned by the callback loop.
    private AgentState? _agent;
    private readonly Dictionary<string, DialogSnapshot> _dialogs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EndIntent> _endReasons = new(StringComparer.Ordinal); // dialog id -> TRANSFERRED/CONFERENCED the agent asked for
    private ToolbarState? _toolbar;
    private long _eventSequence;

    public AgentService(IServiceHost host, ISiebelClient client, ILogger logger, string? agentId, string? extension)
    {
        _host = host;
        _client = client;
        _logger = logger;
        _view = ServiceView.Empty with { AgentId = agentId, Extension = extension };
        if (agentId is not null)
        {
            host.AgentChanged(this, null, agentId);
        }
        _work.Writer.TryWrite(new StartWork());
        _loop = Task.Run(RunAsync);
    }

    public ServiceView View => _view;

    public string? AgentId => _view.AgentId;

    /// <summary>True while LogIn has connected the agent (and no Disconnect followed).</summary>
    public bool Connected => _connected;

    /// <summary>Requests sent and not answered yet.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>Completes when the callback loop has stopped (after <see cref="Release"/>).</summary>
    public Task Completion => _loop;

    // ---- Siebel's threads -------------------------------------------------------------------

    /// <summary><c>InvokeCommand</c>: maps the command and queues its requests.</summary>
    public ScErrorCode InvokeCommand(string? commandTrackingId, string name, string? stringParam, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        using var scope = _logger.BeginScope(Scope(_view.AgentId, null));
        var command = CommandMapping.Find(name);
        var values = ToDictionary(parameters);
        Log.CommandInvoked(_logger, name, commandTrackingId ?? "", Redaction.Describe(values));
        if (command is null)
        {
            return Reject(commandTrackingId, name, CommandPlan.Fail(ScErrorCode.SC_EC_CMD_NOT_SUPPORTED, DriverErrorCode.DriverCommandNotSupported, $"the driver has no command '{name}'"), report: false);
        }
        return Execute(commandTrackingId, command, CommandMapping.Map(command, stringParam, values, _view, _host.Defaults), values);
    }

    /// <summary><c>InvokeCommandEx</c>.</summary>
    public ScErrorCode InvokeCommandEx(string? commandTrackingId, int commandType, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        using var scope = _logger.BeginScope(Scope(_view.AgentId, null));
        var values = ToDictionary(parameters);
        Log.CommandInvoked(_logger, $"InvokeCommandEx({commandType})", commandTrackingId ?? "", Redaction.Describe(values));
        var plan = CommandMapping.MapEx(commandType, values, _view, _host.Defaults);
        return plan.Succeeded ? Execute(commandTrackingId, "MakeCall", plan, values) : Reject(commandTrackingId, $"InvokeCommandEx({commandType})", plan, report: false);
    }

    /// <summary><c>AcceptWorkItem</c>, <c>ReleaseWorkItem</c>, <c>SuspendWorkItem</c>, <c>ResumeWorkItem</c>: the call commands on one work item.</summary>
    public ScErrorCode WorkItemCommand(string export, string command, string? trackingId)
    {
        using var scope = _logger.BeginScope(Scope(_view.AgentId, trackingId));
        Log.WorkItemCommand(_logger, export, trackingId ?? "(null)");
        if (string.IsNullOrEmpty(trackingId) || _view.Dialogs.All(d => d.Id != trackingId))
        {
            Log.CommandRejected(_logger, export, DriverErrorCode.DriverUnknownWorkItem, $"no work item '{trackingId}'");
            return ScErrorCode.SC_EC_INVALID_ITEM_TRACKING_ID;
        }
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["TrackingID"] = trackingId };
        return Execute(null, command, CommandMapping.Map(command, null, values, _view, _host.Defaults), values);
    }

    /// <summary><c>NotifyEventHandlingFinished</c>: the driver asks for no notification, so this is only logged.</summary>
    public void EventHandlingFinished(string? trackingId, bool result) => Log.EventHandlingFinished(_logger, trackingId ?? "(null)", result);

    /// <summary>
    /// <c>ReleaseISCServiceInstance</c>: stops the callback loop. Waits (bounded) for a callback in
    /// progress unless called from inside one (Siebel re-entering from an event handler).
    /// </summary>
    public void Release() => WaitForLoops([BeginRelease()], _host.Time, _logger);

    /// <summary>How long a release waits for a callback in progress (for all services of a driver together).</summary>
    public static readonly TimeSpan ReleaseWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Waits, for all of them together, up to <see cref="ReleaseWait"/> on <paramref name="time"/> for the callback loops
    /// that <see cref="BeginRelease"/> returned to end, so that no callback follows a release; logs those still running.
    /// </summary>
    public static void WaitForLoops(IReadOnlyCollection<Task?> loops, TimeProvider time, ILogger logger)
    {
        var waiting = loops.OfType<Task>().Where(t => !t.IsCompleted).ToArray();
        if (waiting.Length == 0)
        {
            return;
        }

        try
        {
            Task.WhenAll(waiting).WaitAsync(ReleaseWait, time).Wait();
        }
        catch (AggregateException ex) when (ex.InnerException is TimeoutException)
        {
            Log.CallbackLoopFailed(logger, $"{waiting.Count(t => !t.IsCompleted)} callback loop(s) did not stop within {ReleaseWait.TotalSeconds:0} s of the release (a callback into Siebel is still running; it is the last)", null);
        }
        catch (AggregateException ex)
        {
            Log.CallbackLoopFailed(logger, "a callback loop failed while stopping", ex);
        }
    }

    /// <summary>
    /// Stops the callback loop without waiting: no callback starts after this. Returns the loop, which ends once a
    /// callback in progress returns; null when called from inside one of this service's callbacks (waiting there would deadlock).
    /// </summary>
    public Task? BeginRelease()
    {
        _released = true;
        _signIn = null;
        _work.Writer.TryComplete();
        _pending.Clear();
        return t_inCallback == this ? null : _loop;
    }

    // ---- The driver's threads ---------------------------------------------------------------

    /// <summary>Hands a connector message to the callback loop; it answers the request it correlates to.</summary>
    public void Deliver(ConnectorEnvelope message)
    {
        Pending? answered = null;
        if (message.CorrelationId is not null && _pending.TryRemove(message.CorrelationId, out var pending))
        {
            answered = pending;
        }
        if (answered is null && Interlocked.Increment(ref _queuedEvents) > MaxQueuedEvents)
        {
            // Siebel is not taking events (its callback blocks): drop unasked ones, resync later.
            Interlocked.Decrement(ref _queuedEvents);
            if (Interlocked.Exchange(ref _eventsLost, 1) == 0)
            {
                Log.ServiceEventsDropped(_logger, _view.AgentId ?? "?", MaxQueuedEvents);
            }

            return;
        }

        _work.Writer.TryWrite(new EventWork(message.Message, answered));
    }

    /// <summary>Marks the request <paramref name="correlationId"/> as answered by a message that carries no event for this service.</summary>
    public void Acknowledge(string correlationId) => _pending.TryRemove(correlationId, out _);

    /// <summary>Shows a connector or broker status change.</summary>
    public void DeliverStatus(StatusReport status) => _work.Writer.TryWrite(new StatusWork(status));

    /// <summary>Fails every request whose answer is overdue at <paramref name="now"/>.</summary>
    public void CheckTimeouts(DateTimeOffset now)
    {
        foreach (var (id, pending) in _pending)
        {
            if (pending.Deadline <= now && _pending.TryRemove(id, out _))
            {
                _work.Writer.TryWrite(new FailureWork(pending.CommandTrackingId, pending.Command, DriverErrorCode.DriverRequestTimeout,
                    $"{pending.Command}: the Connector did not answer {pending.RequestType} within {pending.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s; it was not executed and will not be (the request expired at the Connector)"));
            }
        }
    }

    private ScErrorCode Execute(string? commandTrackingId, string command, CommandPlan plan, IReadOnlyDictionary<string, string> values)
    {
        if (!plan.Succeeded)
        {
            return Reject(commandTrackingId, command, plan, report: true);
        }
        string agentId;
        string? leaving = null;
        lock (_viewLock)
        {
            var view = _view;
            if (command == "LogIn")
            {
                // As the command's mapping reads them: an empty value (a Siebel macro that expanded to nothing) is no value,
                // so the service's own AgentId/Extension stay.
                var requested = CommandMapping.Given(values, "AgentId") ?? view.AgentId!;
                var extension = CommandMapping.Given(values, "Extension") ?? view.Extension;
                if (requested != view.AgentId && view.AgentId is { } current && _connected)
                {
                    if (_signIn is not null && view.AgentState != AgentStateName.Logout)
                    {
                        return Reject(commandTrackingId, command, CommandPlan.Fail(ScErrorCode.SC_EC_ERROR, DriverErrorCode.DriverCommandInvalid,
                            $"LogIn: agent {current} is still signed in on this service; LogOut first, then LogIn as {requested}"), report: true);
                    }

                    leaving = current; // signed out but still connected: disconnected below, before the new agent connects
                }

                if (requested != view.AgentId)
                {
                    _host.AgentChanged(this, view.AgentId, requested);
                }
                _view = view with { AgentId = requested, Extension = extension };
            }
            if (_view.AgentId is null)
            {
                return Reject(commandTrackingId, command, CommandPlan.Fail(ScErrorCode.SC_EC_ERROR, DriverErrorCode.DriverCommandInvalid, $"{command}: the agent is not logged in (LogIn first)"), report: true);
            }
            agentId = _view.AgentId;
        }
        if (leaving is not null && _host.TrySend(new ConnectorEnvelope(new Disconnect(), _host.NewRequestId(), leaving)))
        {
            Remember(new Disconnect());
        }

        var now = _host.Time.GetUtcNow();
        if (EndReasonOf(command) is { } endReason)
        {
            // Queued before the request leaves, so the loop knows why the calls end when the answer arrives.
            _work.Writer.TryWrite(new EndReasonWork(command, endReason, EndingDialogs(command, plan)));
        }
        foreach (var request in plan.Requests)
        {
            var id = _host.NewRequestId();
            var dialed = request switch { MakeCall m => m.Destination, ConsultCall c => c.Destination, _ => null };
            var timeout = _host.TimeoutOf(request);
            _pending[id] = new Pending(command, request.MessageType, commandTrackingId, now + timeout, timeout, dialed);
            if (!_host.TrySend(new ConnectorEnvelope(request, id, agentId)))
            {
                _pending.TryRemove(id, out _);
                return Reject(commandTrackingId, command, CommandPlan.Fail(ScErrorCode.SC_EC_NETWORK_ERROR, DriverErrorCode.DriverConnectorUnavailable,
                    $"{command}: the connector link is not available"), report: true);
            }
            Remember(request);
        }
        return ScErrorCode.SC_EC_OK;
    }

    private void Remember(ConnectorRequest request)
    {
        switch (request)
        {
            case Connect:
                _connected = true;
                break;
            case Disconnect:
                _connected = false;
                _signIn = null;
                break;
            case Login login:
                _signIn = login;
                break;
            case Logout:
                _signIn = null;
                break;
        }
    }

    /// <summary>
    /// What to send again for this service's agent when the Connector no longer knows the driver:
    /// <c>Connect</c> if the agent was connected, then its <c>Login</c> if it was signed in (its
    /// last state is not LOGOUT and no Login of it failed). Empty when there is nothing to restore.
    /// </summary>
    public IReadOnlyList<ConnectorRequest> RecoveryRequests()
    {
        if (_released || !_connected || _view.AgentId is null)
        {
            return [];
        }
        return _signIn is { } login && _view.AgentState != AgentStateName.Logout ? [new Connect(), login] : [new Connect()];
    }

    /// <summary>
    /// What to send for this service's agent when Siebel releases the service (the agent closed
    /// Siebel) while the agent is signed in: by <paramref name="action"/>, Not Ready with
    /// <paramref name="notReadyReason"/> (unless already Not Ready), or that and a sign-out with
    /// <paramref name="logoutReason"/>; then <c>Disconnect</c>. Empty when the service never
    /// connected an agent; only <c>Disconnect</c> when the agent is signed out or the action is None.
    /// </summary>
    public IReadOnlyList<ConnectorRequest> FarewellRequests(ReleaseAction action, string? notReadyReason, string? logoutReason)
    {
        if (!_connected || _view.AgentId is null)
        {
            return [];
        }
        var state = _view.AgentState;
        var requests = new List<ConnectorRequest>();
        if (action != ReleaseAction.None && state is not (null or "" or AgentStateName.Logout))
        {
            if (state != AgentStateName.NotReady)
            {
                requests.Add(new NotReady(notReadyReason));
            }
            if (action == ReleaseAction.Logout)
            {
                requests.Add(new Logout(logoutReason));
            }
        }
        requests.Add(new Disconnect());
        return requests;
    }

    private ScErrorCode Reject(string? commandTrackingId, string command, CommandPlan plan, bool report)
    {
        Log.CommandRejected(_logger, command, plan.ErrorCode ?? "", plan.Message ?? "");
        if (report)
        {
            _work.Writer.TryWrite(new FailureWork(commandTrackingId, command, plan.ErrorCode!, plan.Message!));
        }
        return plan.Failure;
    }

    private static Dictionary<string, string> ToDictionary(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in parameters)
        {
            values[key] = value; // the last of duplicate keys wins
        }
        return values;
    }

    // ---- The callback loop ------------------------------------------------------------------

    private async Task RunAsync()
    {
        try
        {
            await foreach (var work in _work.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                if (_released)
                {
                    break;
                }
                t_inCallback = this;
                try
                {
                    using var scope = _logger.BeginScope(Scope(_view.AgentId, (work as EventWork)?.Message switch
                    {
                        Dialog d => d.Id,
                        DialogEnded e => e.DialogId,
                        _ => null,
                    }));
                    Handle(work);
                }
                catch (Exception ex)
                {
                    Log.CallbackLoopFailed(_logger, $"handling {work.GetType().Name} failed", ex);
                }
                finally
                {
                    t_inCallback = null;
                }
            }
        }
        catch (Exception ex)
        {
            Log.CallbackLoopFailed(_logger, "the callback loop stopped", ex);
        }
    }

    internal static List<KeyValuePair<string, object?>> Scope(string? agentId, string? dialogId) =>
        [new("AgentId", agentId ?? ""), new("DialogId", dialogId ?? "")];

    private void Handle(Work work)
    {
        switch (work)
        {
            case StartWork:
                RefreshToolbar(force: true);
                if (_host.LastStatus is { } last)
                {
                    ShowConnectorStatus(last);
                }
                break;
            case FailureWork failure:
                ForgetEndReasons(failure.Command);
                ReportFailure(failure.CommandTrackingId, failure.Command, failure.Code, failure.Message);
                break;
            case EndReasonWork intent:
                foreach (var (dialogId, consultLeg) in intent.Dialogs)
                {
                    _endReasons[dialogId] = new EndIntent(intent.Reason, consultLeg);
                }
                break;
            case StatusWork { Status: var status }:
                ShowConnectorStatus(status);
                break;
            case EventWork { Message: var message, Answered: var answered }:
                if (answered is null)
                {
                    Interlocked.Decrement(ref _queuedEvents);
                }

                Apply(message, answered);
                ResyncIfEventsWereLost();
                break;
        }
    }

    /// <summary>Once Siebel has caught up (the queue at half), asks the Connector for the full state of the agent whose events were dropped.</summary>
    private void ResyncIfEventsWereLost()
    {
        if (Volatile.Read(ref _eventsLost) == 0 || Volatile.Read(ref _queuedEvents) > MaxQueuedEvents / 2
            || _view.AgentId is not { } agentId || Interlocked.Exchange(ref _eventsLost, 0) == 0)
        {
            return;
        }

        // Unasked (no pending entry): the answers are shown as events, the unchanged ones skipped.
        _host.TrySend(new ConnectorEnvelope(new GetState(), _host.NewRequestId(), agentId));
    }

    private void Apply(ConnectorMessage message, Pending? answered)
    {
        switch (message)
        {
            case SystemStatus system:
                ShowConnectorStatus(StatusReport.From(system));
                break;
            case AgentState agent when answered is null && agent == _agent:
                // The same state again, unasked (the Connector's resync after a reconnect): Siebel
                // already shows it. A command's answer is always shown (ResetState asks for it).
                Log.EventDelivered(_logger, "(none: the agent state is unchanged)");
                break;
            case AgentState agent:
                _agent = agent;
                Publish();
                Event("AgentStateChanged", AgentFields());
                if (agent.State == AgentStateName.Logout && _dialogs.Count > 0)
                {
                    _dialogs.Clear();
                    Publish();
                    Call("CleanAllWorkItem", _client.CleanAllWorkItem);
                }
                RefreshToolbar(force: false);
                break;
            case Dialog dialog:
                var snapshot = DialogSnapshot.Of(dialog, _view.Extension ?? _agent?.Extension);
                if (string.IsNullOrEmpty(snapshot.To) && (answered?.Dialed ?? DialingNow(snapshot)) is { } dialed)
                {
                    snapshot = snapshot with { To = dialed };
                }
                ApplyDialog(snapshot);
                RefreshToolbar(force: false);
                break;
            case DialogEnded ended:
                EndDialog(ended.DialogId, ended.Reason);
                RefreshToolbar(force: false);
                break;
            case Error error:
                if ((answered?.RequestType ?? error.RequestType) == "Login")
                {
                    _signIn = null; // never replay credentials the Connector refused
                }
                ForgetEndReasons(answered?.Command);
                ReportFailure(answered?.CommandTrackingId, answered?.Command ?? error.RequestType ?? "(unknown request)", error.Code, error.Message);
                break;
            default:
                Log.EventDelivered(_logger, $"(none: {message.MessageType} is not shown to Siebel)");
                break;
        }
    }

    /// <summary>
    /// The number being dialled, for a new call from the agent's own extension that Finesse reports
    /// before the MakeCall or ConsultCall it comes from is answered (the notification may not carry
    /// the request's id).
    /// </summary>
    private string? DialingNow(DialogSnapshot dialog)
    {
        var extension = _view.Extension ?? _agent?.Extension;
        if (_dialogs.ContainsKey(dialog.Id) || extension is null || dialog.From != extension)
        {
            return null;
        }

        var dialing = _pending.Values.Where(p => p.Dialed is not null).Select(p => p.Dialed).Distinct().ToList();
        return dialing.Count == 1 ? dialing[0] : null;
    }

    private void ApplyDialog(DialogSnapshot dialog)
    {
        if (dialog.MyState is ParticipantStateName.Dropped or ParticipantStateName.Failed)
        {
            EndDialog(dialog.Id, null);
            return;
        }
        _dialogs.TryGetValue(dialog.Id, out var previous);
        _dialogs[dialog.Id] = dialog;
        Publish();
        if (dialog.MyState == ParticipantStateName.WrapUp)
        {
            EndIntent? intended = null;
            if (previous is not null && previous.MyState != ParticipantStateName.WrapUp)
            {
                _endReasons.Remove(dialog.Id, out intended);
            }
            Perform(EventMapping.WrapUp(previous, dialog, intended, Agent()));
            return;
        }
        Perform(EventMapping.Changed(previous, dialog, Agent()));
    }

    private void EndDialog(string dialogId, string? reason)
    {
        if (!_dialogs.Remove(dialogId, out var dialog))
        {
            return;
        }
        _endReasons.Remove(dialogId, out var intended);
        Publish();
        if (dialog.MyState == ParticipantStateName.WrapUp)
        {
            return; // its work item ended when the agent went to wrap-up on it
        }
        Perform(EventMapping.Ended(dialog, intended ?? new EndIntent(reason, false), Agent()));
    }

    private AgentContext Agent() => new(AgentFields(), AgentExtension);

    /// <summary>The agent's extension as the service knows it (from LogIn, else from Finesse), or empty.</summary>
    private string AgentExtension => _view.Extension ?? _agent?.Extension ?? "";

    /// <summary>Tells Siebel what <see cref="EventMapping"/> decided, in order.</summary>
    private void Perform(List<SiebelOutput> outputs)
    {
        foreach (var output in outputs)
        {
            switch (output)
            {
                case SiebelEvent e:
                    Event(e.Name, e.Fields);
                    break;
                case WorkItemStep { Action: WorkItemAction.New } w:
                    Call("IndicateNewWorkItem", () => _client.IndicateNewWorkItem(w.DialogId, null, w.Description, w.Mode));
                    break;
                case WorkItemStep { Action: WorkItemAction.Started } w:
                    var extension = AgentExtension;
                    var now = _host.Time.GetUtcNow().ToUnixTimeSeconds();
                    Call("WorkItemStarted", () => _client.WorkItemStarted(w.DialogId, null, w.Description, extension, now));
                    break;
                case WorkItemStep { Action: WorkItemAction.Suspended } w:
                    Call("WorkItemSuspended", () => _client.WorkItemSuspended(w.DialogId));
                    break;
                case WorkItemStep { Action: WorkItemAction.Resumed } w:
                    Call("WorkItemResumed", () => _client.WorkItemResumed(w.DialogId));
                    break;
                case WorkItemStep { Action: WorkItemAction.Released } w:
                    Call("WorkItemReleased", () => _client.WorkItemReleased(w.DialogId, _host.Time.GetUtcNow().ToUnixTimeSeconds()));
                    break;
            }
        }
    }

    /// <summary>Why the calls a command acts on will end, when the command ends them on purpose.</summary>
    private static string? EndReasonOf(string command) => command switch
    {
        "TransferComplete" or "BlindTransfer" => "TRANSFERRED",
        "ConferenceComplete" => "CONFERENCED",
        _ => null,
    };

    /// <summary>
    /// The calls that <paramref name="command"/> takes away from the agent, each marked whether it
    /// is a consult leg: the dialog it acts on, and for a consult transfer or conference the active
    /// consult leg too. (A conference keeps the original call: only the consult leg ends, merged into it.)
    /// </summary>
    private List<(string DialogId, bool ConsultLeg)> EndingDialogs(string command, CommandPlan plan)
    {
        var target = plan.Requests.OfType<DialogRequest>().Select(r => r.DialogId).FirstOrDefault();
        var consultLegs = _view.Dialogs.Where(d => d.MyState == ParticipantStateName.Active && d.Id != target).Select(d => (d.Id, true));
        return command switch
        {
            "TransferComplete" => [.. consultLegs.Prepend((target ?? "", false))],
            "ConferenceComplete" => [.. consultLegs],
            _ => target is null ? [] : [(target, false)],
        };
    }

    /// <summary>A transfer or conference that failed ends nothing.</summary>
    private void ForgetEndReasons(string? command)
    {
        if (command is not null && EndReasonOf(command) is { } reason)
        {
            foreach (var id in _endReasons.Where(e => e.Value.Reason == reason).Select(e => e.Key).ToList())
            {
                _endReasons.Remove(id);
            }
        }
    }

    private void ShowConnectorStatus(StatusReport status)
    {
        Log.ConnectorStatusChanged(_logger, status.Status, status.Reason);
        Event("ConnectorStatus", [new("Status", status.Status), new("Reason", status.Reason), new("ActiveSide", status.ActiveSide ?? "")]);
        Call("ShowStatusText", () => _client.ShowStatusText(status.Text));
    }

    private void ReportFailure(string? commandTrackingId, string command, string code, string message)
    {
        Log.RequestFailed(_logger, command, commandTrackingId ?? "(none)", code, message);
        Call("HandleError", () => _client.HandleError(commandTrackingId, $"{code}: {message}"));
        Event("CommandFailed", [new("Command", command), new("TrackingID", commandTrackingId ?? ""), new("ErrorCode", code), new("ErrorMessage", message)]);
    }

    private void RefreshToolbar(bool force)
    {
        var state = ToolbarTable.Derive(_agent?.State, _dialogs.Values);
        if (!force && state == _toolbar)
        {
            return;
        }
        _toolbar = state;
        var (names, descriptions, statuses) = ToolbarTable.Build(state);
        Call("CacheCommandInformation", () => _client.CacheCommandInformation(names, descriptions, statuses));
    }

    private void Event(string name, List<KeyValuePair<string, string>> fields)
    {
        Log.EventDelivered(_logger, name);
        Call("HandleEvent", () => _client.HandleEvent(name, fields, false, NextTrackingId()));
    }

    private void Call(string method, Func<int> call)
    {
        if (_released)
        {
            return;
        }
        var result = call();
        if (result != 0)
        {
            Log.CallbackFailed(_logger, method, result);
        }
    }

    private string NextTrackingId() => $"{_view.AgentId}-{++_eventSequence}";

    private void Publish()
    {
        lock (_viewLock)
        {
            _view = _view with
            {
                AgentState = _agent?.State,
                Extension = _view.Extension ?? _agent?.Extension,
                Dialogs = [.. _dialogs.Values],
            };
        }
    }

    private List<KeyValuePair<string, string>> AgentFields() =>
    [
        new("AgentId", _view.AgentId ?? ""),
        new("AgentState", _agent?.State ?? ""),
        new("ReasonCode", _agent?.ReasonCode ?? ""),
        new("ReasonLabel", _agent?.ReasonCodeLabel ?? ""),
        new("PendingState", _agent?.PendingState ?? ""),
        new("Extension", _agent?.Extension ?? _view.Extension ?? ""),
    ];

    /// <summary>
    /// A request awaiting its answer. <c>Dialed</c> is the number a MakeCall or ConsultCall dials:
    /// Finesse's first dialog of such a call may not name it yet.
    /// </summary>
    private sealed record Pending(string Command, string RequestType, string? CommandTrackingId, DateTimeOffset Deadline, TimeSpan Timeout, string? Dialed = null);

    private abstract record Work;

    private sealed record StartWork : Work;

    private sealed record EventWork(ConnectorMessage Message, Pending? Answered) : Work;

    private sealed record StatusWork(StatusReport Status) : Work;

    private sealed record EndReasonWork(string Command, string Reason, IReadOnlyList<(string DialogId, bool ConsultLeg)> Dialogs) : Work;

    private sealed record FailureWork(string? CommandTrackingId, string Command, string Code, string Message) : Work;
}

/// <summary>The connector status a service shows: the Connector's <c>System</c> message or the broker link state.</summary>
internal sealed record StatusReport(string Status, string Reason, string? ActiveSide, string Text)
{
    public static StatusReport From(SystemStatus system) => system.Status == SystemStatus.InService
        ? new(system.Status, system.Reason ?? "", system.ActiveSide, $"Connector in service{(system.ActiveSide is null ? "" : $" (Finesse side {system.ActiveSide})")}")
        : new(system.Status, system.Reason ?? "", system.ActiveSide, $"Connector out of service: {system.Reason}");

    public static StatusReport Link(bool up, string reason) => up
        ? new("BROKER_UP", reason, null, "Connected to the message broker")
        : new("BROKER_DOWN", reason, null, $"Message broker unavailable: {reason}");
}
