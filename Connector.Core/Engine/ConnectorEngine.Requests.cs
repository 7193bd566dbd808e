using SiebelCti.Connector.Diagnostics;
using SiebelCti.Connector.Engine.Ports;
using SiebelCti.Connector.Messaging;

namespace SiebelCti.Connector.Engine;

public sealed partial class ConnectorEngine
{
    private void HandleRequest(WireMessage inbound)
    {
        Metrics.RecordMessageIn();
        if (string.IsNullOrWhiteSpace(inbound.ClientId))
        {
            // Nobody to answer: without a client id there is no reply destination.
            Log.RequestWithoutClient(_logger, inbound.MessageType, inbound.AgentId);
            return;
        }

        var clientId = inbound.ClientId;
        var agentId = string.IsNullOrWhiteSpace(inbound.AgentId) ? null : inbound.AgentId;
        var decoded = ConnectorWire.Decode(inbound);
        if (!decoded.Success)
        {
            SendError(clientId, inbound.CorrelationId, agentId, decoded.ErrorCode!, decoded.ErrorMessage!, inbound.MessageType);
            return;
        }

        var message = decoded.Envelope!.Message;
        Metrics.RecordRequest(message.MessageType);
        if (message is Heartbeat && !_clientSessions.ContainsKey(clientId))
        {
            SendError(clientId, inbound.CorrelationId, agentId, ErrorCode.ClientUnknown,
                "this Connector does not know the client: send Hello and Connect again", "Heartbeat");
            return;
        }

        var lastHeard = _clientSessions.TryGetValue(clientId, out var known) ? known.LastSeen : (DateTimeOffset?)null;
        var client = TouchClient(clientId);
        var context = new RequestContext(client, inbound.CorrelationId, agentId, message.MessageType);
        switch (message)
        {
            case Hello hello:
                client.HostName = hello.HostName;
                Send(clientId, _status, inbound.CorrelationId, null);
                if (lastHeard is { } since)
                {
                    SendResync(client, inbound.CorrelationId, since);
                }

                return;
            case Heartbeat:
                return;
        }

        if (agentId is null)
        {
            Fail(context, ErrorCode.AgentIdMissing, $"{context.RequestType} needs the agentId property");
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

        if (!TryGetSignedInAgent(context, agentId, out var agent))
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
            Fail(context, ErrorCode.ConnectorOutOfService, $"the Connector is out of service ({_status.Reason}); {context.RequestType} was not sent to Finesse");
            return;
        }

        HandleAction(context, agent, message);
    }

    private void HandleAction(RequestContext context, AgentSession agent, ConnectorMessage message)
    {
        var credentials = agent.Credentials!;
        switch (message)
        {
            case Ready when agent.State is { State: FinesseStates.Ready, PendingState: null or "" } current:
                // Finesse does not republish an unchanged state, so the request would time out: the
                // agent already is READY, which answers it.
                Send(context.Client.ClientId, current, context.CorrelationId, agent.AgentId);
                break;
            case Ready:
                Execute(context, agent, EffectKind.AgentState, null,
                    (id, ct) => _finesse.ChangeStateAsync(credentials, FinesseStates.Ready, null, id, ct));
                break;
            case NotReady notReady:
                ChangeStateWithReason(context, agent, FinesseStates.NotReady, ReasonCodeCategory.NotReady, notReady.ReasonCode);
                break;
            case Logout logout:
                ChangeStateWithReason(context, agent, FinesseStates.Logout, ReasonCodeCategory.Logout, logout.ReasonCode);
                break;
            case WorkReady or WorkNotReady:
                if (agent.State?.State is not (FinesseStates.Work or FinesseStates.WorkReady))
                {
                    Fail(context, ErrorCode.InvalidState, $"{context.RequestType} is possible only in wrap-up (WORK or WORK_READY); the agent is {agent.State?.State ?? "in an unknown state"}");
                    return;
                }

                var target = message is WorkReady ? FinesseStates.Ready : FinesseStates.NotReady;
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
                Fail(context, ErrorCode.MessageTypeUnknown, $"{context.RequestType} is not handled by this Connector");
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
            Answer => new DialogActionRequest(request.DialogId, FinesseActions.Answer, extension),
            Release => new DialogActionRequest(request.DialogId, FinesseActions.Drop, extension),
            Hold => new DialogActionRequest(request.DialogId, FinesseActions.Hold, extension),
            Retrieve => new DialogActionRequest(request.DialogId, FinesseActions.Retrieve, extension),
            ConsultCall consult => new DialogActionRequest(request.DialogId, FinesseActions.ConsultCall, extension, consult.Destination),
            TransferComplete => new DialogActionRequest(request.DialogId, FinesseActions.Transfer, extension),
            ConferenceComplete => new DialogActionRequest(request.DialogId, FinesseActions.Conference, extension),
            SingleStepTransfer sst => new DialogActionRequest(request.DialogId, FinesseActions.TransferSst, extension, sst.Destination),
            SendDtmf dtmf => new DialogActionRequest(request.DialogId, FinesseActions.SendDtmf, extension, Digits: dtmf.Digits),
            _ => null,
        };
        if (action is null)
        {
            Fail(context, ErrorCode.MessageTypeUnknown, $"{context.RequestType} is not a dialog action of this Connector");
            return;
        }

        var credentials = agent.Credentials!;
        if (request is SendDtmf)
        {
            // Digits change nothing Finesse reports, so no notification follows the 202: the
            // accepted request is answered with the call as it stands.
            var finesseRequestId = Guid.NewGuid().ToString("N");
            Start(ct => _finesse.DialogActionAsync(credentials, action, finesseRequestId, ct), failure =>
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
                    Fail(context, ErrorCode.NoCall, $"call {request.DialogId} is no longer known for agent {agent.AgentId}");
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
            Fail(context, ErrorCode.NoCall, "the agent has no call to set a wrap-up reason on");
            return;
        }

        var credentials = agent.Credentials!;
        Execute(context, agent, EffectKind.Dialog, dialogId,
            (id, ct) => _finesse.UpdateCallDataAsync(credentials, dialogId, new CallDataUpdate(WrapUpReason: request.Reason), id, ct));
    }

    private void ChangeStateWithReason(RequestContext context, AgentSession agent, string state, string category, string? reasonCode)
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
                Fail(context, ErrorCode.ReasonCodeUnknown, $"reason code '{reasonCode}' is not a {category} reason code of agent {agent.AgentId}");
                return;
            }

            if (state == FinesseStates.NotReady && agent.State is { State: FinesseStates.NotReady, PendingState: null or "" } current
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
        Start(async ct => codes = await _finesse.GetReasonCodesAsync(credentials, category, ct).ConfigureAwait(false), failure =>
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
        Start(async ct => reasons = await _finesse.GetWrapUpReasonsAsync(credentials, ct).ConfigureAwait(false), failure =>
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
        Start(async ct =>
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
    /// Sends a request Finesse answers asynchronously. The pending entry is recorded before the call
    /// so that a notification arriving before the HTTP answer still completes it.
    /// </summary>
    private void Execute(RequestContext context, AgentSession agent, EffectKind effect, string? dialogId, Func<string, CancellationToken, Task> call)
    {
        var finesseRequestId = Guid.NewGuid().ToString("N");
        _pending[finesseRequestId] = new PendingRequest(
            finesseRequestId, agent.AgentId, context.Client.ClientId, context.CorrelationId, context.RequestType,
            effect, dialogId, Now, Now + _options.RequestTimeout);
        Log.RequestSent(_logger, context.RequestType, agent.AgentId, dialogId, finesseRequestId);
        Start(ct => call(finesseRequestId, ct), failure =>
        {
            if (failure is not null && _pending.Remove(finesseRequestId))
            {
                FailWith(context, failure);
            }
        });
    }

    private bool TryGetSignedInAgent(RequestContext context, string agentId, out AgentSession agent)
    {
        if (!_agents.TryGetValue(agentId, out agent!) || !agent.Clients.Contains(context.Client.ClientId))
        {
            Fail(context, ErrorCode.AgentNotConnected, $"agent {agentId} is not connected by this client: send Connect first");
            return false;
        }

        if (agent.Credentials is null)
        {
            Fail(context, ErrorCode.AgentNotLoggedIn, $"agent {agentId} has not logged in through the Connector: send Login first");
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

        Fail(context, ErrorCode.InvalidState, $"agent {agent.AgentId} has no extension: log in with one first");
        return null;
    }

    private ClientSession TouchClient(string clientId)
    {
        if (!_clientSessions.TryGetValue(clientId, out var client))
        {
            client = new ClientSession(clientId, Now);
            _clientSessions.Add(clientId, client);
            Log.ClientJoined(_logger, clientId);
        }

        client.LastSeen = Now;
        return client;
    }

    private void Fail(RequestContext context, string code, string message) =>
        SendError(context.Client.ClientId, context.CorrelationId, context.AgentId, code, message, context.RequestType);

    private void FailWith(RequestContext context, Exception failure)
    {
        var (code, message) = failure switch
        {
            FinesseGatewayException f => (f.Code, f.Message),
            OperationCanceledException when _stopping.IsCancellationRequested => (ErrorCode.ConnectorStopping, "the Connector is shutting down"),
            _ => (ErrorCode.FinesseRequestFailed, $"{context.RequestType} failed: {failure.GetType().Name}"),
        };
        if (failure is not FinesseGatewayException)
        {
            Log.OperationFailed(_logger, context.RequestType, context.AgentId, failure);
        }

        Fail(context, code, message);
    }

    /// <summary>Who asked, and how to answer them.</summary>
    private sealed record RequestContext(ClientSession Client, string? CorrelationId, string? AgentId, string RequestType);
}
