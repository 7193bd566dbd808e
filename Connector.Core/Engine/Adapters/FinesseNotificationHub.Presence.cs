using SiebelCti.Finesse.Xmpp;

namespace SiebelCti.Connector.Engine.Adapters;

/// <summary>
/// The notification half of Finesse's health: whether agents' XMPP sessions are connected, and the
/// presence of the <c>finesse</c> user, which every agent session asks to see (reference
/// finesse.md §4.7, §5.2: unavailable while the Finesse web application has lost the notification
/// service). A change wakes the health loop at once instead of waiting for the next poll.
/// Each session keeps its own view, and a view counts only once it is settled: once that session has
/// seen the user available, which proves its watch was approved. Before that a server answers
/// "unavailable" for a watch that is merely pending, which says nothing about Finesse; so a newly
/// subscribing agent can never take the Connector out of service.
/// </summary>
public sealed partial class FinesseNotificationHub
{
    private readonly SemaphoreSlim _recheck = new(0, 1);

    private string? FinesseJid => _options.FinesseUser is { Length: > 0 } user ? user + "@" + _options.Xmpp.Domain : null;

    private async Task WatchFinessePresenceAsync(XmppClient client, string agentId, CancellationToken cancellationToken)
    {
        if (FinesseJid is not { } jid)
        {
            return;
        }

        try
        {
            // Idempotent on the server: a subscription that exists is kept, and its current presence is sent.
            await client.RequestPresenceSubscriptionAsync(jid, cancellationToken).ConfigureAwait(false);
        }
        catch (XmppException ex)
        {
            Log.PresenceWatchFailed(_logger, agentId, jid, ex.Code, ex.Message);
        }
    }

    private void OnPresence(AgentSubscription subscription, XmppPresenceEvent e)
    {
        if (FinesseJid is not { } jid || e.From is not { } from || !string.Equals(e.FromBare, jid, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        bool? before, after;
        lock (_gate)
        {
            before = FinessePresenceLocked();
            if (e.IsAvailable)
            {
                subscription.FinesseAvailable(from);
            }
            else if (e.Type == "unavailable")
            {
                subscription.FinesseUnavailable(from);
            }
            else
            {
                return;
            }

            after = FinessePresenceLocked();
        }

        if (before != after)
        {
            Log.FinessePresence(_logger, after == true ? "available" : after == false ? "unavailable" : "not known", jid);
            RequestHealthCheck();
        }
    }

    /// <summary>
    /// Available when a settled, connected session sees the user; unavailable when settled,
    /// connected sessions exist and none sees it; null (not known) without any settled session.
    /// </summary>
    private bool? FinessePresenceLocked()
    {
        var settled = false;
        foreach (var subscription in _agents.Values)
        {
            if (subscription.FinesseSettled && subscription.Client.State == XmppState.Connected)
            {
                if (subscription.SeesFinesse)
                {
                    return true;
                }

                settled = true;
            }
        }

        return settled ? false : null;
    }

    private NotificationSideState NotificationState()
    {
        lock (_gate)
        {
            int sessions = 0, connected = 0, serviceFailures = 0;
            foreach (var subscription in _agents.Values)
            {
                var state = subscription.Client.State;
                if (state == XmppState.Failed)
                {
                    continue; // that agent's own trouble: it is not retried and says nothing of the service
                }

                sessions++;
                if (state == XmppState.Connected)
                {
                    connected++;
                }
                else if (subscription.ServiceFailure is not null)
                {
                    serviceFailures++;
                }
            }

            return new NotificationSideState(sessions, connected, FinessePresenceLocked(), serviceFailures);
        }
    }

    private void RequestHealthCheck()
    {
        try
        {
            _recheck.Release();
        }
        catch (SemaphoreFullException)
        {
            // A check is already due.
        }
        catch (ObjectDisposedException)
        {
            // Stopping.
        }
    }

    /// <summary>Until the poll interval has passed or something asked for a check now.</summary>
    private async Task WaitForNextCheckAsync(CancellationToken cancellationToken)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(_options.HealthPollInterval, _time, wake.Token);
        var recheck = _recheck.WaitAsync(wake.Token);
        await Task.WhenAny(delay, recheck).ConfigureAwait(false);
        await wake.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>One session's view of the finesse user (guarded by the hub's gate).</summary>
    private sealed partial class AgentSubscription
    {
        private readonly HashSet<string> _finesseResources = new(StringComparer.Ordinal);

        /// <summary>This session has seen the user available since it connected: its watch is approved.</summary>
        public bool FinesseSettled { get; private set; }

        /// <summary>This session sees at least one resource of the user available now.</summary>
        public bool SeesFinesse => _finesseResources.Count > 0;

        public void FinesseAvailable(string fullJid)
        {
            _finesseResources.Add(fullJid);
            FinesseSettled = true;
        }

        public void FinesseUnavailable(string from)
        {
            if (from.Contains('/', StringComparison.Ordinal))
            {
                _finesseResources.Remove(from);
            }
            else
            {
                _finesseResources.Clear();
            }
        }

        /// <summary>The session left Connected: what it saw may be stale by the time it is back.</summary>
        public void ForgetFinessePresence()
        {
            _finesseResources.Clear();
            FinesseSettled = false;
        }
    }
}
