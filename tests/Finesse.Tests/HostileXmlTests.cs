using System.Text;
using SiebelCti.Finesse.Notifications;
using SiebelCti.Finesse.Xml;

namespace SiebelCti.Finesse.Tests;

public sealed class HostileXmlTests
{
    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
        ]>
        <User><firstName>&lol4;</firstName></User>
        """;

    private const string ExternalEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE User [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
        <User><firstName>&xxe;</firstName></User>
        """;

    [Theory]
    [InlineData(BillionLaughs)]
    [InlineData(ExternalEntity)]
    [InlineData("<!DOCTYPE User><User/>")]
    public void Dtd_is_refused(string xml)
    {
        var ex = Assert.Throws<FinesseXmlException>(() => FinesseXmlParser.ParseUser(xml));
        Assert.Equal(FinesseErrorCode.FinesseXmlDtdProhibited, ex.Code);
    }

    [Fact]
    public void Dtd_is_refused_in_bytes_too()
    {
        var ex = Assert.Throws<FinesseXmlException>(() => SafeXml.Load(Encoding.UTF8.GetBytes(ExternalEntity), FinesseXmlLimits.Default));
        Assert.Equal(FinesseErrorCode.FinesseXmlDtdProhibited, ex.Code);
    }

    [Fact]
    public void Dtd_is_refused_in_a_notification()
    {
        var ex = Assert.Throws<FinesseXmlException>(() => new FinesseNotificationParser().Parse("/n", BillionLaughs.Replace("User", "Update", StringComparison.Ordinal)));
        Assert.Equal(FinesseErrorCode.FinesseXmlDtdProhibited, ex.Code);
    }

    [Fact]
    public void Oversized_document_is_refused_before_parsing()
    {
        var limits = new FinesseXmlLimits { MaxDocumentSize = 1024 };
        var xml = "<User><firstName>" + new string('a', 2000) + "</firstName></User>";

        var ex = Assert.Throws<FinesseXmlException>(() => FinesseXmlParser.ParseUser(xml, limits));
        Assert.Equal(FinesseErrorCode.FinesseXmlTooLarge, ex.Code);
        var bytes = Assert.Throws<FinesseXmlException>(() => SafeXml.Load(Encoding.UTF8.GetBytes(xml), limits));
        Assert.Equal(FinesseErrorCode.FinesseXmlTooLarge, bytes.Code);
    }

    [Fact]
    public void Oversized_notification_is_refused()
    {
        var parser = new FinesseNotificationParser(new FinesseXmlLimits { MaxDocumentSize = 2048 });
        var xml = "<Update><event>PUT</event><data><user><firstName>" + new string('x', 4096) + "</firstName></user></data></Update>";

        var ex = Assert.Throws<FinesseXmlException>(() => parser.Parse("/finesse/api/User/1", xml));
        Assert.Equal(FinesseErrorCode.FinesseXmlTooLarge, ex.Code);
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        var xml = "<User>" + string.Concat(Enumerable.Repeat("<a>", 100)) + string.Concat(Enumerable.Repeat("</a>", 100)) + "</User>";

        var ex = Assert.Throws<FinesseXmlException>(() => FinesseXmlParser.ParseUser(xml));
        Assert.Equal(FinesseErrorCode.FinesseXmlTooDeep, ex.Code);
        Assert.Contains("32", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<User><state>READY</state>")]
    [InlineData("<User><state>READY</User>")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not xml at all")]
    [InlineData("<User></User><User></User>")]
    [InlineData("<User>&undefined;</User>")]
    public void Malformed_or_truncated_is_refused(string xml)
    {
        var ex = Assert.Throws<FinesseXmlException>(() => FinesseXmlParser.ParseUser(xml));
        Assert.Equal(FinesseErrorCode.FinesseXmlMalformed, ex.Code);
    }

    [Fact]
    public void Truncated_real_sample_is_refused()
    {
        var full = Samples.Read("dialog-inbound-alerting.xml");

        var ex = Assert.Throws<FinesseXmlException>(() => FinesseXmlParser.ParseDialog(full[..(full.Length / 2)]));
        Assert.Equal(FinesseErrorCode.FinesseXmlMalformed, ex.Code);
    }

    [Theory]
    [InlineData("<Dialog><id>1</id></Dialog>")]
    [InlineData("<html><body>Error</body></html>")]
    public void Wrong_root_is_refused(string xml)
    {
        var ex = Assert.Throws<FinesseXmlException>(() => FinesseXmlParser.ParseUser(xml));
        Assert.Equal(FinesseErrorCode.FinesseXmlUnexpectedRoot, ex.Code);
        Assert.Contains("<User>", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_root_notification_is_refused()
    {
        var ex = Assert.Throws<FinesseXmlException>(() => new FinesseNotificationParser().Parse("/n", "<user><state>READY</state></user>"));
        Assert.Equal(FinesseErrorCode.FinesseXmlUnexpectedRoot, ex.Code);
    }

    [Theory]
    [InlineData("<User><reasonCodeId>sixteen</reasonCodeId></User>")]
    [InlineData("<User><stateChangeTime>yesterday</stateChangeTime></User>")]
    [InlineData("<User><ReasonCode><forAll>maybe</forAll></ReasonCode></User>")]
    public void Invalid_values_are_refused_with_the_element_named(string xml)
    {
        var ex = Assert.Throws<FinesseXmlException>(() => FinesseXmlParser.ParseUser(xml));
        Assert.Equal(FinesseErrorCode.FinesseXmlInvalidValue, ex.Code);
    }

    [Fact]
    public void Xml_exceptions_are_finesse_exceptions_with_code()
    {
        FinesseException ex = Assert.Throws<FinesseXmlException>(() => FinesseXmlParser.ParseTeam("<Team>"));
        Assert.False(string.IsNullOrEmpty(ex.Code));
    }
}
