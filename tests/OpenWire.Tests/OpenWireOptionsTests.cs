
namespace SiebelCti.OpenWire.Tests;

public sealed class OpenWireOptionsTests
{
    [Fact]
    public void Validate_ManyProblems_ListsEveryOne()
    {
        var options = new OpenWireOptions
        {
            BrokerUri = "failover:(tcp://a:61616,http://b:1)?maxReconnectAttempts=x&bogus=1",
            SendTimeout = TimeSpan.Zero,
            MaxFrameSize = 10,
            Password = "p",
        };

        var errors = options.Validate();

        Assert.Equal(6, errors.Count);
        var e = Assert.Throws<OpenWireException>(options.ThrowIfInvalid);
        Assert.Equal(OpenWireErrorKind.InvalidOptions, e.Kind);
        Assert.Equal(errors, e.Errors);
        Assert.DoesNotContain("Password = p", options.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tcp://127.0.0.1:61616")]
    [InlineData("ssl://broker.example:61617")]
    [InlineData("failover:(tcp://a:61616,tcp://b:61616)?initialReconnectDelay=100&maxReconnectDelay=5000&maxReconnectAttempts=3")]
    [InlineData("failover:tcp://a:61616,ssl://b:61617")]
    public void Validate_GoodUris_NoErrors(string uri)
    {
        Assert.Empty(new OpenWireOptions { BrokerUri = uri }.Validate());
    }

    [Fact]
    public void ParseBrokerUri_Failover_ReadsParameters()
    {
        var uri = new OpenWireOptions { BrokerUri = "failover:(tcp://a:1,ssl://b:2)?initialReconnectDelay=10&maxReconnectDelay=200&maxReconnectAttempts=4" }.ParseBrokerUri();

        Assert.True(uri.IsFailover);
        Assert.Equal(["tcp://a:1", "ssl://b:2"], uri.Endpoints.Select(e => e.ToString()));
        Assert.Equal(TimeSpan.FromMilliseconds(10), uri.InitialReconnectDelay);
        Assert.Equal(TimeSpan.FromMilliseconds(200), uri.MaxReconnectDelay);
        Assert.Equal(4, uri.MaxReconnectAttempts);
    }
}
