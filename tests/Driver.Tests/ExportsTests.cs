using System.Runtime.InteropServices;

namespace SiebelCti.Driver.Tests;

public sealed unsafe class ExportsTests
{
    [Fact]
    public void APIVersion_called_through_its_unmanaged_pointer_returns_the_scapi_version()
    {
        delegate* unmanaged[Cdecl]<CLong> apiVersion = &Exports.APIVersion;

        Assert.Equal(2, (long)apiVersion().Value);
    }
}
