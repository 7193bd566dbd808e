using System.Xml.Linq;
using SiebelCti.FinesseEmulator.Engine;

namespace SiebelCti.FinesseEmulator.Publishing;

/// <summary>
/// Publishes one pubsub item (the <c>&lt;notification&gt;</c> element) to a node of the notification
/// service. Implementations: <see cref="LoggingPublisher"/> (no XMPP) and the XMPP publisher.
/// </summary>
public interface INotificationPublisher
{
    /// <summary>Connects (if needed) before the first publish; may be called again after a failure.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    Task PublishAsync(string node, XElement item, CancellationToken cancellationToken);
}

/// <summary>The pubsub item payload exactly as Finesse sends it.</summary>
public static class NotificationEnvelope
{
    public static readonly XNamespace PubSub = "http://jabber.org/protocol/pubsub";

    /// <summary>
    /// <c>&lt;notification xmlns='http://jabber.org/protocol/pubsub'&gt;</c> whose content is the Update
    /// document as character data (serializing the element escapes it: <c>&amp;lt;Update&amp;gt;…</c>).
    /// </summary>
    public static XElement Build(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return new XElement(PubSub + "notification", new XText(notification.ToUpdateText()));
    }
}
