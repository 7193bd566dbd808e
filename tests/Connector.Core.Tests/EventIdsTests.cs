using System.Reflection;
using Microsoft.Extensions.Logging;
using SiebelCti.Connector.Diagnostics;

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
        Assert.All(ids, i => Assert.InRange(i.Id, 1000, 9999));
    }
}
