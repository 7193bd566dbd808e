using System.Xml.Linq;

namespace SiebelCti.Finesse.Xmpp;

/// <summary>Lifecycle of an <see cref="XmppClient"/>. Changed only by the client's supervisor.</summary>
public enum XmppState
{
    /// <summary>Not connected and not trying: before <see cref="XmppClient.ConnectAsync"/>, after <see cref="XmppClient.DisconnectAsync"/> or disposal.</summary>
    Disconnected = 0,

    /// <summary>The first connection is being opened and negotiated.</summary>
    Connecting = 1,

    /// <summary>Authenticated, bound, initial presence sent; events flow.</summary>
    Connected = 2,

    /// <summary>The session was lost; the client reconnects with back-off and then replays its subscriptions.</summary>
    Reconnecting = 3,

    /// <summary>Stopped for good after a permanent failure (wrong password, resource conflict); see <see cref="XmppClient.LastError"/>.</summary>
    Failed = 4,
}

/// <summary>A state change, with the failure that caused it when there was one.</summary>
public sealed class XmppStateChangedEventArgs(XmppState previous, XmppState current, XmppException? error) : EventArgs
{
    public XmppState Previous { get; } = previous;

    public XmppState Current { get; } = current;

    /// <summary>The failure behind a change to <see cref="XmppState.Reconnecting"/> or <see cref="XmppState.Failed"/>.</summary>
    public XmppException? Error { get; } = error;
}

/// <summary>
/// One item of a XEP-0060 event notification. <see cref="PayloadText"/> is the unescaped character
/// data of <c>&lt;notification xmlns='http://jabber.org/protocol/pubsub'&gt;</c> (for Finesse: the
/// <c>&lt;Update&gt;</c> document); when the item carries element children instead of text, it is
/// their XML. <see cref="Payload"/> is the item's first child element as received.
/// </summary>
public sealed class PubSubEvent(string from, string node, string? itemId, string payloadText, XElement? payload) : EventArgs
{
    /// <summary>The pubsub service JID that sent the event.</summary>
    public string From { get; } = from;

    /// <summary>The node, e.g. <c>/finesse/api/User/5001</c>.</summary>
    public string Node { get; } = node;

    /// <summary>The item id, when the service sent one.</summary>
    public string? ItemId { get; } = itemId;

    /// <summary>The notification text, unescaped.</summary>
    public string PayloadText { get; } = payloadText;

    /// <summary>The item's payload element (for Finesse the <c>notification</c> element).</summary>
    public XElement? Payload { get; } = payload;
}

/// <summary>Any received <c>&lt;message&gt;</c> stanza (pubsub events included, also reported as <see cref="PubSubEvent"/>).</summary>
public sealed class XmppMessageEvent(XElement stanza) : EventArgs
{
    public string? From => (string?)Stanza.Attribute("from");

    public string? To => (string?)Stanza.Attribute("to");

    public string? Id => (string?)Stanza.Attribute("id");

    /// <summary>The message type; <c>normal</c> when absent.</summary>
    public string Type => (string?)Stanza.Attribute("type") ?? "normal";

    /// <summary>The text of <c>&lt;body&gt;</c>, if any.</summary>
    public string? Body => (string?)Stanza.Element(XmppNamespaces.Client + "body");

    /// <summary>The stanza as received.</summary>
    public XElement Stanza { get; } = stanza;
}

/// <summary>A received <c>&lt;presence&gt;</c> stanza (RFC 6121 §4).</summary>
public sealed class XmppPresenceEvent(XElement stanza) : EventArgs
{
    public string? From => (string?)Stanza.Attribute("from");

    /// <summary>The bare JID of the sender (<c>user@domain</c>).</summary>
    public string? FromBare => From is { } from ? Jid.Bare(from) : null;

    /// <summary>The presence type; <c>available</c> when absent. Others: <c>unavailable</c>, <c>subscribe</c>, <c>subscribed</c>, <c>unsubscribe</c>, <c>unsubscribed</c>, <c>probe</c>, <c>error</c>.</summary>
    public string Type => (string?)Stanza.Attribute("type") ?? "available";

    /// <summary>True for available presence (no type).</summary>
    public bool IsAvailable => Stanza.Attribute("type") is null;

    /// <summary><c>away</c>, <c>chat</c>, <c>dnd</c>, <c>xa</c>, or null.</summary>
    public string? Show => (string?)Stanza.Element(XmppNamespaces.Client + "show");

    public string? Status => (string?)Stanza.Element(XmppNamespaces.Client + "status");

    public int Priority => int.TryParse((string?)Stanza.Element(XmppNamespaces.Client + "priority"), out var p) ? p : 0;

    /// <summary>The stanza as received.</summary>
    public XElement Stanza { get; } = stanza;
}

/// <summary>One subscription of an entity to a pubsub node (XEP-0060 §5.6).</summary>
public sealed record PubSubSubscription(string Node, string Jid, string State, string? SubscriptionId);

/// <summary>JID string helpers.</summary>
public static class Jid
{
    /// <summary>The bare JID (<c>local@domain</c>) of a full or bare JID.</summary>
    public static string Bare(string jid)
    {
        ArgumentNullException.ThrowIfNull(jid);
        var slash = jid.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? jid : jid[..slash];
    }

    /// <summary>The resource of a full JID, or null.</summary>
    public static string? Resource(string jid)
    {
        ArgumentNullException.ThrowIfNull(jid);
        var slash = jid.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? null : jid[(slash + 1)..];
    }
}
