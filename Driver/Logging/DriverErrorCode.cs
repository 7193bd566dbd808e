namespace SiebelCti.Driver.Logging;

/// <summary>
/// The native driver's stable error codes (NATIVE_*, DRIVER_*). A code never changes meaning once released;
/// logs, <c>Error</c> messages to the driver and the Connector Monitor carry it. Codes are
/// UPPER_SNAKE_CASE and unique across the product (a unit test checks both).
/// </summary>
internal static class DriverErrorCode
{
    // Native driver (Driver)
    /// <summary>An export failed with an exception the driver did not expect (a bug); the export returned SC_EC_ERROR.</summary>
    public const string NativeUnexpected = "NATIVE_UNEXPECTED";
    /// <summary>A driver or service handle from Siebel is null, unknown, stale or already released.</summary>
    public const string NativeInvalidHandle = "NATIVE_INVALID_HANDLE";
    /// <summary>A required pointer argument from Siebel is null.</summary>
    public const string NativeNullArgument = "NATIVE_NULL_ARGUMENT";
    /// <summary>A string from Siebel is longer than the driver accepts or has no terminating NUL within that length.</summary>
    public const string NativeStringTooLong = "NATIVE_STRING_TOO_LONG";
    /// <summary>A string from Siebel held unpaired UTF-16 surrogates; they were replaced with U+FFFD.</summary>
    public const string NativeTextRepaired = "NATIVE_TEXT_REPAIRED";
    /// <summary>A key/value list from Siebel has a negative or too large length, or a length without items.</summary>
    public const string NativeBadList = "NATIVE_BAD_LIST";
    /// <summary>FreeSCStrParamList got a list the driver did not hand out, or one it already freed.</summary>
    public const string NativeForeignList = "NATIVE_FOREIGN_LIST";
    /// <summary>The ABI override file beside the library (SiebelCtiDriver.abi.conf) is invalid.</summary>
    public const string DriverAbiConfigInvalid = "DRIVER_ABI_CONFIG_INVALID";
    /// <summary>The driver or service parameters are invalid; the log line lists every problem.</summary>
    public const string DriverBadParameters = "DRIVER_BAD_PARAMETERS";
    /// <summary>The channel string (media type) is not one the driver serves.</summary>
    public const string DriverMediaTypeNotSupported = "DRIVER_MEDIA_TYPE_NOT_SUPPORTED";
    /// <summary>The client interface passed to RequestService lacks a client method the driver needs.</summary>
    public const string DriverClientInterfaceInvalid = "DRIVER_CLIENT_INTERFACE_INVALID";
    /// <summary>InvokeCommand or InvokeCommandEx named a command the driver does not have.</summary>
    public const string DriverCommandNotSupported = "DRIVER_COMMAND_NOT_SUPPORTED";
    /// <summary>A command lacks a required parameter or has an invalid one.</summary>
    public const string DriverCommandInvalid = "DRIVER_COMMAND_INVALID";
    /// <summary>A call command found no call to act on in the agent's current state.</summary>
    public const string DriverNoCall = "DRIVER_NO_CALL";
    /// <summary>A work-item or call command named a tracking id the driver does not know.</summary>
    public const string DriverUnknownWorkItem = "DRIVER_UNKNOWN_WORK_ITEM";
    /// <summary>The connector did not answer a request within the request timeout.</summary>
    public const string DriverRequestTimeout = "DRIVER_REQUEST_TIMEOUT";
    /// <summary>The connector link is down, so a request could not be sent.</summary>
    public const string DriverConnectorUnavailable = "DRIVER_CONNECTOR_UNAVAILABLE";
    /// <summary>A Siebel client callback returned a failure code.</summary>
    public const string DriverCallbackFailed = "DRIVER_CALLBACK_FAILED";
    /// <summary>The logging configuration file named by LogConfig could not be loaded.</summary>
    public const string DriverLogConfigInvalid = "DRIVER_LOG_CONFIG_INVALID";
    /// <summary>A Connector message that must name an agent (all but System and Error) has no agentId; the driver dropped it.</summary>
    public const string DriverMessageWithoutAgent = "DRIVER_MESSAGE_WITHOUT_AGENT";
    /// <summary>A Connector message names an agent no service of this driver instance serves (e.g. a late event after release); dropped.</summary>
    public const string DriverUnknownAgent = "DRIVER_UNKNOWN_AGENT";
    /// <summary>Siebel took no events of an agent service for so long that its queue filled; unasked events were dropped and the service asks the Connector for the agent's full state once it drains.</summary>
    public const string DriverEventsDropped = "DRIVER_EVENTS_DROPPED";
}
