namespace SiebelCti.Integration.Tests.Connector;

/// <summary>
/// The connector end-to-end classes share one <see cref="ConnectorUnderTest"/> and run one after
/// another. A second connector-and-emulator pair in the same test run does not get its agents'
/// sign-in notifications (seen while writing ConnectorCallControlTests; cause not found yet), so
/// there is one. Each test leaves the agents it used signed in, NOT_READY and without a call.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ConnectorCollection : ICollectionFixture<ConnectorUnderTest>
{
    public const string Name = "Connector over real parts";
}
