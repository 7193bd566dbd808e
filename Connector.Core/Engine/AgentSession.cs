using SiebelCti.Connector.Engine.Ports;
using SiebelCti.Connector.Messaging;

namespace SiebelCti.Connector.Engine;

/// <summary>
/// One agent the engine serves: the clients that connected it, its credentials, and the last state
/// and calls Finesse reported. Owned by the engine loop; never touched from another thread.
/// </summary>
internal sealed class AgentSession(string agentId)
{
    public string AgentId { get; } = agentId;

    public HashSet<string> Clients { get; } = new(StringComparer.Ordinal);

    public AgentCredentials? Credentials { get; set; }

    public string? Extension { get; set; }

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
