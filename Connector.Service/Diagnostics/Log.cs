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

    [LoggerMessage(EventId = 6006, EventName = nameof(EventIds.MonitorListening), Level = LogLevel.Information, Message = "Connector Monitor listening on {Urls}")]
    public static partial void MonitorListening(ILogger logger, string urls);

    [LoggerMessage(EventId = 6007, EventName = nameof(EventIds.MonitorDisabled), Level = LogLevel.Information, Message = "Connector Monitor disabled (Monitor:Enabled=false)")]
    public static partial void MonitorDisabled(ILogger logger);

    [LoggerMessage(EventId = 6008, EventName = nameof(EventIds.MonitorLoginSucceeded), Level = LogLevel.Information, Message = "Monitor login of {User} from {Remote}")]
    public static partial void MonitorLoginSucceeded(ILogger logger, string user, string? remote);

    [LoggerMessage(EventId = 6009, EventName = nameof(EventIds.MonitorLoginFailed), Level = LogLevel.Warning, Message = "MONITOR_LOGIN_FAILED: wrong user or password from {Remote}")]
    public static partial void MonitorLoginFailed(ILogger logger, string? remote);

    [LoggerMessage(EventId = 6010, EventName = nameof(EventIds.MonitorLoginThrottled), Level = LogLevel.Warning, Message = "MONITOR_LOGIN_THROTTLED: a login attempt from {Remote} was refused, the next turn is in {RetryAfterSeconds} s ({NotLogged} more attempts refused since the last such line)")]
    public static partial void MonitorLoginThrottled(ILogger logger, string? remote, int retryAfterSeconds, int notLogged);

    [LoggerMessage(EventId = 6016, EventName = nameof(EventIds.MonitorLoginBusy), Level = LogLevel.Warning, Message = "MONITOR_LOGIN_BUSY: a login attempt from {Remote} got no password check within {Seconds} s ({NotLogged} more attempts refused since the last such line)")]
    public static partial void MonitorLoginBusy(ILogger logger, string? remote, double seconds, int notLogged);

    [LoggerMessage(EventId = 6017, EventName = nameof(EventIds.MonitorLogout), Level = LogLevel.Information, Message = "Monitor logout of {User} from {Remote}: the session is ended")]
    public static partial void MonitorLogout(ILogger logger, string? user, string? remote);

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
