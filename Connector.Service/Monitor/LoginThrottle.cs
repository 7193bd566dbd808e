namespace SiebelCti.Connector.Service.Monitor;

/// <summary>
/// Spaces out monitor login attempts per key, counting each attempt when it is admitted, before its
/// password is hashed. An attempt counts under its client address and the user name it names, or,
/// from a known device (<see cref="KnownDevices"/>), under that device alone. Per key the first
/// <see cref="FreeAttempts"/> attempts start at once; each further one starts no earlier than
/// <see cref="Delay"/> after the previous one (1 s, doubling, at most <see cref="MaxDelay"/>). An
/// attempt that would have to wait up to <see cref="MaxDelay"/> is admitted and waits
/// (<see cref="WaitTurnAsync"/>); one that would wait longer, because other attempts booked the
/// turns before it, is refused. Only failures stay counted: a success clears its keys, an attempt
/// that never got checked only frees its place, and failures are forgotten after
/// <see cref="FailureMemory"/> without attempts. The rules are in docs/connector-service.md.
/// </summary>
internal sealed class LoginThrottle(TimeProvider timeProvider)
{
    public const int FreeAttempts = 5;
    public const int MaxTrackedKeys = 10_000;
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan FailureMemory = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan RefusalLogInterval = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _addresses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry> _devices = new(StringComparer.Ordinal);
    private DateTimeOffset _lastRefusalLog = DateTimeOffset.MinValue;
    private int _refusalsNotLogged;
    private int _waiting;

    /// <summary>Attempts admitted that are waiting for their turn (tests watch it).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>The wait before the next attempt of a key that has <paramref name="count"/> attempts counted.</summary>
    public static TimeSpan Delay(int count) => count < FreeAttempts
        ? TimeSpan.Zero
        : TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstDelay.Ticks << Math.Min(count - FreeAttempts, 20)));

    /// <summary>Admits an attempt (counting it under every key of <paramref name="keys"/>) or refuses it.</summary>
    public LoginAdmission Admit(LoginKeys keys)
    {
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            var entries = Entries(keys, now);
            if (entries is null)
            {
                return LoginAdmission.Refuse(MaxDelay);
            }

            var start = now;
            foreach (var entry in entries)
            {
                entry.Forget(now);
                if (entry.NextStart > start)
                {
                    start = entry.NextStart;
                }
            }

            if (start - now > MaxDelay)
            {
                var retry = start - MaxDelay - now;
                return LoginAdmission.Refuse(retry < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retry);
            }

            foreach (var entry in entries)
            {
                entry.Pending++;
                entry.LastUsed = now;
                entry.NextStart = start + Delay(entry.Failures + entry.Pending);
            }

            return LoginAdmission.Admit(new LoginTicket(entries), start);
        }
    }

    /// <summary>Waits until the admitted attempt may be checked.</summary>
    public async Task WaitTurnAsync(LoginAdmission admission, CancellationToken cancellationToken)
    {
        var wait = admission.StartAt - timeProvider.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        Interlocked.Increment(ref _waiting);
        try
        {
            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    /// <summary>The right password: clears the counters of every key of the attempt.</summary>
    public void Succeeded(LoginTicket ticket) => Finish(ticket, (entry, now) =>
    {
        entry.Failures = 0;
        entry.NextStart = now;
    });

    /// <summary>A wrong user or password: the attempt stays counted as a failure.</summary>
    public void Failed(LoginTicket ticket) => Finish(ticket, (entry, now) =>
    {
        entry.Failures++;
        entry.LastFailure = now;
    });

    /// <summary>The attempt was not checked (the client went away, no hashing slot): it only frees its place.</summary>
    public void Abandoned(LoginTicket ticket) => Finish(ticket, static (_, _) => { });

    /// <summary>
    /// Whether a refusal should be logged now: at most one line per <see cref="RefusalLogInterval"/>;
    /// <paramref name="notLogged"/> is how many refusals went unlogged since the last line.
    /// </summary>
    public bool ShouldLogRefusal(out int notLogged)
    {
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (now - _lastRefusalLog < RefusalLogInterval)
            {
                _refusalsNotLogged++;
                notLogged = 0;
                return false;
            }

            _lastRefusalLog = now;
            notLogged = _refusalsNotLogged;
            _refusalsNotLogged = 0;
            return true;
        }
    }

    private void Finish(LoginTicket ticket, Action<Entry, DateTimeOffset> outcome)
    {
        if (!ticket.TryFinish())
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            foreach (var entry in ticket.Entries)
            {
                entry.Pending--;
                entry.LastUsed = now;
                outcome(entry, now);
            }
        }
    }

    /// <summary>The entries of the keys, created as needed; null when a table is full of attempts in progress.</summary>
    private Entry[]? Entries(LoginKeys keys, DateTimeOffset now)
    {
        if (keys.Device is { } device)
        {
            return Get(_devices, device, now) is { } known ? [known] : null;
        }

        return Get(_addresses, keys.Address, now) is { } address && Get(_users, keys.User, now) is { } user ? [address, user] : null;
    }

    private static Entry? Get(Dictionary<string, Entry> table, string key, DateTimeOffset now)
    {
        if (table.TryGetValue(key, out var entry))
        {
            return entry;
        }

        if (table.Count >= MaxTrackedKeys && !MakeRoom(table, now))
        {
            return null;
        }

        entry = new Entry { NextStart = now, LastUsed = now };
        table[key] = entry;
        return entry;
    }

    /// <summary>Drops the idle entries (nothing pending, no failure to remember); else the least recently used one without attempts in progress.</summary>
    private static bool MakeRoom(Dictionary<string, Entry> table, DateTimeOffset now)
    {
        foreach (var (key, entry) in table.ToList())
        {
            entry.Forget(now);
            if (entry.Pending == 0 && entry.Failures == 0 && entry.NextStart <= now)
            {
                table.Remove(key);
            }
        }

        if (table.Count < MaxTrackedKeys)
        {
            return true;
        }

        var oldest = table.Where(e => e.Value.Pending == 0).OrderBy(e => e.Value.LastUsed).Select(e => e.Key).FirstOrDefault();
        return oldest is not null && table.Remove(oldest);
    }

    /// <summary>The counters of one key.</summary>
    internal sealed class Entry
    {
        public int Failures { get; set; }

        public int Pending { get; set; }

        public DateTimeOffset LastFailure { get; set; }

        public DateTimeOffset NextStart { get; set; }

        public DateTimeOffset LastUsed { get; set; }

        /// <summary>Forgets failures older than <see cref="FailureMemory"/> when no attempt is in progress.</summary>
        public void Forget(DateTimeOffset now)
        {
            if (Pending == 0 && Failures > 0 && now - LastFailure >= FailureMemory)
            {
                Failures = 0;
            }
        }
    }
}

/// <summary>
/// What a login attempt counts under: its client <see cref="Address"/> and the <see cref="User"/> key
/// it names, or only the <see cref="Device"/> when it comes from a known device.
/// </summary>
internal readonly record struct LoginKeys(string Address, string User, string? Device);

/// <summary>An admitted attempt (<see cref="Ticket"/>, checked no earlier than <see cref="StartAt"/>) or a refused one (<see cref="RetryAfter"/>).</summary>
internal readonly record struct LoginAdmission(LoginTicket? Ticket, DateTimeOffset StartAt, TimeSpan RetryAfter)
{
    public bool Admitted => Ticket is not null;

    public static LoginAdmission Admit(LoginTicket ticket, DateTimeOffset startAt) => new(ticket, startAt, TimeSpan.Zero);

    public static LoginAdmission Refuse(TimeSpan retryAfter) => new(null, default, retryAfter);
}

/// <summary>An attempt in progress; finished once (success, failure or abandoned).</summary>
internal sealed class LoginTicket
{
    private int _finished;

    internal LoginTicket(LoginThrottle.Entry[] entries) => Entries = entries;

    internal LoginThrottle.Entry[] Entries { get; }

    internal bool TryFinish() => Interlocked.Exchange(ref _finished, 1) == 0;
}
