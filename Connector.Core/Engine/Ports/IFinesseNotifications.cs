using SiebelCti.Connector.Contract;

namespace SiebelCti.Connector.Engine.Ports;

/// <summary>
/// The notification side of Finesse: one XMPP session per signed-in agent (Finesse logs out an
/// agent whose session drops), and the health of the Finesse servers.
/// </summary>
public interface IFinesseNotifications
{
    /// <summary>
    /// Called once by the engine when it is built: every notification of every subscribed agent, and
    /// every health change, goes to <paramref name="engine"/> in arrival order.
    /// </summary>
    void Attach(IEngineInput engine);

    /// <summary>Opens the agent's notification session and subscribes to its User and Dialogs nodes; idempotent.</summary>
    Task SubscribeAsync(AgentCredentials agent, CancellationToken cancellationToken);

    /// <summary>Closes the agent's notification session; idempotent.</summary>
    Task UnsubscribeAsync(string agentId, CancellationToken cancellationToken);
}

/// <summary>Something Finesse told the Connector.</summary>
public abstract record FinesseNotification;

/// <summary>The agent's User changed (or was republished).</summary>
public sealed record AgentStateNotification(string AgentId, AgentState State, string? RequestId) : FinesseNotification;

/// <summary>One of the agent's dialogs was created or changed.</summary>
public sealed record DialogNotification(string AgentId, Dialog Dialog, string? RequestId) : FinesseNotification;

/// <summary>One of the agent's dialogs is gone for this agent.</summary>
public sealed record DialogRemovedNotification(string AgentId, string DialogId, string? RequestId) : FinesseNotification;

/// <summary>
/// Finesse reported that an accepted request failed later (apiErrors in an Update). <paramref name="Source"/> is the
/// Update's source (<c>/finesse/api/Dialog/{id}</c> or <c>/finesse/api/User/{id}</c>): Finesse may leave the requestId empty.
/// </summary>
public sealed record RequestFailedNotification(string AgentId, string? RequestId, string Code, string Message, string? Source = null) : FinesseNotification;

/// <summary>
/// The agent's notification session was lost (<c>false</c>) or is back and subscribed (<c>true</c>).
/// <paramref name="Permanent"/>: lost for good (refused credentials, resource conflict); it is not retried.
/// </summary>
public sealed record AgentSessionNotification(string AgentId, bool Up, string? Reason, bool Permanent = false) : FinesseNotification;

/// <summary>
/// Finesse usability changed: SystemInfo status, XMPP link and the <c>finesse</c> presence together.
/// <paramref name="XmppConnected"/> and <paramref name="FinessePresenceAvailable"/> are null when
/// not known (no agent session open, or the presence not watched or not seen yet).
/// </summary>
public sealed record FinesseHealthNotification(
    bool InService,
    string? ActiveSide,
    string? Host,
    string? Reason,
    bool? XmppConnected = null,
    bool? FinessePresenceAvailable = null) : FinesseNotification;
