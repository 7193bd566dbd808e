namespace SiebelCti.Connector.Diagnostics;

/// <summary>
/// Stable error codes shared by every layer. A code never changes meaning once released; logs,
/// <c>Error</c> messages to the driver and the Connector Monitor all carry it. Codes are
/// UPPER_SNAKE_CASE and unique (a unit test checks both). Add new codes in their area's block.
/// </summary>
public static class ErrorCode
{
    // General
    /// <summary>A required service (broker, XMPP server, Finesse) did not answer.</summary>
    public const string ServiceUnreachable = "SERVICE_UNREACHABLE";

    // OpenWire (Connector.Core/OpenWire)

    // Finesse REST (Connector.Core/Finesse/Rest)

    // XMPP (Connector.Core/Finesse/Xmpp)

    // Driver <-> Connector messaging and engine (Connector.Core/Messaging, Connector.Core/Engine)
    /// <summary>A contract message has no JMSType.</summary>
    public const string MessageTypeMissing = "MESSAGE_TYPE_MISSING";

    /// <summary>A contract message's JMSType is not a message type of this protocol version.</summary>
    public const string MessageTypeUnknown = "MESSAGE_TYPE_UNKNOWN";

    /// <summary>A contract message body is not a JSON object of the expected shape.</summary>
    public const string MessageMalformed = "MESSAGE_MALFORMED";

    /// <summary>A contract message body exceeds the size limit.</summary>
    public const string MessageTooLarge = "MESSAGE_TOO_LARGE";

    /// <summary>A request is well-formed but a required field is missing or a value is not allowed.</summary>
    public const string MessageInvalid = "MESSAGE_INVALID";

    // Connector service and monitor (Connector.Service)
    /// <summary>The service configuration has one or more problems; the service does not start.</summary>
    public const string ConfigurationInvalid = "CONFIGURATION_INVALID";

    /// <summary>A monitor login was refused (wrong user or password).</summary>
    public const string MonitorLoginFailed = "MONITOR_LOGIN_FAILED";

    /// <summary>Too many failed monitor logins; further attempts are refused for a while.</summary>
    public const string MonitorLoginThrottled = "MONITOR_LOGIN_THROTTLED";

    /// <summary>The monitor source could not produce a snapshot.</summary>
    public const string MonitorSnapshotFailed = "MONITOR_SNAPSHOT_FAILED";

    /// <summary>A monitor API call needs a login.</summary>
    public const string MonitorLoginRequired = "MONITOR_LOGIN_REQUIRED";

    /// <summary>A monitor API request body is not what the endpoint expects.</summary>
    public const string MonitorBadRequest = "MONITOR_BAD_REQUEST";

    // Native driver (Driver)
}
