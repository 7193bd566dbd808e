using Microsoft.Extensions.Logging;
using NLog;
using NLog.Config;
using NLog.Extensions.Logging;
using NLog.Layouts;
using NLog.Targets;
using SiebelCti.Driver.Configuration;

namespace SiebelCti.Driver.Logging;

/// <summary>
/// The driver's NLog set-up, process-wide (the .NET runtime in a Native AOT library is shared by
/// every driver instance). Targets are registered in code so that an NLog XML file given by the
/// <c>LogConfig</c> driver parameter works under AOT. Without one, the driver logs Info and above
/// to <c>logs/SiebelCtiDriver.log</c> beside the library. The first instance that configures
/// logging wins; the last release flushes. Every line carries the agent id and dialog id scopes.
/// </summary>
internal static class DriverLogging
{
    /// <summary>The default line layout: time, level, event id, agent, dialog, logger, message.</summary>
    public const string DefaultLayout =
        "${longdate}|${level:uppercase=true}|${event-properties:EventId}|agent=${scopeproperty:AgentId}|dialog=${scopeproperty:DialogId}|${logger:shortName=true}|${message}${onexception:|${exception:format=tostring}}";

    private static readonly System.Threading.Lock Gate = new();
    private static LogFactory? s_nlog;
    private static ILoggerFactory? s_factory;
    private static string? s_configPath;

    /// <summary>The logger factory; set up with the default configuration on first use.</summary>
    public static ILoggerFactory Factory
    {
        get
        {
            lock (Gate)
            {
                return s_factory ??= Build(null, []);
            }
        }
    }

    /// <summary>
    /// Applies <paramref name="configPath"/> if logging is not configured from a file yet. Returns
    /// the problems found (the default configuration stays in force when the file cannot be used).
    /// </summary>
    public static List<string> Configure(string? configPath)
    {
        var problems = new List<string>();
        if (configPath is null)
        {
            _ = Factory;
            return problems;
        }
        lock (Gate)
        {
            if (s_configPath is not null)
            {
                if (!string.Equals(s_configPath, configPath, StringComparison.Ordinal))
                {
                    problems.Add($"logging is already configured from '{s_configPath}'; LogConfig '{configPath}' of this profile is not applied");
                }
                return problems;
            }
            var previous = s_nlog;
            var built = Build(configPath, problems);
            if (problems.Count > 0)
            {
                s_factory ??= Build(null, []);
                return problems;
            }
            s_factory = built;
            s_configPath = configPath;
            previous?.Shutdown();
        }
        return problems;
    }

    /// <summary>Writes out everything buffered (called on the last release).</summary>
    public static void Flush()
    {
        lock (Gate)
        {
            s_nlog?.Flush(TimeSpan.FromSeconds(5));
        }
    }

    private static ILoggerFactory Build(string? configPath, List<string> problems)
    {
        var nlog = new LogFactory();
        nlog.Setup().SetupExtensions(e => e
            .RegisterTarget<FileTarget>("File")
            .RegisterTarget<ConsoleTarget>("Console")
            .RegisterTarget<NullTarget>("Null")
            .RegisterTarget<MemoryTarget>("Memory"));
        if (configPath is not null)
        {
            try
            {
                nlog.Configuration = new XmlLoggingConfiguration(configPath, nlog);
            }
            catch (Exception ex) when (ex is NLogConfigurationException or IOException or UnauthorizedAccessException or System.Xml.XmlException)
            {
                problems.Add($"LogConfig '{configPath}' cannot be loaded: {ex.Message}");
                return ProviderFactory(nlog);
            }
        }
        else
        {
            var config = new LoggingConfiguration(nlog);
            var directory = AbiSettings.LibraryDirectory() ?? ".";
            var file = new FileTarget("file")
            {
                FileName = Path.Combine(directory, "logs", "SiebelCtiDriver.log"),
                Layout = Layout.FromString(DefaultLayout),
                KeepFileOpen = true,
            };
            config.AddRule(NLog.LogLevel.Info, NLog.LogLevel.Fatal, file);
            nlog.Configuration = config;
        }
        s_nlog = nlog;
        return ProviderFactory(nlog);
    }

    private static LoggerFactory ProviderFactory(LogFactory nlog) =>
        new([new NLogLoggerProvider(new NLogProviderOptions { IncludeScopes = true, CaptureEventId = EventIdCaptureType.EventId }, nlog)]);
}
