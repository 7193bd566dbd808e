using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using SiebelCti.Connector.Engine.Monitoring;
using SiebelCti.Connector.Engine.Ports;
using SiebelCti.Connector.Contract;
using UserState = SiebelCti.Finesse.Model.UserState;
using DialogAction = SiebelCti.Finesse.Model.DialogAction;

namespace SiebelCti.Connector.Engine;

public sealed partial class ConnectorEngine
{
    /// <summary>
    /// The gate every message of the request queue passes, in this order (docs/security.md): a valid
    /// client id (else dropped unanswered: it would name a destination), ids of at most
    /// <see cref="ConnectorEnvelope.MaxIdLength"/> characters (else dropped unanswered), owned by the broker user that
    /// sent it when so configured (else dropped unanswered), a request type (anything
    /// else, an Error above all, is dropped unanswered, so the Connector never answers itself), a
    /// known client (else <c>CLIENT_UNKNOWN</c>, unless it is the Hello that introduces it), the
    /// client's current session token (else dropped), the request's deadline (else
    /// <c>REQUEST_EXPIRED</c>, unexecuted), and for agent requests a proof of the agent's
    /// credentials by this client (else <c>AGENT_NOT_AUTHORIZED</c>). Rejections are logged
    /// through <see cref="RejectionLog"/>, so no input can flood the log.
    /// </summary>
    private void HandleRequest(WireMessage inbound, DateTimeOffset received)
    {
        Metrics.RecordMessageIn();
        var type = inbound.MessageType;
        if (!ClientIds.IsValid(inbound.ClientId))
        {
            // Nobody to answer: a client id that is no name would become a destination list or another queue.
            Reject(ConnectorErrorCode.ClientIdInvalid, type, inbound.AgentId, inbound.ClientId, "the client id is not 1 to 100 of A-Z a-z 0-9 . _ -; dropped unanswered");
            return;
        }

        var clientId = inbound.ClientId!;
        if (inbound.AgentId?.Length > ConnectorEnvelope.MaxIdLength || inbound.CorrelationId?.Length > ConnectorEnvelope.MaxIdLength
            || inbound.Session?.Length > ConnectorEnvelope.MaxIdLength)
        {
            // Never echoed or held: an answer would carry it back, and the queues count messages, not bytes.
            Reject(ConnectorErrorCode.MessageTooLarge, type, inbound.AgentId, clientId,
                $"an agent id, correlation id or clientSession longer than {ConnectorEnvelope.MaxIdLength} characters; dropped unanswered");
            return;
        }

        if (_options.BindClientIdsToBrokerUsers && !ClientIds.BelongsTo(clientId, inbound.BrokerUser))
        {
            Reject(ConnectorErrorCode.ClientIdNotOwned, type, inbound.AgentId, clientId, inbound.BrokerUser is null
                ? "the message carries no broker user (JMSXUserID): the broker must authenticate users and stamp it (populateJMSXUserID); dropped unanswered"
                : !ClientIds.IsOwnerName(inbound.BrokerUser)
                    ? $"broker user '{ClientIds.Printable(inbound.BrokerUser)}' cannot own client ids: a driver's broker user name is 1 to 100 of A-Z a-z 0-9 _ - without a dot (docs/operations.md); dropped unanswered"
                    : $"the client id does not belong to broker user '{ClientIds.Printable(inbound.BrokerUser)}'; dropped unanswered");
            return;
        }

        if (!MessageTypes.IsRequest(type) && MessageTypes.IsEvent(type))
        {
            Reject(ConnectorErrorCode.NotARequest, type, inbound.AgentId, clientId, "a response or event is not a request; dropped unanswered");
            return;
        }

        _clientSessions.TryGetValue(clientId, out var client);
        var isHello = type == HelloType;
        if (client is null && !isHello)
        {
            // This Connector does not know the client (it restarted, or declared the client dead): it must say Hello.
            SendError(clientId, inbound.CorrelationId, null, ConnectorErrorCode.ClientUnknown,
                "this Connector does not know the client: send Hello, then Login for each agent again", Printable(type));
            return;
        }

        if (client is not null && !isHello && !SessionMatches(client, inbound.Session))
        {
            RejectForeignSession(client, inbound);
            return;
        }

        var agentId = string.IsNullOrWhiteSpace(inbound.AgentId) ? null : inbound.AgentId;
        var decoded = ConnectorWire.Decode(inbound);
        if (!decoded.Success)
        {
            if (client is null)
            {
                Reject(decoded.ErrorCode!, type, agentId, clientId, "a Hello that does not decode; dropped unanswered");
                return;
            }

            SendError(clientId, inbound.CorrelationId, agentId, decoded.ErrorCode!, decoded.ErrorMessage!, Printable(type));
            return;
        }

        var message = decoded.Envelope!.Message;
        Metrics.RecordRequest(message.MessageType);
        if (inbound.Deadline is { } deadline && deadline <= Now)
        {
            // The driver has told (or is about to tell) Siebel that the command failed: it must never run late.
            if (client is null)
            {
                Reject(ConnectorErrorCode.RequestExpired, type, agentId, clientId, "an expired Hello; dropped unanswered");
                return;
            }

            SendError(clientId, inbound.CorrelationId, agentId, ConnectorErrorCode.RequestExpired,
                $"{message.MessageType} arrived {(Now - deadline).TotalMilliseconds:0} ms after its deadline and was not executed", message.MessageType);
            return;
        }

        if (message is Hello hello)
        {
            HandleHello(client, clientId, inbound, hello);
            return;
        }

        client!.LastSeen = Now;
        var context = new RequestContext(client, inbound.CorrelationId, agentId, message.MessageType, new RequestClock(received), inbound.Deadline);
        if (message is Heartbeat)
        {
            return;
        }

        if (agentId is null)
        {
            Fail(context, ConnectorErrorCode.AgentIdMissing, $"{context.RequestType} needs the agentId property");
            return;
        }

        switch (message)
        {
            case Connect:
                HandleConnect(context, agentId);
                return;
            case Disconnect:
                HandleDisconnect(context, agentId);
                return;
            case Login login:
                HandleLogin(context, agentId, login);
                return;
        }

        if (!TryGetAuthorizedAgent(context, agentId, out var agent))
        {
            return;
        }

        switch (message)
        {
            case GetState:
                HandleGetState(context, agent);
                return;
            case GetReasonCodes get:
                WithReasonCodes(context, agent, get.Category, codes => Send(clientId, new ReasonCodes(get.Category, codes), context.CorrelationId, agentId));
                return;
            case GetWrapUpReasons:
                HandleGetWrapUpReasons(context, agent);
                return;
        }

        if (!_status.Status.Equals(SystemStatus.InService, StringComparison.Ordinal))
        {
            Fail(context, ConnectorErrorCode.ConnectorOutOfService, $"the Connector is out of service ({_status.Reason}); {context.RequestType} was not sent to Finesse");
            return;
        }

        HandleAction(context, agent, message);
    }

    private const string HelloType = "Hello";

    /// <summary>
    /// A Hello that names the client's current session resumes it (the driver's broker link came
    /// back): the client keeps its proved agents and gets its resync snapshot. Any other Hello starts
    /// a new session: a new token, and the proofs of the old one no longer count (the agents stay
    /// signed in for their other clients, or under the dead-client policy). The answer is
    /// <c>System</c> with the token and whether the session was resumed.
    /// </summary>
    private void HandleHello(ClientSession? client, string clientId, WireMessage inbound, Hello hello)
    {
        var resumed = client is not null && SessionMatches(client, inbound.Session);
        var lastHeard = client?.LastSeen;
        if (client is null)
        {
            if (!MakeRoomForClient())
            {
                SendError(clientId, inbound.CorrelationId, null, ConnectorErrorCode.ConnectorLimitReached,
                    $"this Connector already serves {_options.MaxClients} clients", HelloType);
                return;
            }

            client = new ClientSession(clientId, NewSessionToken(), Now) { BrokerUser = inbound.BrokerUser };
            _clientSessions.Add(clientId, client);
            Log.ClientJoined(_logger, clientId);
        }
        else if (!resumed)
        {
            ForgetProofs(client, "its driver started a new session");
            client.Session = NewSessionToken();
            client.Joined = Now;
        }

        client.LastSeen = Now;
        client.HostName = hello.HostName;
        Send(clientId, _status with { Session = client.Session, Resumed = resumed }, inbound.CorrelationId, null);
        if (resumed && lastHeard is { } since)
        {
            SendResync(client, inbound.CorrelationId, since);
        }
    }

    /// <summary>
    /// A request from a known client without its current session token: someone else using the
    /// client's id, or a driver that missed its new session. Dropped; a Heartbeat (the driver's own
    /// probe) is answered <c>CLIENT_SESSION_INVALID</c>, at most once per rejection-log interval, so
    /// the real driver says Hello again and nobody can flood it with answers.
    /// </summary>
    private void RejectForeignSession(ClientSession client, WireMessage inbound)
    {
        Reject(ConnectorErrorCode.ClientSessionInvalid, inbound.MessageType, inbound.AgentId, client.ClientId, "the request does not carry the client's session token; dropped");
        if (inbound.MessageType == "Heartbeat" && Now - client.SessionInvalidSentAt >= _options.RejectionLogInterval)
        {
            client.SessionInvalidSentAt = Now;
            Send(client.ClientId, new Error(ConnectorErrorCode.ClientSessionInvalid, "this client's session is not valid: send Hello, then Login for each agent again", "Heartbeat"),
                inbound.CorrelationId, null);
        }
    }

    private static bool SessionMatches(ClientSession client, string? session) =>
        session is not null && session.Length == client.Session.Length
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(session), Encoding.ASCII.GetBytes(client.Session));

    private static string NewSessionToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));

    /// <summary>
    /// True when a new client fits: below <see cref="EngineOptions.MaxClients"/>, or after dropping a client
    /// that proved no agent (so invented client ids cannot lock real drivers out): of the broker user with
    /// the most clients, the longest idle (so one user's flood of client ids evicts its own clients, not a
    /// driver of another Siebel server that is between its Hello and its first Login).
    /// </summary>
    private bool MakeRoomForClient()
    {
        if (_clientSessions.Count < _options.MaxClients)
        {
            return true;
        }

        var perUser = _clientSessions.Values.CountBy(c => c.BrokerUser ?? "").ToDictionary(p => p.Key, p => p.Value);
        var idle = _clientSessions.Values.Where(c => c.Agents.Count == 0)
            .OrderByDescending(c => perUser[c.BrokerUser ?? ""]).ThenBy(c => c.LastSeen).FirstOrDefault();
        if (idle is null)
        {
            return false;
        }

        _clientSessions.Remove(idle.ClientId);
        if (_rejections.ShouldWrite(ConnectorErrorCode.ConnectorLimitReached, Now))
        {
            Log.ClientEvicted(_logger, idle.ClientId, _options.MaxClients);
        }

        return true;
    }

    /// <summary>The client's proofs no longer count: it stops receiving and acting for its agents.</summary>
    private void ForgetProofs(ClientSession client, string why)
    {
        foreach (var agentId in client.Agents.ToList())
        {
            if (_agents.TryGetValue(agentId, out var agent))
            {
                Detach(client, agent, DeadClientPolicy.Keep, $"client {client.ClientId}: {why}");
            }
        }

        client.Agents.Clear();
    }

    /// <summary>Logs a rejected message through the rate limit; never answers.</summary>
    private void Reject(string code, string? messageType, string? agentId, string? clientId, string why)
    {
        Metrics.RecordError(code, why, null);
        if (_rejections.ShouldWrite(code, Now))
        {
            Log.RequestRejected(_logger, Printable(messageType), ClientIds.Printable(agentId), ClientIds.Printable(clientId), code, why);
        }
    }

    private static string Printable(string? messageType) => MessageTypes.IsRequest(messageType) ? messageType! : ClientIds.Printable(messageType);

    private void HandleAction(RequestContext context, AgentSession agent, ConnectorMessage message)
    {
        var credentials = agent.Credentials!;
        switch (message)
        {
            case Ready when agent.State is { State: AgentStateName.Ready, PendingState: null or "" } current:
                // Finesse does not republish an unchanged state, so the request would time out: the
                // agent already is READY, which answers it.
                Send(context.Client.ClientId, current, context.CorrelationId, agent.AgentId);
                break;
            case Ready:
                Execute(context, agent, EffectKind.AgentState, null,
                    (id, ct) => _finesse.ChangeStateAsync(credentials, UserState.Ready, null, id, ct));
                break;
            case NotReady notReady:
                ChangeStateWithReason(context, agent, UserState.NotReady, ReasonCodeCategory.NotReady, notReady.ReasonCode);
                break;
            case Logout logout:
                ChangeStateWithReason(context, agent, UserState.Logout, ReasonCodeCategory.Logout, logout.ReasonCode);
                break;
            case WorkReady or WorkNotReady:
                if (agent.State?.State is not (AgentStateName.Work or AgentStateName.WorkReady))
                {
                    Fail(context, ConnectorErrorCode.InvalidState, $"{context.RequestType} is possible only in wrap-up (WORK or WORK_READY); the agent is {agent.State?.State ?? "in an unknown state"}");
                    return;
                }

                var target = message is WorkReady ? UserState.Ready : UserState.NotReady;
                Execute(context, agent, EffectKind.AgentState, null,
                    (id, ct) => _finesse.ChangeStateAsync(credentials, target, null, id, ct));
                break;
            case MakeCall makeCall:
                if (RequireExtension(context, agent) is { } extension)
                {
                    Execute(context, agent, EffectKind.Dialog, null,
                        (id, ct) => _finesse.MakeCallAsync(credentials, extension, makeCall.Destination, id, ct));
                }

                break;
            case UpdateCallData update:
                Execute(context, agent, EffectKind.Dialog, update.DialogId,
                    (id, ct) => _finesse.UpdateCallDataAsync(credentials, update.DialogId, new CallDataUpdate(update.CallVariables, update.EccVariables), id, ct));
                break;
            case SetWrapUpReason wrapUp:
                HandleSetWrapUpReason(context, agent, wrapUp);
                break;
            case DialogRequest dialogRequest:
                HandleDialogAction(context, agent, dialogRequest);
                break;
            default:
                // Every request type of the contract is handled above; a new one must be added there.
                Fail(context, ConnectorErrorCode.MessageTypeUnknown, $"{context.RequestType} is not handled by this Connector");
                break;
        }
    }

    private void HandleDialogAction(RequestContext context, AgentSession agent, DialogRequest request)
    {
        if (RequireExtension(context, agent) is not { } extension)
        {
            return;
        }

        var action = request switch
        {
            Answer => new DialogActionRequest(request.DialogId, DialogAction.Answer, extension),
            Release => new DialogActionRequest(request.DialogId, DialogAction.Drop, extension),
            Hold => new DialogActionRequest(request.DialogId, DialogAction.Hold, extension),
            Retrieve => new DialogActionRequest(request.DialogId, DialogAction.Retrieve, extension),
            ConsultCall consult => new DialogActionRequest(request.DialogId, DialogAction.ConsultCall, extension, consult.Destination),
            TransferComplete => new DialogActionRequest(request.DialogId, DialogAction.Transfer, extension),
            ConferenceComplete => new DialogActionRequest(request.DialogId, DialogAction.Conference, extension),
            SingleStepTransfer sst => new DialogActionRequest(request.DialogId, DialogAction.TransferSst, extension, sst.Destination),
            SendDtmf dtmf => new DialogActionRequest(request.DialogId, DialogAction.SendDtmf, extension, Digits: dtmf.Digits),
            _ => null,
        };
        if (action is null)
        {
            Fail(context, ConnectorErrorCode.MessageTypeUnknown, $"{context.RequestType} is not a dialog action of this Connector");
            return;
        }

        var credentials = agent.Credentials!;
        if (request is SendDtmf)
        {
            // Digits change nothing Finesse reports, so no notification follows the 202: the
            // accepted request is answered with the call as it stands.
            var finesseRequestId = Guid.NewGuid().ToString("N");
            CallFor(context, agent, ct => _finesse.DialogActionAsync(credentials, action, finesseRequestId, ct), failure =>
            {
                if (failure is not null)
                {
                    FailWith(context, failure);
                }
                else if (agent.Dialogs.TryGetValue(request.DialogId, out var dialog))
                {
                    Send(context.Client.ClientId, dialog, context.CorrelationId, agent.AgentId);
                }
                else
                {
                    Fail(context, ConnectorErrorCode.NoCall, $"call {request.DialogId} is no longer known for agent {agent.AgentId}");
                }
            });
            return;
        }

        // A consult creates a new dialog; the effect is any dialog change of the agent.
        var effectDialog = request is ConsultCall ? null : request.DialogId;
        Execute(context, agent, EffectKind.Dialog, effectDialog, (id, ct) => _finesse.DialogActionAsync(credentials, action, id, ct));
    }

    private void HandleSetWrapUpReason(RequestContext context, AgentSession agent, SetWrapUpReason request)
    {
        var dialogId = request.DialogId ?? agent.Dialogs.Keys.FirstOrDefault();
        if (dialogId is null)
        {
            Fail(context, ConnectorErrorCode.NoCall, "the agent has no call to set a wrap-up reason on");
            return;
        }

        var credentials = agent.Credentials!;
        Execute(context, agent, EffectKind.Dialog, dialogId,
            (id, ct) => _finesse.UpdateCallDataAsync(credentials, dialogId, new CallDataUpdate(WrapUpReason: request.Reason), id, ct));
    }

    private void ChangeStateWithReason(RequestContext context, AgentSession agent, UserState state, string category, string? reasonCode)
    {
        var credentials = agent.Credentials!;
        if (string.IsNullOrWhiteSpace(reasonCode))
        {
            Execute(context, agent, EffectKind.AgentState, null, (id, ct) => _finesse.ChangeStateAsync(credentials, state, null, id, ct));
            return;
        }

        WithReasonCodes(context, agent, category, codes =>
        {
            var match = codes.FirstOrDefault(c => string.Equals(c.Code, reasonCode, StringComparison.Ordinal))
                ?? codes.FirstOrDefault(c => string.Equals(c.Label, reasonCode, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                Fail(context, ConnectorErrorCode.ReasonCodeUnknown, $"reason code '{reasonCode}' is not a {category} reason code of agent {agent.AgentId}");
                return;
            }

            if (state == UserState.NotReady && agent.State is { State: AgentStateName.NotReady, PendingState: null or "" } current
                && string.Equals(current.ReasonCode, match.Code, StringComparison.Ordinal))
            {
                // Already NOT_READY with this reason: Finesse would publish nothing, so answer now.
                Send(context.Client.ClientId, current, context.CorrelationId, agent.AgentId);
                return;
            }

            Execute(context, agent, EffectKind.AgentState, null, (id, ct) => _finesse.ChangeStateAsync(credentials, state, match.Id, id, ct));
        });
    }

    /// <summary>Runs <paramref name="then"/> on the loop with the agent's reason codes of <paramref name="category"/>, from cache or Finesse.</summary>
    private void WithReasonCodes(RequestContext context, AgentSession agent, string category, Action<IReadOnlyList<ReasonCodeEntry>> then)
    {
        if (agent.ReasonCodes.TryGetValue(category, out var cached) && cached.Expires > Now)
        {
            then(cached.Items);
            return;
        }

        var credentials = agent.Credentials!;
        IReadOnlyList<ReasonCodeEntry> codes = [];
        CallFor(context, agent, async ct => codes = await _finesse.GetReasonCodesAsync(credentials, category, ct).ConfigureAwait(false), failure =>
        {
            if (failure is not null)
            {
                FailWith(context, failure);
                return;
            }

            agent.ReasonCodes[category] = new CachedList<ReasonCodeEntry>(codes, Now + _options.ReasonCodeCacheDuration);
            then(codes);
        });
    }

    private void HandleGetWrapUpReasons(RequestContext context, AgentSession agent)
    {
        if (agent.WrapUpReasons is { } cached && cached.Expires > Now)
        {
            Send(context.Client.ClientId, new WrapUpReasons(cached.Items), context.CorrelationId, agent.AgentId);
            return;
        }

        var credentials = agent.Credentials!;
        IReadOnlyList<WrapUpReasonEntry> reasons = [];
        CallFor(context, agent, async ct => reasons = await _finesse.GetWrapUpReasonsAsync(credentials, ct).ConfigureAwait(false), failure =>
        {
            if (failure is not null)
            {
                FailWith(context, failure);
                return;
            }

            agent.WrapUpReasons = new CachedList<WrapUpReasonEntry>(reasons, Now + _options.ReasonCodeCacheDuration);
            Send(context.Client.ClientId, new WrapUpReasons(reasons), context.CorrelationId, agent.AgentId);
        });
    }

    private void HandleGetState(RequestContext context, AgentSession agent)
    {
        var credentials = agent.Credentials!;
        AgentState? state = null;
        IReadOnlyList<Dialog> dialogs = [];
        CallFor(context, agent, async ct =>
        {
            state = await _finesse.GetAgentStateAsync(credentials, ct).ConfigureAwait(false);
            dialogs = await _finesse.GetDialogsAsync(credentials, ct).ConfigureAwait(false);
        }, failure =>
        {
            if (failure is not null)
            {
                FailWith(context, failure);
                return;
            }

            ApplySnapshot(agent, state!, dialogs, force: false, skipClient: context.Client.ClientId);
            SendFullState(context.Client.ClientId, agent, context.CorrelationId);
        });
    }

    /// <summary>
    /// Sends a request Finesse answers asynchronously, through the fair queue. The pending entry is
    /// recorded first so that a notification arriving before the HTTP answer still completes it; its
    /// confirmation timeout starts when the REST call leaves. <paramref name="finished"/> runs once
    /// with the outcome.
    /// </summary>
    private void Execute(RequestContext context, AgentSession agent, EffectKind effect, string? dialogId, Func<string, CancellationToken, Task> call, Action<bool>? finished = null)
    {
        if (agent.PendingRequests >= _options.MaxPendingRequestsPerAgent)
        {
            Fail(context, ConnectorErrorCode.AgentBusy, $"agent {agent.AgentId} already has {agent.PendingRequests} requests in progress; {context.RequestType} was not sent");
            finished?.Invoke(false);
            return;
        }

        var finesseRequestId = Guid.NewGuid().ToString("N");
        var pending = new PendingRequest(finesseRequestId, agent.AgentId, context.Client.ClientId, context.CorrelationId, context.RequestType, effect, dialogId, Now)
        {
            Finished = finished,
        };
        _pending[finesseRequestId] = pending;
        agent.PendingRequests++;
        var queued = CallFinesse(agent.AgentId, RequestDeadline(context), context, ct => call(finesseRequestId, ct),
            failure =>
            {
                if (failure is not null)
                {
                    EndPending(finesseRequestId, ok: false, () => FailWith(context, failure));
                }
            },
            unsent => EndPending(finesseRequestId, ok: false, () => FailUnsent(context, unsent)),
            () =>
            {
                pending.MarkSent(Now, _options.RequestTimeout);
                Log.RequestSent(_logger, context.RequestType, agent.AgentId, dialogId, finesseRequestId);
            });
        if (!queued)
        {
            EndPending(finesseRequestId, ok: false, () => FailQueueFull(context, agent));
        }
    }

    /// <summary>
    /// Ends a pending request once: removes it, runs <paramref name="answer"/> (which answers the
    /// client), and queues its <see cref="PendingRequest.Finished"/> hook as the loop's next work.
    /// False when it had ended already.
    /// </summary>
    private bool EndPending(string finesseRequestId, bool ok, Action? answer = null)
    {
        if (!_pending.Remove(finesseRequestId, out var pending))
        {
            return false;
        }

        if (_agents.TryGetValue(pending.AgentId, out var agent) && agent.PendingRequests > 0)
        {
            agent.PendingRequests--;
        }

        answer?.Invoke();
        if (pending.Finished is { } finished)
        {
            // After the work at hand: a notification that completes a request is applied in full
            // (the agent's new state recorded) before whatever the request's owner does next.
            _next.Enqueue(new Work.Completion(() => finished(ok)));
        }

        return true;
    }

    /// <summary>A client request's REST call that answers the client itself (reads, DTMF): queued fairly like every call.</summary>
    private void CallFor(RequestContext context, AgentSession agent, Func<CancellationToken, Task> run, Action<Exception?> completed)
    {
        if (!CallFinesse(agent.AgentId, RequestDeadline(context), context, run, completed, unsent => FailUnsent(context, unsent)))
        {
            FailQueueFull(context, agent);
        }
    }

    /// <summary>
    /// Queues a REST call of <paramref name="agentId"/> (see <see cref="FinesseCallQueue"/>) and starts
    /// what may start. <paramref name="completed"/> runs on the loop with the failure (null on success);
    /// <paramref name="unsent"/> instead when the deadline passed before a slot was free. False when
    /// the agent has too many calls waiting (nothing was queued).
    /// </summary>
    private bool CallFinesse(string agentId, DateTimeOffset deadline, Func<CancellationToken, Task> run, Action<Exception?> completed,
        Action<QueuedCall> unsent, Action? started = null) =>
        CallFinesse(agentId, deadline, (RequestContext?)null, run, completed, unsent, started);

    /// <summary>
    /// <see cref="CallFinesse(string, DateTimeOffset, Func{CancellationToken, Task}, Action{Exception?}, Action{QueuedCall}, Action?)"/>
    /// for a driver's request (null: the Connector's own call): its clock times the first REST call, and the
    /// call takes the turns of the broker user that sent the request (of its client id if the broker stamps none).
    /// </summary>
    private bool CallFinesse(string agentId, DateTimeOffset deadline, RequestContext? context, Func<CancellationToken, Task> run, Action<Exception?> completed,
        Action<QueuedCall> unsent, Action? started = null)
    {
        var now = Now;
        var request = context?.Clock;
        var owner = context is null ? FinesseCallQueue.InternalOwner : "user:" + (context.Client.BrokerUser ?? context.Client.ClientId);
        if (!_calls.TryEnqueue(agentId, owner, new QueuedCall(deadline, now, run, completed, unsent) { Started = started, Request = request }))
        {
            return false;
        }

        if (request is { Queued: false })
        {
            request.Queued = true;
            Metrics.RecordStage(LatencyStage.RequestToQueued, now - request.Received);
        }

        DispatchCalls();
        return true;
    }

    private void DispatchCalls() =>
        _calls.Dispatch(Now, (agentId, call) =>
        {
            var now = Now;
            Metrics.RecordStage(LatencyStage.FinesseQueueWait, now - call.Queued);
            if (call.Request is { Started: false } request)
            {
                // Only the request's first call: a NotReady that first reads the reason codes is not
                // charged the whole round trip of that read.
                request.Started = true;
                Metrics.RecordStage(LatencyStage.RequestToFinesse, now - request.Received);
            }

            call.Started?.Invoke();
            Start(call.Run, failure =>
            {
                _calls.Completed(agentId);
                call.Completed(failure);
                DispatchCalls();
            });
        }, call => call.Expired(call));

    /// <summary>Until when a client's request may wait for a Finesse connection: its own deadline, at most the queue timeout.</summary>
    private DateTimeOffset RequestDeadline(RequestContext context)
    {
        var limit = Now + _options.QueueTimeout;
        return context.Deadline is { } deadline && deadline < limit ? deadline : limit;
    }

    /// <summary>The request never left the Connector: says which stage it was stopped at.</summary>
    private void FailUnsent(RequestContext context, QueuedCall call)
    {
        var waited = (Now - call.Queued).TotalMilliseconds;
        if (context.Deadline is { } deadline && deadline <= Now)
        {
            // Every call that changes something in Finesse (a Login's sign-in too) must leave before the
            // deadline: the driver reports the command failed soon after it, and it must not run later.
            Fail(context, ConnectorErrorCode.RequestExpired,
                $"{context.RequestType} was not sent to Finesse and will not be: its deadline passed {(Now - context.Arrived).TotalMilliseconds:0} ms after it reached the Connector ({waited:0} ms waiting for a Finesse connection; {_calls.InFlight} busy, {_calls.Queued} waiting)");
            return;
        }

        Fail(context, ConnectorErrorCode.ConnectorBusy,
            $"{context.RequestType} was not sent to Finesse: no Finesse connection was free within {_options.QueueTimeout.TotalSeconds:0.#} s ({_calls.InFlight} busy, {_calls.Queued} waiting)");
    }

    private void FailQueueFull(RequestContext context, AgentSession agent) =>
        Fail(context, ConnectorErrorCode.AgentBusy, $"agent {agent.AgentId} already has {_options.MaxQueuedCallsPerAgent} Finesse calls waiting; {context.RequestType} was not sent");

    /// <summary>The agent, if this client proved its credentials on its current session; else the client gets <c>AGENT_NOT_AUTHORIZED</c>.</summary>
    private bool TryGetAuthorizedAgent(RequestContext context, string agentId, out AgentSession agent)
    {
        if (!_agents.TryGetValue(agentId, out agent!) || !agent.Clients.Contains(context.Client.ClientId) || agent.Credentials is null)
        {
            Fail(context, ConnectorErrorCode.AgentNotAuthorized, $"this client has not logged in agent {ClientIds.Printable(agentId)} on its current session: send Login first");
            return false;
        }

        return true;
    }

    private string? RequireExtension(RequestContext context, AgentSession agent)
    {
        if (agent.EffectiveExtension is { Length: > 0 } extension)
        {
            return extension;
        }

        Fail(context, ConnectorErrorCode.InvalidState, $"agent {agent.AgentId} has no extension: log in with one first");
        return null;
    }

    private void Fail(RequestContext context, string code, string message) =>
        SendError(context.Client.ClientId, context.CorrelationId, context.AgentId, code, message, context.RequestType);

    private void FailWith(RequestContext context, Exception failure)
    {
        var (code, message) = failure switch
        {
            FinesseGatewayException f => (f.Code, f.Message),
            OperationCanceledException when _stopping.IsCancellationRequested => (ConnectorErrorCode.ConnectorStopping, "the Connector is shutting down"),
            _ => (ConnectorErrorCode.FinesseRequestFailed, $"{context.RequestType} failed: {failure.GetType().Name}"),
        };
        if (failure is not FinesseGatewayException)
        {
            Log.OperationFailed(_logger, context.RequestType, context.AgentId, failure);
        }

        Fail(context, code, message);
    }

    /// <summary>Who asked, how to answer them, and until when the request may still be executed.</summary>
    private sealed record RequestContext(ClientSession Client, string? CorrelationId, string? AgentId, string RequestType, RequestClock Clock, DateTimeOffset? Deadline = null)
    {
        /// <summary>When the request reached the engine (<see cref="Clock"/> also times its first REST call, the RequestToFinesse stage).</summary>
        public DateTimeOffset Arrived => Clock.Received;
    }
}
