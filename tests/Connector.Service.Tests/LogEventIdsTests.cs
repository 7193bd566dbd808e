using SiebelCti.Connector.Service.Diagnostics;
using SiebelCti.Tests.Shared;

namespace SiebelCti.Connector.Service.Tests;

public sealed class LogEventIdsTests
{
    [Fact]
    public void EveryServiceLogMessage_UsesItsIdFromTheCentralTable()
    {
        LogEventIdChecks.AssertMatchTheTable(typeof(Log).Assembly, 6000, 6999);
    }
}
