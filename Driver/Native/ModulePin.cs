using System.Runtime.InteropServices;
using SiebelCti.Driver.Logging;

namespace SiebelCti.Driver.Native;

/// <summary>
/// Keeps the driver library loaded for the life of the process. The .NET runtime inside a Native
/// AOT library cannot be unloaded (its threads keep running its code), so a host that unloads the
/// library after releasing it (<c>dlclose</c>, <c>FreeLibrary</c>) would crash a few moments later.
/// Oracle does not say that the Communications Session Manager never unloads a driver, so the
/// driver pins itself on its first call: on Linux it opens itself again with
/// <c>RTLD_NODELETE</c>, on Windows it takes a pinned module reference
/// (<c>GET_MODULE_HANDLE_EX_FLAG_PIN</c>). After that an unload request only drops the host's
/// reference. Never throws; a failure is logged (9028) and the driver works as before.
/// </summary>
internal static unsafe partial class ModulePin
{
    private const int RtldNow = 0x2;
    private const int RtldNoLoad = 0x4;
    private const int RtldNoDelete = 0x1000;
    private const uint GetModuleHandleExFlagPin = 0x1;
    private const uint GetModuleHandleExFlagFromAddress = 0x4;

    private static int s_state; // 0 = not tried, 1 = pinned, 2 = failed

    /// <summary>True once the library is pinned.</summary>
    public static bool Pinned => Volatile.Read(ref s_state) == 1;

    /// <summary>Pins the library the first time it is called; later calls cost one read.</summary>
    public static void Ensure()
    {
        if (Volatile.Read(ref s_state) != 0 || Interlocked.CompareExchange(ref s_state, 2, 0) != 0)
        {
            return;
        }
        string? failure;
        try
        {
            failure = OperatingSystem.IsWindows() ? PinWindows() : OperatingSystem.IsLinux() ? PinLinux() : "not supported on this operating system";
        }
        catch (Exception ex)
        {
            failure = ex.Message;
        }
        if (failure is null)
        {
            Volatile.Write(ref s_state, 1);
            return;
        }
        try
        {
            Log.ModulePinFailed(DriverRegistry.Boundary, failure);
        }
        catch (Exception)
        {
            // Logging must never turn this into a failure of the export that called it.
        }
    }

    private static string? PinLinux()
    {
        delegate* unmanaged[Cdecl]<CLong> anyExport = &Exports.APIVersion;
        DlInfo info;
        if (DlAddr(anyExport, &info) == 0 || info.FileName == null)
        {
            return "dladdr found no file for the driver's own code";
        }
        // Already loaded (RTLD_NOLOAD): this only adds a reference and the NODELETE flag.
        return DlOpen(info.FileName, RtldNow | RtldNoLoad | RtldNoDelete) == 0
            ? $"dlopen of {Marshal.PtrToStringUTF8((nint)info.FileName)} with RTLD_NODELETE failed"
            : null;
    }

    private static string? PinWindows()
    {
        delegate* unmanaged[Cdecl]<CLong> anyExport = &Exports.APIVersion;
        nint module;
        return GetModuleHandleEx(GetModuleHandleExFlagPin | GetModuleHandleExFlagFromAddress, anyExport, &module) == 0
            ? $"GetModuleHandleEx(PIN) failed with error {Marshal.GetLastPInvokeError()}"
            : null;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct DlInfo
    {
        public byte* FileName;
        public void* BaseAddress;
        public byte* SymbolName;
        public void* SymbolAddress;
    }

    // libdl.so.2 exists on every glibc (since 2.34 it forwards to libc.so.6).
    [LibraryImport("libdl.so.2", EntryPoint = "dladdr")]
    private static partial int DlAddr(void* address, DlInfo* info);

    [LibraryImport("libdl.so.2", EntryPoint = "dlopen")]
    private static partial nint DlOpen(byte* fileName, int flags);

    [LibraryImport("kernel32", EntryPoint = "GetModuleHandleExW", SetLastError = true)]
    private static partial int GetModuleHandleEx(uint flags, void* address, nint* module);
}
