namespace SiebelCti.Integration.Tests.Connector;

/// <summary>
/// The connector end-to-end classes share one <see cref="ConnectorUnderTest"/> and run one after
/// another (one emulator start instead of one per class). Each test leaves the agents it used signed
/// in, NOT_READY and without a call. (Failover and broker-restart tests build their own instance.)
/// </summary>
[CollectionDefinition(Name)]
public sealed class ConnectorCollection : ICollectionFixture<ConnectorUnderTest>
{
    public const string Name = "Connector over real parts";
}
