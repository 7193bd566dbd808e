using SiebelCti.Connector.Contract;
using SiebelCti.Connector.Service.Diagnostics;
using SiebelCti.Finesse;
using SiebelCti.OpenWire;
using SiebelCti.Tests.Shared;

namespace SiebelCti.Connector.Service.Tests;

public sealed class LogEventIdsTests
{
    [Fact]
    public void EveryServiceLogMessage_UsesItsConstantInThe6xxxBlock()
    {
        LogEventIdChecks.AssertMatchTheTable(typeof(ServiceEventIds), 6000, 6999);
    }

    [Fact]
    public void EveryErrorCodeTheServiceLogs_IsDistinctAcrossTheConnector()
    {
        ErrorCodeChecks.AssertDistinctAndWellFormed(typeof(OpenWireErrorCode), typeof(FinesseErrorCode), typeof(ConnectorErrorCode), typeof(ServiceErrorCode));
    }
}
