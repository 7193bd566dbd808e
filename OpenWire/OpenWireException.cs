namespace SiebelCti.OpenWire;

/// <summary>
/// The one exception type of the OpenWire client. <see cref="Kind"/> and <see cref="ErrorCode"/> are
/// stable; <see cref="IsTransient"/> says whether retrying (or reconnecting) may help. Messages never
/// contain the password.
/// </summary>
public sealed class OpenWireException : Exception
{
    public OpenWireException(OpenWireErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public OpenWireException()
        : this(OpenWireErrorKind.ConnectionClosed, "OpenWire failure")
    {
    }

    public OpenWireException(string message)
        : this(OpenWireErrorKind.ConnectionClosed, message)
    {
    }

    public OpenWireException(string message, Exception innerException)
        : this(OpenWireErrorKind.ConnectionClosed, message, innerException)
    {
    }

    public OpenWireErrorKind Kind { get; }

    /// <summary>For <see cref="OpenWireErrorKind.BrokerError"/>, <see cref="OpenWireErrorKind.ConnectionError"/>, <see cref="OpenWireErrorKind.AuthenticationFailed"/> and <see cref="OpenWireErrorKind.NotAuthorized"/>: the Java exception class the broker named.</summary>
    public string? BrokerExceptionClass { get; init; }

    /// <summary>For <see cref="OpenWireErrorKind.InvalidOptions"/>: every problem found.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>The stable code from <see cref="OpenWireErrorCode"/>.</summary>
    public string ErrorCode => CodeOf(Kind);

    public bool IsTransient => Kind is OpenWireErrorKind.ConnectFailed or OpenWireErrorKind.ConnectionError
        or OpenWireErrorKind.ProtocolViolation or OpenWireErrorKind.Timeout or OpenWireErrorKind.ConnectionClosed;

    /// <summary>
    /// The exception for a broker's refusal (ExceptionResponse): <see cref="OpenWireErrorKind.NotAuthorized"/>
    /// when the broker names a security exception, <see cref="OpenWireErrorKind.BrokerError"/> otherwise.
    /// </summary>
    internal static OpenWireException Refused(string? exceptionClass, string? reason) => IsSecurityRefusal(exceptionClass)
        ? new OpenWireException(OpenWireErrorKind.NotAuthorized, $"the broker refused access: {reason ?? "(no message)"}") { BrokerExceptionClass = exceptionClass }
        : new OpenWireException(OpenWireErrorKind.BrokerError, $"the broker refused the command: {reason ?? "(no message)"}") { BrokerExceptionClass = exceptionClass };

    /// <summary>ActiveMQ's authentication and authorization refusals: <c>java.lang.SecurityException</c>, <c>javax.jms.JMSSecurityException</c>.</summary>
    internal static bool IsSecurityRefusal(string? exceptionClass) =>
        exceptionClass is not null && exceptionClass.EndsWith("SecurityException", StringComparison.Ordinal);

    public static string CodeOf(OpenWireErrorKind kind) => kind switch
    {
        OpenWireErrorKind.InvalidOptions => SiebelCti.OpenWire.OpenWireErrorCode.OpenWireInvalidOptions,
        OpenWireErrorKind.ConnectFailed => SiebelCti.OpenWire.OpenWireErrorCode.OpenWireConnectFailed,
        OpenWireErrorKind.TlsFailure => SiebelCti.OpenWire.OpenWireErrorCode.OpenWireTlsFailure,
        OpenWireErrorKind.BrokerError => SiebelCti.OpenWire.OpenWireErrorCode.OpenWireBrokerError,
        OpenWireErrorKind.ConnectionError => SiebelCti.OpenWire.OpenWireErrorCode.OpenWireConnectionError,
        OpenWireErrorKind.ProtocolViolation => SiebelCti.OpenWire.OpenWireErrorCode.OpenWireProtocolViolation,
        OpenWireErrorKind.Timeout => SiebelCti.OpenWire.OpenWireErrorCode.OpenWireTimeout,
        OpenWireErrorKind.InvalidOperation => SiebelCti.OpenWire.OpenWireErrorCode.OpenWireInvalidOperation,
        OpenWireErrorKind.AuthenticationFailed => SiebelCti.OpenWire.OpenWireErrorCode.OpenWireAuthenticationFailed,
        OpenWireErrorKind.NotAuthorized => SiebelCti.OpenWire.OpenWireErrorCode.OpenWireNotAuthorized,
        _ => SiebelCti.OpenWire.OpenWireErrorCode.OpenWireConnectionClosed,
    };
}
