using System.Reflection;
using Microsoft.Extensions.Logging;
using SiebelCti.Tests.Shared;

namespace SiebelCti.Finesse.Tests;

public sealed class FinesseRestLogTests
{
    [Fact]
    public void Every_rest_log_message_uses_its_constant_from_FinesseEventIds_in_the_3xxx_block()
    {
        var messages = typeof(FinesseEventIds).Assembly.GetType("SiebelCti.Finesse.Rest.FinesseRestLog", throwOnError: true)!
            .GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .ToList();

        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.InRange(m.EventId, 3000, 3999));
        LogEventIdChecks.AssertMatchTheTable(typeof(FinesseEventIds), 3000, 4999);
    }
}
