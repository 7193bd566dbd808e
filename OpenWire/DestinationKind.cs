namespace SiebelCti.OpenWire;

/// <summary>The four kinds of ActiveMQ destination.</summary>
public enum DestinationKind
{
    Queue,
    Topic,
    TemporaryQueue,
    TemporaryTopic,
}
