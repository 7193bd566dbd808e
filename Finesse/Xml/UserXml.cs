using System.Xml.Linq;
using SiebelCti.Finesse.Model;

namespace SiebelCti.Finesse.Xml;

/// <summary>Maps a <c>User</c>/<c>user</c> element (full object or team summary).</summary>
internal static class UserXml
{
    public static User Read(XElement e)
    {
        var stateText = e.Text("state");
        var pending = e.Text("pendingState");
        var teamsWrapper = e.Child("teams");
        return new User
        {
            Uri = e.Text("uri"),
            LoginId = e.Text("loginId") ?? XmlRead.LastSegment(e.Text("uri")),
            LoginName = e.Text("loginName"),
            Roles = e.List("roles", "role").Select(XmlRead.Value).OfType<string>().ToArray(),
            State = UserStates.Parse(stateText),
            StateText = stateText,
            StateChangeTime = e.Time("stateChangeTime"),
            PendingState = pending is null ? null : UserStates.Parse(pending),
            ReasonCodeId = e.Int("reasonCodeId"),
            ReasonCode = e.Child("ReasonCode") is { } rc && rc.HasElements ? ReasonCodeXml.Read(rc) : null,
            Settings = e.Child("settings") is { } s
                ? new UserSettings(s.Text("wrapUpOnIncoming"), s.Text("wrapUpOnOutgoing"), s.Text("deviceSelection"))
                : null,
            Extension = e.Text("extension"),
            MobileAgent = e.Child("mobileAgent") is { } m && m.HasElements
                ? new MobileAgent(m.Text("mode"), m.Text("dialNumber"))
                : null,
            FirstName = e.Text("firstName"),
            LastName = e.Text("lastName"),
            TeamId = e.Text("teamId"),
            TeamName = e.Text("teamName"),
            SkillTargetId = e.Text("skillTargetId"),
            MediaType = e.Text("mediaType"),
            DialogsUri = e.Text("dialogs"),
            ActiveDeviceId = e.Text("activeDeviceId"),
            Teams = teamsWrapper is null
                ? []
                : teamsWrapper.ChildrenNamed("Team")
                    .Select(t => new TeamRef(t.Text("id") ?? XmlRead.LastSegment(t.Text("uri")), t.Text("name"), t.Text("uri")))
                    .ToArray(),
        };
    }
}
