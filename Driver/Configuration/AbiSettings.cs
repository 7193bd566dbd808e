using System.Globalization;
using System.Runtime.InteropServices;
using SiebelCti.Interop;

namespace SiebelCti.Driver.Configuration;

/// <summary>
/// The ABI facts Oracle does not publish, as this deployment uses them: the <c>SCAPI_VERSION</c>
/// that <c>APIVersion</c> reports and the slot order of <c>ISC_CLIENT_INTERFACE</c>; and the
/// channel strings the driver serves (asked before any driver parameter is known, so they cannot be
/// a driver parameter). Compiled-in defaults come from <see cref="ScapiVersion"/>,
/// <see cref="ClientInterfaceLayout.Default"/> and <see cref="DefaultChannelStrings"/>;
/// a deployer overrides them without a rebuild in <c>SiebelCtiDriver.abi.conf</c> beside the
/// library (or the file named by the environment variable <c>SIEBELCTI_DRIVER_ABI_CONF</c>).
/// </summary>
internal sealed partial record AbiSettings(int ScapiVersion, ClientInterfaceLayout ClientInterface, string? Source, IReadOnlyList<string> Problems)
{
    public const string FileName = "SiebelCtiDriver.abi.conf";
    public const string PathVariable = "SIEBELCTI_DRIVER_ABI_CONF";

    private static readonly Lazy<AbiSettings> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The channel string of the shipped driver record (samples/siebel/SiebelCtiDriver.def).</summary>
    public static IReadOnlyList<string> DefaultChannelStrings { get; } = ["Voice"];

    // Declared after DefaultChannelStrings: static initializers run in declaration order.
    public static AbiSettings Defaults { get; } = new(Interop.ScapiVersion.Default, ClientInterfaceLayout.Default, null, []);

    /// <summary>
    /// The channel strings (<c>mediaTypeStr</c>) this driver serves: <c>RequestMediaTypeList</c> lists
    /// them, and <c>CreateISCDriverInstance</c> and <c>RequestCommandEventList</c> refuse any other
    /// with <c>SC_EC_MEDIA_TYPE_NOT_SUPPORTED</c>. Compared case-insensitively.
    /// </summary>
    public IReadOnlyList<string> ChannelStrings { get; init; } = DefaultChannelStrings;

    /// <summary>True when <paramref name="mediaType"/> is one of <see cref="ChannelStrings"/> (ignoring case and surrounding blanks).</summary>
    public bool Serves(string? mediaType) =>
        mediaType is not null && ChannelStrings.Any(c => string.Equals(c, mediaType.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The settings of this process, read once.</summary>
    public static AbiSettings Current => Loaded.Value;

    /// <summary>Parses the override file's lines; keeps the default for anything invalid and reports it.</summary>
    public static AbiSettings Parse(IEnumerable<string> lines, string source)
    {
        var problems = new List<string>();
        var version = Defaults.ScapiVersion;
        var layout = Defaults.ClientInterface;
        var channels = DefaultChannelStrings;
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                problems.Add($"{source}:{number}: expected 'Key = Value'");
                continue;
            }
            var key = line[..eq].Trim();
            var value = line[(eq + 1)..].Trim();
            if (key.Equals("ScapiVersion", StringComparison.OrdinalIgnoreCase))
            {
                if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v is >= int.MinValue and <= int.MaxValue)
                {
                    version = (int)v;
                }
                else
                {
                    problems.Add($"{source}:{number}: ScapiVersion '{value}' is not a 32-bit integer");
                }
            }
            else if (key.Equals("ClientInterface", StringComparison.OrdinalIgnoreCase))
            {
                var members = new List<ClientMember>();
                foreach (var name in value.Split(',', StringSplitOptions.TrimEntries))
                {
                    if (name is "-" or "")
                    {
                        members.Add(ClientMember.Unused);
                    }
                    else if (Enum.TryParse<ClientMember>(name, ignoreCase: true, out var member) && !int.TryParse(name, out _))
                    {
                        members.Add(member);
                    }
                    else
                    {
                        problems.Add($"{source}:{number}: '{name}' is not a client interface member (use one of {string.Join(", ", Enum.GetNames<ClientMember>())} or '-')");
                    }
                }
                var created = ClientInterfaceLayout.TryCreate(members, out var layoutProblems);
                problems.AddRange(layoutProblems.Select(p => $"{source}:{number}: {p}"));
                if (created is not null && layoutProblems.Count == 0)
                {
                    layout = created;
                }
            }
            else if (key.Equals("ChannelStrings", StringComparison.OrdinalIgnoreCase))
            {
                var names = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (names.Length == 0 || names.Any(n => n.Length > 100 || n.Any(char.IsControl)))
                {
                    problems.Add($"{source}:{number}: ChannelStrings must list one or more channel strings, separated by commas (at most 100 characters each)");
                }
                else
                {
                    channels = names;
                }
            }
            else
            {
                problems.Add($"{source}:{number}: unknown key '{key}' (expected ScapiVersion, ClientInterface or ChannelStrings)");
            }
        }
        return new AbiSettings(version, layout, source, problems) { ChannelStrings = channels };
    }

    private static AbiSettings Load()
    {
        try
        {
            var path = Environment.GetEnvironmentVariable(PathVariable);
            if (string.IsNullOrEmpty(path))
            {
                var directory = LibraryDirectory();
                path = directory is null ? null : Path.Combine(directory, FileName);
            }
            return path is not null && File.Exists(path) ? Parse(File.ReadAllLines(path), path) : Defaults;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Defaults with { Problems = [$"{FileName}: {ex.Message}"] };
        }
    }

    /// <summary>
    /// The AppContext key under which the hosted Windows build (eng/windows/hosted-driver.c) passes
    /// the directory of its SiebelCtiDriver.dll: the managed code runs from a subfolder there.
    /// </summary>
    public const string HostedDirectoryKey = "SiebelCti.DriverDirectory";

    /// <summary>The directory of the loaded driver library (not of the host process).</summary>
    public static unsafe string? LibraryDirectory()
    {
        delegate* unmanaged[Cdecl]<CLong> anyExport = &Exports.APIVersion;
        if (!OperatingSystem.IsWindows())
        {
            DlInfo info;
            if (DlAddr(anyExport, &info) != 0 && info.FileName != null)
            {
                return Path.GetDirectoryName(Marshal.PtrToStringUTF8((nint)info.FileName));
            }
        }
        else if (AppContext.GetData(HostedDirectoryKey) is string { Length: > 0 } hosted)
        {
            return hosted;
        }
        else
        {
            // Native AOT on Windows: AppContext.BaseDirectory is the host process's directory, not the DLL's.
            const uint fromAddress = 0x4, unchangedRefCount = 0x2;
            var path = stackalloc char[1024];
            if (GetModuleHandleEx(fromAddress | unchangedRefCount, anyExport, out var module) != 0
                && GetModuleFileName(module, path, 1024) is > 0 and < 1024)
            {
                return Path.GetDirectoryName(new string(path));
            }
        }
        return AppContext.BaseDirectory;
    }

    [LibraryImport("kernel32", EntryPoint = "GetModuleHandleExW")]
    private static unsafe partial int GetModuleHandleEx(uint flags, void* address, out nint module);

    [LibraryImport("kernel32", EntryPoint = "GetModuleFileNameW")]
    private static unsafe partial uint GetModuleFileName(nint module, char* fileName, uint size);

    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct DlInfo
    {
        public byte* FileName;
        public void* BaseAddress;
        public byte* SymbolName;
        public void* SymbolAddress;
    }

    [LibraryImport("libc", EntryPoint = "dladdr")]
    private static unsafe partial int DlAddr(void* address, DlInfo* info);
}
