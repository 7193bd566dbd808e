using SiebelCti.Connector.Engine.Monitoring;
using SiebelCti.Connector.Engine.Ports;
using SiebelCti.Connector.Contract;
using DialogAction = SiebelCti.Finesse.Model.DialogAction;

namespace SiebelCti.Connector.Engine;

public sealed partial class ConnectorEngine
{
    private void HandleNotification(FinesseNotification notification)
    {
        if (notification is FinesseHealthNotification health)
        {
            HandleFinesseHealth(health);
            return;
        }

        var agentId = notification switch
        {
            AgentStateNotification n => n.AgentId,
            DialogNotification n => n.AgentId,
            DialogRemovedNotification n => n.AgentId,
            RequestFailedNotification n => n.AgentId,
            AgentSessionNotification n => n.AgentId,
            _ => null,
        };
        if (agentId is null || !_agents.TryGetValue(agentId, out var agent))
        {
            Log.NotificationForUnknownAgent(_logger, notification.GetType().Name, agentId);
            return;
        }

        agent.LastEventTime = Now;
        switch (notification)
        {
            case AgentStateNotification n:
                PublishState(agent, n.State, TakePending(agent.AgentId, n.RequestId, EffectKind.AgentState, null), force: false);
                break;
            case DialogNotification n when IsFailedForAgent(agent, n.Dialog):
                HandleFailedCall(agent, n.Dialog, TakePending(agent.AgentId, n.RequestId, EffectKind.Dialog, n.Dialog.Id));
                break;
            case DialogNotification n:
                PublishDialog(agent, n.Dialog, TakePending(agent.AgentId, n.RequestId, EffectKind.Dialog, n.Dialog.Id), force: false);
                break;
            case DialogRemovedNotification n:
                var answers = TakePending(agent.AgentId, n.RequestId, EffectKind.Dialog, n.DialogId);
                agent.FailedDialogs.Remove(n.DialogId);
                if (agent.Dialogs.Remove(n.DialogId) || answers is not null)
                {
                    EndCall(agent, new DialogEnded(n.DialogId), answers);
                }

                break;
            case RequestFailedNotification n:
                HandleRequestFailed(agent, n);
                break;
            case AgentSessionNotification { Up: true }:
                Log.AgentSessionRestored(_logger, agent.AgentId);
                agent.Subscribed = true;
                Refresh(agent, force: false);
                break;
            case AgentSessionNotification n:
                Log.AgentSessionLost(_logger, agent.AgentId, n.Reason);
                if (n.Permanent)
                {
                    // It will not come back by itself (e.g. its password changed): the next Login opens a new one.
                    agent.Subscribed = false;
                }

                break;
        }
    }

    private static bool IsFailedForAgent(AgentSession agent, Dialog dialog) =>
        agent.EffectiveExtension is { } extension
        && dialog.Participants.Any(p => p.Address == extension && p.State == FailedParticipant);

    private const string FailedParticipant = ParticipantStateName.Failed;

    /// <summary>
    /// A call the agent placed that could not connect (busy, invalid number): Finesse keeps the dialog
    /// with the agent's participant FAILED until it is dropped. Clients learn that the call ended
    /// (reason FAILED) and the Connector drops it, so the agent is free again without a request.
    /// </summary>
    private void HandleFailedCall(AgentSession agent, Dialog dialog, PendingRequest? answers)
    {
        var known = agent.Dialogs.Remove(dialog.Id);
        if (!agent.FailedDialogs.Add(dialog.Id) && !known && answers is null)
        {
            return; // already reported; the drop is under way
        }

        EndCall(agent, new DialogEnded(dialog.Id, FailedParticipant), answers);
        if (agent.Credentials is { } credentials && agent.EffectiveExtension is { } extension)
        {
            var drop = new DialogActionRequest(dialog.Id, DialogAction.Drop, extension);
            CallFinesse(agent.AgentId, Now + InternalCallPatience, ct => _finesse.DialogActionAsync(credentials, drop, Guid.NewGuid().ToString("N"), ct), failure =>
            {
                if (failure is not null)
                {
                    Log.OperationFailed(_logger, "Drop of a failed call", agent.AgentId, failure);
                }
            }, _ => Log.OperationFailed(_logger, "Drop of a failed call", agent.AgentId, new FinesseGatewayException(ConnectorErrorCode.ConnectorBusy, "no Finesse connection was free")));
        }
    }

    private void HandleRequestFailed(AgentSession agent, RequestFailedNotification failed)
    {
        var pending = failed.RequestId is { Length: > 0 } requestId
            ? _pending.GetValueOrDefault(requestId)
            : FailedBySource(agent.AgentId, failed.Source);
        if (pending is not null)
        {
            EndPending(pending.FinesseRequestId, ok: false, () => SendError(pending.ClientId, pending.CorrelationId, agent.AgentId, failed.Code, failed.Message, pending.RequestType));
            return;
        }

        // Finesse did not say which request failed: every client of the agent learns of it.
        foreach (var clientId in agent.Clients)
        {
            SendError(clientId, null, agent.AgentId, failed.Code, failed.Message, null);
        }
    }

    /// <summary>
    /// The request an error without a requestId ends (Cisco's own CTI error sample has an empty one), as
    /// <see cref="TakePending"/> does for effects: the oldest sent request of the agent on what the error's
    /// source names. A dialog's error ends a request on that dialog, else a call not yet placed; an error of the
    /// user's Dialogs ends a call not yet placed, else a state request; the user's own, the other way round.
    /// Null when nothing matches: then every client of the agent is told.
    /// </summary>
    private PendingRequest? FailedBySource(string agentId, string? source)
    {
        const string DialogPrefix = "/finesse/api/Dialog/";
        const string UserPrefix = "/finesse/api/User/";
        if (source is null)
        {
            return null;
        }

        if (source.StartsWith(DialogPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var dialogId = source[DialogPrefix.Length..].Split('/')[0];
            return OldestSent(agentId, p => p.Effect == EffectKind.Dialog && p.DialogId == dialogId)
                ?? OldestSent(agentId, p => p.Effect == EffectKind.Dialog && p.DialogId is null);
        }

        if (!source.StartsWith(UserPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // The user's Dialogs collection (a call that could not be placed) or the user itself (a state change).
        var newCall = OldestSent(agentId, p => p.Effect == EffectKind.Dialog && p.DialogId is null);
        var state = OldestSent(agentId, p => p.Effect == EffectKind.AgentState);
        return source.TrimEnd('/').EndsWith("/Dialogs", StringComparison.OrdinalIgnoreCase) ? newCall ?? state : state ?? newCall;
    }

    /// <summary>
    /// The pending request a notification completes: the one whose requestId Finesse echoed (if it
    /// expects this kind of effect), or,
    /// when Finesse sent none (it is best effort), the oldest pending request of the agent that
    /// expects this kind of effect on this dialog.
    /// </summary>
    private PendingRequest? TakePending(string agentId, string? requestId, EffectKind effect, string? dialogId)
    {
        if (!string.IsNullOrEmpty(requestId))
        {
            // Finesse copies the requestId into every notification a request causes: an ANSWER
            // yields a User update (TALKING) and a Dialogs update; the call request is answered by the latter.
            // Every participant's session gets it: only the requesting agent's completes the request.
            return _pending.TryGetValue(requestId, out var exact) && exact.Effect == effect && exact.AgentId == agentId && EndPending(requestId, ok: true) ? exact : null;
        }

        var oldest = OldestSent(agentId, p => p.Effect == effect && (p.DialogId is null || dialogId is null || p.DialogId == dialogId));
        return oldest is not null && EndPending(oldest.FinesseRequestId, ok: true) ? oldest : null;
    }

    /// <summary>
    /// The agent's pending request, among those <paramref name="match"/> accepts, that was sent first (the earliest
    /// deadline): only a request that was sent can have caused what Finesse reports without a requestId.
    /// </summary>
    private PendingRequest? OldestSent(string agentId, Func<PendingRequest, bool> match) => _pending.Values
        .Where(p => p.AgentId == agentId && p.Sent is not null && match(p))
        .MinBy(p => p.Deadline);

    /// <summary>Publishes the agent's state if it changed, if it answers a request, or when forced.</summary>
    private void PublishState(AgentSession agent, AgentState state, PendingRequest? answers, bool force, string? skipClient = null)
    {
        var changed = agent.State != state;
        agent.State = state;
        if (changed || answers is not null || force)
        {
            FanOut(agent, state, answers, skipClient);
        }
    }

    /// <summary>Publishes the dialog if it is new or changed, if it answers a request, or when forced.</summary>
    private void PublishDialog(AgentSession agent, Dialog dialog, PendingRequest? answers, bool force, string? skipClient = null)
    {
        var changed = !agent.Dialogs.TryGetValue(dialog.Id, out var previous) || !SameDialog(previous, dialog);
        agent.Dialogs[dialog.Id] = dialog;
        if (changed || answers is not null || force)
        {
            FanOut(agent, dialog, answers, skipClient);
        }
    }

    // Records hold lists and dictionaries by reference; compare what a client would receive.
    private static bool SameDialog(Dialog a, Dialog b) => DialogComparer.Same(a, b);

    private void HandleFinesseHealth(FinesseHealthNotification health)
    {
        var wasInService = _finesseHealth.InService;
        var sideChanged = !string.Equals(_finesseHealth.ActiveSide, health.ActiveSide, StringComparison.Ordinal);
        _finesseHealth = health;
        Log.FinesseHealth(_logger, health.InService, health.ActiveSide, health.Reason);
        UpdateStatus();
        if (health.InService && (!wasInService || sideChanged))
        {
            // After an outage or a failover Finesse republishes its last state, but events inside the
            // outage window are lost: re-read every agent and publish what changed.
            var started = Now;
            var agents = _agents.Values.Where(a => a.Credentials is not null).ToList();
            var remaining = agents.Count;
            var failed = 0;
            foreach (var agent in agents)
            {
                Refresh(agent, force: false, ok =>
                {
                    failed += ok ? 0 : 1;
                    if (--remaining == 0)
                    {
                        Metrics.RecordResync(new ResyncInfo(started, health.ActiveSide, agents.Count, failed, (Now - started).TotalMilliseconds));
                    }
                });
            }
        }
    }

    private void HandleBrokerConnectivity(bool connected)
    {
        if (connected == _brokerConnected)
        {
            return;
        }

        _brokerConnected = connected;
        RecordBrokerTransition(connected);
        Log.BrokerConnectivity(_logger, connected);
        UpdateStatus(broadcast: false);
        if (connected)
        {
            // Whatever was published while the broker was away may be lost, but a client that lost
            // its own connection is not listening again before it reconnects: each client asks for
            // its resync snapshot with Hello once it is back (see SendResync). Here only the status.
            foreach (var client in _clientSessions.Values)
            {
                Send(client.ClientId, _status, null, null);
            }
        }
    }

    private void UpdateStatus(bool broadcast = true)
    {
        var status = !_brokerConnected
            ? new SystemStatus(SystemStatus.OutOfService, "the message broker is unreachable", _finesseHealth.ActiveSide, _finesseHealth.Host)
            : !_finesseHealth.InService
                ? new SystemStatus(SystemStatus.OutOfService, _finesseHealth.Reason ?? "Finesse is out of service", _finesseHealth.ActiveSide, _finesseHealth.Host)
                : new SystemStatus(SystemStatus.InService, null, _finesseHealth.ActiveSide, _finesseHealth.Host);
        if (status == _status)
        {
            return;
        }

        Volatile.Write(ref _status, status);
        _statusSince = Now;
        Log.StatusChanged(_logger, status.Status, status.Reason, status.ActiveSide);
        if (broadcast && _brokerConnected)
        {
            Broadcast(status);
        }
    }

    private void Housekeeping()
    {
        var now = Now;
        ResyncClientsThatLostEvents();
        _calls.ExpireWaiting(now, call => call.Expired(call));
        DispatchCalls();
        foreach (var pending in _pending.Values.Where(p => p.Deadline <= now).ToList())
        {
            EndPending(pending.FinesseRequestId, ok: false, () => SendError(pending.ClientId, pending.CorrelationId, pending.AgentId, ConnectorErrorCode.RequestTimeout,
                $"{pending.RequestType} was sent to Finesse, which did not confirm it within {_options.RequestTimeout.TotalSeconds:0.#} s", pending.RequestType));
        }

        if (now >= _nextThrottleForget)
        {
            _loginThrottle.Forget(now);
            _nextThrottleForget = now + TimeSpan.FromMinutes(1);
        }

        foreach (var (code, count) in _rejections.TakeSummary(now))
        {
            Log.RejectionsSummarized(_logger, count, code, _options.RejectionLogInterval.TotalSeconds);
        }

        foreach (var client in _clientSessions.Values.Where(c => now - c.LastSeen > _options.ClientTimeout).ToList())
        {
            Log.ClientDead(_logger, client.ClientId, client.Agents.Count, _options.DeadClientPolicy.ToString());
            _clientSessions.Remove(client.ClientId);
            foreach (var agentId in client.Agents.ToList())
            {
                if (_agents.TryGetValue(agentId, out var agent))
                {
                    Detach(client, agent, _options.DeadClientPolicy, $"its client {client.ClientId} stopped sending heartbeats");
                }
            }
        }
    }
}
