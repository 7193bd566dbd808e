using SiebelCti.Connector.Engine.Monitoring;

namespace SiebelCti.Connector.Core.Tests.Monitoring;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("tcp://127.0.0.1:61616", "tcp://127.0.0.1:61616")]
    [InlineData("tcp://admin:s3cret@amq1:61616", "tcp://amq1:61616")]
    [InlineData("ssl://onlyuser@amq1:61617?wireFormat.maxInactivityDuration=30000", "ssl://amq1:61617?wireFormat.maxInactivityDuration=30000")]
    [InlineData("failover:(tcp://u:p1@a:61616,tcp://u:p2@b:61616)?randomize=false", "failover:(tcp://a:61616,tcp://b:61616)?randomize=false")]
    [InlineData("failover:(ssl://a:61617)?jms.password=top&randomize=false", "failover:(ssl://a:61617)?jms.password=***&randomize=false")]
    [InlineData("https://fin-a.example:8445/finesse?trustStorePassword=x", "https://fin-a.example:8445/finesse?trustStorePassword=***")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void RedactUri_RemovesCredentials(string? uri, string expected)
    {
        Assert.Equal(expected, SecretRedactor.RedactUri(uri));
    }

    [Theory]
    [InlineData("password=hunter2 rejected", "hunter2")]
    [InlineData("{\"agentId\":\"1001\",\"password\":\"hunter2\"}", "hunter2")]
    [InlineData("AgentPin: 4711; extension 2001", "4711")]
    [InlineData("header Authorization: Basic YWdlbnQ6aHVudGVyMg==", "YWdlbnQ6aHVudGVyMg==")]
    [InlineData("Bearer eyJhbGciOi.x.y", "eyJhbGciOi.x.y")]
    [InlineData("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AGFnZW50AGh1bnRlcjI=</auth>", "AGFnZW50AGh1bnRlcjI=")]
    [InlineData("connect to ssl://amq:hunter2@broker:61617 failed", "hunter2")]
    [InlineData("SIEBELCTI_Broker__Password='hunter2'", "hunter2")]
    public void RedactMessage_SecretGone(string message, string secret)
    {
        var redacted = SecretRedactor.RedactMessage(message);

        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void RedactMessage_OrdinaryText_Unchanged()
    {
        const string Text = "Agent 1001 could not go READY: reason code 12 (Lunch) is not allowed in state TALKING";
        Assert.Equal(Text, SecretRedactor.RedactMessage(Text));
    }

    [Fact]
    public void RedactMessage_VeryLong_Cut()
    {
        var redacted = SecretRedactor.RedactMessage(new string('x', 100_000));
        Assert.Equal(SecretRedactor.MaxMessageLength + 1, redacted.Length);
    }
}
