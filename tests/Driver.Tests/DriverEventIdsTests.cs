using System.Reflection;
using Microsoft.Extensions.Logging;
using SiebelCti.Connector.Contract;
using SiebelCti.Driver.Logging;
using SiebelCti.OpenWire;
using SiebelCti.Tests.Shared;

namespace SiebelCti.Driver.Tests;

public sealed class DriverEventIdsTests
{
    private static readonly (string Name, int Id)[] Ids =
    [
        .. typeof(DriverEventIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int))
            .Select(f => (f.Name, (int)f.GetRawConstantValue()!)),
    ];

    [Fact]
    public void The_driver_owns_9000_to_9999_and_never_shares_a_number()
    {
        Assert.NotEmpty(Ids);
        Assert.All(Ids, i => Assert.InRange(i.Id, 9000, 9999));
        Assert.Equal(Ids.Length, Ids.Select(i => i.Id).Distinct().Count());
    }

    [Fact]
    public void Every_driver_log_message_has_its_own_id_under_its_own_name()
    {
        var messages = typeof(DriverEventIds).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m.Name, Message: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Message is not null)
            .ToList();

        Assert.Equal(Ids.Length, messages.Count); // every id is used, by one message
        Assert.All(messages, m => Assert.Contains((m.Message!.EventName!, m.Message.EventId), Ids));
        Assert.Equal(messages.Count, messages.Select(m => m.Message!.EventId).Distinct().Count());
    }

    [Fact]
    public void The_driver_s_error_codes_are_distinct_from_each_other_and_from_the_contract_s_and_the_OpenWire_client_s()
    {
        ErrorCodeChecks.AssertDistinctAndWellFormed(typeof(DriverErrorCode), typeof(ConnectorErrorCode), typeof(OpenWireErrorCode));
        Assert.All(ErrorCodeChecks.Codes(typeof(DriverErrorCode)), c => Assert.Matches("^(NATIVE|DRIVER)_", c.Code));
    }
}
