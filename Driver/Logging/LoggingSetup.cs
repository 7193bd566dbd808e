using Microsoft.Extensions.Logging;
using NLog;
using NLog.Config;
using NLog.Extensions.Logging;
using NLog.Layouts;
using NLog.Targets;

namespace SiebelCti.Driver.Logging;

/// <summary>
/// One NLog <see cref="LogFactory"/> and the one <see cref="ILoggerFactory"/> over it that every driver instance
/// and service logs through. Targets are registered in code so that an NLog XML file given by the
/// <c>LogConfig</c> driver parameter works under AOT. Without one, Info and above go to the default file. The
/// first <c>LogConfig</c> wins, and it is applied to the same NLog factory: the loggers that instances created
/// before it hold write to its targets from then on (replacing the factory silenced them). Every line carries the
/// agent id and dialog id scopes.
/// </summary>
internal sealed class LoggingSetup(Func<string> defaultFile)
{
    private readonly System.Threading.Lock _gate = new();
    private LogFactory? _nlog;
    private ILoggerFactory? _factory;
    private string? _configPath;

    /// <summary>The logger factory; set up with the default configuration on first use.</summary>
    public ILoggerFactory Factory
    {
        get
        {
            lock (_gate)
            {
                return _factory ??= Build();
            }
        }
    }

    /// <summary>
    /// Applies <paramref name="configPath"/> if logging is not configured from a file yet. Returns
    /// the problems found (the configuration in force stays when the file cannot be used).
    /// </summary>
    public List<string> Configure(string? configPath)
    {
        var problems = new List<string>();
        lock (_gate)
        {
            _factory ??= Build();
            if (configPath is null)
            {
                return problems;
            }

            if (_configPath is not null)
            {
                if (!string.Equals(_configPath, configPath, StringComparison.Ordinal))
                {
                    problems.Add($"logging is already configured from '{_configPath}'; LogConfig '{configPath}' of this profile is not applied");
                }

                return problems;
            }

            try
            {
                _nlog!.Configuration = new XmlLoggingConfiguration(configPath, _nlog);
                _configPath = configPath;
            }
            catch (Exception ex) when (ex is NLogConfigurationException or IOException or UnauthorizedAccessException or System.Xml.XmlException)
            {
                problems.Add($"LogConfig '{configPath}' cannot be loaded: {ex.Message}");
            }
        }

        return problems;
    }

    /// <summary>Writes out everything buffered (called on the last release).</summary>
    public void Flush()
    {
        lock (_gate)
        {
            _nlog?.Flush(TimeSpan.FromSeconds(5));
        }
    }

    private LoggerFactory Build()
    {
        var nlog = new LogFactory();
        nlog.Setup().SetupExtensions(e => e
            .RegisterTarget<FileTarget>("File")
            .RegisterTarget<ConsoleTarget>("Console")
            .RegisterTarget<NullTarget>("Null")
            .RegisterTarget<MemoryTarget>("Memory"));
        var config = new LoggingConfiguration(nlog);
        var file = new FileTarget("file")
        {
            FileName = defaultFile(),
            Layout = Layout.FromString(DriverLogging.DefaultLayout),
            KeepFileOpen = true,
        };
        config.AddRule(NLog.LogLevel.Info, NLog.LogLevel.Fatal, file);
        nlog.Configuration = config;
        _nlog = nlog;
        return new LoggerFactory([new NLogLoggerProvider(new NLogProviderOptions { IncludeScopes = true, CaptureEventId = EventIdCaptureType.EventId }, nlog)]);
    }
}
