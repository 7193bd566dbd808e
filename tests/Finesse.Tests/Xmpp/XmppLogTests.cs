using System.Reflection;
using Microsoft.Extensions.Logging;
using SiebelCti.Tests.Shared;
using SiebelCti.Finesse.Xmpp;

namespace SiebelCti.Finesse.Tests.Xmpp;

public sealed class XmppLogTests
{
    [Fact]
    public void Every_xmpp_log_message_uses_its_constant_from_FinesseEventIds_in_the_4xxx_block()
    {
        var messages = typeof(FinesseEventIds).Assembly.GetType("SiebelCti.Finesse.Xmpp.XmppLog", throwOnError: true)!
            .GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .ToList();

        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.InRange(m.EventId, 4000, 4999));
        LogEventIdChecks.AssertMatchTheTable(typeof(FinesseEventIds), 3000, 4999);
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
