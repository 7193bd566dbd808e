using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SiebelCti.Interop;

namespace SiebelCti.Driver;

/// <summary>
/// The C entry points Siebel calls, with the exact names Oracle documents. Each export only
/// translates arguments and delegates; none lets an exception cross the native boundary.
/// </summary>
internal static class Exports
{
    /// <summary><c>ISCAPI long APIVersion();</c> — the first call of the documented load sequence.</summary>
    [UnmanagedCallersOnly(EntryPoint = "APIVersion", CallConvs = [typeof(CallConvCdecl)])]
    public static CLong APIVersion() => new(ScapiVersion.Default);
}
