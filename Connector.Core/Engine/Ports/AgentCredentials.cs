using System.Text;

namespace SiebelCti.Connector.Engine.Ports;

/// <summary>
/// An agent's own Finesse credentials, as received in <c>Login</c>. Finesse lets an agent act only
/// on its own User, so the Connector uses these for every REST call and the agent's XMPP session.
/// </summary>
public sealed record AgentCredentials(string AgentId, string Password)
{
    // The password never appears in logs or exception messages.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("AgentId = ").Append(AgentId).Append(", Password = ***");
        return true;
    }
}
