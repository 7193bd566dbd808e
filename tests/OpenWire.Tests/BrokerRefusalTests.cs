
namespace SiebelCti.OpenWire.Tests;

/// <summary>How a broker's refusal (ExceptionResponse) becomes an error kind and a stable code.</summary>
public sealed class BrokerRefusalTests
{
    [Theory]
    [InlineData("java.lang.SecurityException")]
    [InlineData("javax.jms.JMSSecurityException")]
    public void A_security_exception_is_NotAuthorized_and_not_transient(string exceptionClass)
    {
        var e = OpenWireException.Refused(exceptionClass, "User attacker is not authorized to read from: topic://SiebelCti.Client.victim");

        Assert.Equal(OpenWireErrorKind.NotAuthorized, e.Kind);
        Assert.Equal("OPENWIRE_NOT_AUTHORIZED", e.ErrorCode);
        Assert.False(e.IsTransient);
        Assert.Equal(exceptionClass, e.BrokerExceptionClass);
        Assert.Contains("not authorized to read from: topic://SiebelCti.Client.victim", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javax.jms.InvalidClientIDException")]
    [InlineData(null)]
    public void Any_other_refusal_is_a_BrokerError(string? exceptionClass)
    {
        var e = OpenWireException.Refused(exceptionClass, null);

        Assert.Equal(OpenWireErrorKind.BrokerError, e.Kind);
        Assert.Equal("OPENWIRE_BROKER_ERROR", e.ErrorCode);
        Assert.Contains("(no message)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_kind_has_its_own_code()
    {
        var codes = Enum.GetValues<OpenWireErrorKind>().Select(OpenWireException.CodeOf).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("OPENWIRE_AUTHENTICATION_FAILED", OpenWireException.CodeOf(OpenWireErrorKind.AuthenticationFailed));
        Assert.False(new OpenWireException(OpenWireErrorKind.AuthenticationFailed, "x").IsTransient);
    }
}
