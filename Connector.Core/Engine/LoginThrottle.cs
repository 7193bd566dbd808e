namespace SiebelCti.Connector.Engine;

/// <summary>
/// Logins Finesse refused, per agent id (docs/security.md rule 6), kept apart from the agent's session: that
/// session is dropped when nobody holds the agent, and with it went the count, so a guesser who let it go
/// between tries reached Finesse every time (and locked the account there). A run of refusals ends with a
/// Login Finesse accepts, or when the agent id has been quiet for <see cref="Memory"/>; after
/// <c>limit</c> refusals in a run, Logins are refused without asking Finesse until <c>backoff</c> has passed
/// since the last one. Bounded: at <c>capacity</c> ids, runs that ended are forgotten first, then the
/// oldest tenth. Owned by the engine loop (not thread-safe).
/// </summary>
internal sealed class LoginThrottle(int limit, TimeSpan backoff, int capacity)
{
    private readonly Dictionary<string, Run> _runs = new(StringComparer.Ordinal);

    /// <summary>How long an agent id's refusals are remembered after the last one (twelve back-offs: an hour by default).</summary>
    public TimeSpan Memory { get; } = backoff * 12;

    /// <summary>Agent ids with refusals remembered.</summary>
    public int Count => _runs.Count;

    /// <summary>Whether Logins of <paramref name="agentId"/> are refused now without asking Finesse, and for how long.</summary>
    public bool IsRefused(string agentId, DateTimeOffset now, out int refusals, out TimeSpan remaining)
    {
        if (_runs.TryGetValue(agentId, out var run) && run.Refusals >= limit && run.Last + backoff > now)
        {
            (refusals, remaining) = (run.Refusals, run.Last + backoff - now);
            return true;
        }

        (refusals, remaining) = (run?.Refusals ?? 0, TimeSpan.Zero);
        return false;
    }

    /// <summary>Finesse refused the agent's credentials (wrong password, wrong or unknown user).</summary>
    public void Refused(string agentId, DateTimeOffset now)
    {
        if (!_runs.TryGetValue(agentId, out var run) || run.Last + Memory <= now)
        {
            if (run is null && _runs.Count >= capacity)
            {
                MakeRoom(now);
            }

            _runs[agentId] = run = new Run();
        }

        run.Refusals++;
        run.Last = now;
    }

    /// <summary>Finesse accepted the agent's credentials: its run of refusals is over.</summary>
    public void Accepted(string agentId) => _runs.Remove(agentId);

    /// <summary>Forgets the runs of agent ids quiet for <see cref="Memory"/> (housekeeping).</summary>
    public void Forget(DateTimeOffset now)
    {
        foreach (var (agentId, run) in _runs)
        {
            if (run.Last + Memory <= now)
            {
                _runs.Remove(agentId);
            }
        }
    }

    private void MakeRoom(DateTimeOffset now)
    {
        Forget(now);
        if (_runs.Count >= capacity)
        {
            // Full of live runs (many ids refused within the hour): the oldest tenth goes at once, so that a flood
            // of new ids costs one sort per capacity/10 of them, not a search per id.
            foreach (var agentId in _runs.OrderBy(r => r.Value.Last).Take(Math.Max(1, capacity / 10)).Select(r => r.Key).ToList())
            {
                _runs.Remove(agentId);
            }
        }
    }

    private sealed class Run
    {
        public int Refusals { get; set; }

        public DateTimeOffset Last { get; set; }
    }
}
