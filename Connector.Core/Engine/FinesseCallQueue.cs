namespace SiebelCti.Connector.Engine;

/// <summary>
/// Bounds how many Finesse REST calls run at once and shares them fairly, first between owners (the broker
/// user of the driver that asked; the Connector's own calls are one owner of their own), then between the
/// owner's agents: each agent has its own FIFO queue and at most one call in flight (Finesse serialises the
/// requests of one object anyway), agents take turns round robin within their owner, and owners take turns
/// round robin. So a burst of one agent, 2,000 agents at shift start, or one broker user's flood of Logins for
/// invented agent ids never starves the agents of another Siebel server. A queued call that passes its
/// deadline before a slot is free is dropped unsent. Owned by the engine loop: not thread-safe, no I/O, no
/// clock of its own.
/// </summary>
internal sealed class FinesseCallQueue(int maxConcurrent, int maxQueuedPerAgent)
{
    /// <summary>The owner of the Connector's own calls (failed-call drops, refreshes).</summary>
    public const string InternalOwner = "";

    private readonly Dictionary<string, AgentQueue> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OwnerQueue> _owners = new(StringComparer.Ordinal);
    private readonly Queue<OwnerQueue> _turns = new();
    private int _inFlight;
    private int _queued;

    /// <summary>Calls running now.</summary>
    public int InFlight => _inFlight;

    /// <summary>Calls waiting for a slot.</summary>
    public int Queued => _queued;

    /// <summary>Queues a call of the Connector's own for <paramref name="agentId"/>.</summary>
    public bool TryEnqueue(string agentId, QueuedCall call) => TryEnqueue(agentId, InternalOwner, call);

    /// <summary>
    /// Queues <paramref name="call"/> for <paramref name="agentId"/> on behalf of <paramref name="owner"/>; false when
    /// that agent already has too many waiting. An agent's calls take the turns of the owner that queued the first of
    /// those waiting or running.
    /// </summary>
    public bool TryEnqueue(string agentId, string owner, QueuedCall call)
    {
        if (!_agents.TryGetValue(agentId, out var agent))
        {
            if (!_owners.TryGetValue(owner, out var queue))
            {
                queue = new OwnerQueue(owner);
                _owners.Add(owner, queue);
            }

            agent = new AgentQueue(agentId, queue);
            queue.Agents++;
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
            TakeTurn(agent);
        }

        return true;
    }

    /// <summary>
    /// The calls to start now, one per owner's turn and within it one per agent's turn, while slots are free.
    /// Calls whose deadline is at or before <paramref name="now"/> are handed to <paramref name="expired"/> instead.
    /// </summary>
    public void Dispatch(DateTimeOffset now, Action<string, QueuedCall> start, Action<QueuedCall> expired)
    {
        while (_inFlight < maxConcurrent && _turns.TryDequeue(out var owner))
        {
            owner.Queued = false;
            if (!owner.Turns.TryDequeue(out var agent))
            {
                continue;
            }

            if (!agent.Waiting.TryDequeue(out var call))
            {
                Queue(owner); // a turn left by calls that expired while waiting
                continue;
            }

            _queued--;
            if (call.Deadline <= now)
            {
                expired(call);
                Requeue(agent);
                Queue(owner);
                continue;
            }

            agent.Busy = true;
            _inFlight++;
            start(agent.AgentId, call);
            Queue(owner);
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
        foreach (var idle in _agents.Values.Where(a => !a.Busy && a.Waiting.Count == 0).ToList())
        {
            Forget(idle);
        }
    }

    private void TakeTurn(AgentQueue agent)
    {
        agent.Owner.Turns.Enqueue(agent);
        Queue(agent.Owner);
    }

    private void Queue(OwnerQueue owner)
    {
        if (!owner.Queued && owner.Turns.Count > 0)
        {
            owner.Queued = true;
            _turns.Enqueue(owner);
        }
    }

    private void Requeue(AgentQueue agent)
    {
        if (agent.Waiting.Count > 0)
        {
            TakeTurn(agent);
        }
        else if (!agent.Busy)
        {
            Forget(agent);
        }
    }

    /// <summary>
    /// Forgets an idle agent, and its owner with its last agent. A turn of either still queued is left behind and
    /// skipped by <see cref="Dispatch"/>: a forgotten agent's queue never fills again (the agent's next call makes a new
    /// one, under a new owner object if the owner was forgotten too).
    /// </summary>
    private void Forget(AgentQueue agent)
    {
        if (_agents.Remove(agent.AgentId) && --agent.Owner.Agents == 0)
        {
            _owners.Remove(agent.Owner.Key);
        }
    }

    private sealed class AgentQueue(string agentId, OwnerQueue owner)
    {
        public string AgentId { get; } = agentId;

        public OwnerQueue Owner { get; } = owner;

        public Queue<QueuedCall> Waiting { get; } = new();

        public bool Busy { get; set; }
    }

    private sealed class OwnerQueue(string key)
    {
        public string Key { get; } = key;

        /// <summary>The owner's agents with a call waiting, in turn order (stale entries are skipped).</summary>
        public Queue<AgentQueue> Turns { get; } = new();

        /// <summary>Agents of this owner known to the queue (waiting or running).</summary>
        public int Agents { get; set; }

        /// <summary>Whether the owner has a turn queued.</summary>
        public bool Queued { get; set; }
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
