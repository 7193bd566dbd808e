using System.Reflection;
using Microsoft.Extensions.Logging;
using SiebelCti.Connector.Diagnostics;
using SiebelCti.Connector.Finesse.Rest;

namespace SiebelCti.Connector.Core.Tests.Finesse;

public sealed class FinesseRestLogTests
{
    [Fact]
    public void Every_log_message_uses_an_id_and_name_from_the_central_table_in_the_3xxx_block()
    {
        var table = typeof(EventIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(EventId))
            .Select(f => (EventId)f.GetValue(null)!)
            .ToDictionary(e => e.Id);
        var messages = typeof(FinesseRestClient).Assembly.GetType("SiebelCti.Connector.Finesse.Rest.FinesseRestLog", throwOnError: true)!
            .GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .ToList();

        Assert.NotEmpty(messages);
        Assert.All(messages, m =>
        {
            Assert.InRange(m.EventId, 3000, 3999);
            Assert.True(table.TryGetValue(m.EventId, out var entry), $"event id {m.EventId} is missing from EventIds");
            Assert.Equal(entry.Name, m.EventName);
        });
    }
}
