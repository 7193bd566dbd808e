
namespace SiebelCti.Finesse.Xmpp;

/// <summary>What went wrong, in stable categories callers can switch on. Never renumbered.</summary>
public enum XmppErrorKind
{
    /// <summary>The TCP connection could not be opened.</summary>
    ConnectFailed = 1,

    /// <summary>TLS negotiation or certificate validation failed.</summary>
    TlsFailed = 2,

    /// <summary>The server sent a stream error (RFC 6120 §4.9); <see cref="XmppException.Condition"/> names it.</summary>
    StreamError = 3,

    /// <summary>The peer sent bytes that are not well-formed XML or not a valid XMPP stream.</summary>
    MalformedXml = 4,

    /// <summary>The peer sent a DOCTYPE, entity declaration, comment or processing instruction (RFC 6120 §11.1).</summary>
    RestrictedXml = 5,

    /// <summary>A stanza exceeded <see cref="XmppOptions.MaxStanzaSize"/>.</summary>
    StanzaTooLarge = 6,

    /// <summary>A stanza nested deeper than <see cref="XmppOptions.MaxStanzaDepth"/>.</summary>
    StanzaTooDeep = 7,

    /// <summary>The peer closed the stream or the socket (possibly in the middle of a stanza).</summary>
    StreamClosed = 8,

    /// <summary>SASL authentication failed with <c>not-authorized</c>: wrong user or password. Not retried.</summary>
    NotAuthorized = 9,

    /// <summary>SASL authentication failed for another reason (<see cref="XmppException.Condition"/>).</summary>
    AuthenticationFailed = 10,

    /// <summary>Stream negotiation failed: a required feature (STARTTLS, PLAIN, bind) is missing or refused.</summary>
    NegotiationFailed = 11,

    /// <summary>Resource binding failed (<see cref="XmppException.Condition"/>, e.g. <c>conflict</c>).</summary>
    BindFailed = 12,

    /// <summary>An IQ request was answered with an error stanza (<see cref="XmppException.Condition"/>).</summary>
    IqError = 13,

    /// <summary>A request was not answered in time.</summary>
    Timeout = 14,

    /// <summary>The server did not answer a XEP-0199 ping in time; the connection is dropped and re-established.</summary>
    PingTimeout = 15,

    /// <summary>The client is not connected (never connected, reconnecting, disconnected or disposed).</summary>
    NotConnected = 16,

    /// <summary>Outgoing text holds a character XML 1.0 cannot carry (e.g. U+0000, a lone surrogate).</summary>
    InvalidCharacter = 17,

    /// <summary>The options are invalid; the message lists every problem.</summary>
    InvalidOptions = 18,
}

/// <summary>
/// An XMPP failure with a stable <see cref="Kind"/>, the matching <see cref="FinesseErrorCode"/> string and,
/// where the server named one, the defined condition (e.g. <c>not-authorized</c>, <c>item-not-found</c>).
/// Messages never contain passwords or SASL payloads.
/// </summary>
public sealed class XmppException : Exception
{
    public XmppException(XmppErrorKind kind, string message, string? condition = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Condition = condition;
    }

    public XmppException()
        : this(XmppErrorKind.StreamClosed, "XMPP failure.")
    {
    }

    public XmppException(string message)
        : this(XmppErrorKind.StreamClosed, message)
    {
    }

    public XmppException(string message, Exception innerException)
        : this(XmppErrorKind.StreamClosed, message, null, innerException)
    {
    }

    /// <summary>The stable category of the failure.</summary>
    public XmppErrorKind Kind { get; }

    /// <summary>The XMPP defined condition element name, when the server sent one.</summary>
    public string? Condition { get; }

    /// <summary>The stable error code (see <see cref="FinesseErrorCode"/>) for logs and the driver.</summary>
    public string Code => CodeOf(Kind);

    /// <summary>True when retrying (reconnecting) cannot help: wrong credentials, invalid options, bad characters.</summary>
    public bool IsPermanent => Kind is XmppErrorKind.NotAuthorized or XmppErrorKind.InvalidOptions or XmppErrorKind.InvalidCharacter
        || (Kind == XmppErrorKind.StreamError && Condition is "conflict" or "not-authorized" or "host-unknown")
        || (Kind == XmppErrorKind.AuthenticationFailed && Condition is "account-disabled" or "credentials-expired" or "invalid-mechanism" or "encryption-required");

    /// <summary>Maps a kind to its error code.</summary>
    public static string CodeOf(XmppErrorKind kind) => kind switch
    {
        XmppErrorKind.ConnectFailed => FinesseErrorCode.XmppConnectFailed,
        XmppErrorKind.TlsFailed => FinesseErrorCode.XmppTlsFailed,
        XmppErrorKind.StreamError => FinesseErrorCode.XmppStreamError,
        XmppErrorKind.MalformedXml => FinesseErrorCode.XmppMalformedXml,
        XmppErrorKind.RestrictedXml => FinesseErrorCode.XmppRestrictedXml,
        XmppErrorKind.StanzaTooLarge => FinesseErrorCode.XmppStanzaTooLarge,
        XmppErrorKind.StanzaTooDeep => FinesseErrorCode.XmppStanzaTooDeep,
        XmppErrorKind.StreamClosed => FinesseErrorCode.XmppStreamClosed,
        XmppErrorKind.NotAuthorized => FinesseErrorCode.XmppNotAuthorized,
        XmppErrorKind.AuthenticationFailed => FinesseErrorCode.XmppAuthenticationFailed,
        XmppErrorKind.NegotiationFailed => FinesseErrorCode.XmppNegotiationFailed,
        XmppErrorKind.BindFailed => FinesseErrorCode.XmppBindFailed,
        XmppErrorKind.IqError => FinesseErrorCode.XmppIqError,
        XmppErrorKind.Timeout => FinesseErrorCode.XmppTimeout,
        XmppErrorKind.PingTimeout => FinesseErrorCode.XmppPingTimeout,
        XmppErrorKind.NotConnected => FinesseErrorCode.XmppNotConnected,
        XmppErrorKind.InvalidCharacter => FinesseErrorCode.XmppInvalidCharacter,
        XmppErrorKind.InvalidOptions => FinesseErrorCode.XmppInvalidOptions,
        _ => FinesseErrorCode.XmppStreamClosed,
    };
}
