using System.Globalization;
using System.Text;

namespace SiebelCti.Finesse.Xmpp;

/// <summary>How the connection to the XMPP server is protected.</summary>
public enum XmppTlsMode
{
    /// <summary>Plain TCP, no TLS (lab and tests only; the password travels in clear).</summary>
    None = 0,

    /// <summary>Plain TCP upgraded with STARTTLS (RFC 6120 §5); fails if the server does not offer it. Finesse before 12.5, port 5222.</summary>
    StartTls = 1,

    /// <summary>TLS from the first byte (Finesse 12.5 and later, port 5223).</summary>
    DirectTls = 2,
}

/// <summary>
/// Options of one <see cref="XmppClient"/> (one XMPP session, one agent). Immutable; call
/// <see cref="Validate()"/> (the client does) to get every problem at once, or
/// <see cref="Validate(List{string}, Func{string, string})"/> to add them to a caller's list under its own key names. <see cref="ToString"/> never
/// prints the password.
/// </summary>
public sealed record XmppOptions
{
    /// <summary>Address the TCP connection goes to (host name or IP). Required.</summary>
    public string Host { get; init; } = "";

    /// <summary>TCP port. Default 5222; Finesse 12.5+ direct TLS uses 5223.</summary>
    public int Port { get; init; } = 5222;

    /// <summary>The XMPP domain (the <c>to</c> of the stream header, the domain part of the JID). Required.</summary>
    public string Domain { get; init; } = "";

    /// <summary>The local part of the JID (the Finesse user id). Required.</summary>
    public string User { get; init; } = "";

    /// <summary>The password (the agent's Finesse password). Required; never logged or printed.</summary>
    public string Password { get; init; } = "";

    /// <summary>The resource to bind. Must not be <c>desktop</c>, which Finesse reserves for its own desktop.</summary>
    public string Resource { get; init; } = "SiebelCti";

    /// <summary>TLS mode. Default <see cref="XmppTlsMode.StartTls"/>.</summary>
    public XmppTlsMode TlsMode { get; init; } = XmppTlsMode.StartTls;

    /// <summary>Certificate trust. Default <see cref="ServerCertificateTrust.System"/>.</summary>
    public ServerCertificateTrust Trust { get; init; } = ServerCertificateTrust.System;

    /// <summary>PEM or DER file with the pinned CA or server certificate; required for <see cref="ServerCertificateTrust.CaFile"/>.</summary>
    public string? TrustedCertificatePath { get; init; }

    /// <summary>Name the server certificate must carry; default <see cref="Domain"/>.</summary>
    public string? TlsServerName { get; init; }

    /// <summary>Interval of XEP-0199 pings to the server. 10-20 s (Finesse expects one at least every 20 s); default 15 s.</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a ping may go unanswered before the session is dropped and re-established. Default 10 s.</summary>
    public TimeSpan PingTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed for TCP connect, TLS and stream negotiation together. Default 15 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Time an IQ request (subscribe, publish, ...) may take. Default 15 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Delay before the first reconnect attempt. Default 1 s.</summary>
    public TimeSpan ReconnectDelayInitial { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest delay between reconnect attempts (the delay doubles up to it). Default 15 s, well under Finesse's 60 s forced-logout delay.</summary>
    public TimeSpan ReconnectDelayMax { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Random spread of each reconnect delay, 0..1: the delay is multiplied by a factor in [1-j, 1+j]. Default 0.5.</summary>
    public double ReconnectJitter { get; init; } = 0.5;

    /// <summary>Largest incoming stanza, in bytes of UTF-8. Default 1 MiB.</summary>
    public int MaxStanzaSize { get; init; } = 1024 * 1024;

    /// <summary>Deepest element nesting inside a stanza (the stanza element is depth 1). Default 32.</summary>
    public int MaxStanzaDepth { get; init; } = 32;

    /// <summary>Incoming stanzas per second processed before the read loop slows down (back-pressure, nothing is dropped). 0 = unlimited. Default 2000.</summary>
    public int MaxStanzasPerSecond { get; init; } = 2000;

    /// <summary>Events buffered for the application before the read loop waits for handlers. Default 4096.</summary>
    public int EventQueueCapacity { get; init; } = 4096;

    /// <summary>Answer every incoming presence subscription request with <c>subscribed</c> (used by the Finesse emulator's <c>finesse</c> user).</summary>
    public bool AutoApprovePresenceSubscriptions { get; init; }

    /// <summary>The bare JID <c>user@domain</c>.</summary>
    public string BareJid => User + "@" + Domain;

    /// <summary>Every problem with these options; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Validate(errors, static name => name);
        return errors;
    }

    /// <summary>
    /// Appends every problem with these options to <paramref name="errors"/>. <paramref name="key"/>
    /// turns a property name into the name the caller's user knows it by (a configuration key);
    /// messages never show the password.
    /// </summary>
    public void Validate(List<string> errors, Func<string, string> key)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(key);
        if (string.IsNullOrWhiteSpace(Host))
        {
            errors.Add($"{key(nameof(Host))} is required.");
        }

        if (Port is < 1 or > 65535)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{key(nameof(Port))} must be 1-65535 (was {Port})."));
        }

        if (string.IsNullOrWhiteSpace(Domain) || Domain.AsSpan().IndexOfAny("@/ ") >= 0)
        {
            errors.Add($"{key(nameof(Domain))} is required and must not contain '@', '/' or spaces.");
        }

        if (string.IsNullOrEmpty(User) || User.AsSpan().IndexOfAny("@/ \"&'<>:") >= 0)
        {
            errors.Add($"{key(nameof(User))} is required and must be a valid JID local part (no @ / space \" & ' < > :).");
        }

        if (string.IsNullOrEmpty(Password))
        {
            errors.Add($"{key(nameof(Password))} is required.");
        }

        if (string.IsNullOrWhiteSpace(Resource))
        {
            errors.Add($"{key(nameof(Resource))} is required (Finesse misbehaves without one).");
        }
        else if (string.Equals(Resource, "desktop", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{key(nameof(Resource))} 'desktop' is reserved for the Finesse desktop; choose another.");
        }

        if (!Enum.IsDefined(TlsMode))
        {
            errors.Add($"{key(nameof(TlsMode))} must be None, StartTls or DirectTls.");
        }

        if (!Enum.IsDefined(Trust))
        {
            errors.Add($"{key(nameof(Trust))} must be System, CaFile or AllowSelfSigned.");
        }
        else if (Trust == ServerCertificateTrust.CaFile && string.IsNullOrWhiteSpace(TrustedCertificatePath))
        {
            errors.Add($"{key(nameof(TrustedCertificatePath))} is required when {key(nameof(Trust))} is CaFile.");
        }

        if (PingInterval < TimeSpan.FromSeconds(1) || PingInterval > TimeSpan.FromMinutes(5))
        {
            errors.Add($"{key(nameof(PingInterval))} must be between 1 s and 5 min (Finesse expects 10-20 s).");
        }

        Positive(errors, key(nameof(PingTimeout)), PingTimeout);
        Positive(errors, key(nameof(ConnectTimeout)), ConnectTimeout);
        Positive(errors, key(nameof(RequestTimeout)), RequestTimeout);
        Positive(errors, key(nameof(ReconnectDelayInitial)), ReconnectDelayInitial);
        if (ReconnectDelayMax < ReconnectDelayInitial)
        {
            errors.Add($"{key(nameof(ReconnectDelayMax))} must not be smaller than {key(nameof(ReconnectDelayInitial))}.");
        }

        if (double.IsNaN(ReconnectJitter) || ReconnectJitter is < 0 or > 1)
        {
            errors.Add($"{key(nameof(ReconnectJitter))} must be between 0 and 1.");
        }

        if (MaxStanzaSize is < 4096 or > 64 * 1024 * 1024)
        {
            errors.Add($"{key(nameof(MaxStanzaSize))} must be between 4096 and 67108864 bytes.");
        }

        if (MaxStanzaDepth is < 4 or > 256)
        {
            errors.Add($"{key(nameof(MaxStanzaDepth))} must be between 4 and 256.");
        }

        if (MaxStanzasPerSecond < 0)
        {
            errors.Add($"{key(nameof(MaxStanzasPerSecond))} must not be negative (0 = unlimited).");
        }

        if (EventQueueCapacity < 1)
        {
            errors.Add($"{key(nameof(EventQueueCapacity))} must be at least 1.");
        }
    }

    /// <summary>Throws <see cref="XmppException"/> (<see cref="XmppErrorKind.InvalidOptions"/>) listing every problem.</summary>
    public void ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new XmppException(XmppErrorKind.InvalidOptions, "Invalid XMPP options: " + string.Join(" ", errors));
        }
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Host = {Host}, Port = {Port}, Domain = {Domain}, User = {User}, Password = ***, Resource = {Resource}, ");
        builder.Append(CultureInfo.InvariantCulture, $"TlsMode = {TlsMode}, Trust = {Trust}, TrustedCertificatePath = {TrustedCertificatePath}, PingInterval = {PingInterval}, PingTimeout = {PingTimeout}");
        return true;
    }

    private static void Positive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromHours(1))
        {
            errors.Add(name + " must be positive and at most 1 h.");
        }
    }
}
