using SiebelCti.Connector.Finesse.Xmpp;

namespace SiebelCti.Connector.Engine.Adapters;

/// <summary>
/// The notification half of Finesse's health: whether agents' XMPP sessions are connected, and the
/// presence of the <c>finesse</c> user, which every agent session asks to see (reference
/// finesse.md §4.7, §5.2: unavailable while the Finesse web application has lost the notification
/// service). A change wakes the health loop at once instead of waiting for the next poll.
/// </summary>
public sealed partial class FinesseNotificationHub
{
    private readonly SemaphoreSlim _recheck = new(0, 1);

    // Resources of the finesse user seen available on the active side, guarded by _gate. The presence
    // counts only once the user was seen available: a server answers a watch of a user that does not
    // exist (or has not approved it) with "unavailable" too, which says nothing about Finesse.
    private readonly HashSet<string> _finesseResources = new(StringComparer.Ordinal);
    private bool _finessePresenceSeen;

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

    private void OnPresence(XmppPresenceEvent e)
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
                _finesseResources.Add(from);
                _finessePresenceSeen = true;
            }
            else if (e.Type == "unavailable")
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
            else
            {
                return;
            }

            after = FinessePresenceLocked();
        }

        if (before != after)
        {
            Log.FinessePresence(_logger, after == true ? "available" : "unavailable", jid);
            RequestHealthCheck();
        }
    }

    private bool? FinessePresenceLocked() => _finessePresenceSeen ? _finesseResources.Count > 0 : null;

    /// <summary>Presence seen on one side says nothing about the other: forget it when sessions move.</summary>
    private void ForgetFinessePresence()
    {
        lock (_gate)
        {
            _finesseResources.Clear();
            _finessePresenceSeen = false;
        }
    }

    private NotificationSideState NotificationState()
    {
        lock (_gate)
        {
            var sessions = _agents.Count;
            if (sessions == 0)
            {
                // Nobody can see the presence now: what was seen may be stale by the next session.
                _finesseResources.Clear();
                _finessePresenceSeen = false;
                return new NotificationSideState(0, 0, null);
            }

            var connected = _agents.Values.Count(a => a.Client.State == XmppState.Connected);
            return new NotificationSideState(sessions, connected, FinessePresenceLocked());
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
}
