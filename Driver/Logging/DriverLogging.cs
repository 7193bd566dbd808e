using Microsoft.Extensions.Logging;
using SiebelCti.Driver.Configuration;

namespace SiebelCti.Driver.Logging;

/// <summary>
/// The driver's NLog set-up, process-wide (the .NET runtime in a Native AOT library is shared by
/// every driver instance): one <see cref="LoggingSetup"/> whose default file is
/// <c>logs/SiebelCtiDriver.log</c> beside the library.
/// </summary>
internal static class DriverLogging
{
    /// <summary>The default line layout: time, level, event id, agent, dialog, logger, message.</summary>
    public const string DefaultLayout =
        "${longdate}|${level:uppercase=true}|${event-properties:EventId}|agent=${scopeproperty:AgentId}|dialog=${scopeproperty:DialogId}|${logger:shortName=true}|${message}${onexception:|${exception:format=tostring}}";

    private static readonly LoggingSetup Shared = new(() => Path.Combine(AbiSettings.LibraryDirectory() ?? ".", "logs", "SiebelCtiDriver.log"));

    /// <inheritdoc cref="LoggingSetup.Factory"/>
    public static ILoggerFactory Factory => Shared.Factory;

    /// <inheritdoc cref="LoggingSetup.Configure"/>
    public static List<string> Configure(string? configPath) => Shared.Configure(configPath);

    /// <inheritdoc cref="LoggingSetup.Flush"/>
    public static void Flush() => Shared.Flush();
}
