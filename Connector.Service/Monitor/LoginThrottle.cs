namespace SiebelCti.Connector.Service.Monitor;

/// <summary>
/// Refuses logins from an address after <see cref="MaxFailures"/> failures within <see cref="Window"/>,
/// until the window of the first failure has passed. Memory is bounded: at most
/// <see cref="MaxTrackedAddresses"/> addresses are tracked; beyond that the table starts over.
/// </summary>
internal sealed class LoginThrottle(TimeProvider timeProvider)
{
    public const int MaxFailures = 10;
    public const int MaxTrackedAddresses = 10_000;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (DateTimeOffset First, int Count)> _failures = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="address"/> may try to log in; otherwise <paramref name="until"/> says until when it may not.</summary>
    public bool IsAllowed(string address, out DateTimeOffset until)
    {
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            until = default;
            if (!_failures.TryGetValue(address, out var entry))
            {
                return true;
            }

            if (now - entry.First >= Window)
            {
                _failures.Remove(address);
                return true;
            }

            until = entry.First + Window;
            return entry.Count < MaxFailures;
        }
    }

    public void Failed(string address)
    {
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (_failures.Count >= MaxTrackedAddresses && !_failures.ContainsKey(address))
            {
                _failures.Clear();
            }

            _failures[address] = _failures.TryGetValue(address, out var entry) && now - entry.First < Window
                ? (entry.First, entry.Count + 1)
                : (now, 1);
        }
    }

    public void Succeeded(string address)
    {
        lock (_lock)
        {
            _failures.Remove(address);
        }
    }
}
