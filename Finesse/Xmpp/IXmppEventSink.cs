namespace SiebelCti.Finesse.Xmpp;

/// <summary>
/// An asynchronous receiver of an <see cref="XmppClient"/>'s events (<see cref="XmppClient.EventSink"/>).
/// The client's dispatcher awaits each call, in arrival order, after raising the matching .NET
/// event; while a call has not completed, the received stanza keeps its slot of
/// <see cref="XmppOptions.EventQueueCapacity"/>, so a receiver that waits (e.g. for room in its own
/// bounded queue) makes the session stop reading from the server instead of growing memory.
/// A call that throws is logged and delivery goes on.
/// </summary>
public interface IXmppEventSink
{
    /// <summary>The client's state changed.</summary>
    ValueTask OnStateChangedAsync(XmppStateChangedEventArgs change);

    /// <summary>A pubsub item arrived.</summary>
    ValueTask OnPubSubAsync(PubSubEvent item);

    /// <summary>A presence stanza arrived.</summary>
    ValueTask OnPresenceAsync(XmppPresenceEvent presence);
}
