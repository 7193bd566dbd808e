namespace SiebelCti.Connector.Service.Diagnostics;

/// <summary>
/// The Connector service's and monitor's stable error codes. A code never changes meaning once released;
/// logs, <c>Error</c> messages to the driver and the Connector Monitor carry it. Codes are
/// UPPER_SNAKE_CASE and unique across the product (a unit test checks both).
/// </summary>
public static class ServiceErrorCode
{
    // Connector service and monitor (Connector.Service)
    /// <summary>The service configuration has one or more problems; the service does not start.</summary>
    public const string ConfigurationInvalid = "CONFIGURATION_INVALID";

    /// <summary>A monitor login was refused (wrong user or password).</summary>
    public const string MonitorLoginFailed = "MONITOR_LOGIN_FAILED";

    /// <summary>A monitor login attempt was refused: earlier attempts of its address or user already took the turns of the next 30 s.</summary>
    public const string MonitorLoginThrottled = "MONITOR_LOGIN_THROTTLED";

    /// <summary>A monitor login attempt got no password-check slot in time (too many checks at once).</summary>
    public const string MonitorLoginBusy = "MONITOR_LOGIN_BUSY";

    /// <summary>The monitor source could not produce a snapshot.</summary>
    public const string MonitorSnapshotFailed = "MONITOR_SNAPSHOT_FAILED";

    /// <summary>A monitor API call needs a login.</summary>
    public const string MonitorLoginRequired = "MONITOR_LOGIN_REQUIRED";

    /// <summary>A monitor API request body is not what the endpoint expects.</summary>
    public const string MonitorBadRequest = "MONITOR_BAD_REQUEST";
}
