using System.Security.Cryptography;
using System.Text;
using SiebelCti.FinesseEmulator.Engine;
using SiebelCti.FinesseEmulator.Options;

namespace SiebelCti.FinesseEmulator.Http;

/// <summary>
/// HTTP Basic authentication against the configured agents (login id or login name), with Finesse's
/// lockout after repeated wrong passwords. Passwords are compared in constant time and never logged.
/// </summary>
public sealed class Authenticator(CallCenter center, ILogger<Authenticator> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Failures, DateTimeOffset LockedUntil)> _failures = new(StringComparer.Ordinal);

    /// <summary>The authenticated agent, or null with the 401 error to answer.</summary>
    public AgentOptions? Authenticate(string? authorization, out ApiError? error)
    {
        error = ApiError.Unauthorized();
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
        }
        catch (FormatException)
        {
            Log.AuthenticationFailed(logger, "?", "malformed Basic credentials");
            return null;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            Log.AuthenticationFailed(logger, "?", "malformed Basic credentials");
            return null;
        }

        var user = decoded[..colon];
        var agent = center.FindAgentConfig(user);
        if (agent is null)
        {
            Log.AuthenticationFailed(logger, user, "unknown user");
            return null;
        }

        var options = center.Options;
        lock (_gate)
        {
            var now = center.Time.GetUtcNow();
            if (_failures.TryGetValue(agent.LoginId, out var f) && f.LockedUntil > now)
            {
                Log.AuthenticationFailed(logger, user, "account locked");
                return null;
            }

            var ok = CryptographicOperations.FixedTimeEquals(
                Encoding.UTF8.GetBytes(decoded[(colon + 1)..]), Encoding.UTF8.GetBytes(agent.Password));
            if (!ok)
            {
                var failures = _failures.TryGetValue(agent.LoginId, out f) ? f.Failures + 1 : 1;
                var locked = options.LockoutAttempts > 0 && failures >= options.LockoutAttempts;
                _failures[agent.LoginId] = locked ? (0, now + options.LockoutDuration) : (failures, DateTimeOffset.MinValue);
                Log.AuthenticationFailed(logger, user, locked ? "wrong password, account now locked" : "wrong password");
                return null;
            }

            _failures.Remove(agent.LoginId);
        }

        error = null;
        return agent;
    }

    public void Reset()
    {
        lock (_gate)
        {
            _failures.Clear();
        }
    }
}
