using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace SiebelCti.Connector.Service.Monitor;

/// <summary>
/// The monitor's login sessions, held by the service: the cookie carries only a random session key
/// (protected), so ending a session here — logout, expiry — makes its cookie worthless at once,
/// copies included. In memory only, like the cookie keys; at most <see cref="MaxSessions"/>
/// (the ones closest to expiry make room).
/// </summary>
internal sealed class MonitorSessionStore(TimeProvider timeProvider) : ITicketStore
{
    public const int MaxSessions = 1000;

    /// <summary>The claim that carries a session's key in its own principal (the request's user), so that a long request can check it still exists.</summary>
    public const string KeyClaim = "siebelcti:monitor-session";

    private readonly ConcurrentDictionary<string, AuthenticationTicket> _sessions = new(StringComparer.Ordinal);

    public int Count => _sessions.Count;

    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (_sessions.Count >= MaxSessions)
        {
            MakeRoom();
        }

        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        if (ticket.Principal.Identity is System.Security.Claims.ClaimsIdentity identity && !identity.HasClaim(c => c.Type == KeyClaim))
        {
            identity.AddClaim(new System.Security.Claims.Claim(KeyClaim, key));
        }

        _sessions[key] = ticket;
        return Task.FromResult(key);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        // Only a session that still exists is renewed: a logout between the read and the renewal wins.
        if (_sessions.TryGetValue(key, out var current))
        {
            _sessions.TryUpdate(key, ticket, current);
        }

        return Task.CompletedTask;
    }

    /// <summary>Whether the session of <paramref name="user"/> (a request's principal) is still held and unexpired.</summary>
    public async Task<bool> IsLiveAsync(System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirst(KeyClaim)?.Value is { } key && await RetrieveAsync(key).ConfigureAwait(false) is not null;

    public Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (!_sessions.TryGetValue(key, out var ticket))
        {
            return Task.FromResult<AuthenticationTicket?>(null);
        }

        if (Expired(ticket, timeProvider.GetUtcNow()))
        {
            _sessions.TryRemove(key, out _);
            return Task.FromResult<AuthenticationTicket?>(null);
        }

        return Task.FromResult<AuthenticationTicket?>(ticket);
    }

    public Task RemoveAsync(string key)
    {
        _sessions.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    private static bool Expired(AuthenticationTicket ticket, DateTimeOffset now) =>
        ticket.Properties.ExpiresUtc is { } expires && expires <= now;

    private void MakeRoom()
    {
        var now = timeProvider.GetUtcNow();
        foreach (var (key, ticket) in _sessions)
        {
            if (Expired(ticket, now))
            {
                _sessions.TryRemove(key, out _);
            }
        }

        foreach (var (key, _) in _sessions.OrderBy(s => s.Value.Properties.ExpiresUtc ?? DateTimeOffset.MaxValue).Take(Math.Max(0, _sessions.Count - MaxSessions + 1)))
        {
            _sessions.TryRemove(key, out _);
        }
    }
}
