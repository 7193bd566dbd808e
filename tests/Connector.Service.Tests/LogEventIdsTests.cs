using System.Reflection;
using Microsoft.Extensions.Logging;
using SiebelCti.Connector.Diagnostics;
using SiebelCti.Connector.Service.Diagnostics;

namespace SiebelCti.Connector.Service.Tests;

public sealed class LogEventIdsTests
{
    [Fact]
    public void EveryServiceLogMessage_UsesItsIdFromTheCentralTable()
    {
        var table = typeof(EventIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(EventId))
            .Select(f => (EventId)f.GetValue(null)!)
            .ToDictionary(e => e.Name!, e => e.Id, StringComparer.Ordinal);
        var messages = typeof(Log).GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .ToList();

        Assert.NotEmpty(messages);
        Assert.All(messages, m =>
        {
            Assert.True(table.TryGetValue(m.EventName!, out var id), $"{m.EventName} is not in EventIds");
            Assert.Equal(id, m.EventId);
            Assert.InRange(m.EventId, 6000, 6999);
        });
    }
}
