using SiebelCti.Connector.Engine.Ports;
using SiebelCti.Connector.Messaging;

namespace SiebelCti.Connector.Engine;

public sealed partial class ConnectorEngine
{
    /// <summary>
    /// Attaches the agent to the client. The answer is <c>System</c> (the Connector's status) and,
    /// when another client already signed the agent in, its full state: subscriptions are shared.
    /// </summary>
    private void HandleConnect(RequestContext context, string agentId)
    {
        if (!_agents.TryGetValue(agentId, out var agent))
        {
            agent = new AgentSession(agentId);
            _agents.Add(agentId, agent);
        }

        agent.Clients.Add(context.Client.ClientId);
        context.Client.Agents.Add(agentId);
        Log.AgentConnected(_logger, agentId, context.Client.ClientId, agent.Clients.Count);
        Send(context.Client.ClientId, _status, context.CorrelationId, agentId);
        if (agent.State is not null)
        {
            SendFullState(context.Client.ClientId, agent, context.CorrelationId);
        }
    }

    /// <summary>Detaches the agent from the client; answered by <c>System</c>.</summary>
    private void HandleDisconnect(RequestContext context, string agentId)
    {
        Send(context.Client.ClientId, _status, context.CorrelationId, agentId);
        if (_agents.TryGetValue(agentId, out var agent))
        {
            Detach(context.Client, agent, DeadClientPolicy.Keep, "disconnected by its last client");
        }
    }

    /// <summary>
    /// Signs the agent in: first its notification session (so the resulting state change is not
    /// missed), then the sign-in request. An agent already signed in with that extension is not
    /// signed in again; the client gets its current state.
    /// </summary>
    private void HandleLogin(RequestContext context, string agentId, Login login)
    {
        if (!_agents.TryGetValue(agentId, out var agent))
        {
            agent = new AgentSession(agentId);
            _agents.Add(agentId, agent);
        }

        agent.Clients.Add(context.Client.ClientId);
        context.Client.Agents.Add(agentId);
        if (!_status.Status.Equals(SystemStatus.InService, StringComparison.Ordinal))
        {
            Fail(context, Diagnostics.ErrorCode.ConnectorOutOfService, $"the Connector is out of service ({_status.Reason}); Login was not sent to Finesse");
            return;
        }

        var credentials = new AgentCredentials(agentId, login.Password);
        var sameCredentials = agent.Credentials == credentials;
        if (sameCredentials && agent.Subscribed && agent.State is { State: not FinesseStates.Logout } current
            && string.Equals(agent.EffectiveExtension, login.Extension, StringComparison.Ordinal))
        {
            Log.AgentAlreadySignedIn(_logger, agentId, context.Client.ClientId, current.State);
            SendFullState(context.Client.ClientId, agent, context.CorrelationId);
            return;
        }

        agent.Extension = login.Extension;
        if (sameCredentials && agent.Subscribed)
        {
            SignIn(context, agent, credentials);
            return;
        }

        Start(ct => _notifications.SubscribeAsync(credentials, ct), failure =>
        {
            if (failure is not null)
            {
                FailWith(context, failure);
                return;
            }

            agent.Credentials = credentials;
            agent.Subscribed = true;
            SignIn(context, agent, credentials);
        });
    }

    private void SignIn(RequestContext context, AgentSession agent, AgentCredentials credentials)
    {
        var extension = agent.Extension!;
        Execute(context, agent, EffectKind.AgentState, null, (id, ct) => _finesse.SignInAsync(credentials, extension, id, ct));
    }

    /// <summary>
    /// Removes the agent from the client. When no client holds the agent any more, <paramref name="policy"/>
    /// decides: keep its Finesse session open, or sign it out and close the session.
    /// </summary>
    private void Detach(ClientSession client, AgentSession agent, DeadClientPolicy policy, string why)
    {
        client.Agents.Remove(agent.AgentId);
        agent.Clients.Remove(client.ClientId);
        if (agent.Clients.Count > 0)
        {
            return;
        }

        if (policy == DeadClientPolicy.Keep && agent.State is { State: not FinesseStates.Logout })
        {
            Log.AgentKept(_logger, agent.AgentId, why);
            return;
        }

        Log.AgentReleased(_logger, agent.AgentId, why);
        _agents.Remove(agent.AgentId);
        foreach (var pending in _pending.Values.Where(p => p.AgentId == agent.AgentId).ToList())
        {
            _pending.Remove(pending.FinesseRequestId);
        }

        if (agent.Credentials is not { } credentials || !agent.Subscribed)
        {
            return;
        }

        var signOut = policy == DeadClientPolicy.Logout && agent.State is { State: not FinesseStates.Logout };
        var reasonCodeId = _options.DeadClientLogoutReasonCode is { Length: > 0 } code
            && agent.ReasonCodes.TryGetValue(ReasonCodeCategory.Logout, out var codes)
                ? codes.Items.FirstOrDefault(c => c.Code == code)?.Id
                : null;
        Start(async ct =>
        {
            if (signOut)
            {
                // CCE signs out only from NOT_READY.
                if (agent.State?.State != FinesseStates.NotReady)
                {
                    await _finesse.ChangeStateAsync(credentials, FinesseStates.NotReady, null, Guid.NewGuid().ToString("N"), ct).ConfigureAwait(false);
                }

                await _finesse.ChangeStateAsync(credentials, FinesseStates.Logout, reasonCodeId, Guid.NewGuid().ToString("N"), ct).ConfigureAwait(false);
            }

            await _notifications.UnsubscribeAsync(agent.AgentId, ct).ConfigureAwait(false);
        }, failure =>
        {
            if (failure is not null)
            {
                Log.OperationFailed(_logger, signOut ? "Logout of a released agent" : "Unsubscribe", agent.AgentId, failure);
            }
        });
    }

    /// <summary>Sends the agent's state and every call to one client.</summary>
    private void SendFullState(string clientId, AgentSession agent, string? correlationId)
    {
        if (agent.State is { } state)
        {
            Send(clientId, state, correlationId, agent.AgentId);
        }

        foreach (var dialog in agent.Dialogs.Values)
        {
            Send(clientId, dialog, correlationId, agent.AgentId);
        }
    }

    /// <summary>Tells every client of the agent that a call ended, and remembers it for resync snapshots.</summary>
    private void EndCall(AgentSession agent, DialogEnded ended, PendingRequest? answers)
    {
        var now = Now;
        agent.RecentlyEnded.RemoveAll(e => now - e.At > _options.ClientTimeout || e.Ended.DialogId == ended.DialogId);
        if (agent.RecentlyEnded.Count >= MaxRecentlyEnded)
        {
            agent.RecentlyEnded.RemoveAt(0);
        }

        agent.RecentlyEnded.Add(new EndedCall(ended, now));
        FanOut(agent, ended, answers);
    }

    private const int MaxRecentlyEnded = 16;

    /// <summary>
    /// The resync snapshot for a client that says Hello again (after its broker connection came
    /// back): for each of its agents the state, every call, and every call that ended since the client
    /// was last heard from (it may have missed that DialogEnded), all with the Hello's correlation id.
    /// </summary>
    private void SendResync(ClientSession client, string? correlationId, DateTimeOffset lastHeard)
    {
        foreach (var agentId in client.Agents)
        {
            if (!_agents.TryGetValue(agentId, out var agent))
            {
                continue;
            }

            SendFullState(client.ClientId, agent, correlationId);
            foreach (var ended in agent.RecentlyEnded.Where(e => e.At >= lastHeard))
            {
                Send(client.ClientId, ended.Ended, correlationId, agentId);
            }
        }
    }

    /// <summary>Re-reads the agent's state and calls from Finesse and publishes what changed (or everything, when <paramref name="force"/>).</summary>
    private void Refresh(AgentSession agent, bool force)
    {
        if (agent.Credentials is not { } credentials)
        {
            return;
        }

        AgentState? state = null;
        IReadOnlyList<Dialog> dialogs = [];
        Start(async ct =>
        {
            await _refreshSlots.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                state = await _finesse.GetAgentStateAsync(credentials, ct).ConfigureAwait(false);
                dialogs = await _finesse.GetDialogsAsync(credentials, ct).ConfigureAwait(false);
            }
            finally
            {
                _refreshSlots.Release();
            }
        }, failure =>
        {
            if (failure is not null)
            {
                Log.OperationFailed(_logger, "Refresh", agent.AgentId, failure);
                return;
            }

            if (_agents.TryGetValue(agent.AgentId, out var current) && ReferenceEquals(current, agent))
            {
                ApplySnapshot(agent, state!, dialogs, force);
            }
        });
    }

    /// <summary>
    /// Replaces the agent's view with a fresh read from Finesse and publishes the differences:
    /// changed state, changed or new calls, and <c>DialogEnded</c> for calls that are gone (to every
    /// client; state and calls are not sent to <paramref name="skipClient"/>, which gets them in full).
    /// </summary>
    private void ApplySnapshot(AgentSession agent, AgentState state, IReadOnlyList<Dialog> dialogs, bool force, string? skipClient = null)
    {
        PublishState(agent, state, null, force, skipClient);
        dialogs = [.. dialogs.Where(d => !IsFailedForAgent(agent, d))];
        var fresh = dialogs.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in agent.Dialogs.Keys.Where(id => !fresh.Contains(id)).ToList())
        {
            agent.Dialogs.Remove(gone);
            EndCall(agent, new DialogEnded(gone, "not present after resynchronisation"), null);
        }

        foreach (var dialog in dialogs)
        {
            PublishDialog(agent, dialog, null, force, skipClient);
        }
    }

    // Bounds how many agents are re-read from Finesse at once after a failover (2,000 agents must not
    // send 4,000 GETs to a Finesse that is just recovering).
    private readonly SemaphoreSlim _refreshSlots = new(16, 16);
}
