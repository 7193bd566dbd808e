using SiebelCti.OpenWire.Codec;
using SiebelCti.OpenWire.Commands;

namespace SiebelCti.OpenWire;

/// <summary>A queue or topic (temporary ones come from <see cref="OpenWireSession.CreateTemporaryQueueAsync"/>).</summary>
public sealed record Destination
{
    private Destination(DestinationKind kind, string name)
    {
        Kind = kind;
        Name = name;
    }

    public DestinationKind Kind { get; }

    public string Name { get; }

    public bool IsTemporary => Kind is DestinationKind.TemporaryQueue or DestinationKind.TemporaryTopic;

    public static Destination Queue(string name) => new(DestinationKind.Queue, CheckName(name));

    public static Destination Topic(string name) => new(DestinationKind.Topic, CheckName(name));

    public override string ToString() => $"{Kind switch
    {
        DestinationKind.Queue => "queue",
        DestinationKind.Topic => "topic",
        DestinationKind.TemporaryQueue => "temp-queue",
        _ => "temp-topic",
    }}://{Name}";

    internal static Destination Temporary(DestinationKind kind, string name) => new(kind, name);

    internal DestinationRef ToWire() => new(Kind switch
    {
        DestinationKind.Queue => DataType.Queue,
        DestinationKind.Topic => DataType.Topic,
        DestinationKind.TemporaryQueue => DataType.TempQueue,
        _ => DataType.TempTopic,
    }, Name);

    internal static Destination? FromWire(DestinationRef? value) => value?.PhysicalName is not { } name ? null : value.Type switch
    {
        DataType.Queue => new Destination(DestinationKind.Queue, name),
        DataType.Topic => new Destination(DestinationKind.Topic, name),
        DataType.TempQueue => new Destination(DestinationKind.TemporaryQueue, name),
        _ => new Destination(DestinationKind.TemporaryTopic, name),
    };

    private static string CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return name;
    }
}
