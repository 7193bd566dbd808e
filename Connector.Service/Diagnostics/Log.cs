using SiebelCti.Connector.Diagnostics;

namespace SiebelCti.Connector.Service.Diagnostics;

/// <summary>Source-generated log messages of the service host and the monitor (event ids 6xxx).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6000, EventName = nameof(EventIds.ServiceStarting), Level = LogLevel.Information, Message = "Connector service {Version} starting (content root {ContentRoot})")]
    public static partial void ServiceStarting(ILogger logger, string version, string contentRoot);

    [LoggerMessage(EventId = 6001, EventName = nameof(EventIds.ServiceStopping), Level = LogLevel.Information, Message = "Connector service stopping: no new requests are consumed, requests in flight get up to {ShutdownTimeout} to finish")]
    public static partial void ServiceStopping(ILogger logger, TimeSpan shutdownTimeout);

    [LoggerMessage(EventId = 6002, EventName = nameof(EventIds.ServiceStopped), Level = LogLevel.Information, Message = "Connector service stopped")]
    public static partial void ServiceStopped(ILogger logger);

    [LoggerMessage(EventId = 6003, EventName = nameof(EventIds.ConfigurationInvalid), Level = LogLevel.Critical, Message = "CONFIGURATION_INVALID: {Problem}")]
    public static partial void ConfigurationInvalid(ILogger logger, string problem);

    [LoggerMessage(EventId = 6004, EventName = nameof(EventIds.ConfigurationUnknownKey), Level = LogLevel.Warning, Message = "{Warning}")]
    public static partial void ConfigurationUnknownKey(ILogger logger, string warning);

    [LoggerMessage(EventId = 6005, EventName = nameof(EventIds.EngineNotWired), Level = LogLevel.Warning, Message = "No connector engine is registered in this build; the monitor shows the service as OUT_OF_SERVICE")]
    public static partial void EngineNotWired(ILogger logger);

    [LoggerMessage(EventId = 6006, EventName = nameof(EventIds.MonitorListening), Level = LogLevel.Information, Message = "Connector Monitor listening on {Urls}")]
    public static partial void MonitorListening(ILogger logger, string urls);

    [LoggerMessage(EventId = 6007, EventName = nameof(EventIds.MonitorDisabled), Level = LogLevel.Information, Message = "Connector Monitor disabled (Monitor:Enabled=false)")]
    public static partial void MonitorDisabled(ILogger logger);

    [LoggerMessage(EventId = 6008, EventName = nameof(EventIds.MonitorLoginSucceeded), Level = LogLevel.Information, Message = "Monitor login of {User} from {Remote}")]
    public static partial void MonitorLoginSucceeded(ILogger logger, string user, string? remote);

    [LoggerMessage(EventId = 6009, EventName = nameof(EventIds.MonitorLoginFailed), Level = LogLevel.Warning, Message = "MONITOR_LOGIN_FAILED: wrong user or password from {Remote}")]
    public static partial void MonitorLoginFailed(ILogger logger, string? remote);

    [LoggerMessage(EventId = 6010, EventName = nameof(EventIds.MonitorLoginThrottled), Level = LogLevel.Warning, Message = "MONITOR_LOGIN_THROTTLED: too many failed logins from {Remote}; refused until {Until}")]
    public static partial void MonitorLoginThrottled(ILogger logger, string? remote, DateTimeOffset until);

    [LoggerMessage(EventId = 6011, EventName = nameof(EventIds.MonitorSnapshotFailed), Level = LogLevel.Error, Message = "MONITOR_SNAPSHOT_FAILED: the monitor source threw")]
    public static partial void MonitorSnapshotFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6012, EventName = nameof(EventIds.MonitorEventStreamFailed), Level = LogLevel.Warning, Message = "Monitor event stream to {Remote} ended with an error")]
    public static partial void MonitorEventStreamFailed(ILogger logger, string? remote, Exception exception);

    [LoggerMessage(EventId = 6013, EventName = nameof(EventIds.MonitorDemoMode), Level = LogLevel.Warning, Message = "Connector Monitor in demo mode (Monitor:Demo=true): it shows generated data, not the engine")]
    public static partial void MonitorDemoMode(ILogger logger);

    [LoggerMessage(EventId = 6014, EventName = nameof(EventIds.FinesseCertificateChecksDisabled), Level = LogLevel.Warning, Message = "Finesse:AllowInvalidCertificates=true: Finesse server certificates are NOT checked; use this in a lab only")]
    public static partial void FinesseCertificateChecksDisabled(ILogger logger);

    [LoggerMessage(EventId = 6015, EventName = nameof(EventIds.MonitorPlainHttpOnNetwork), Level = LogLevel.Warning, Message = "Connector Monitor URL {Url} is plain HTTP on a non-loopback address: the login password crosses the network unencrypted; use https")]
    public static partial void MonitorPlainHttpOnNetwork(ILogger logger, string url);
}
