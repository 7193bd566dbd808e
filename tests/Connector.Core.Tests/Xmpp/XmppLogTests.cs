using System.Reflection;
using Microsoft.Extensions.Logging;
using SiebelCti.Connector.Diagnostics;
using SiebelCti.Connector.Finesse.Xmpp;

namespace SiebelCti.Connector.Core.Tests.Xmpp;

public sealed class XmppLogTests
{
    [Fact]
    public void Every_xmpp_log_message_uses_an_id_and_name_of_the_central_table_in_the_4xxx_block()
    {
        var table = typeof(EventIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(EventId))
            .Select(f => (EventId)f.GetValue(null)!)
            .ToDictionary(e => e.Id);
        var messages = typeof(XmppClient).Assembly.GetType("SiebelCti.Connector.Finesse.Xmpp.XmppLog")!
            .GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .ToList();

        Assert.NotEmpty(messages);
        Assert.All(messages, m =>
        {
            Assert.InRange(m.EventId, 4000, 4999);
            Assert.True(table.TryGetValue(m.EventId, out var id), $"event id {m.EventId} is missing from EventIds");
            Assert.Equal(id.Name, m.EventName);
        });
    }

    [Fact]
    public void Every_error_kind_maps_to_an_xmpp_error_code()
    {
        foreach (var kind in Enum.GetValues<XmppErrorKind>())
        {
            Assert.StartsWith("XMPP_", XmppException.CodeOf(kind), StringComparison.Ordinal);
        }

        Assert.Equal(Enum.GetValues<XmppErrorKind>().Length, Enum.GetValues<XmppErrorKind>().Select(XmppException.CodeOf).Distinct().Count());
    }
}
