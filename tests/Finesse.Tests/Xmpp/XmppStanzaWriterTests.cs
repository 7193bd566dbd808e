using System.Xml.Linq;
using SiebelCti.Finesse.Xmpp;

namespace SiebelCti.Finesse.Tests.Xmpp;

/// <summary>Golden outgoing stanzas: the exact text our writer puts on the wire.</summary>
public sealed class XmppStanzaWriterTests
{
    [Fact]
    public void Stream_header_is_the_rfc_6120_client_opening()
    {
        Assert.Equal(
            "<?xml version='1.0'?><stream:stream from='5001@fin.example' to='fin.example' version='1.0' xml:lang='en' " +
            "xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>",
            XmppStanzaWriter.StreamHeader("fin.example", "5001@fin.example"));
    }

    [Fact]
    public void Publish_produces_finesse_notification_envelope_with_escaped_update()
    {
        var iq = PubSubStanzas.PublishNotification("p1", "pubsub.fin.example", "/finesse/api/User/5001",
            "<Update><data><user><state>READY</state></user></data><event>PUT</event></Update>", "i1");

        Assert.Equal(
            "<iq type='set' id='p1' to='pubsub.fin.example'><pubsub xmlns='http://jabber.org/protocol/pubsub'>" +
            "<publish node='/finesse/api/User/5001'><item id='i1'><notification>" +
            "&lt;Update&gt;&lt;data&gt;&lt;user&gt;&lt;state&gt;READY&lt;/state&gt;&lt;/user&gt;&lt;/data&gt;&lt;event&gt;PUT&lt;/event&gt;&lt;/Update&gt;" +
            "</notification></item></publish></pubsub></iq>",
            XmppStanzaWriter.Serialize(iq));
    }

    [Fact]
    public void Subscribe_unsubscribe_and_subscriptions_requests_are_xep_0060_shaped()
    {
        Assert.Equal(
            "<iq type='set' id='s1' to='pubsub.fin.example'><pubsub xmlns='http://jabber.org/protocol/pubsub'>" +
            "<subscribe node='/finesse/api/Team/10/Users' jid='5001@fin.example/connector'/></pubsub></iq>",
            XmppStanzaWriter.Serialize(PubSubStanzas.Subscribe("s1", "pubsub.fin.example", "/finesse/api/Team/10/Users", "5001@fin.example/connector")));
        Assert.Equal(
            "<iq type='set' id='u1' to='pubsub.fin.example'><pubsub xmlns='http://jabber.org/protocol/pubsub'>" +
            "<unsubscribe node='n' jid='a@b/c' subid='x'/></pubsub></iq>",
            XmppStanzaWriter.Serialize(PubSubStanzas.Unsubscribe("u1", "pubsub.fin.example", "n", "a@b/c", "x")));
        Assert.Equal(
            "<iq type='get' id='g1' to='pubsub.fin.example'><pubsub xmlns='http://jabber.org/protocol/pubsub'><subscriptions/></pubsub></iq>",
            XmppStanzaWriter.Serialize(PubSubStanzas.GetSubscriptions("g1", "pubsub.fin.example", null)));
    }

    [Fact]
    public void Attributes_and_text_escape_every_special_character_and_round_trip()
    {
        var message = new XElement(
            XmppNamespaces.Client + "message",
            new XAttribute("to", "a'b\"c<d>&e\tf\ng\rh"),
            new XElement(XmppNamespaces.Client + "body", "x < y & z > w 'q' \"r\" \r\n ü 😀 ]]>"));

        var wire = XmppStanzaWriter.Serialize(message);

        Assert.Equal(
            "<message to='a&apos;b&quot;c&lt;d&gt;&amp;e&#x9;f&#xA;g&#xD;h'><body>x &lt; y &amp; z &gt; w 'q' \"r\" &#xD;\n ü 😀 ]]&gt;</body></message>",
            wire);
        var back = XElement.Parse(wire.Replace("<message ", "<message xmlns='jabber:client' ", StringComparison.Ordinal));
        Assert.Equal("a'b\"c<d>&e\tf\ng\rh", (string?)back.Attribute("to"));
        Assert.Equal("x < y & z > w 'q' \"r\" \r\n ü 😀 ]]>", back.Element(XmppNamespaces.Client + "body")!.Value);
    }

    [Theory]
    [InlineData(0x0000)]
    [InlineData(0x0001)]
    [InlineData(0x001F)]
    [InlineData(0xD800)] // lone high surrogate
    [InlineData(0xDC00)] // lone low surrogate
    [InlineData(0xFFFE)]
    public void Characters_xml_cannot_carry_are_refused_with_a_stable_kind(int code)
    {
        var text = "a" + (char)code + "b";
        var error = Assert.Throws<XmppException>(() => XmppStanzaWriter.Serialize(PubSubStanzas.Notification(text)));
        Assert.Equal(XmppErrorKind.InvalidCharacter, error.Kind);
        Assert.Equal("XMPP_INVALID_CHARACTER", error.Code);
    }

    [Fact]
    public void Presence_with_priority_zero_has_no_namespace_noise()
    {
        var presence = new XElement(XmppNamespaces.Client + "presence", new XElement(XmppNamespaces.Client + "priority", "0"));
        Assert.Equal("<presence><priority>0</priority></presence>", XmppStanzaWriter.Serialize(presence));
    }
}
