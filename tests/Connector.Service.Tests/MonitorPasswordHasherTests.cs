using SiebelCti.Connector.Service.Monitor;

namespace SiebelCti.Connector.Service.Tests;

public sealed class MonitorPasswordHasherTests
{
    [Fact]
    public void Verify_RightPassword_True_WrongPassword_False()
    {
        var hash = MonitorPasswordHasher.Hash("correct horse", MonitorPasswordHasher.MinimumIterations);

        Assert.StartsWith(MonitorPasswordHasher.Prefix + "$100000$", hash, StringComparison.Ordinal);
        Assert.True(MonitorPasswordHasher.Verify("correct horse", hash));
        Assert.False(MonitorPasswordHasher.Verify("correct horsE", hash));
        Assert.False(MonitorPasswordHasher.Verify("", hash));
        Assert.False(MonitorPasswordHasher.Verify(null, hash));
    }

    [Fact]
    public void Hash_SamePasswordTwice_DifferentSalt()
    {
        Assert.NotEqual(
            MonitorPasswordHasher.Hash("pw", MonitorPasswordHasher.MinimumIterations),
            MonitorPasswordHasher.Hash("pw", MonitorPasswordHasher.MinimumIterations));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("secret")]
    [InlineData("pbkdf2-sha256$100000$c2FsdHNhbHQ=")]
    [InlineData("pbkdf2-sha1$100000$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha256$-5$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha256$100000$not base64!$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha256$99999999999$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA==")]
    public void Verify_MalformedHash_FalseAndNotWellFormed(string? encoded)
    {
        Assert.False(MonitorPasswordHasher.IsWellFormed(encoded));
        Assert.False(MonitorPasswordHasher.Verify("secret", encoded));
    }

    [Fact]
    public void Hash_TooFewIterations_Rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MonitorPasswordHasher.Hash("pw", 1000));
    }
}
