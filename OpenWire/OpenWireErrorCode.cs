namespace SiebelCti.OpenWire;

/// <summary>
/// The OpenWire client's stable error codes (OPENWIRE_*). A code never changes meaning once released;
/// logs, <c>Error</c> messages to the driver and the Connector Monitor carry it. Codes are
/// UPPER_SNAKE_CASE and unique across the product (a unit test checks both).
/// </summary>
public static class OpenWireErrorCode
{
    // The client (connection, transport, codec)
    /// <summary>OpenWire options are invalid; the message lists every problem.</summary>
    public const string OpenWireInvalidOptions = "OPENWIRE_INVALID_OPTIONS";
    /// <summary>No TCP connection to any broker of the URI could be made.</summary>
    public const string OpenWireConnectFailed = "OPENWIRE_CONNECT_FAILED";
    /// <summary>The TLS handshake failed or the broker certificate was not trusted.</summary>
    public const string OpenWireTlsFailure = "OPENWIRE_TLS_FAILURE";
    /// <summary>The broker refused a command (ExceptionResponse), e.g. bad credentials or a duplicate client id.</summary>
    public const string OpenWireBrokerError = "OPENWIRE_BROKER_ERROR";
    /// <summary>The broker reported a connection error (ConnectionError) and closed the connection.</summary>
    public const string OpenWireConnectionError = "OPENWIRE_CONNECTION_ERROR";
    /// <summary>The peer sent bytes that are not valid OpenWire (malformed, truncated or oversized frame).</summary>
    public const string OpenWireProtocolViolation = "OPENWIRE_PROTOCOL_VIOLATION";
    /// <summary>An OpenWire operation or the inactivity monitor timed out.</summary>
    public const string OpenWireTimeout = "OPENWIRE_TIMEOUT";
    /// <summary>The connection is closed or was lost and cannot be used.</summary>
    public const string OpenWireConnectionClosed = "OPENWIRE_CONNECTION_CLOSED";
    /// <summary>An OpenWire API call was not valid in the current state (e.g. acknowledging in auto mode).</summary>
    public const string OpenWireInvalidOperation = "OPENWIRE_INVALID_OPERATION";
    /// <summary>The broker refused the connection's user name and password (or an anonymous connection).</summary>
    public const string OpenWireAuthenticationFailed = "OPENWIRE_AUTHENTICATION_FAILED";
    /// <summary>The broker's authorization refused reading, writing or creating a destination.</summary>
    public const string OpenWireNotAuthorized = "OPENWIRE_NOT_AUTHORIZED";
}
