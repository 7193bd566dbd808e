using System.Globalization;
using System.Xml.Linq;
using SiebelCti.FinesseEmulator.Engine;
using SiebelCti.FinesseEmulator.Options;

namespace SiebelCti.FinesseEmulator.Xml;

/// <summary>
/// Writes Finesse objects as XML with the element names and order of the Finesse developer guide
/// (see docs/reference finesse.md §2-§4). Pure: no I/O, no state.
/// </summary>
public static class FinesseXml
{
    public const string ApiBase = "/finesse/api";

    public static string UserUri(string id) => $"{ApiBase}/User/{id}";

    public static string DialogsUri(string id) => $"{ApiBase}/User/{id}/Dialogs";

    /// <summary>
    /// The User object. REST (<c>User</c>) follows the developer guide's order, with
    /// <c>reasonCodeId</c> <c>-1</c> and no <c>ReasonCode</c> while no reason applies. A notification
    /// (<c>user</c>) is written as Unified CCE sends it: children in alphabetical order, no
    /// <c>reasonCodeId</c>/<c>reasonCode</c> (lower case) while no reason applies. A supervisor lists
    /// the teams it supervises (<paramref name="teams"/>) in <c>teams</c>.
    /// </summary>
    public static XElement User(Agent a, bool notification = false, IReadOnlyList<TeamInfo>? teams = null)
    {
        var c = a.Config;
        var roles = new XElement("roles", (c.Roles.Count == 0 ? ["Agent"] : c.Roles).Select(r => new XElement("role", r)));
        var settings = new XElement("settings",
            new XElement("wrapUpOnIncoming", c.WrapUpOnIncoming),
            new XElement("wrapUpOnOutgoing", c.WrapUpOnOutgoing));
        // Notifications list a team's children alphabetically (id, name, uri), REST as the guide does (uri, id, name).
        var teamList = teams is { Count: > 0 }
            ? new XElement("teams", teams.Select(t => notification
                ? new XElement("Team", new XElement("id", t.Id), new XElement("name", t.Name), new XElement("uri", TeamUri(t.Id)))
                : new XElement("Team", new XElement("uri", TeamUri(t.Id)), new XElement("id", t.Id), new XElement("name", t.Name))))
            : null;
        if (notification)
        {
            return new XElement("user",
                new XElement("dialogs", DialogsUri(a.Id)),
                new XElement("extension", a.Extension),
                new XElement("firstName", c.FirstName),
                new XElement("lastName", c.LastName),
                new XElement("loginId", a.Id),
                new XElement("loginName", c.LoginName),
                new XElement("mediaType", "1"),
                new XElement("pendingState", a.PendingState is { } pending ? Wire.Name(pending) : ""),
                a.Reason is { } reason ? ReasonCode(reason, "reasonCode", alphabetical: true) : null,
                a.Reason is { } withId ? new XElement("reasonCodeId", withId.Id.ToString(CultureInfo.InvariantCulture)) : null,
                roles,
                settings,
                new XElement("state", Wire.Name(a.State)),
                new XElement("stateChangeTime", a.StateChangeTime is { } changed ? Wire.Time(changed) : ""),
                new XElement("teamId", c.TeamId),
                new XElement("teamName", c.TeamName),
                teamList,
                new XElement("uri", UserUri(a.Id)));
        }

        return new XElement("User",
            new XElement("uri", UserUri(a.Id)),
            roles,
            new XElement("loginId", a.Id),
            new XElement("loginName", c.LoginName),
            new XElement("state", Wire.Name(a.State)),
            new XElement("stateChangeTime", a.StateChangeTime is { } t ? Wire.Time(t) : ""),
            new XElement("mediaType", "1"),
            new XElement("pendingState", a.PendingState is { } p ? Wire.Name(p) : ""),
            new XElement("reasonCodeId", a.Reason?.Id.ToString(CultureInfo.InvariantCulture) ?? "-1"),
            a.Reason is { } rc ? ReasonCode(rc) : null,
            settings,
            new XElement("extension", a.Extension),
            new XElement("firstName", c.FirstName),
            new XElement("lastName", c.LastName),
            new XElement("teamId", c.TeamId),
            new XElement("teamName", c.TeamName),
            new XElement("dialogs", DialogsUri(a.Id)),
            teamList);
    }

    public static string TeamUri(string id) => $"{ApiBase}/Team/{id}";

    /// <summary>
    /// The User summary of a team member (the Team object's <c>User</c>, or <c>user</c> on a
    /// <c>/finesse/api/Team/{id}/Users</c> notification), with its reason as a lower-case
    /// <c>reasonCode</c>, as Cisco's Team object shows it.
    /// </summary>
    public static XElement UserSummary(Agent a, bool notification = false)
    {
        var e = new XElement(notification ? "user" : "User",
            new XElement("uri", UserUri(a.Id)),
            new XElement("loginId", a.Id),
            new XElement("firstName", a.Config.FirstName),
            new XElement("lastName", a.Config.LastName),
            new XElement("dialogs", DialogsUri(a.Id)),
            new XElement("extension", a.Extension),
            new XElement("pendingState", a.PendingState is { } p ? Wire.Name(p) : ""),
            new XElement("state", Wire.Name(a.State)),
            new XElement("stateChangeTime", a.StateChangeTime is { } t ? Wire.Time(t) : ""));
        if (a.Reason is { } rc)
        {
            e.Add(ReasonCode(rc, "reasonCode"));
        }

        return e;
    }

    public static XElement Team(string id, string name, IEnumerable<Agent> members) => new("Team",
        new XElement("uri", TeamUri(id)),
        new XElement("id", id),
        new XElement("name", name),
        new XElement("users", members.Select(m => UserSummary(m, notification: false))));

    /// <summary>A reason code (<c>systemCode</c> is always false: the emulator has no system codes).</summary>
    public static XElement ReasonCode(ReasonCodeOptions r, string name = "ReasonCode", bool alphabetical = false)
    {
        var category = new XElement("category", r.Category);
        var uri = new XElement("uri", $"{ApiBase}/ReasonCode/{r.Id.ToString(CultureInfo.InvariantCulture)}");
        var code = new XElement("code", r.Code.ToString(CultureInfo.InvariantCulture));
        var label = new XElement("label", r.Label);
        var forAll = new XElement("forAll", r.ForAll ? "true" : "false");
        var systemCode = new XElement("systemCode", "false");
        var id = new XElement("id", r.Id.ToString(CultureInfo.InvariantCulture));
        return alphabetical
            ? new XElement(name, category, code, forAll, id, label, systemCode, uri)
            : new XElement(name, category, uri, code, label, forAll, systemCode, id);
    }

    public static XElement ReasonCodes(string category, IEnumerable<ReasonCodeOptions> codes) =>
        new("ReasonCodes", new XAttribute("category", category), codes.Select(c => ReasonCode(c)));

    public static XElement WrapUpReason(WrapUpReasonOptions w) => new("WrapUpReason",
        new XElement("uri", $"{ApiBase}/WrapUpReason/{w.Id.ToString(CultureInfo.InvariantCulture)}"),
        new XElement("label", w.Label),
        new XElement("forAll", w.ForAll ? "true" : "false"),
        new XElement("id", w.Id.ToString(CultureInfo.InvariantCulture)));

    public static XElement WrapUpReasons(IEnumerable<WrapUpReasonOptions> reasons) =>
        new("WrapUpReasons", reasons.Select(WrapUpReason));

    /// <summary>
    /// The Dialog object, children in the order of real UCCE packets; all ten callVariableN are
    /// always present; <c>secondaryId</c> and <c>wrapUpReason</c> only when set, the 12.x
    /// <c>mediaProperties</c> (<c>mediaId</c>, the queue, UCCE's <c>callKey*</c>, UCCX's
    /// <c>wrapUpItems</c>) when known. <paramref name="actionsFor"/> computes each participant's
    /// actions. For a <c>DELETE</c> to one agent, <paramref name="deletedFor"/> names that agent: as
    /// real Finesse does, only its own participant is listed, and a call that never connected keeps
    /// its last state (an abandoned outbound call is deleted <c>INITIATED</c>).
    /// </summary>
    public static XElement Dialog(Dialog d, Func<Dialog, Participant, IReadOnlyList<string>> actionsFor, bool notificationRoot = false,
        string? deletedFor = null, bool isUccx = false)
    {
        var vars = new List<XElement>();
        for (var i = 1; i <= 10; i++)
        {
            var name = "callVariable" + i.ToString(CultureInfo.InvariantCulture);
            vars.Add(CallVariable(name, d.Variable(name) ?? ""));
        }

        vars.AddRange(d.Variables.Where(v => !v.Key.StartsWith("callVariable", StringComparison.Ordinal)).Select(v => CallVariable(v.Key, v.Value)));
        var participants = deletedFor is null ? d.Participants : [.. d.Participants.Where(p => p.AgentId == deletedFor)];
        var state = deletedFor is not null && !d.EverConnected ? d.LastLiveState : d.State;
        var e = new XElement(notificationRoot ? "dialog" : "Dialog",
            new XElement("associatedDialogUri", ""),
            new XElement("fromAddress", d.FromAddress),
            new XElement("id", d.Id),
            new XElement("mediaProperties",
                new XElement("DNIS", d.Dnis),
                new XElement("callType", d.CallType),
                new XElement("dialedNumber", d.DialedNumber),
                new XElement("outboundClassification", ""),
                new XElement("mediaId", "1"),
                d.QueueNumber.Length > 0 ? new XElement("queueNumber", d.QueueNumber) : null,
                d.QueueName.Length > 0 ? new XElement("queueName", d.QueueName) : null,
                d.CallKeyCallId.Length > 0 ? new XElement("callKeyCallId", d.CallKeyCallId) : null,
                d.CallKeyCallId.Length > 0 ? new XElement("callKeySequenceNum", "1") : null,
                d.CallKeyCallId.Length > 0 ? new XElement("callKeyPrefix", d.CallKeyPrefix) : null,
                d.WrapUpReason.Length > 0 ? new XElement("wrapUpReason", d.WrapUpReason) : null,
                isUccx && d.WrapUpReason.Length > 0 ? new XElement("wrapUpItems", new XElement("wrapUpItem", d.WrapUpReason)) : null,
                new XElement("callvariables", vars)),
            new XElement("mediaType", "Voice"),
            new XElement("participants", participants.Select(p => new XElement("Participant",
                new XElement("actions", actionsFor(d, p).Select(a => new XElement("action", a))),
                new XElement("mediaAddress", p.MediaAddress),
                new XElement("mediaAddressType", p.AgentId is null ? "" : "AGENT_DEVICE"),
                new XElement("startTime", Wire.Time(p.StartTime)),
                new XElement("state", Wire.Name(p.State)),
                new XElement("stateCause", p.StateCause),
                new XElement("stateChangeTime", Wire.Time(p.StateChangeTime))))),
            d.SecondaryId.Length > 0 ? new XElement("secondaryId", d.SecondaryId) : null,
            new XElement("state", Wire.Name(state)),
            new XElement("toAddress", d.ToAddress),
            new XElement("uri", d.Uri));
        return e;
    }

    public static XElement Dialogs(IEnumerable<XElement> dialogs, bool notificationRoot = false) =>
        new(notificationRoot ? "dialogs" : "Dialogs", dialogs);

    private static XElement CallVariable(string name, string value) =>
        new("CallVariable", new XElement("name", name), new XElement("value", value));

    public static XElement SystemInfo(SystemInfoView s, bool notificationRoot = false) => new(notificationRoot ? "systemInfo" : "SystemInfo",
        new XElement("currentTimestamp", Wire.Time(s.Now)),
        new XElement("deploymentType", s.DeploymentType),
        new XElement("primaryNode", new XElement("host", s.PrimaryHost)),
        new XElement("secondaryNode", new XElement("host", s.SecondaryHost)),
        new XElement("status", s.InService ? "IN_SERVICE" : "OUT_OF_SERVICE"),
        new XElement("statusReason", s.StatusReason),
        new XElement("systemAuthMode", "NON_SSO"),
        new XElement("timezoneOffset", "0"),
        new XElement("uri", $"{ApiBase}/SystemInfo"),
        new XElement("xmppDomain", s.XmppDomain),
        new XElement("xmppPubSubDomain", "pubsub." + s.XmppDomain));

    /// <summary>Synchronous error body (HTTP 4xx/5xx).</summary>
    public static XElement ApiErrors(ApiError e) => new("ApiErrors",
        new XElement("ApiError",
            new XElement("ErrorType", e.ErrorType),
            new XElement("ErrorMessage", e.ErrorMessage),
            new XElement("ErrorData", e.ErrorData)));

    /// <summary>Asynchronous error payload of a notification (lowercase, as real traffic shows).</summary>
    public static XElement ApiErrorsNotification(ApiError e) => new("apiErrors",
        new XElement("apiError",
            new XElement("errorData", e.ErrorData),
            new XElement("errorMessage", e.ErrorMessage),
            new XElement("errorType", e.ErrorType)));
}

/// <summary>A team a supervisor supervises, as its User lists it.</summary>
public sealed record TeamInfo(string Id, string Name);

/// <summary>What SystemInfo shows for one side.</summary>
public sealed record SystemInfoView(
    DateTimeOffset Now, string DeploymentType, string PrimaryHost, string SecondaryHost, bool InService, string StatusReason, string XmppDomain);
