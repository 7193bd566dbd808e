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

    // Finesse REST (Connector.Core/Finesse/Rest)

    // XMPP (Connector.Core/Finesse/Xmpp)

    // Driver <-> Connector messaging and engine (Connector.Core/Messaging, Connector.Core/Engine)

    // Native driver (Driver)
}
