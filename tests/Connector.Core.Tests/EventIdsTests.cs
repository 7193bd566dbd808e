using SiebelCti.Connector.Diagnostics;
using SiebelCti.Finesse;
using SiebelCti.OpenWire;
using SiebelCti.Tests.Shared;

namespace SiebelCti.Connector.Core.Tests;

public sealed class EventIdsTests
{
    [Fact]
    public void Every_engine_log_message_uses_its_constant_in_the_5xxx_block()
    {
        LogEventIdChecks.AssertMatchTheTable(typeof(EngineEventIds), 5000, 5999);
    }

    [Fact]
    public void No_two_libraries_of_the_Connector_share_an_event_id_number_or_name()
    {
        var ids = new[] { typeof(OpenWireEventIds), typeof(FinesseEventIds), typeof(EngineEventIds) }.SelectMany(LogEventIdChecks.Ids).ToList();

        Assert.Equal(ids.Count, ids.Select(i => i.Id).Distinct().Count());
        Assert.Equal(ids.Count, ids.Select(i => i.Name).Distinct(StringComparer.Ordinal).Count());
    }
}
