using System.Security.Cryptography;
using System.Text;
using SiebelCti.Connector.Engine.Ports;
using SiebelCti.Connector.Contract;
using SiebelCti.Finesse;
using UserState = SiebelCti.Finesse.Model.UserState;

namespace SiebelCti.Connector.Engine;

public sealed partial class ConnectorEngine
{
    /// <summary>
    /// Announces that the client will work with the agent. The answer is <c>System</c> (the
    /// Connector's status); a client that has proved the agent on its current session also gets the
    /// agent's full state. Nothing else happens before the client proves the agent's credentials
    /// with <c>Login</c>: an id is not a proof, and nothing is kept for it.
    /// </summary>
    private void HandleConnect(RequestContext context, string agentId)
    {
        Send(context.Client.ClientId, _status, context.CorrelationId, agentId);
        if (_agents.TryGetValue(agentId, out var agent) && agent.Clients.Contains(context.Client.ClientId))
        {
            SendFullState(context.Client.ClientId, agent, context.CorrelationId);
        }
    }

    /// <summary>Ends the client's work with the agent (its proof included); answered by <c>System</c>.</summary>
    private void HandleDisconnect(RequestContext context, string agentId)
    {
        Send(context.Client.ClientId, _status, context.CorrelationId, agentId);
        if (_agents.TryGetValue(agentId, out var agent) && agent.Clients.Contains(context.Client.ClientId))
        {
            Detach(context.Client, agent, DeadClientPolicy.Keep, "disconnected by its last client");
        }
    }

    /// <summary>
    /// A client proves the agent's credentials and signs the agent in (docs/security.md). One Login
    /// of an agent at a time; others wait their turn. Nothing of the agent changes unless Finesse
    /// accepts: the proof is a read of the agent's User with the given credentials (or the very
    /// credentials Finesse accepted last), so a wrong password never touches the agent's working
    /// notification session, its extension or its other clients. A proved client is authorized
    /// once the agent is signed in with the extension asked for (at once when it already is).
    /// </summary>
    private void HandleLogin(RequestContext context, string agentId, Login login)
    {
        if (!_agents.TryGetValue(agentId, out var agent))
        {
            if (_agents.Count >= _options.MaxAgents)
            {
                Fail(context, ConnectorErrorCode.ConnectorLimitReached, $"this Connector already holds {_options.MaxAgents} agents; Login was not sent to Finesse");
                return;
            }

            agent = new AgentSession(agentId);
            _agents.Add(agentId, agent);
        }

        if (agent.LoginInProgress)
        {
            if (agent.WaitingLogins.Count >= _options.MaxWaitingLoginsPerAgent)
            {
                Fail(context, ConnectorErrorCode.AgentBusy, $"agent {agentId} already has {agent.WaitingLogins.Count + 1} Logins in progress");
                return;
            }

            // Handled when the current one is done: two Logins of one agent never race (no XMPP conflict).
            agent.WaitingLogins.Enqueue(() => HandleLogin(context, agentId, login));
            return;
        }

        if (!context.Client.Agents.Contains(agentId) && context.Client.Agents.Count >= _options.MaxAgentsPerClient)
        {
            FailLogin(context, agent, ConnectorErrorCode.ConnectorLimitReached, $"this client already holds {_options.MaxAgentsPerClient} agents");
            return;
        }

        if (!_status.Status.Equals(SystemStatus.InService, StringComparison.Ordinal))
        {
            FailLogin(context, agent, ConnectorErrorCode.ConnectorOutOfService, $"the Connector is out of service ({_status.Reason}); Login was not sent to Finesse");
            return;
        }

        if (string.IsNullOrEmpty(login.Password) || string.IsNullOrWhiteSpace(login.Extension))
        {
            FailLogin(context, agent, ConnectorErrorCode.MessageInvalid, "Login needs the agent's password and an extension");
            return;
        }

        var credentials = new AgentCredentials(agentId, login.Password);
        agent.LoginInProgress = true;
        if (agent.Credentials is { } held && SamePassword(held, credentials))
        {
            // The very credentials Finesse accepted: proved without asking Finesse again.
            Proved(context, agent, login, credentials, fresh: null);
            return;
        }

        if (_loginThrottle.IsRefused(agentId, Now, out var refusals, out var remaining))
        {
            FinishLogin(context, agent, ConnectorErrorCode.LoginThrottled,
                $"Finesse refused {refusals} Logins of agent {agentId} in a row; Logins are refused for {remaining.TotalSeconds:0} s so that Finesse does not lock the account");
            return;
        }

        AgentState? fresh = null;
        var queued = CallFinesse(agentId, RequestDeadline(context), context,
            async ct => fresh = await _finesse.GetAgentStateAsync(credentials, ct).ConfigureAwait(false),
            failure =>
            {
                if (failure is null)
                {
                    _loginThrottle.Accepted(agentId);
                    Proved(context, agent, login, credentials, fresh);
                    return;
                }

                if (failure is FinesseGatewayException { Code: FinesseErrorCode.FinesseUnauthorized or FinesseErrorCode.FinesseWrongUser or FinesseErrorCode.FinesseUserNotFound })
                {
                    _loginThrottle.Refused(agentId, Now);
                }

                FinishLogin(context, agent, failure);
            },
            unsent =>
            {
                FailUnsent(context, unsent);
                FinishLogin(context, agent, ok: false);
            });
        if (!queued)
        {
            FailQueueFull(context, agent);
            FinishLogin(context, agent, ok: false);
        }
    }

    /// <summary>
    /// Finesse accepted the credentials (or they are the ones it accepted last). Opens the agent's
    /// notification session if it has none, then signs the agent in unless it already is with this
    /// extension, and authorizes the client once that is done.
    /// </summary>
    private void Proved(RequestContext context, AgentSession agent, Login login, AgentCredentials credentials, AgentState? fresh)
    {
        // Finesse accepted them now: they are the agent's credentials from here on (a changed password
        // included). The open notification session keeps working with what it authenticated with.
        agent.Credentials = credentials;
        if (fresh is not null)
        {
            PublishState(agent, fresh, null, force: false);
        }

        if (agent.Subscribed)
        {
            SignInIfNeeded(context, agent, login);
            return;
        }

        Start(ct => _notifications.SubscribeAsync(credentials, ct), failure =>
        {
            if (failure is not null)
            {
                FinishLogin(context, agent, failure);
                return;
            }

            agent.Subscribed = true;
            SignInIfNeeded(context, agent, login);
        });
    }

    private void SignInIfNeeded(RequestContext context, AgentSession agent, Login login)
    {
        if (agent.State is { State: not AgentStateName.Logout } current
            && string.Equals(agent.EffectiveExtension, login.Extension, StringComparison.Ordinal))
        {
            Log.AgentAlreadySignedIn(_logger, agent.AgentId, context.Client.ClientId, current.State);
            Authorize(context, agent);
            SendFullState(context.Client.ClientId, agent, context.CorrelationId);
            FinishLogin(context, agent, ok: true);
            return;
        }

        var extension = login.Extension;
        var credentials = agent.Credentials!;
        Execute(context, agent, EffectKind.AgentState, null, (id, ct) => _finesse.SignInAsync(credentials, extension, id, ct), ok =>
        {
            if (ok)
            {
                // Only a sign-in Finesse confirmed changes the agent's extension.
                agent.Extension = extension;
                Authorize(context, agent);
                foreach (var dialog in agent.Dialogs.Values)
                {
                    Send(context.Client.ClientId, dialog, context.CorrelationId, agent.AgentId);
                }
            }

            FinishLogin(context, agent, ok);
        });
    }

    /// <summary>The client proved the agent on its current session: it receives the agent's events and may act for it.</summary>
    private void Authorize(RequestContext context, AgentSession agent)
    {
        if (!_clientSessions.TryGetValue(context.Client.ClientId, out var client) || !ReferenceEquals(client, context.Client))
        {
            return; // the client went away, or started a new session, while the Login ran
        }

        if (agent.Clients.Add(client.ClientId))
        {
            client.Agents.Add(agent.AgentId);
            Log.AgentConnected(_logger, agent.AgentId, client.ClientId, agent.Clients.Count);
        }
    }

    private static bool SamePassword(AgentCredentials a, AgentCredentials b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a.Password), Encoding.UTF8.GetBytes(b.Password));

    /// <summary>Answers a Login that was refused before it started.</summary>
    private void FailLogin(RequestContext context, AgentSession agent, string code, string message)
    {
        Fail(context, code, message);
        ReleaseIfUnused(agent, "its Login failed");
    }

    private void FinishLogin(RequestContext context, AgentSession agent, string code, string message)
    {
        Fail(context, code, message);
        FinishLogin(context, agent, ok: false);
    }

    private void FinishLogin(RequestContext context, AgentSession agent, Exception failure)
    {
        FailWith(context, failure);
        FinishLogin(context, agent, ok: false);
    }

    /// <summary>The Login in progress is done (answered already); the next waiting Login of the agent starts.</summary>
    private void FinishLogin(RequestContext context, AgentSession agent, bool ok)
    {
        _ = context;
        agent.LoginInProgress = false;
        if (agent.WaitingLogins.TryDequeue(out var next))
        {
            next();
            return;
        }

        if (!ok)
        {
            ReleaseIfUnused(agent, "its Login failed");
        }
    }

    /// <summary>
    /// Removes the agent from the client. When no client holds the agent any more, <paramref name="policy"/>
    /// decides: keep its Finesse session open, or sign it out and close the session.
    /// </summary>
    private void Detach(ClientSession client, AgentSession agent, DeadClientPolicy policy, string why)
    {
        client.Agents.Remove(agent.AgentId);
        agent.Clients.Remove(client.ClientId);
        if (agent.Clients.Count > 0 || agent.LoginInProgress)
        {
            return;
        }

        if (policy == DeadClientPolicy.Keep && agent.State is { State: not AgentStateName.Logout })
        {
            Log.AgentKept(_logger, agent.AgentId, why);
            return;
        }

        ReleaseAgent(agent, policy == DeadClientPolicy.Logout, why);
    }

    /// <summary>Forgets an agent nobody holds and that is not signed in (a failed first Login, a sign-out).</summary>
    private void ReleaseIfUnused(AgentSession agent, string why)
    {
        if (agent.Clients.Count == 0 && !agent.LoginInProgress && agent.WaitingLogins.Count == 0
            && agent.State is null or { State: AgentStateName.Logout }
            && _agents.TryGetValue(agent.AgentId, out var current) && ReferenceEquals(current, agent))
        {
            ReleaseAgent(agent, signOut: false, why);
        }
    }

    /// <summary>Drops the agent, its pending requests and (optionally after signing it out) its notification session.</summary>
    private void ReleaseAgent(AgentSession agent, bool signOut, string why)
    {
        Log.AgentReleased(_logger, agent.AgentId, why);
        _agents.Remove(agent.AgentId);
        foreach (var pending in _pending.Values.Where(p => p.AgentId == agent.AgentId).ToList())
        {
            EndPending(pending.FinesseRequestId, ok: false);
        }

        if (agent.Credentials is not { } credentials || !agent.Subscribed)
        {
            return;
        }

        signOut &= agent.State is { State: not AgentStateName.Logout };
        var reasonCodeId = _options.DeadClientLogoutReasonCode is { Length: > 0 } code
            && agent.ReasonCodes.TryGetValue(ReasonCodeCategory.Logout, out var codes)
                ? codes.Items.FirstOrDefault(c => c.Code == code)?.Id
                : null;
        var wasNotReady = agent.State?.State == AgentStateName.NotReady;
        Action<Exception?> logged = failure =>
        {
            if (failure is not null)
            {
                Log.OperationFailed(_logger, signOut ? "Logout of a released agent" : "Unsubscribe", agent.AgentId, failure);
            }
        };
        if (!signOut)
        {
            Start(ct => _notifications.UnsubscribeAsync(agent.AgentId, ct), logged);
            return;
        }

        var queued = CallFinesse(agent.AgentId, Now + InternalCallPatience, async ct =>
        {
            // CCE signs out only from NOT_READY.
            if (!wasNotReady)
            {
                await _finesse.ChangeStateAsync(credentials, UserState.NotReady, null, Guid.NewGuid().ToString("N"), ct).ConfigureAwait(false);
            }

            await _finesse.ChangeStateAsync(credentials, UserState.Logout, reasonCodeId, Guid.NewGuid().ToString("N"), ct).ConfigureAwait(false);
        }, failure =>
        {
            logged(failure);
            Start(ct => _notifications.UnsubscribeAsync(agent.AgentId, ct), logged);
        }, _ =>
        {
            logged(new FinesseGatewayException(ConnectorErrorCode.ConnectorBusy, "no Finesse connection was free to sign the agent out"));
            Start(ct => _notifications.UnsubscribeAsync(agent.AgentId, ct), logged);
        });
        if (!queued)
        {
            Start(ct => _notifications.UnsubscribeAsync(agent.AgentId, ct), logged);
        }
    }

    /// <summary>How long the Connector's own calls (sign-outs, re-reads after failover) may wait for a Finesse connection.</summary>
    private static readonly TimeSpan InternalCallPatience = TimeSpan.FromMinutes(1);

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
    private void Refresh(AgentSession agent, bool force, Action<bool>? done = null)
    {
        if (agent.Credentials is not { } credentials)
        {
            done?.Invoke(false);
            return;
        }

        AgentState? state = null;
        IReadOnlyList<Dialog> dialogs = [];
        var queued = CallFinesse(agent.AgentId, Now + InternalCallPatience, async ct =>
        {
            state = await _finesse.GetAgentStateAsync(credentials, ct).ConfigureAwait(false);
            dialogs = await _finesse.GetDialogsAsync(credentials, ct).ConfigureAwait(false);
        }, failure =>
        {
            if (failure is not null)
            {
                Log.OperationFailed(_logger, "Refresh", agent.AgentId, failure);
                done?.Invoke(false);
                return;
            }

            if (_agents.TryGetValue(agent.AgentId, out var current) && ReferenceEquals(current, agent))
            {
                ApplySnapshot(agent, state!, dialogs, force);
            }

            done?.Invoke(true);
        }, _ =>
        {
            Log.OperationFailed(_logger, "Refresh", agent.AgentId, new FinesseGatewayException(ConnectorErrorCode.ConnectorBusy, "no Finesse connection was free"));
            done?.Invoke(false);
        });
        if (!queued)
        {
            Log.OperationFailed(_logger, "Refresh", agent.AgentId, new FinesseGatewayException(ConnectorErrorCode.AgentBusy, "the agent has too many Finesse calls waiting"));
            done?.Invoke(false);
        }
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
}
