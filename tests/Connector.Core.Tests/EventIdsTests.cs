using System.Reflection;
using Microsoft.Extensions.Logging;
using SiebelCti.Connector.Diagnostics;
using SiebelCti.Tests.Shared;

namespace SiebelCti.Connector.Core.Tests;

public sealed class EventIdsTests
{
    [Fact]
    public void Every_event_id_is_unique_in_number_and_name()
    {
        var ids = typeof(EventIds)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(EventId))
            .Select(f => (EventId)f.GetValue(null)!)
            .ToList();

        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Select(i => i.Id).Distinct().Count());
        Assert.Equal(ids.Count, ids.Select(i => i.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, i => Assert.InRange(i.Id, 1000, 6999)); // 9xxx is the driver's own (DriverEventIds)
    }

    [Fact]
    public void Every_Core_log_message_uses_its_id_from_the_central_table_and_no_two_share_one()
    {
        // 1xxx-5xxx: OpenWire, Finesse REST, XMPP, engine (6xxx is the service's, 9xxx the driver's).
        LogEventIdChecks.AssertMatchTheTable(typeof(EventIds).Assembly, 1000, 5999);
    }
}
