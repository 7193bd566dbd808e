namespace SiebelCti.Interop.Tests;

public sealed class ScapiVersionTests
{
    [Fact]
    public void Default_is_version_2_of_the_adaptive_communications_api()
    {
        Assert.Equal(2, ScapiVersion.Default);
    }
}
