using SiebelCti.Connector.Engine.Ports;
using SiebelCti.Connector.Finesse.Notifications;

namespace SiebelCti.Connector.Finesse.Gateway;

/// <summary>
/// Maps a decoded <see cref="FinesseUpdate"/> of one agent's session to the engine's notifications.
/// Pure. SystemInfo, team and unmodelled updates give nothing: Finesse health combines SystemInfo
/// with the XMPP link and the <c>finesse</c> presence and is reported by the session owner.
/// </summary>
public static class FinesseUpdateMapper
{
    public static IReadOnlyList<FinesseNotification> ToEngine(string agentId, FinesseUpdate update)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        ArgumentNullException.ThrowIfNull(update);
        return update switch
        {
            UserUpdated u when IsAgentsOwn(agentId, u) =>
                [new AgentStateNotification(agentId, ContractMapper.ToAgentState(u.User), u.RequestId)],
            DialogUpdated d => [new DialogNotification(agentId, ContractMapper.ToDialog(d.Dialog), d.RequestId)],
            DialogsUpdated { IsRemoved: true } r => r.Dialogs
                .Where(d => d.Id is not null)
                .Select(d => (FinesseNotification)new DialogRemovedNotification(agentId, d.Id!, r.RequestId))
                .ToArray(),
            DialogsUpdated a => a.Dialogs
                .Select(d => (FinesseNotification)new DialogNotification(agentId, ContractMapper.ToDialog(d), a.RequestId))
                .ToArray(),
            ApiErrorUpdate e => [new RequestFailedNotification(agentId, e.RequestId, e.Code, Describe(e))],
            _ => [],
        };
    }

    // A user update on a team node is about a team member, not the session's agent.
    private static bool IsAgentsOwn(string agentId, UserUpdated update) =>
        update.Node is null
            ? string.Equals(update.User.LoginId, agentId, StringComparison.OrdinalIgnoreCase)
            : string.Equals(update.Node, "/finesse/api/User/" + agentId, StringComparison.OrdinalIgnoreCase);

    private static string Describe(ApiErrorUpdate update)
    {
        var first = update.Errors[0];
        var about = update.Source is null ? "" : $" on {update.Source}";
        return $"Finesse reported{about}: {first}";
    }
}
