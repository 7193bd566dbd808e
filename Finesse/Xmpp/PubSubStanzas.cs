using System.Xml.Linq;

namespace SiebelCti.Finesse.Xmpp;

/// <summary>
/// XEP-0060 stanzas we send and the event stanzas we parse. Pure: builds and reads
/// <see cref="XElement"/>s, no I/O.
/// </summary>
public static class PubSubStanzas
{
    private static readonly XNamespace P = XmppNamespaces.PubSub;
    private static readonly XNamespace E = XmppNamespaces.PubSubEvent;

    /// <summary>Subscribe <paramref name="jid"/> to <paramref name="node"/> (XEP-0060 §6.1).</summary>
    public static XElement Subscribe(string id, string service, string node, string jid) =>
        Iq("set", id, service, new XElement(P + "pubsub", new XElement(P + "subscribe", new XAttribute("node", node), new XAttribute("jid", jid))));

    /// <summary>Unsubscribe <paramref name="jid"/> from <paramref name="node"/> (XEP-0060 §6.2).</summary>
    public static XElement Unsubscribe(string id, string service, string node, string jid, string? subscriptionId = null)
    {
        var unsubscribe = new XElement(P + "unsubscribe", new XAttribute("node", node), new XAttribute("jid", jid));
        if (subscriptionId is not null)
        {
            unsubscribe.Add(new XAttribute("subid", subscriptionId));
        }

        return Iq("set", id, service, new XElement(P + "pubsub", unsubscribe));
    }

    /// <summary>Retrieve the requester's subscriptions, all or for one node (XEP-0060 §5.6).</summary>
    public static XElement GetSubscriptions(string id, string service, string? node)
    {
        var subscriptions = new XElement(P + "subscriptions");
        if (node is not null)
        {
            subscriptions.Add(new XAttribute("node", node));
        }

        return Iq("get", id, service, new XElement(P + "pubsub", subscriptions));
    }

    /// <summary>
    /// Publish one item (XEP-0060 §7.1) whose payload is Finesse's envelope:
    /// <c>&lt;notification xmlns='http://jabber.org/protocol/pubsub'&gt;</c> with <paramref name="notificationText"/>
    /// as escaped character data.
    /// </summary>
    public static XElement PublishNotification(string id, string service, string node, string notificationText, string? itemId = null) =>
        Publish(id, service, node, Notification(notificationText), itemId);

    /// <summary>Publish one item carrying <paramref name="payload"/> (XEP-0060 §7.1).</summary>
    public static XElement Publish(string id, string service, string node, XElement payload, string? itemId = null)
    {
        var item = new XElement(P + "item", payload);
        if (itemId is not null)
        {
            item.SetAttributeValue("id", itemId);
        }

        return Iq("set", id, service, new XElement(P + "pubsub", new XElement(P + "publish", new XAttribute("node", node), item)));
    }

    /// <summary>Finesse's notification payload: the text as character data (escaped on the wire).</summary>
    public static XElement Notification(string text) => new(P + "notification", new XText(text));

    /// <summary>The item id the service assigned in a publish result, if it said.</summary>
    public static string? PublishedItemId(XElement result) =>
        (string?)result.Element(P + "pubsub")?.Element(P + "publish")?.Element(P + "item")?.Attribute("id");

    /// <summary>The subscriptions listed in a subscriptions result.</summary>
    public static IReadOnlyList<PubSubSubscription> ParseSubscriptions(XElement result)
    {
        var list = new List<PubSubSubscription>();
        var subscriptions = result.Element(P + "pubsub")?.Element(P + "subscriptions");
        if (subscriptions is null)
        {
            return list;
        }

        var defaultNode = (string?)subscriptions.Attribute("node");
        foreach (var s in subscriptions.Elements(P + "subscription"))
        {
            list.Add(new PubSubSubscription(
                (string?)s.Attribute("node") ?? defaultNode ?? "",
                (string?)s.Attribute("jid") ?? "",
                (string?)s.Attribute("subscription") ?? "subscribed",
                (string?)s.Attribute("subid")));
        }

        return list;
    }

    /// <summary>
    /// The items of a pubsub event message (XEP-0060 §7.1.2). Empty when the message is not a pubsub
    /// items event (retractions, purges and configuration events carry no items and yield nothing).
    /// </summary>
    public static IReadOnlyList<PubSubEvent> ParseEvent(XElement message)
    {
        var result = new List<PubSubEvent>();
        var from = (string?)message.Attribute("from") ?? "";
        foreach (var items in message.Elements(E + "event").Elements(E + "items"))
        {
            var node = (string?)items.Attribute("node");
            if (node is null)
            {
                continue;
            }

            foreach (var item in items.Elements(E + "item"))
            {
                var payload = item.Elements().FirstOrDefault();
                string text;
                if (payload is null)
                {
                    text = item.Value;
                }
                else if (payload.HasElements)
                {
                    text = string.Concat(payload.Nodes().Select(n => n is XElement e ? XmppStanzaWriterSafe(e) : (n as XText)?.Value ?? ""));
                }
                else
                {
                    text = payload.Value;
                }

                result.Add(new PubSubEvent(from, node, (string?)item.Attribute("id"), text, payload));
            }
        }

        return result;
    }

    private static string XmppStanzaWriterSafe(XElement e) => e.ToString(SaveOptions.DisableFormatting);

    private static XElement Iq(string type, string id, string to, XElement child) =>
        new(XmppNamespaces.Client + "iq", new XAttribute("type", type), new XAttribute("id", id), new XAttribute("to", to), child);
}
