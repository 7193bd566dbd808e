using System.Xml.Linq;
using SiebelCti.Finesse.Model;

namespace SiebelCti.Finesse.Xml;

/// <summary>Maps <c>Dialog</c>/<c>dialog</c> elements and <c>Dialogs</c>/<c>dialogs</c> lists.</summary>
internal static class DialogXml
{
    public static IReadOnlyList<Dialog> ReadList(XElement e) => e.ChildrenNamed("Dialog").Select(Read).ToArray();

    public static Dialog Read(XElement e)
    {
        var stateText = e.Text("state");
        return new Dialog
        {
            Id = e.Text("id") ?? XmlRead.LastSegment(e.Text("uri")),
            Uri = e.Text("uri"),
            SecondaryId = e.Text("secondaryId"),
            AssociatedDialogUri = e.Text("associatedDialogUri"),
            MediaType = e.Text("mediaType"),
            FromAddress = e.Text("fromAddress"),
            ToAddress = e.Text("toAddress"),
            CallbackNumber = e.Text("callbackNumber"),
            State = DialogStates.ParseDialog(stateText),
            StateText = stateText,
            MediaProperties = e.Child("mediaProperties") is { } mp ? ReadMediaProperties(mp) : new MediaProperties(),
            Participants = e.List("participants", "Participant").Select(ReadParticipant).ToArray(),
        };
    }

    private static MediaProperties ReadMediaProperties(XElement e) => new()
    {
        MediaId = e.Text("mediaId"),
        DialedNumber = e.Text("dialedNumber"),
        CallType = e.Text("callType"),
        Dnis = e.Text("DNIS"),
        QueueNumber = e.Text("queueNumber"),
        QueueName = e.Text("queueName"),
        CallKeyCallId = e.Text("callKeyCallId"),
        CallKeySequenceNum = e.Text("callKeySequenceNum"),
        CallKeyPrefix = e.Text("callKeyPrefix"),
        WrapUpReason = e.Text("wrapUpReason"),
        WrapUpItems = e.List("wrapUpItems", "wrapUpItem").Select(XmlRead.Value).OfType<string>().ToArray(),
        OutboundClassification = e.Text("outboundClassification"),
        CallVariables = e.List("callvariables", "CallVariable")
            .Select(v => (Name: v.Text("name"), Value: v.Child("value")?.Value ?? ""))
            .Where(v => v.Name is not null)
            .Select(v => new CallVariable(v.Name!, v.Value))
            .ToArray(),
    };

    private static Participant ReadParticipant(XElement e)
    {
        var stateText = e.Text("state");
        return new Participant
        {
            MediaAddress = e.Text("mediaAddress"),
            MediaAddressType = e.Text("mediaAddressType"),
            State = DialogStates.ParseParticipant(stateText),
            StateText = stateText,
            StateCause = e.Text("stateCause"),
            StartTime = e.Time("startTime"),
            StateChangeTime = e.Time("stateChangeTime"),
            Actions = e.List("actions", "action").Select(XmlRead.Value).OfType<string>().ToArray(),
        };
    }
}
