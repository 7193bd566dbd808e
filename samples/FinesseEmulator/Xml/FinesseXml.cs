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

    /// <summary>The User object; root <c>User</c> for REST, <c>user</c> inside notifications.</summary>
    public static XElement User(Agent a, bool notification = false)
    {
        var c = a.Config;
        var e = new XElement(notification ? "user" : "User",
            new XElement("uri", UserUri(a.Id)),
            new XElement("roles", (c.Roles.Count == 0 ? ["Agent"] : c.Roles).Select(r => new XElement("role", r))),
            new XElement("loginId", a.Id),
            new XElement("loginName", c.LoginName),
            new XElement("state", Wire.Name(a.State)),
            new XElement("stateChangeTime", a.StateChangeTime is { } t ? Wire.Time(t) : ""),
            new XElement("mediaType", "1"),
            new XElement("pendingState", a.PendingState is { } p ? Wire.Name(p) : ""),
            new XElement("reasonCodeId", a.Reason?.Id.ToString(CultureInfo.InvariantCulture) ?? "-1"));
        if (a.Reason is { } rc)
        {
            e.Add(ReasonCode(rc));
        }

        e.Add(
            new XElement("settings",
                new XElement("wrapUpOnIncoming", c.WrapUpOnIncoming),
                new XElement("wrapUpOnOutgoing", c.WrapUpOnOutgoing)),
            new XElement("extension", a.Extension),
            new XElement("firstName", c.FirstName),
            new XElement("lastName", c.LastName),
            new XElement("teamId", c.TeamId),
            new XElement("teamName", c.TeamName),
            new XElement("dialogs", DialogsUri(a.Id)));
        return e;
    }

    /// <summary>The User summary a Team lists.</summary>
    public static XElement UserSummary(Agent a)
    {
        var e = new XElement("User",
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
            e.Add(ReasonCode(rc));
        }

        return e;
    }

    public static XElement Team(string id, string name, IEnumerable<Agent> members) => new("Team",
        new XElement("uri", $"{ApiBase}/Team/{id}"),
        new XElement("id", id),
        new XElement("name", name),
        new XElement("users", members.Select(UserSummary)));

    public static XElement ReasonCode(ReasonCodeOptions r) => new("ReasonCode",
        new XElement("category", r.Category),
        new XElement("uri", $"{ApiBase}/ReasonCode/{r.Id.ToString(CultureInfo.InvariantCulture)}"),
        new XElement("code", r.Code.ToString(CultureInfo.InvariantCulture)),
        new XElement("label", r.Label),
        new XElement("forAll", r.ForAll ? "true" : "false"),
        new XElement("id", r.Id.ToString(CultureInfo.InvariantCulture)));

    public static XElement ReasonCodes(string category, IEnumerable<ReasonCodeOptions> codes) =>
        new("ReasonCodes", new XAttribute("category", category), codes.Select(ReasonCode));

    public static XElement WrapUpReason(WrapUpReasonOptions w) => new("WrapUpReason",
        new XElement("uri", $"{ApiBase}/WrapUpReason/{w.Id.ToString(CultureInfo.InvariantCulture)}"),
        new XElement("label", w.Label),
        new XElement("forAll", w.ForAll ? "true" : "false"),
        new XElement("id", w.Id.ToString(CultureInfo.InvariantCulture)));

    public static XElement WrapUpReasons(IEnumerable<WrapUpReasonOptions> reasons) =>
        new("WrapUpReasons", reasons.Select(WrapUpReason));

    /// <summary>
    /// The Dialog object, children in the alphabetical order of real UCCE packets; all ten
    /// callVariableN are always present. <paramref name="actionsFor"/> computes each participant's actions.
    /// </summary>
    public static XElement Dialog(Dialog d, Func<Dialog, Participant, IReadOnlyList<string>> actionsFor, bool notificationRoot = false)
    {
        var vars = new List<XElement>();
        for (var i = 1; i <= 10; i++)
        {
            var name = "callVariable" + i.ToString(CultureInfo.InvariantCulture);
            vars.Add(CallVariable(name, d.Variable(name) ?? ""));
        }

        vars.AddRange(d.Variables.Where(v => !v.Key.StartsWith("callVariable", StringComparison.Ordinal)).Select(v => CallVariable(v.Key, v.Value)));
        var e = new XElement(notificationRoot ? "dialog" : "Dialog",
            new XElement("associatedDialogUri", ""),
            new XElement("fromAddress", d.FromAddress),
            new XElement("id", d.Id),
            new XElement("mediaProperties",
                new XElement("DNIS", d.Dnis),
                new XElement("callType", d.CallType),
                new XElement("dialedNumber", d.DialedNumber),
                new XElement("outboundClassification", ""),
                new XElement("wrapUpReason", d.WrapUpReason),
                new XElement("callvariables", vars)),
            new XElement("mediaType", "Voice"),
            new XElement("participants", d.Participants.Select(p => new XElement("Participant",
                new XElement("actions", actionsFor(d, p).Select(a => new XElement("action", a))),
                new XElement("mediaAddress", p.MediaAddress),
                new XElement("mediaAddressType", p.AgentId is null ? "" : "AGENT_DEVICE"),
                new XElement("startTime", Wire.Time(p.StartTime)),
                new XElement("state", Wire.Name(p.State)),
                new XElement("stateCause", p.StateCause),
                new XElement("stateChangeTime", Wire.Time(p.StateChangeTime))))),
            new XElement("secondaryId", d.SecondaryId),
            new XElement("state", Wire.Name(d.State)),
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

/// <summary>What SystemInfo shows for one side.</summary>
public sealed record SystemInfoView(
    DateTimeOffset Now, string DeploymentType, string PrimaryHost, string SecondaryHost, bool InService, string StatusReason, string XmppDomain);
