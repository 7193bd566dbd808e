using SiebelCti.Connector.Engine.Ports;

namespace SiebelCti.Connector.Engine.Adapters;

/// <summary>What is known about the notification side of Finesse when its health is judged.</summary>
/// <param name="Sessions">Agents' notification sessions open (or trying to be).</param>
/// <param name="ConnectedSessions">Of those, the ones connected now.</param>
/// <param name="FinessePresence">The <c>finesse</c> user's presence as settled sessions see it: null when not watched or not known.</param>
/// <param name="ServiceFailures">Sessions down because the service failed them (connection, TLS, stream), not because of their own credentials.</param>
public readonly record struct NotificationSideState(int Sessions, int ConnectedSessions, bool? FinessePresence, int ServiceFailures = 0);

/// <summary>
/// Finesse is usable only when all three hold (reference finesse.md §5.1): SystemInfo says
/// IN_SERVICE, the XMPP notification service is reachable, and the <c>finesse</c> user is available.
/// What cannot be known (no agent session yet, presence never seen) does not count against Finesse,
/// and neither does one agent's trouble: the service is unreachable only when no session is
/// connected and the service itself failed some of them.
/// </summary>
public static class FinesseHealthEvaluator
{
    /// <param name="systemInfoProblem">Null when SystemInfo answered IN_SERVICE, else why not.</param>
    /// <param name="activeSide">The side in use (<c>A</c> or <c>B</c>).</param>
    /// <param name="host">Its host.</param>
    /// <param name="notifications">The notification side as the agents' sessions see it.</param>
    public static FinesseHealthNotification Evaluate(string? systemInfoProblem, string activeSide, string host, NotificationSideState notifications)
    {
        bool? xmpp = notifications.ConnectedSessions > 0 ? true
            : notifications.ServiceFailures > 0 ? false
            : null;
        var presence = notifications.FinessePresence;
        var reason = systemInfoProblem
            ?? (xmpp == false ? $"the Finesse notification service is unreachable (none of {notifications.Sessions} agent sessions connected)" : null)
            ?? (presence == false ? "the finesse user is unavailable: the Finesse web application lost the notification service" : null);
        return new FinesseHealthNotification(reason is null, activeSide, host, reason, xmpp, presence);
    }
}
