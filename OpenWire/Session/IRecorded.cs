namespace SiebelCti.OpenWire.Session;

/// <summary>A recorded piece of intent (session, producer, consumer) that knows on which transport generation it is registered.</summary>
internal interface IRecorded
{
    /// <summary>Marks the entity registered on <paramref name="generation"/>; false if it already was (the replay did it).</summary>
    bool MarkRegistered(long generation);
}
