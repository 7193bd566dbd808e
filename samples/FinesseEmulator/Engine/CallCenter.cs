using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.Logging.Abstractions;
using SiebelCti.FinesseEmulator.Options;
using SiebelCti.FinesseEmulator.Xml;

namespace SiebelCti.FinesseEmulator.Engine;

/// <summary>
/// The emulated contact centre: agent and dialog state machines of one Finesse pair. It is the only
/// owner of that state; every public method takes one lock, so requests on the same object are
/// processed one after the other as Finesse does. No I/O: notifications go to the sink (a channel
/// in the host, a list in tests); every delay runs on the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class CallCenter : IDisposable
{
    private static readonly string[] KnownDialogActions =
        ["ANSWER", "HOLD", "RETRIEVE", "DROP", "CONSULT_CALL", "TRANSFER", "CONFERENCE", "TRANSFER_SST", "SEND_DTMF", "UPDATE_CALL_DATA"];

    private static readonly string[] NotSettableStates =
        ["WORK", "WORK_READY", "TALKING", "HOLD", "RESERVED", "RESERVED_OUTBOUND", "RESERVED_OUTBOUND_PREVIEW", "UNKNOWN"];

    private readonly Lock _gate = new();
    private readonly EmulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<Notification> _sink;
    private readonly ILogger _logger;
    private readonly Dictionary<string, Agent> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);
    private readonly List<Dialog> _touchedDialogs = [];
    private readonly List<Agent> _touchedAgents = [];
    private readonly Dictionary<(string Agent, string Dialog), string> _lastDialogXml = [];
    private readonly Dictionary<(string Agent, string Action), ApiError> _failures = [];
    private readonly bool[] _inService = [true, true];
    private readonly string[] _statusReason = ["", ""];
    private ITimer? _restartTimer;
    private long _nextDialogId;
    private int _suppressed;

    public CallCenter(EmulatorOptions options, TimeProvider time, Action<Notification> sink, ILogger<CallCenter>? logger = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _nextDialogId = options.FirstDialogId;
        foreach (var a in options.Agents)
        {
            _agents.Add(a.LoginId, new Agent(a));
        }
    }

    public EmulatorOptions Options => _options;

    /// <summary>The clock every timer of this instance runs on.</summary>
    public TimeProvider Time => _time;

    private DateTimeOffset Now => _time.GetUtcNow();

    private bool AnyInService => _inService[0] || (HasSideB && _inService[1]);

    private bool HasSideB => _options.SideB.Urls.Count > 0;

    // ------------------------------------------------------------------ queries

    /// <summary>The configured agent with this login id or login name, or null.</summary>
    public AgentOptions? FindAgentConfig(string user) =>
        _agents.TryGetValue(user, out var a) ? a.Config
        : _agents.Values.FirstOrDefault(x => x.Config.LoginName.Length > 0 && string.Equals(x.Config.LoginName, user, StringComparison.OrdinalIgnoreCase))?.Config;

    public XElement? GetUser(string id)
    {
        lock (_gate)
        {
            return _agents.TryGetValue(id, out var a) ? FinesseXml.User(a, teams: SupervisedTeams(a)) : null;
        }
    }

    /// <summary>Snapshot of an agent for tests and the control API.</summary>
    public (AgentState State, AgentState? Pending, int? ReasonCodeId, string Extension)? GetAgentState(string id)
    {
        lock (_gate)
        {
            return _agents.TryGetValue(id, out var a) ? (a.State, a.PendingState, a.Reason?.Id, a.Extension) : null;
        }
    }

    public XElement? GetDialogs(string agentId)
    {
        lock (_gate)
        {
            return _agents.TryGetValue(agentId, out var a)
                ? FinesseXml.Dialogs(a.VisibleDialogs.Where(_dialogs.ContainsKey).Select(id => DialogXml(_dialogs[id])))
                : null;
        }
    }

    /// <summary>The dialog if it exists and <paramref name="agentId"/> has it in its collection (null agent = any).</summary>
    public XElement? GetDialog(string dialogId, string? agentId, out bool exists)
    {
        lock (_gate)
        {
            exists = _dialogs.TryGetValue(dialogId, out var d);
            if (d is null || (agentId is not null && !(_agents.TryGetValue(agentId, out var a) && a.VisibleDialogs.Contains(dialogId))))
            {
                return null;
            }

            return DialogXml(d);
        }
    }

    private XElement DialogXml(Dialog d, bool notificationRoot = false, string? deletedFor = null) =>
        FinesseXml.Dialog(d, ActionsFor, notificationRoot, deletedFor, _options.IsUccx);

    /// <summary>
    /// The teams a supervisor supervises (its <c>SupervisedTeams</c>, or its own team), empty for an
    /// agent. A team's name is that of its members (the supervisor's own team name for its own team).
    /// </summary>
    public IReadOnlyList<TeamInfo> SupervisedTeams(Agent a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (!a.Config.Roles.Any(r => string.Equals(r, "Supervisor", StringComparison.OrdinalIgnoreCase)))
        {
            return [];
        }

        var ids = a.Config.SupervisedTeams.Count > 0 ? a.Config.SupervisedTeams : [a.Config.TeamId];
        return [.. ids.Distinct(StringComparer.Ordinal).Select(id => new TeamInfo(id,
            _agents.Values.FirstOrDefault(m => m.Config.TeamId == id)?.Config.TeamName ?? "Team " + id))];
    }

    /// <summary>Ids of the dialogs in an agent's collection (tests, control API).</summary>
    public IReadOnlyList<string> DialogIdsOf(string agentId)
    {
        lock (_gate)
        {
            return _agents.TryGetValue(agentId, out var a) ? [.. a.VisibleDialogs] : [];
        }
    }

    /// <summary>Runs <paramref name="read"/> on a dialog under the lock (tests, control API).</summary>
    public T? ReadDialog<T>(string dialogId, Func<Dialog, T> read)
    {
        lock (_gate)
        {
            return _dialogs.TryGetValue(dialogId, out var d) ? read(d) : default;
        }
    }

    public XElement? GetTeam(string teamId)
    {
        lock (_gate)
        {
            var members = _agents.Values.Where(a => a.Config.TeamId == teamId).ToList();
            return members.Count == 0 ? null : FinesseXml.Team(teamId, members[0].Config.TeamName, members);
        }
    }

    public XElement GetState()
    {
        lock (_gate)
        {
            return new XElement("EmulatorState",
                new XElement("sides",
                    new XElement("side", new XAttribute("name", "A"), new XAttribute("status", _inService[0] ? "IN_SERVICE" : "OUT_OF_SERVICE")),
                    HasSideB ? new XElement("side", new XAttribute("name", "B"), new XAttribute("status", _inService[1] ? "IN_SERVICE" : "OUT_OF_SERVICE")) : null),
                new XElement("users", _agents.Values.Select(a => FinesseXml.User(a, teams: SupervisedTeams(a)))),
                new XElement("dialogs", _dialogs.Values.Select(d =>
                {
                    var x = DialogXml(d);
                    x.Add(new XElement("sentDtmf", d.SentDtmf));
                    return x;
                })));
        }
    }

    public bool IsInService(int side)
    {
        lock (_gate)
        {
            return _inService[side];
        }
    }

    public SystemInfoView GetSystemInfo(int side)
    {
        lock (_gate)
        {
            return SystemInfoOf(side);
        }
    }

    private SystemInfoView SystemInfoOf(int side) => new(
        Now, _options.DeploymentType, _options.SideA.Host, HasSideB ? _options.SideB.Host : "",
        _inService[side], _statusReason[side], _options.XmppDomain);

    // ------------------------------------------------------------------ agent state machine

    /// <summary>PUT /finesse/api/User/{id}: sign in, READY, NOT_READY, LOGOUT. Null = 202 Accepted.</summary>
    public ApiError? ChangeAgentState(string agentId, UserRequest request, string requestId = "")
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            if (!_agents.TryGetValue(agentId, out var a))
            {
                return ApiError.UserNotFound(agentId);
            }

            var state = request.State?.Trim().ToUpperInvariant() ?? "";
            if (state.Length == 0)
            {
                return ApiError.ParameterMissing("state is required");
            }

            if (state == "LOGIN")
            {
                return Login(a, request, requestId);
            }

            if (NotSettableStates.Contains(state))
            {
                UserError(a, ApiError.InvalidState($"The state {state} cannot be requested"), requestId);
                return null;
            }

            if (state is not ("READY" or "NOT_READY" or "LOGOUT"))
            {
                return ApiError.InvalidInput($"Invalid state '{request.State}'");
            }

            ReasonCodeOptions? reason = null;
            if (state is "NOT_READY" or "LOGOUT")
            {
                var codes = _options.ReasonCodes.Where(r => r.Category == state).ToList();
                if (string.IsNullOrWhiteSpace(request.ReasonCodeId))
                {
                    if (codes.Count > 0)
                    {
                        return ApiError.ParameterMissing("A reason code is required", "finesse.api.reasoncode.require_reasoncode");
                    }
                }
                else if (!int.TryParse(request.ReasonCodeId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var rcId)
                    || (reason = codes.FirstOrDefault(r => r.Id == rcId)) is null)
                {
                    return ApiError.InvalidInput($"Invalid reasonCodeId '{request.ReasonCodeId}' for {state}");
                }
            }

            if (TakeFailure(a.Id, state) is { } injected)
            {
                UserError(a, injected, requestId);
                return null;
            }

            var target = state switch { "READY" => AgentState.Ready, "NOT_READY" => AgentState.NotReady, _ => AgentState.Logout };
            var current = a.State;
            if (current == AgentState.Logout)
            {
                UserError(a, ApiError.InvalidState($"Cannot change state from LOGOUT to {state}"), requestId);
                return null;
            }

            if (current is AgentState.Reserved or AgentState.Talking or AgentState.Hold)
            {
                return SetPending(a, target, reason, requestId);
            }

            if (target == AgentState.Logout)
            {
                var allowed = current == AgentState.NotReady || (_options.IsUccx && current == AgentState.Ready);
                if (!allowed)
                {
                    UserError(a, ApiError.InvalidState($"Cannot change state from {Wire.Name(current)} to LOGOUT"), requestId);
                    return null;
                }

                EndWrapUp(a);
                a.PendingState = null;
                a.PendingReason = null;
                a.BaseState = AgentState.NotReady;
                a.BaseReason = null;
                SetState(a, AgentState.Logout, reason);
                a.Extension = "";
            }
            else
            {
                // READY / NOT_READY from READY, NOT_READY, WORK or WORK_READY (wrap-up ends).
                EndWrapUp(a);
                a.BaseState = target;
                a.BaseReason = reason;
                SetState(a, target, reason, force: target == AgentState.NotReady);
            }

            Touch(a);
            Commit(requestId);
            return null;
        }
    }

    private ApiError? Login(Agent a, UserRequest request, string requestId)
    {
        var ext = request.Extension?.Trim() ?? "";
        if (ext.Length == 0)
        {
            return ApiError.ParameterMissing("extension is required");
        }

        var valid = _options.IsUccx
            ? ext.Length <= 15 && (ext[0] == '+' ? ext.Length > 1 && ext[1..].All(char.IsAsciiDigit) : ext.All(char.IsAsciiDigit))
            : EmulatorOptionsValidator.IsExtension(ext);
        if (!valid)
        {
            return ApiError.BadRequest($"Invalid extension '{ext}'");
        }

        if (TakeFailure(a.Id, "LOGIN") is { } injected)
        {
            UserError(a, injected, requestId);
            return null;
        }

        if (_agents.Values.Any(o => o != a && o.State != AgentState.Logout && o.Extension == ext))
        {
            UserError(a, new ApiError(400, "Device Busy", $"The device {ext} is in use by another agent", "CF_DEVICE_BUSY"), requestId);
            return null;
        }

        if (a.State != AgentState.Logout)
        {
            if (a.Extension != ext && HasCalls(a))
            {
                UserError(a, new ApiError(400, "Device Busy", "The agent has calls on another device", "CF_DEVICE_BUSY"), requestId);
                return null;
            }

            // Forced sign-in: re-authenticates and keeps the current state.
            a.Extension = ext;
            PublishUser(a, requestId, force: true);
            return null;
        }

        a.Extension = ext;
        a.BaseState = AgentState.NotReady;
        a.BaseReason = null;
        SetState(a, AgentState.NotReady, null);
        Touch(a);
        Commit(requestId);
        return null;
    }

    private ApiError? SetPending(Agent a, AgentState target, ReasonCodeOptions? reason, string requestId)
    {
        if (target == AgentState.Logout)
        {
            UserError(a, ApiError.InvalidState($"Cannot change state from {Wire.Name(a.State)} to LOGOUT"), requestId);
            return null;
        }

        if (_options.IsUccx)
        {
            if (target == AgentState.Ready)
            {
                UserError(a, ApiError.InvalidState("CF_INVALID_AGENT_WORKMODE", "265"), requestId);
                return null;
            }

            if (a.PendingSetDuringCall)
            {
                UserError(a, ApiError.InvalidState("CF_INVALID_AGENT_WORKMODE", "265"), requestId);
                return null;
            }
        }

        a.PendingState = target;
        a.PendingReason = reason;
        a.PendingSetDuringCall = true;
        Touch(a);
        Commit(requestId);
        return null;
    }

    private void SetState(Agent a, AgentState state, ReasonCodeOptions? reason, bool force = false)
    {
        if (a.State != state || force || a.Reason != reason)
        {
            Log.AgentStateChanged(_logger, a.Id, Wire.Name(a.State), Wire.Name(state), a.PendingState is { } p ? Wire.Name(p) : "", reason?.Label ?? "");
            if (a.State != state || a.Reason != reason)
            {
                a.StateChangeTime = Now;
            }

            a.State = state;
        }

        a.Reason = reason;
    }

    /// <summary>The state an agent has given its calls (the derived part of the state machine).</summary>
    private void Derive(Agent a)
    {
        if (a.State == AgentState.Logout)
        {
            return;
        }

        var mine = ParticipantsOf(a).ToList();
        var live = mine.Where(p => p.IsLive || p.State == CallState.Failed).ToList();
        if (live.Any(p => p.State is CallState.Active or CallState.Initiating or CallState.Initiated or CallState.Failed))
        {
            SetState(a, AgentState.Talking, null);
        }
        else if (live.Any(p => p.State == CallState.Held))
        {
            SetState(a, _options.IsUccx ? AgentState.Talking : AgentState.Hold, null);
        }
        else if (live.Count > 0)
        {
            // Only ringing calls: a READY agent is reserved for the offered call.
            if (a.State is AgentState.Ready or AgentState.Reserved)
            {
                SetState(a, AgentState.Reserved, null);
            }
            else if (a.State is AgentState.Talking or AgentState.Hold)
            {
                CallsEnded(a, mine);
            }
        }
        else if (a.State is AgentState.Talking or AgentState.Hold or AgentState.Reserved)
        {
            CallsEnded(a, mine);
        }
    }

    private void CallsEnded(Agent a, List<Participant> mine)
    {
        if (a.PendingState is { } pending)
        {
            a.BaseState = pending;
            a.BaseReason = a.PendingReason;
            a.PendingState = null;
            a.PendingReason = null;
        }

        a.PendingSetDuringCall = false;
        if (mine.Any(p => p.State == CallState.WrapUp))
        {
            var work = a.BaseState == AgentState.Ready && !_options.IsUccx ? AgentState.WorkReady : AgentState.Work;
            SetState(a, work, null);
            StartWrapUpTimer(a);
        }
        else
        {
            SetState(a, a.BaseState, a.BaseState == AgentState.NotReady ? a.BaseReason : null);
        }
    }

    private void StartWrapUpTimer(Agent a)
    {
        a.WrapUpTimer?.Dispose();
        a.WrapUpTimer = null;
        var timeout = a.Config.WrapUpTimeout;
        if (timeout <= TimeSpan.Zero)
        {
            return;
        }

        var id = a.Id;
        a.WrapUpTimer = _time.CreateTimer(_ => OnTimer(() => WrapUpExpired(id)), null, timeout, Timeout.InfiniteTimeSpan);
    }

    private void WrapUpExpired(string agentId)
    {
        var a = _agents[agentId];
        if (a.State is not (AgentState.Work or AgentState.WorkReady))
        {
            return;
        }

        EndWrapUp(a);
        SetState(a, a.BaseState, a.BaseState == AgentState.NotReady ? a.BaseReason : null);
        Touch(a);
        Commit("");
    }

    /// <summary>Ends wrap-up: WRAP_UP participants drop (their dialogs leave the collection).</summary>
    private void EndWrapUp(Agent a)
    {
        a.WrapUpTimer?.Dispose();
        a.WrapUpTimer = null;
        foreach (var d in _dialogs.Values)
        {
            foreach (var p in d.Participants.Where(p => p.AgentId == a.Id && p.State == CallState.WrapUp))
            {
                p.Set(CallState.Dropped, Now);
                Touch(d);
            }
        }
    }

    private bool HasCalls(Agent a) => ParticipantsOf(a).Any(p => p.IsLive);

    private IEnumerable<Participant> ParticipantsOf(Agent a) =>
        _dialogs.Values.SelectMany(d => d.Participants).Where(p => p.AgentId == a.Id);

    private bool WrapUpApplies(Agent a, bool outgoing)
    {
        var mode = outgoing ? a.Config.WrapUpOnOutgoing : a.Config.WrapUpOnIncoming;
        return mode is "REQUIRED" or "REQUIRED_WITH_WRAP_UP_DATA" or "OPTIONAL";
    }

    // ------------------------------------------------------------------ dialog state machine

    /// <summary>POST /finesse/api/User/{id}/Dialogs with MAKE_CALL. Null = 202 Accepted.</summary>
    public ApiError? MakeCall(string agentId, DialogRequest request, string requestId = "")
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            if (!_agents.TryGetValue(agentId, out var a))
            {
                return ApiError.UserNotFound(agentId);
            }

            if (string.IsNullOrWhiteSpace(request.RequestedAction))
            {
                return ApiError.ParameterMissing("requestedAction is required");
            }

            if (request.RequestedAction != "MAKE_CALL")
            {
                return ApiError.InvalidInput($"Invalid requestedAction '{request.RequestedAction}' for a POST on Dialogs");
            }

            var from = request.FromAddress?.Trim() ?? "";
            var to = request.ToAddress?.Trim() ?? "";
            if (from.Length == 0)
            {
                return ApiError.ParameterMissing("fromAddress is required");
            }

            if (to.Length == 0)
            {
                return ApiError.ParameterMissing("toAddress is required");
            }

            if (a.State == AgentState.Logout)
            {
                return ApiError.InvalidState("The agent is not signed in");
            }

            if (from != a.Extension)
            {
                return ApiError.InvalidInput($"fromAddress '{from}' is not the agent's extension");
            }

            if (to == from)
            {
                return ApiError.InvalidDestination("toAddress is the same as fromAddress");
            }

            if (to.Length > 32 || to.Any(c => c < 0x20 || c > 0x7e))
            {
                return ApiError.InvalidDestination($"Invalid toAddress '{to}'");
            }

            if (request.HasMediaProperties && _options.IsUccx)
            {
                return ApiError.InvalidInput("mediaProperties are not supported with MAKE_CALL in UCCX");
            }

            if (request.WrapUpReason is not null)
            {
                return ApiError.InvalidInput("wrapUpReason cannot be set with MAKE_CALL");
            }

            if (ValidateVariables(request.CallVariables, null) is { } varError)
            {
                return varError;
            }

            if (TakeFailure(a.Id, "MAKE_CALL") is { } injected)
            {
                DialogError(a, FinesseXml.DialogsUri(a.Id), injected, requestId);
                return null;
            }

            if (ParticipantsOf(a).Any(p => p.State is CallState.Active or CallState.Initiating or CallState.Initiated or CallState.Alerting))
            {
                DialogError(a, FinesseXml.DialogsUri(a.Id),
                    new ApiError(400, "Call Operation Failure", "CF_INVALID_OBJECT_STATE", "12"), requestId);
                return null;
            }

            PlaceCall(a, "AGENT_INSIDE", request.CallVariables ?? [], to, requestId);
            return null;
        }
    }

    /// <summary>A new dialog from the agent's phone: INITIATING (published), then dialled.</summary>
    private void PlaceCall(Agent a, string callType, IEnumerable<KeyValuePair<string, string>> variables, string to, string requestId)
    {
        var d = NewDialog(callType, a.Extension);
        foreach (var v in variables)
        {
            d.SetVariable(v.Key, v.Value);
        }

        var p = new Participant(a.Extension, a.Id, CallState.Initiating, Now, outgoing: true);
        d.Participants.Add(p);
        Touch(d);
        Commit(requestId);
        Dial(d, p, to, requestId);
    }

    private Dialog NewDialog(string callType, string from)
    {
        var id = (_nextDialogId++).ToString(CultureInfo.InvariantCulture);
        var d = new Dialog(id) { CallType = callType, FromAddress = from };
        if (!_options.IsUccx)
        {
            d.CallKeyCallId = id;
            d.CallKeyPrefix = ((long)(Now - DateTimeOffset.UnixEpoch).TotalDays).ToString(CultureInfo.InvariantCulture);
        }

        _dialogs.Add(id, d);
        return d;
    }

    /// <summary>INITIATING -> INITIATED, then ring an agent or let the far end answer later.</summary>
    private void Dial(Dialog d, Participant caller, string to, string requestId)
    {
        d.ToAddress = to;
        d.DialedNumber = to;
        caller.Set(CallState.Initiated, Now);
        var target = SignedInAgentOn(to);
        if (target is not null)
        {
            d.Dnis = to; // delivered to the other agent's device
            d.Participants.Add(new Participant(to, target.Id, CallState.Alerting, Now, outgoing: false));
        }
        else
        {
            ScheduleFarEnd(d, to);
        }

        Touch(d);
        Commit(requestId);
    }

    private Agent? SignedInAgentOn(string extension) =>
        _agents.Values.FirstOrDefault(x => x.State != AgentState.Logout && x.Extension == extension);

    private void ScheduleFarEnd(Dialog d, string number)
    {
        d.FarEndTimer?.Dispose();
        d.PendingFarEnd = number;
        var id = d.Id;
        if (_options.FarEndAnswerDelay <= TimeSpan.Zero)
        {
            FarEndAnswers(id);
            return;
        }

        d.FarEndTimer = _time.CreateTimer(_ => OnTimer(() => FarEndAnswers(id)), null, _options.FarEndAnswerDelay, Timeout.InfiniteTimeSpan);
    }

    private void FarEndAnswers(string dialogId)
    {
        if (!_dialogs.TryGetValue(dialogId, out var d) || d.PendingFarEnd is not { } number)
        {
            return;
        }

        d.PendingFarEnd = null;
        d.FarEndTimer?.Dispose();
        d.FarEndTimer = null;
        var caller = d.Participants.FirstOrDefault(p => p.State == CallState.Initiated);
        if (caller is null)
        {
            return;
        }

        if (_options.BusyNumbers.Contains(number))
        {
            caller.Set(CallState.Failed, Now);
            caller.StateCause = "BUSY";
        }
        else
        {
            d.Participants.Add(new Participant(number, null, CallState.Active, Now, outgoing: false));
            caller.Set(CallState.Active, Now);
            if (d.CallType == "AGENT_INSIDE")
            {
                d.CallType = "OUT";
            }
        }

        Touch(d);
        Commit("");
    }

    /// <summary>PUT /finesse/api/Dialog/{id}. Null = 202 Accepted.</summary>
    public ApiError? DialogAction(string agentId, string dialogId, DialogRequest request, string requestId = "")
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            if (!_agents.TryGetValue(agentId, out var a))
            {
                return ApiError.UserNotFound(agentId);
            }

            if (!_dialogs.TryGetValue(dialogId, out var d))
            {
                return ApiError.DialogNotFound(dialogId);
            }

            var p = d.Participants.FirstOrDefault(x => x.AgentId == a.Id && x.State != CallState.Dropped);
            if (p is null)
            {
                return ApiError.WrongUser();
            }

            var action = request.RequestedAction?.Trim() ?? "";
            if (action.Length == 0)
            {
                return ApiError.ParameterMissing("requestedAction is required");
            }

            if (!KnownDialogActions.Contains(action))
            {
                return action is "START_RECORDING" && !_options.IsUccx
                    ? new ApiError(501, "Not Implemented", "START_RECORDING is not available in UCCE")
                    : ApiError.InvalidInput($"Invalid requestedAction '{action}'");
            }

            if (action != "UPDATE_CALL_DATA")
            {
                var target = request.TargetMediaAddress?.Trim() ?? "";
                if (target.Length == 0)
                {
                    return ApiError.ParameterMissing("targetMediaAddress is required");
                }

                if (target != a.Extension)
                {
                    return ApiError.InvalidInput($"targetMediaAddress '{target}' is not the agent's extension");
                }
            }

            var to = request.ToAddress?.Trim() ?? "";
            if (action is "CONSULT_CALL" or "TRANSFER_SST")
            {
                if (to.Length == 0)
                {
                    return ApiError.ParameterMissing("toAddress is required");
                }

                if (to == a.Extension)
                {
                    return ApiError.InvalidDestination("toAddress is the agent's own extension");
                }
            }

            var digits = "";
            if (action == "SEND_DTMF")
            {
                if (!request.ActionParams.TryGetValue("dtmfString", out var dtmf) || dtmf.Length == 0)
                {
                    return ApiError.ParameterMissing("actionParams dtmfString is required");
                }

                var allowed = _options.IsUccx ? "0123456789*#" : "0123456789*#ABCD";
                if (dtmf.Length > 32 || dtmf.Any(c => !allowed.Contains(c, StringComparison.Ordinal)))
                {
                    return ApiError.InvalidInput($"Invalid dtmfString '{dtmf}'");
                }

                if (p.State == CallState.Held)
                {
                    return new ApiError(401, "Invalid State", "The participant is on hold");
                }

                digits = dtmf;
            }

            if (action == "UPDATE_CALL_DATA")
            {
                if (request.CallVariables is null && request.WrapUpReason is null)
                {
                    return ApiError.ParameterMissing("mediaProperties with callvariables or wrapUpReason is required");
                }

                if (ValidateVariables(request.CallVariables, d) is { } varError)
                {
                    return varError;
                }

                if (request.WrapUpReason is { } w && (w.Length == 0 || Encoding.UTF8.GetByteCount(w) > 39))
                {
                    return ApiError.InvalidInput("wrapUpReason must be 1-39 bytes");
                }
            }

            Dialog? consult = null;
            if (action is "TRANSFER" or "CONFERENCE")
            {
                consult = EstablishedConsult(a, d);
                if (p.State != CallState.Held || consult is null)
                {
                    return ApiError.InvalidState($"No Active call available on agent for {action}");
                }
            }

            if (TakeFailure(a.Id, action) is { } injected)
            {
                DialogError(a, d.Uri, injected, requestId);
                return null;
            }

            if (!ActionsFor(d, p).Contains(action))
            {
                DialogError(a, d.Uri, new ApiError(400, "Generic Error",
                    $"{action} is not allowed for a participant in state {Wire.Name(p.State)}", "CF_INVALID_OBJECT_STATE"), requestId);
                return null;
            }

            switch (action)
            {
                case "ANSWER":
                    HoldOtherActive(a, d);
                    p.Set(CallState.Active, Now);
                    foreach (var other in d.Participants.Where(x => x != p && x.State is CallState.Initiated or CallState.Alerting && x.AgentId != a.Id))
                    {
                        if (other.State == CallState.Initiated || other.AgentId is null)
                        {
                            other.Set(CallState.Active, Now);
                        }
                    }

                    break;
                case "HOLD":
                    p.Set(CallState.Held, Now);
                    break;
                case "RETRIEVE":
                    HoldOtherActive(a, d);
                    p.Set(CallState.Active, Now);
                    break;
                case "DROP":
                    Leave(d, p);
                    EndIfAlone(d);
                    break;
                case "CONSULT_CALL":
                    p.Set(CallState.Held, Now);
                    Touch(d);
                    PlaceCall(a, "CONSULT", [.. d.Variables], to, requestId);
                    return null;
                case "TRANSFER":
                case "CONFERENCE":
                    JoinConsult(a, d, p, consult!, action == "CONFERENCE");
                    break;
                case "TRANSFER_SST":
                    var target = SignedInAgentOn(to);
                    d.Participants.Add(target is not null
                        ? new Participant(to, target.Id, CallState.Alerting, Now, outgoing: false)
                        : new Participant(to, null, CallState.Active, Now, outgoing: false));
                    d.CallType = "TRANSFER";
                    Leave(d, p);
                    EndIfAlone(d);
                    break;
                case "SEND_DTMF":
                    d.SentDtmf += digits;
                    Log.DtmfSent(_logger, digits, d.Id, a.Id);
                    return null;
                case "UPDATE_CALL_DATA":
                    foreach (var v in request.CallVariables ?? [])
                    {
                        d.SetVariable(v.Key, v.Value);
                    }

                    if (request.WrapUpReason is { } reason)
                    {
                        d.WrapUpReason = reason;
                    }

                    break;
            }

            Touch(d);
            Commit(requestId);
            return null;
        }
    }

    /// <summary>The agent's consult dialog whose far side is connected (TRANSFER/CONFERENCE may proceed).</summary>
    private Dialog? EstablishedConsult(Agent a, Dialog original) =>
        _dialogs.Values.FirstOrDefault(c => c != original
            && c.Participants.Any(x => x.AgentId == a.Id && x.State == CallState.Active)
            && c.Participants.Any(x => x.AgentId != a.Id && x.State == CallState.Active));

    private void JoinConsult(Agent a, Dialog original, Participant held, Dialog consult, bool conference)
    {
        foreach (var x in consult.Participants.Where(x => x.IsLive && x.AgentId != a.Id).ToList())
        {
            original.Participants.Add(new Participant(x.MediaAddress, x.AgentId, CallState.Active, Now, outgoing: false));
            x.Set(CallState.Dropped, Now);
        }

        foreach (var x in consult.Participants.Where(x => x.AgentId == a.Id && x.IsLive))
        {
            x.Set(CallState.Dropped, Now);
        }

        original.SecondaryId = consult.Id;
        Touch(consult);
        if (conference)
        {
            original.CallType = "CONFERENCE";
            held.Set(CallState.Active, Now);
        }
        else
        {
            original.CallType = "TRANSFER";
            Leave(original, held);
            EndIfAlone(original);
        }
    }

    private void HoldOtherActive(Agent a, Dialog except)
    {
        foreach (var d in _dialogs.Values.Where(x => x != except))
        {
            foreach (var x in d.Participants.Where(x => x.AgentId == a.Id && x.State == CallState.Active))
            {
                x.Set(CallState.Held, Now);
                Touch(d);
            }
        }
    }

    /// <summary>A participant leaves: WRAP_UP if it was its agent's last talked call and wrap-up applies, else DROPPED.</summary>
    private void Leave(Dialog d, Participant p)
    {
        if (p.AgentId is { } id && _agents.TryGetValue(id, out var a) && p.WasConnected && WrapUpApplies(a, p.Outgoing)
            && !ParticipantsOf(a).Any(x => x != p && (x.IsLive || x.State == CallState.WrapUp)))
        {
            p.Set(CallState.WrapUp, Now);
        }
        else
        {
            p.Set(CallState.Dropped, Now);
        }

        Touch(d);
    }

    /// <summary>A call needs two live parties: when fewer remain, everyone left leaves.</summary>
    private void EndIfAlone(Dialog d)
    {
        if (d.Participants.Count(p => p.IsLive) >= 2)
        {
            return;
        }

        foreach (var p in d.Participants.Where(p => p.IsLive).ToList())
        {
            Leave(d, p);
        }

        d.PendingFarEnd = null;
        d.FarEndTimer?.Dispose();
        d.FarEndTimer = null;
    }

    /// <summary>The actions Finesse offers a participant in its state (finesse.md §3.2).</summary>
    public IReadOnlyList<string> ActionsFor(Dialog d, Participant p)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(p);
        switch (p.State)
        {
            case CallState.Initiating:
            case CallState.Initiated:
                return ["DROP", "UPDATE_CALL_DATA"];
            case CallState.Alerting:
                return ["ANSWER"];
            case CallState.Active:
                return ["TRANSFER_SST", "CONSULT_CALL", "HOLD", "UPDATE_CALL_DATA", "SEND_DTMF", "DROP"];
            case CallState.Held:
                var held = new List<string> { "RETRIEVE", "DROP", "UPDATE_CALL_DATA" };
                if (p.AgentId is { } id && _agents.TryGetValue(id, out var a) && EstablishedConsult(a, d) is not null)
                {
                    held.Add("TRANSFER");
                    held.Add("CONFERENCE");
                }

                return held;
            case CallState.Failed:
                return ["DROP"];
            case CallState.WrapUp:
                return ["UPDATE_CALL_DATA"];
            default:
                return [];
        }
    }

    private static ApiError? ValidateVariables(IReadOnlyList<KeyValuePair<string, string>>? vars, Dialog? d)
    {
        if (vars is null)
        {
            return null;
        }

        var eccBytes = 0;
        foreach (var (name, value) in vars)
        {
            if (name.StartsWith("callVariable", StringComparison.Ordinal)
                && int.TryParse(name.AsSpan(12), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 10
                && name.Length == 12 + n.ToString(CultureInfo.InvariantCulture).Length)
            {
                if (Encoding.UTF8.GetByteCount(value) > 40)
                {
                    return ApiError.InvalidInput($"The value of {name} is longer than 40 bytes");
                }
            }
            else if (name.StartsWith("user.", StringComparison.Ordinal) && name.Length > 5)
            {
                eccBytes += Encoding.UTF8.GetByteCount(name) + Encoding.UTF8.GetByteCount(value);
            }
            else if (name.StartsWith("BA", StringComparison.Ordinal))
            {
                return ApiError.InvalidInput($"The variable {name} is read-only");
            }
            else
            {
                return ApiError.InvalidInput($"Unknown call variable '{name}'");
            }
        }

        if (d is not null)
        {
            eccBytes += d.Variables.Where(v => v.Key.StartsWith("user.", StringComparison.Ordinal) && !vars.Any(n => n.Key == v.Key))
                .Sum(v => Encoding.UTF8.GetByteCount(v.Key) + Encoding.UTF8.GetByteCount(v.Value));
        }

        return eccBytes > 2000 ? ApiError.InvalidInput("ECC variables exceed 2000 bytes") : null;
    }

    // ------------------------------------------------------------------ control API

    /// <summary>Offers a call to the agent signed in on <see cref="IncomingCall.Extension"/>; returns the dialog id.</summary>
    public ControlResult InjectCall(IncomingCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        lock (_gate)
        {
            var a = SignedInAgentOn(call.Extension);
            if (a is null)
            {
                return ControlResult.Fail(404, $"No agent is signed in on extension '{call.Extension}'");
            }

            if (ValidateVariables(call.Variables, null) is { } error)
            {
                return ControlResult.Fail(400, error.ErrorMessage);
            }

            // As on Unified CCE: DNIS is the device the call is delivered to (the agent's extension);
            // the number the caller dialled is dialedNumber and toAddress.
            var d = NewDialog(call.CallType.Length > 0 ? call.CallType : "PREROUTE_ACD_IN", call.Ani);
            d.ToAddress = call.Dnis.Length > 0 ? call.Dnis : call.Extension;
            d.DialedNumber = d.ToAddress;
            d.Dnis = call.Extension;
            d.QueueNumber = call.QueueNumber;
            d.QueueName = call.QueueName;
            foreach (var v in call.Variables)
            {
                d.SetVariable(v.Key, v.Value);
            }

            d.Participants.Add(new Participant(call.Ani, null, CallState.Initiated, Now, outgoing: false));
            d.Participants.Add(new Participant(call.Extension, a.Id, CallState.Alerting, Now, outgoing: false));
            Touch(d);
            Commit("");
            return ControlResult.Success($"Call offered to agent {a.Id}", d.Id);
        }
    }

    /// <summary>The customer side (every non-agent participant) hangs up.</summary>
    public ControlResult HangUpFarEnd(string dialogId)
    {
        lock (_gate)
        {
            if (!_dialogs.TryGetValue(dialogId, out var d))
            {
                return ControlResult.Fail(404, $"Dialog {dialogId} was not found");
            }

            var far = d.Participants.Where(p => p.AgentId is null && p.IsLive).ToList();
            if (far.Count == 0)
            {
                return ControlResult.Fail(409, $"Dialog {dialogId} has no connected far end");
            }

            foreach (var p in far)
            {
                p.Set(CallState.Dropped, Now);
            }

            Touch(d);
            EndIfAlone(d);
            Commit("");
            return ControlResult.Success($"Far end of dialog {dialogId} hung up", dialogId);
        }
    }

    /// <summary>Sets a side IN_SERVICE or OUT_OF_SERVICE and publishes SystemInfo.</summary>
    public ControlResult SetInService(int side, bool inService, string reason = "")
    {
        lock (_gate)
        {
            if (side == 1 && !HasSideB)
            {
                return ControlResult.Fail(404, "Side B is not configured (Emulator:SideB:Urls)");
            }

            SetSide(side, inService, reason);
            return ControlResult.Success($"Side {SideName(side)} is {(inService ? "IN_SERVICE" : "OUT_OF_SERVICE")}");
        }
    }

    private void SetSide(int side, bool inService, string reason)
    {
        if (_inService[side] == inService && _statusReason[side] == reason)
        {
            return;
        }

        var wasAny = AnyInService;
        _inService[side] = inService;
        _statusReason[side] = reason;
        Log.SideStatus(_logger, SideName(side), inService ? "IN_SERVICE" : "OUT_OF_SERVICE", reason);
        var info = FinesseXml.SystemInfo(SystemInfoOf(side), notificationRoot: true);
        _sink(new Notification("/finesse/api/SystemInfo", "PUT", "/finesse/api/SystemInfo", "", info));
        if (!wasAny && AnyInService)
        {
            if (_suppressed > 0)
            {
                Log.NotificationsSuppressed(_logger, _suppressed);
                _suppressed = 0;
            }

            RepublishAll();
        }
    }

    private static string SideName(int side) => side == 0 ? "A" : "B";

    /// <summary>Side A goes OUT_OF_SERVICE so that clients move to side B (which must be configured).</summary>
    public ControlResult FailOver()
    {
        lock (_gate)
        {
            if (!HasSideB)
            {
                return ControlResult.Fail(409, "Side B is not configured (Emulator:SideB:Urls)");
            }

            SetSide(1, true, "");
            SetSide(0, false, "FAILOVER");
            return ControlResult.Success("Side A is OUT_OF_SERVICE, side B is IN_SERVICE");
        }
    }

    /// <summary>
    /// Like a Finesse restart: every side goes OUT_OF_SERVICE, all agent and call state is lost, and
    /// after <paramref name="downtime"/> the sides come back IN_SERVICE (agents then show LOGOUT).
    /// </summary>
    public ControlResult Restart(TimeSpan downtime)
    {
        lock (_gate)
        {
            SetSide(0, false, "RESTART");
            if (HasSideB)
            {
                SetSide(1, false, "RESTART");
            }

            DropState();
            Log.StateDropped(_logger, "restart");
            _restartTimer?.Dispose();
            _restartTimer = null;
            if (downtime <= TimeSpan.Zero)
            {
                BackFromRestart();
            }
            else
            {
                _restartTimer = _time.CreateTimer(_ => OnTimer(BackFromRestart), null, downtime, Timeout.InfiniteTimeSpan);
            }

            return ControlResult.Success("Restarted");
        }
    }

    private void BackFromRestart()
    {
        _restartTimer?.Dispose();
        _restartTimer = null;
        SetSide(0, true, "");
        if (HasSideB)
        {
            SetSide(1, true, "");
        }
    }

    /// <summary>Back to the configured start: agents signed out, no calls, sides IN_SERVICE, no notifications.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            DropState();
            foreach (var a in _agents.Values)
            {
                a.LastPublished = "";
            }

            _restartTimer?.Dispose();
            _restartTimer = null;
            _inService[0] = _inService[1] = true;
            _statusReason[0] = _statusReason[1] = "";
            _failures.Clear();
            _suppressed = 0;
            Log.StateDropped(_logger, "reset");
        }
    }

    private void DropState()
    {
        foreach (var d in _dialogs.Values)
        {
            d.FarEndTimer?.Dispose();
        }

        _dialogs.Clear();
        _lastDialogXml.Clear();
        foreach (var a in _agents.Values)
        {
            a.WrapUpTimer?.Dispose();
            a.WrapUpTimer = null;
            a.State = AgentState.Logout;
            a.PendingState = null;
            a.PendingReason = null;
            a.Reason = null;
            a.Extension = "";
            a.BaseState = AgentState.NotReady;
            a.BaseReason = null;
            a.PendingSetDuringCall = false;
            a.StateChangeTime = null;
            a.VisibleDialogs.Clear();
        }
    }

    /// <summary>
    /// The next request <paramref name="action"/> (READY, NOT_READY, LOGOUT, LOGIN, MAKE_CALL or a dialog
    /// requestedAction) of the agent (or any agent for "*") fails asynchronously with this error.
    /// </summary>
    public void InjectFailure(string agentId, string action, ApiError error)
    {
        lock (_gate)
        {
            _failures[(agentId, action)] = error;
        }
    }

    private ApiError? TakeFailure(string agentId, string action)
    {
        if (_failures.Remove((agentId, action), out var e) || _failures.Remove(("*", action), out e))
        {
            return e;
        }

        return null;
    }

    // ------------------------------------------------------------------ publishing

    private void Touch(Dialog d)
    {
        if (!_touchedDialogs.Contains(d))
        {
            _touchedDialogs.Add(d);
        }

        foreach (var id in d.Participants.Select(p => p.AgentId).OfType<string>().Distinct())
        {
            Touch(_agents[id]);
        }
    }

    private void Touch(Agent a)
    {
        if (!_touchedAgents.Contains(a))
        {
            _touchedAgents.Add(a);
        }
    }

    /// <summary>
    /// Derives the agents' states from their calls and publishes what changed, in the order Finesse
    /// uses: a user getting busier first (RESERVED before the dialog POST), then dialog updates,
    /// then users going back to READY/NOT_READY (after the dialog DELETE).
    /// </summary>
    private void Commit(string requestId)
    {
        foreach (var a in _touchedAgents.ToList())
        {
            if (ParticipantsOf(a).Any(p => p.State is CallState.Active or CallState.Held or CallState.Initiating or CallState.Initiated)
                && ParticipantsOf(a).Any(p => p.State == CallState.WrapUp))
            {
                EndWrapUp(a);
            }
        }

        foreach (var a in _touchedAgents)
        {
            Derive(a);
        }

        // A held call's TRANSFER/CONFERENCE actions depend on the agent's other calls.
        foreach (var a in _touchedAgents.ToList())
        {
            foreach (var d in _dialogs.Values.Where(d => d.Participants.Any(p => p.AgentId == a.Id && p.State == CallState.Held)))
            {
                Touch(d);
            }
        }

        var busy = _touchedAgents.Where(a => a.State is AgentState.Reserved or AgentState.Talking or AgentState.Hold or AgentState.Work or AgentState.WorkReady).ToList();
        foreach (var a in busy)
        {
            PublishUser(a, requestId);
        }

        foreach (var d in _touchedDialogs)
        {
            d.Recompute();
            PublishDialog(d, requestId);
        }

        foreach (var a in _touchedAgents.Except(busy))
        {
            PublishUser(a, requestId);
        }

        foreach (var d in _touchedDialogs.Where(d => !_agents.Values.Any(a => a.VisibleDialogs.Contains(d.Id))).ToList())
        {
            d.FarEndTimer?.Dispose();
            _dialogs.Remove(d.Id);
        }

        _touchedDialogs.Clear();
        _touchedAgents.Clear();
    }

    private void PublishUser(Agent a, string requestId, bool force = false)
    {
        var xml = FinesseXml.User(a, notification: true, teams: SupervisedTeams(a));
        var text = xml.ToString(SaveOptions.DisableFormatting);
        if (!force && text == a.LastPublished)
        {
            return;
        }

        a.LastPublished = text;
        Emit(new Notification(FinesseXml.UserUri(a.Id), "PUT", FinesseXml.UserUri(a.Id), requestId, xml));
        if (_options.PublishTeamUsers)
        {
            Emit(new Notification(FinesseXml.TeamUri(a.Config.TeamId) + "/Users", "PUT", FinesseXml.UserUri(a.Id), requestId, FinesseXml.UserSummary(a, notification: true)));
        }
    }

    private void PublishDialog(Dialog d, string requestId)
    {
        Log.DialogChanged(_logger, d.Id, Wire.Name(d.State), d.CallType,
            string.Join(", ", d.Participants.Select(p => $"{p.MediaAddress}:{Wire.Name(p.State)}")));
        foreach (var agentId in d.Participants.Select(p => p.AgentId).OfType<string>().Distinct())
        {
            var a = _agents[agentId];
            var visible = a.VisibleDialogs.Contains(d.Id);
            var inCollection = d.Participants.Any(p => p.AgentId == agentId && p.State != CallState.Dropped);
            var node = FinesseXml.DialogsUri(a.Id);
            var key = (a.Id, d.Id);
            if (inCollection)
            {
                var x = DialogXml(d, notificationRoot: true);
                var text = x.ToString(SaveOptions.DisableFormatting);
                if (!visible)
                {
                    a.VisibleDialogs.Add(d.Id);
                    _lastDialogXml[key] = text;
                    Emit(new Notification(node, "POST", node, requestId, FinesseXml.Dialogs([DialogXml(d)], notificationRoot: true)));
                }
                else if (!_lastDialogXml.TryGetValue(key, out var last) || last != text)
                {
                    _lastDialogXml[key] = text;
                    Emit(new Notification(node, "PUT", d.Uri, requestId, x));
                }
            }
            else if (visible)
            {
                a.VisibleDialogs.Remove(d.Id);
                _lastDialogXml.Remove(key);
                Emit(new Notification(node, "DELETE", node, requestId, FinesseXml.Dialogs([DialogXml(d, deletedFor: a.Id)], notificationRoot: true)));
            }
        }
    }

    private void RepublishAll()
    {
        foreach (var a in _agents.Values)
        {
            PublishUser(a, "", force: a.LastPublished.Length > 0);
            foreach (var id in a.VisibleDialogs)
            {
                var node = FinesseXml.DialogsUri(a.Id);
                var d = _dialogs[id];
                Emit(new Notification(node, "PUT", d.Uri, "", DialogXml(d, notificationRoot: true)));
            }
        }
    }

    private void UserError(Agent a, ApiError e, string requestId)
    {
        Log.AsyncError(_logger, a.Id, FinesseXml.UserUri(a.Id), e.ErrorType, e.ErrorMessage, e.ErrorData);
        Emit(new Notification(FinesseXml.UserUri(a.Id), "PUT", FinesseXml.UserUri(a.Id), requestId, FinesseXml.ApiErrorsNotification(e)));
    }

    private void DialogError(Agent a, string source, ApiError e, string requestId)
    {
        Log.AsyncError(_logger, a.Id, source, e.ErrorType, e.ErrorMessage, e.ErrorData);
        Emit(new Notification(FinesseXml.DialogsUri(a.Id), "PUT", source, requestId, FinesseXml.ApiErrorsNotification(e)));
    }

    private void Emit(Notification n)
    {
        if (!AnyInService)
        {
            _suppressed++;
            return;
        }

        Log.NotificationQueued(_logger, n.Event, n.Node, n.Source);
        _sink(n);
    }

    private void OnTimer(Action action)
    {
        lock (_gate)
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                Log.TimerFailed(_logger, ex);
                _touchedAgents.Clear();
                _touchedDialogs.Clear();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            DropState();
            _restartTimer?.Dispose();
        }
    }
}
