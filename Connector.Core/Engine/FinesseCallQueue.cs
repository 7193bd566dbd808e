namespace SiebelCti.Connector.Engine;

/// <summary>
/// Bounds how many Finesse REST calls run at once and shares them fairly between agents: each agent
/// has its own FIFO queue and at most one call in flight (Finesse serialises the requests of one
/// object anyway), and agents take turns round robin, so a burst of one agent (or of 2,000 agents at
/// shift start) never starves the others. A queued call that passes its deadline before a slot is
/// free is dropped unsent. Owned by the engine loop: not thread-safe, no I/O, no clock of its own.
/// </summary>
internal sealed class FinesseCallQueue(int maxConcurrent, int maxQueuedPerAgent)
{
    private readonly Dictionary<string, AgentQueue> _agents = new(StringComparer.Ordinal);
    private readonly Queue<AgentQueue> _turns = new();
    private int _inFlight;
    private int _queued;

    /// <summary>Calls running now.</summary>
    public int InFlight => _inFlight;

    /// <summary>Calls waiting for a slot.</summary>
    public int Queued => _queued;

    /// <summary>Queues <paramref name="call"/> for <paramref name="agentId"/>; false when that agent already has too many waiting.</summary>
    public bool TryEnqueue(string agentId, QueuedCall call)
    {
        if (!_agents.TryGetValue(agentId, out var agent))
        {
            agent = new AgentQueue(agentId);
            _agents.Add(agentId, agent);
        }

        if (agent.Waiting.Count >= maxQueuedPerAgent)
        {
            return false;
        }

        agent.Waiting.Enqueue(call);
        _queued++;
        if (!agent.Busy && agent.Waiting.Count == 1)
        {
            _turns.Enqueue(agent);
        }

        return true;
    }

    /// <summary>
    /// The calls to start now, oldest agent turn first, while slots are free. Calls whose deadline
    /// is at or before <paramref name="now"/> are handed to <paramref name="expired"/> instead.
    /// </summary>
    public void Dispatch(DateTimeOffset now, Action<string, QueuedCall> start, Action<QueuedCall> expired)
    {
        while (_inFlight < maxConcurrent && _turns.TryDequeue(out var agent))
        {
            if (!agent.Waiting.TryDequeue(out var call))
            {
                continue;
            }

            _queued--;
            if (call.Deadline <= now)
            {
                expired(call);
                Requeue(agent);
                continue;
            }

            agent.Busy = true;
            _inFlight++;
            start(agent.AgentId, call);
        }
    }

    /// <summary>The call of <paramref name="agentId"/> that was started has finished (either way).</summary>
    public void Completed(string agentId)
    {
        if (!_agents.TryGetValue(agentId, out var agent) || !agent.Busy)
        {
            return;
        }

        agent.Busy = false;
        _inFlight--;
        Requeue(agent);
    }

    /// <summary>Drops every waiting call whose deadline is at or before <paramref name="now"/>.</summary>
    public void ExpireWaiting(DateTimeOffset now, Action<QueuedCall> expired)
    {
        foreach (var agent in _agents.Values)
        {
            if (agent.Waiting.Count == 0 || !agent.Waiting.Any(c => c.Deadline <= now))
            {
                continue;
            }

            var keep = new Queue<QueuedCall>();
            while (agent.Waiting.TryDequeue(out var call))
            {
                if (call.Deadline <= now)
                {
                    _queued--;
                    expired(call);
                }
                else
                {
                    keep.Enqueue(call);
                }
            }

            while (keep.TryDequeue(out var call))
            {
                agent.Waiting.Enqueue(call);
            }
        }

        // Agents left with nothing are forgotten (their turn, if queued, is skipped by Dispatch).
        foreach (var idle in _agents.Values.Where(a => !a.Busy && a.Waiting.Count == 0).Select(a => a.AgentId).ToList())
        {
            _agents.Remove(idle);
        }
    }

    private void Requeue(AgentQueue agent)
    {
        if (agent.Waiting.Count > 0)
        {
            _turns.Enqueue(agent);
        }
        else if (!agent.Busy)
        {
            _agents.Remove(agent.AgentId);
        }
    }

    private sealed class AgentQueue(string agentId)
    {
        public string AgentId { get; } = agentId;

        public Queue<QueuedCall> Waiting { get; } = new();

        public bool Busy { get; set; }
    }
}

/// <summary>
/// One REST call waiting for a slot: <see cref="Run"/> is started off the loop once a slot is free;
/// <see cref="Deadline"/> is when it stops being worth sending; <see cref="Expired"/> runs on the loop
/// instead when that deadline passes first.
/// </summary>
internal sealed record QueuedCall(
    DateTimeOffset Deadline,
    DateTimeOffset Queued,
    Func<CancellationToken, Task> Run,
    Action<Exception?> Completed,
    Action<QueuedCall> Expired)
{
    /// <summary>Runs on the loop just before the call starts.</summary>
    public Action? Started { get; init; }

    /// <summary>The driver's request this call carries out; null for the Connector's own calls.</summary>
    public RequestClock? Request { get; init; }
}

/// <summary>When a driver's request was taken in, and whether its first REST call has started.</summary>
internal sealed class RequestClock(DateTimeOffset received)
{
    public DateTimeOffset Received { get; } = received;

    public bool Started { get; set; }

    /// <summary>Whether the request's first REST call has been queued (its handling up to there is timed once).</summary>
    public bool Queued { get; set; }
}
