
namespace SiebelCti.Connector.Service.Diagnostics;

/// <summary>Source-generated log messages of the service host and the monitor (event ids 6xxx).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = ServiceEventIds.ServiceStarting, EventName = nameof(ServiceEventIds.ServiceStarting), Level = LogLevel.Information, Message = "Connector service {Version} starting (content root {ContentRoot})")]
    public static partial void ServiceStarting(ILogger logger, string version, string contentRoot);

    [LoggerMessage(EventId = ServiceEventIds.ServiceStopping, EventName = nameof(ServiceEventIds.ServiceStopping), Level = LogLevel.Information, Message = "Connector service stopping: no new requests are consumed, requests in flight get up to {ShutdownTimeout} to finish")]
    public static partial void ServiceStopping(ILogger logger, TimeSpan shutdownTimeout);

    [LoggerMessage(EventId = ServiceEventIds.ServiceStopped, EventName = nameof(ServiceEventIds.ServiceStopped), Level = LogLevel.Information, Message = "Connector service stopped")]
    public static partial void ServiceStopped(ILogger logger);

    [LoggerMessage(EventId = ServiceEventIds.ConfigurationInvalid, EventName = nameof(ServiceEventIds.ConfigurationInvalid), Level = LogLevel.Critical, Message = "CONFIGURATION_INVALID: {Problem}")]
    public static partial void ConfigurationInvalid(ILogger logger, string problem);

    [LoggerMessage(EventId = ServiceEventIds.ConfigurationUnknownKey, EventName = nameof(ServiceEventIds.ConfigurationUnknownKey), Level = LogLevel.Warning, Message = "{Warning}")]
    public static partial void ConfigurationUnknownKey(ILogger logger, string warning);

    [LoggerMessage(EventId = ServiceEventIds.MonitorListening, EventName = nameof(ServiceEventIds.MonitorListening), Level = LogLevel.Information, Message = "Connector Monitor listening on {Urls}")]
    public static partial void MonitorListening(ILogger logger, string urls);

    [LoggerMessage(EventId = ServiceEventIds.MonitorDisabled, EventName = nameof(ServiceEventIds.MonitorDisabled), Level = LogLevel.Information, Message = "Connector Monitor disabled (Monitor:Enabled=false)")]
    public static partial void MonitorDisabled(ILogger logger);

    [LoggerMessage(EventId = ServiceEventIds.MonitorLoginSucceeded, EventName = nameof(ServiceEventIds.MonitorLoginSucceeded), Level = LogLevel.Information, Message = "Monitor login of {User} from {Remote}")]
    public static partial void MonitorLoginSucceeded(ILogger logger, string user, string? remote);

    [LoggerMessage(EventId = ServiceEventIds.MonitorLoginFailed, EventName = nameof(ServiceEventIds.MonitorLoginFailed), Level = LogLevel.Warning, Message = "MONITOR_LOGIN_FAILED: wrong user or password from {Remote}")]
    public static partial void MonitorLoginFailed(ILogger logger, string? remote);

    [LoggerMessage(EventId = ServiceEventIds.MonitorLoginThrottled, EventName = nameof(ServiceEventIds.MonitorLoginThrottled), Level = LogLevel.Warning, Message = "MONITOR_LOGIN_THROTTLED: a login attempt from {Remote} was refused, the next turn is in {RetryAfterSeconds} s ({NotLogged} more attempts refused since the last such line)")]
    public static partial void MonitorLoginThrottled(ILogger logger, string? remote, int retryAfterSeconds, int notLogged);

    [LoggerMessage(EventId = ServiceEventIds.MonitorLoginBusy, EventName = nameof(ServiceEventIds.MonitorLoginBusy), Level = LogLevel.Warning, Message = "MONITOR_LOGIN_BUSY: a login attempt from {Remote} got no password check within {Seconds} s ({NotLogged} more attempts refused since the last such line)")]
    public static partial void MonitorLoginBusy(ILogger logger, string? remote, double seconds, int notLogged);

    [LoggerMessage(EventId = ServiceEventIds.MonitorLogout, EventName = nameof(ServiceEventIds.MonitorLogout), Level = LogLevel.Information, Message = "Monitor logout of {User} from {Remote}: the session is ended")]
    public static partial void MonitorLogout(ILogger logger, string? user, string? remote);

    [LoggerMessage(EventId = ServiceEventIds.MonitorSnapshotFailed, EventName = nameof(ServiceEventIds.MonitorSnapshotFailed), Level = LogLevel.Error, Message = "MONITOR_SNAPSHOT_FAILED: the monitor source threw")]
    public static partial void MonitorSnapshotFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = ServiceEventIds.MonitorEventStreamFailed, EventName = nameof(ServiceEventIds.MonitorEventStreamFailed), Level = LogLevel.Warning, Message = "Monitor event stream to {Remote} ended with an error")]
    public static partial void MonitorEventStreamFailed(ILogger logger, string? remote, Exception exception);

    [LoggerMessage(EventId = ServiceEventIds.MonitorDemoMode, EventName = nameof(ServiceEventIds.MonitorDemoMode), Level = LogLevel.Warning, Message = "Connector Monitor in demo mode (Monitor:Demo=true): it shows generated data, not the engine")]
    public static partial void MonitorDemoMode(ILogger logger);

    [LoggerMessage(EventId = ServiceEventIds.FinesseCertificateChecksDisabled, EventName = nameof(ServiceEventIds.FinesseCertificateChecksDisabled), Level = LogLevel.Warning, Message = "Finesse:AllowInvalidCertificates=true: Finesse server certificates are NOT checked; use this in a lab only")]
    public static partial void FinesseCertificateChecksDisabled(ILogger logger);

    [LoggerMessage(EventId = ServiceEventIds.MonitorPlainHttpOnNetwork, EventName = nameof(ServiceEventIds.MonitorPlainHttpOnNetwork), Level = LogLevel.Warning, Message = "Connector Monitor URL {Url} is plain HTTP on a non-loopback address: the login password crosses the network unencrypted; use https")]
    public static partial void MonitorPlainHttpOnNetwork(ILogger logger, string url);
}
