using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SiebelCti.Driver.Configuration;
using SiebelCti.Interop;

namespace SiebelCti.Driver.Native;

/// <summary>
/// What only the hosted Windows build asks the managed driver (eng/windows/hosted-driver.c, through
/// hostfxr): not a Siebel export, and not exported by the Native AOT libraries (no entry point name).
/// </summary>
internal static class HostedEntryPoints
{
    /// <summary>
    /// How many slots Siebel's <c>ISC_CLIENT_INTERFACE</c> has in this deployment's layout: on x86
    /// the struct is passed by value on the stack, so the arguments after it follow that many slots.
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int ClientInterfaceSlots()
    {
        try
        {
            return AbiSettings.Current.ClientInterface.Order.Length;
        }
        catch (Exception)
        {
            return ClientInterfaceLayout.Default.Order.Length;
        }
    }
}
