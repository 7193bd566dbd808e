using System.Xml.Linq;
using SiebelCti.Finesse.Rest;
using SiebelCti.Finesse.Xml;

namespace SiebelCti.Finesse.Notifications;

/// <summary>
/// Turns the text of a Finesse <c>&lt;Update&gt;</c> (as carried in a pub-sub <c>notification</c>)
/// into a typed <see cref="FinesseUpdate"/>. Tolerant of Finesse's drift: children in any order,
/// element and event names in any case (<c>user</c>/<c>User</c>, <c>put</c>/<c>PUT</c>), Update text
/// still XML-escaped. Hostile or broken input fails with <see cref="FinesseXmlException"/>. Pure and
/// thread-safe: no I/O, no logging, no state.
/// </summary>
public sealed class FinesseNotificationParser
{
    private readonly FinesseXmlLimits _limits;

    public FinesseNotificationParser(FinesseXmlLimits? limits = null)
    {
        _limits = limits ?? FinesseXmlLimits.Default;
    }

    /// <summary>Parses one Update. <paramref name="node"/> is the pub-sub node it arrived on (may be null).</summary>
    public FinesseUpdate Parse(string? node, string updateXml)
    {
        ArgumentNullException.ThrowIfNull(updateXml);
        var text = updateXml.TrimStart();
        if (text.StartsWith("&lt;", StringComparison.Ordinal))
        {
            // Still escaped as on the wire: decode it as XML character data (bounded by the same limits).
            text = SafeXml.Load("<t>" + text + "</t>", _limits with { MaxDocumentSize = _limits.MaxDocumentSize + 7 }).Value;
        }

        var root = FinesseXmlParser.Root(SafeXml.Load(text, _limits), "Update");
        var eventText = root.Text("event");
        var evt = eventText?.ToUpperInvariant() switch
        {
            "POST" => NotificationEvent.Post,
            "PUT" => NotificationEvent.Put,
            "DELETE" => NotificationEvent.Delete,
            _ => NotificationEvent.Unknown,
        };
        if (evt == NotificationEvent.Unknown)
        {
            throw new FinesseXmlException(
                FinesseErrorCode.FinesseNotificationInvalid,
                eventText is null
                    ? "Finesse Update has no <event>."
                    : $"Finesse Update has an unknown <event> '{Truncate(eventText)}' (expected POST, PUT or DELETE).");
        }

        var data = root.Child("data")
            ?? throw new FinesseXmlException(FinesseErrorCode.FinesseNotificationInvalid, "Finesse Update has no <data>.");
        var payload = data.Elements().FirstOrDefault();
        var requestId = root.Text("requestId");
        var source = root.Text("source");

        FinesseUpdate result = payload?.Name.LocalName.ToUpperInvariant() switch
        {
            "USER" => new UserUpdated(UserXml.Read(payload)),
            "DIALOG" => new DialogUpdated(DialogXml.Read(payload)),
            "DIALOGS" => new DialogsUpdated(DialogXml.ReadList(payload)),
            "SYSTEMINFO" => new SystemInfoUpdated(SystemInfoXml.Read(payload)),
            "TEAM" => new TeamUpdated(TeamXml.Read(payload)),
            "APIERRORS" => ApiErrors(payload),
            _ => new UnknownUpdate(payload?.Name.LocalName),
        };

        return result with { Node = node, Event = evt, EventText = eventText, RequestId = requestId, Source = source };
    }

    private static ApiErrorUpdate ApiErrors(XElement payload)
    {
        var errors = ApiErrorXml.ReadList(payload);
        if (errors.Count == 0)
        {
            throw new FinesseXmlException(FinesseErrorCode.FinesseNotificationInvalid, "Finesse Update carries an empty <apiErrors>.");
        }

        return new ApiErrorUpdate(errors, FinesseErrorMapper.MapAsync(errors[0]));
    }

    private static string Truncate(string text) => text.Length <= 32 ? text : text[..32] + "...";
}
