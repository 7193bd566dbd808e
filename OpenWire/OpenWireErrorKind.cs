namespace SiebelCti.OpenWire;

/// <summary>Stable classification of every OpenWire failure; each kind maps to one code in ErrorCode.</summary>
public enum OpenWireErrorKind
{
    /// <summary>The options are invalid (<c>OPENWIRE_INVALID_OPTIONS</c>).</summary>
    InvalidOptions,

    /// <summary>No broker could be reached (<c>OPENWIRE_CONNECT_FAILED</c>).</summary>
    ConnectFailed,

    /// <summary>TLS handshake or certificate validation failed (<c>OPENWIRE_TLS_FAILURE</c>).</summary>
    TlsFailure,

    /// <summary>The broker refused a command with an ExceptionResponse (<c>OPENWIRE_BROKER_ERROR</c>).</summary>
    BrokerError,

    /// <summary>The broker sent a ConnectionError (<c>OPENWIRE_CONNECTION_ERROR</c>).</summary>
    ConnectionError,

    /// <summary>The peer violated the protocol (<c>OPENWIRE_PROTOCOL_VIOLATION</c>).</summary>
    ProtocolViolation,

    /// <summary>An operation, the broker or the inactivity monitor timed out (<c>OPENWIRE_TIMEOUT</c>).</summary>
    Timeout,

    /// <summary>The connection is closed or lost (<c>OPENWIRE_CONNECTION_CLOSED</c>).</summary>
    ConnectionClosed,

    /// <summary>The call is not valid in the current state (<c>OPENWIRE_INVALID_OPERATION</c>).</summary>
    InvalidOperation,

    /// <summary>The broker refused the connection's user name and password, or an anonymous connection (<c>OPENWIRE_AUTHENTICATION_FAILED</c>).</summary>
    AuthenticationFailed,

    /// <summary>The broker's authorization refused the operation on a destination: read, write or create (<c>OPENWIRE_NOT_AUTHORIZED</c>).</summary>
    NotAuthorized,
}
