using SiebelCti.Connector.Contract;

namespace SiebelCti.Driver.Connector;

/// <summary>
/// The driver's side of the client session (docs/security.md): the token the Connector gave in its
/// answer to the last <c>Hello</c>, stamped on every request, and the requests that wait while a Hello
/// is unanswered (a request sent meanwhile would carry a token the Connector no longer accepts).
/// Thread-safe; never blocks; holds no secrets beyond the token, which is never logged.
/// </summary>
internal sealed class SessionGate
{
    /// <summary>Requests held at most while a Hello is unanswered; more are refused (the link is as good as down).</summary>
    public const int MaxWaiting = 10_000;

    private readonly Lock _lock = new();
    private readonly Queue<ConnectorEnvelope> _waiting = new();
    private string? _token;
    private string? _helloId;
    private DateTimeOffset _helloSentAt;
    private long _sessions;

    /// <summary>The current session token (null before the first answered Hello).</summary>
    public string? Token
    {
        get
        {
            lock (_lock)
            {
                return _token;
            }
        }
    }

    /// <summary>True when no Hello is waiting for its answer.</summary>
    public bool Ready
    {
        get
        {
            lock (_lock)
            {
                return _helloId is null;
            }
        }
    }

    /// <summary>A Hello with request id <paramref name="helloId"/> leaves now; the token it names (to resume) is returned.</summary>
    public string? HelloSent(string helloId, DateTimeOffset now)
    {
        lock (_lock)
        {
            _helloId = helloId;
            _helloSentAt = now;
            return _token;
        }
    }

    /// <summary>Forgets the token: the next Hello starts a new session (after CLIENT_UNKNOWN or CLIENT_SESSION_INVALID).</summary>
    public void Forget()
    {
        lock (_lock)
        {
            _token = null;
        }
    }

    /// <summary>True when a Hello has waited longer than <paramref name="patience"/> for its answer.</summary>
    public bool HelloOverdue(DateTimeOffset now, TimeSpan patience)
    {
        lock (_lock)
        {
            return _helloId is not null && now - _helloSentAt >= patience;
        }
    }

    /// <summary>
    /// Stamps <paramref name="request"/> with the token and returns it to send now, or holds it (null)
    /// while a Hello is unanswered. False when it can be neither sent nor held.
    /// </summary>
    public bool TryStamp(ConnectorEnvelope request, out ConnectorEnvelope? sendNow)
    {
        lock (_lock)
        {
            if (_helloId is null)
            {
                sendNow = request with { Session = _token };
                return true;
            }

            sendNow = null;
            if (_waiting.Count >= MaxWaiting)
            {
                return false;
            }

            _waiting.Enqueue(request);
            return true;
        }
    }

    /// <summary>
    /// The Connector answered the Hello <paramref name="correlationId"/> (a <c>System</c> with the
    /// session): the token is taken and the held requests come back stamped, oldest first, without
    /// those already past their deadline at <paramref name="now"/> (the Connector would only drop them).
    /// Null when the message answers no Hello of this gate.
    /// </summary>
    public SessionAnswer? Answered(string? correlationId, SystemStatus answer, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (correlationId is null || correlationId != _helloId)
            {
                return null;
            }

            _helloId = null;
            var hadSession = _sessions > 0;
            _sessions++;
            _token = answer.Session;
            var release = new List<ConnectorEnvelope>(_waiting.Count);
            while (_waiting.TryDequeue(out var request))
            {
                if (request.Deadline is not { } deadline || deadline > now)
                {
                    release.Add(request with { Session = _token });
                }
            }

            // Proofs of an earlier session are lost with it; the first session has none to repeat.
            return new SessionAnswer(release, Reprove: hadSession && answer.Resumed == false);
        }
    }
}

/// <summary>
/// What an answered Hello means: the requests held meanwhile, to send now, and whether the agents
/// proved in an earlier session must be proved again (the Connector did not resume it).
/// </summary>
internal sealed record SessionAnswer(IReadOnlyList<ConnectorEnvelope> Release, bool Reprove);
