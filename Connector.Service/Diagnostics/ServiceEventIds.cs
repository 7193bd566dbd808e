namespace SiebelCti.Connector.Service.Diagnostics;

/// <summary>
/// The Connector service's and monitor's event ids, 6xxx. Constants, so that each <c>[LoggerMessage]</c> names its id and the compiler keeps
/// the two in step; a number is never reused for another message. The ranges of every assembly
/// are listed in docs/operations.md.
/// </summary>
public static class ServiceEventIds
{
    public const int ServiceStarting = 6000;
    public const int ServiceStopping = 6001;
    public const int ServiceStopped = 6002;
    public const int ConfigurationInvalid = 6003;
    public const int ConfigurationUnknownKey = 6004;
    public const int MonitorListening = 6006;
    public const int MonitorDisabled = 6007;
    public const int MonitorLoginSucceeded = 6008;
    public const int MonitorLoginFailed = 6009;
    public const int MonitorLoginThrottled = 6010;
    public const int MonitorSnapshotFailed = 6011;
    public const int MonitorEventStreamFailed = 6012;
    public const int MonitorDemoMode = 6013;
    public const int FinesseCertificateChecksDisabled = 6014;
    public const int MonitorPlainHttpOnNetwork = 6015;
    public const int MonitorLoginBusy = 6016;
    public const int MonitorLogout = 6017;
}
