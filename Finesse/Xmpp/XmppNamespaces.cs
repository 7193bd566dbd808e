using System.Xml.Linq;

namespace SiebelCti.Finesse.Xmpp;

/// <summary>The XML namespaces of the RFCs and XEPs we implement.</summary>
public static class XmppNamespaces
{
    public static readonly XNamespace Client = "jabber:client";
    public static readonly XNamespace Streams = "http://etherx.jabber.org/streams";
    public static readonly XNamespace StreamErrors = "urn:ietf:params:xml:ns:xmpp-streams";
    public static readonly XNamespace Tls = "urn:ietf:params:xml:ns:xmpp-tls";
    public static readonly XNamespace Sasl = "urn:ietf:params:xml:ns:xmpp-sasl";
    public static readonly XNamespace Bind = "urn:ietf:params:xml:ns:xmpp-bind";
    public static readonly XNamespace Session = "urn:ietf:params:xml:ns:xmpp-session";
    public static readonly XNamespace Stanzas = "urn:ietf:params:xml:ns:xmpp-stanzas";
    public static readonly XNamespace Ping = "urn:xmpp:ping";
    public static readonly XNamespace Roster = "jabber:iq:roster";
    public static readonly XNamespace PubSub = "http://jabber.org/protocol/pubsub";
    public static readonly XNamespace PubSubEvent = "http://jabber.org/protocol/pubsub#event";
    public static readonly XNamespace PubSubErrors = "http://jabber.org/protocol/pubsub#errors";
    public static readonly XNamespace PubSubOwner = "http://jabber.org/protocol/pubsub#owner";
    public static readonly XNamespace DiscoInfo = "http://jabber.org/protocol/disco#info";
}
