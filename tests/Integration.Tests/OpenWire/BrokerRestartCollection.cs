namespace SiebelCti.Integration.Tests.OpenWire;

/// <summary>Tests that stop and start the shared broker run alone, never in parallel with other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrokerRestartCollection
{
    public const string Name = "Broker restart";
}
