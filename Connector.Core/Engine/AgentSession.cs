using SiebelCti.Connector.Engine.Ports;
using SiebelCti.Connector.Contract;

namespace SiebelCti.Connector.Engine;

/// <summary>
/// One agent the engine serves: the clients that proved its credentials, the credentials Finesse
/// last accepted, and the last state and calls Finesse reported. Owned by the engine loop; never
/// touched from another thread.
/// </summary>
internal sealed class AgentSession(string agentId)
{
    public string AgentId { get; } = agentId;

    /// <summary>
    /// The clients allowed to act for the agent and to receive its events: each proved the agent's
    /// credentials with a Login on its current session (docs/security.md).
    /// </summary>
    public HashSet<string> Clients { get; } = new(StringComparer.Ordinal);

    /// <summary>The credentials Finesse accepted last; every REST call and the notification session use them.</summary>
    public AgentCredentials? Credentials { get; set; }

    /// <summary>The extension the agent signed in with through the Connector; changed only by a sign-in Finesse confirmed.</summary>
    public string? Extension { get; set; }

    /// <summary>True while a Login of the agent is being handled; further Logins wait in <see cref="WaitingLogins"/>.</summary>
    public bool LoginInProgress { get; set; }

    /// <summary>Logins that arrived while another was in progress, in arrival order.</summary>
    public Queue<Action> WaitingLogins { get; } = new();

    /// <summary>Requests of the agent in progress (waiting for a Finesse slot or for their effect).</summary>
    public int PendingRequests { get; set; }

    /// <summary>True once the agent's notification session is subscribed.</summary>
    public bool Subscribed { get; set; }

    public AgentState? State { get; set; }

    public Dictionary<string, Dialog> Dialogs { get; } = new(StringComparer.Ordinal);

    /// <summary>Calls that ended lately, newest last: repeated in a client's resync snapshot (see ConnectorEngine.SendResync).</summary>
    public List<EndedCall> RecentlyEnded { get; } = [];

    /// <summary>Calls reported ended because the agent's participant FAILED, until Finesse removes them.</summary>
    public HashSet<string> FailedDialogs { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset? LastEventTime { get; set; }

    public Dictionary<string, CachedList<ReasonCodeEntry>> ReasonCodes { get; } = new(StringComparer.Ordinal);

    public CachedList<WrapUpReasonEntry>? WrapUpReasons { get; set; }

    /// <summary>The extension calls are placed from: the one signed in with, else the one Finesse reports.</summary>
    public string? EffectiveExtension => Extension ?? State?.Extension;
}

/// <summary>A call that ended, when, and why.</summary>
internal sealed record EndedCall(DialogEnded Ended, DateTimeOffset At);

/// <summary>A list read from Finesse and when it stops being fresh.</summary>
internal sealed record CachedList<T>(IReadOnlyList<T> Items, DateTimeOffset Expires);
