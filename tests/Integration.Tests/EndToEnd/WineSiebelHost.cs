using System.Diagnostics;
using SiebelCti.Integration.Tests.Connector;

namespace SiebelCti.Integration.Tests.EndToEnd;

/// <summary>
/// The Windows builds of the driver played by the MinGW-built e2e host
/// (<c>tests/native/build/win64/siebel_e2e_host.exe</c>) under 64-bit Wine, with the same line
/// protocol as <see cref="SiebelHost"/>. scripts/test.sh publishes the DLLs, compiles the host and
/// prepares the Wine prefix (<c>WINEPREFIX</c>, or <c>$SIEBELCTI_RUN/wine</c>).
/// </summary>
internal static class WineSiebelHost
{
    /// <summary>A Windows build under artifacts/driver: <c>win-x64</c> (Native AOT) or <c>win-x64-hosted</c> (the win-x86 route).</summary>
    public static Task<SiebelHost> StartAsync(ConnectorUnderTest connector, string build)
    {
        var root = Environment.GetEnvironmentVariable("SIEBELCTI_ROOT") is { Length: > 0 } r
            ? r
            : throw new InvalidOperationException("SIEBELCTI_ROOT is not set: run these tests through 'bash scripts/test.sh'.");
        var exe = Path.Combine(root, "tests", "native", "build", "win64", "siebel_e2e_host.exe");
        var dll = Path.Combine(root, "artifacts", "driver", build, "SiebelCtiDriver.dll");
        var start = new ProcessStartInfo("wine", [exe, WindowsPath(dll)]);
        start.Environment["WINEPREFIX"] = Environment.GetEnvironmentVariable("WINEPREFIX") is { Length: > 0 } prefix
            ? prefix
            : Path.Combine(Environment.GetEnvironmentVariable("SIEBELCTI_RUN") ?? Path.Combine(root, ".run"), "wine");
        start.Environment["WINEDEBUG"] = "-all";
        if (build.EndsWith("-hosted", StringComparison.Ordinal))
        {
            // Wine 8 breaks CoreCLR's W^X double mapping (Internal CLR error 0x80131506); Windows does not need this.
            start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        }

        return SiebelHost.StartAsync(connector, start, [exe, dll]);
    }

    /// <summary>Wine maps the Linux root to drive Z:.</summary>
    private static string WindowsPath(string path) => "Z:" + path.Replace('/', '\\');
}
