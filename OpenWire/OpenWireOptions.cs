using System.Globalization;
using System.Text;
using SiebelCti.OpenWire.Transport;

namespace SiebelCti.OpenWire;

/// <summary>
/// Immutable, validated settings of an <see cref="OpenWireConnection"/>. <see cref="Password"/> never
/// appears in <see cref="ToString"/>. <see cref="Validate()"/> lists every problem at once.
/// </summary>
public sealed record OpenWireOptions
{
    /// <summary>
    /// <c>tcp://host:port</c>, <c>ssl://host:port</c> or
    /// <c>failover:(tcp://a:61616,ssl://b:61617)?initialReconnectDelay=100&amp;maxReconnectDelay=30000&amp;maxReconnectAttempts=-1</c>
    /// (also <c>backOffMultiplier</c>, <c>useExponentialBackOff</c>, <c>randomize</c>; delays in milliseconds).
    /// </summary>
    public string BrokerUri { get; init; } = "tcp://127.0.0.1:61616";

    public string? UserName { get; init; }

    public string? Password { get; init; }

    /// <summary>JMS client id; a unique one is generated when null.</summary>
    public string? ClientId { get; init; }

    /// <summary>Bound on <see cref="OpenWireConnection.ConnectAsync"/> as a whole (every endpoint and retry). Default 15 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Longest a send waits, including waiting for a reconnect and the broker's receipt. Default 30 s.</summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest any other broker round trip (session, consumer, temporary queue) and the default of RequestAsync waits. Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Our proposal for the inactivity timeout (the smaller of ours and the broker's wins); zero disables. Default 30 s.</summary>
    public TimeSpan MaxInactivityDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest frame accepted from the broker (and sent). Default 16 MiB.</summary>
    public int MaxFrameSize { get; init; } = 16 * 1024 * 1024;

    /// <summary>PEM file of CA certificates to trust for <c>ssl://</c> instead of the system store.</summary>
    public string? TrustedCaCertificatesPath { get; init; }

    /// <summary>SHA-256 thumbprints (hex) of broker certificates to accept even if the chain is not trusted (pinning).</summary>
    public IReadOnlyList<string> TrustedServerCertificateThumbprints { get; init; } = [];

    /// <summary>Host name expected in the broker certificate; defaults to the host of the URI.</summary>
    public string? TlsTargetHost { get; init; }

    /// <summary>
    /// Offer the tight OpenWire encoding (smaller frames: booleans as bits, longs in 0-8 bytes); it is
    /// used only if the broker's WireFormatInfo offers it too, otherwise frames stay loose. The broker
    /// URI option <c>wireFormat.tightEncodingEnabled</c> overrides this. Default true, as the Java client.
    /// </summary>
    public bool TightEncodingEnabled { get; init; } = true;

    /// <summary>Frames that may wait behind a write in progress (or a scheduled flush of non-persistent frames) before further senders wait for the next batch (backpressure; the queue also waits at 1 MiB). Default 1024.</summary>
    public int WriteQueueCapacity { get; init; } = 1024;

    /// <summary>Every problem with these options; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Validate(errors, static name => name);
        return errors;
    }

    /// <summary>
    /// Appends every problem with these options to <paramref name="errors"/>. <paramref name="key"/>
    /// turns a property name into the name the caller's user knows it by (a configuration key such as
    /// <c>Broker:Uri</c>); messages never show a password, and URIs are shown with credentials masked.
    /// </summary>
    public void Validate(List<string> errors, Func<string, string> key)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(key);
        Transport.BrokerUri.Parse(BrokerUri, errors, key(nameof(BrokerUri)));
        Positive(errors, key(nameof(ConnectTimeout)), ConnectTimeout);
        Positive(errors, key(nameof(SendTimeout)), SendTimeout);
        Positive(errors, key(nameof(RequestTimeout)), RequestTimeout);
        if (MaxInactivityDuration < TimeSpan.Zero || MaxInactivityDuration > TimeSpan.FromDays(1))
        {
            errors.Add($"{key(nameof(MaxInactivityDuration))} must be between 0 (off) and 1 day.");
        }
        else if (MaxInactivityDuration > TimeSpan.Zero && MaxInactivityDuration < TimeSpan.FromMilliseconds(300))
        {
            errors.Add($"{key(nameof(MaxInactivityDuration))} must be 0 (off) or at least 300 ms.");
        }

        if (MaxFrameSize is < 1024)
        {
            errors.Add($"{key(nameof(MaxFrameSize))} must be at least 1024 bytes.");
        }

        if (WriteQueueCapacity < 1)
        {
            errors.Add($"{key(nameof(WriteQueueCapacity))} must be at least 1.");
        }

        if (Password is not null && UserName is null)
        {
            errors.Add($"{key(nameof(Password))} is set but {key(nameof(UserName))} is not.");
        }

        if (ClientId is { Length: 0 })
        {
            errors.Add($"{key(nameof(ClientId))} must not be empty (leave it null for a generated one).");
        }

        if (TrustedCaCertificatesPath is not null && !File.Exists(TrustedCaCertificatesPath))
        {
            errors.Add($"{key(nameof(TrustedCaCertificatesPath))}: file '{TrustedCaCertificatesPath}' does not exist.");
        }

        foreach (var t in TrustedServerCertificateThumbprints)
        {
            if (t.Length != 64 || !t.All(char.IsAsciiHexDigit))
            {
                errors.Add($"{key(nameof(TrustedServerCertificateThumbprints))}: '{t}' is not a SHA-256 thumbprint (64 hex digits).");
            }
        }
    }

    /// <summary>Throws an <see cref="OpenWireErrorKind.InvalidOptions"/> exception listing every problem.</summary>
    public void ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new OpenWireException(OpenWireErrorKind.InvalidOptions, "Invalid OpenWire options: " + string.Join(" ", errors)) { Errors = errors };
        }
    }

    internal BrokerUri ParseBrokerUri()
    {
        var errors = new List<string>();
        return Transport.BrokerUri.Parse(BrokerUri, errors) is { } uri && errors.Count == 0
            ? uri
            : throw new OpenWireException(OpenWireErrorKind.InvalidOptions, string.Join(" ", errors)) { Errors = errors };
    }

    private static void Positive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(1))
        {
            errors.Add($"{name} must be between 0 and 1 day (exclusive of 0), not {value.ToString("c", CultureInfo.InvariantCulture)}.");
        }
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("BrokerUri = ").Append(Transport.BrokerUri.Shown(BrokerUri))
            .Append(", UserName = ").Append(UserName)
            .Append(", Password = ").Append(Password is null ? "(none)" : "***")
            .Append(", ClientId = ").Append(ClientId)
            .Append(", ConnectTimeout = ").Append(ConnectTimeout)
            .Append(", SendTimeout = ").Append(SendTimeout)
            .Append(", RequestTimeout = ").Append(RequestTimeout)
            .Append(", MaxInactivityDuration = ").Append(MaxInactivityDuration)
            .Append(", MaxFrameSize = ").Append(MaxFrameSize)
            .Append(", TrustedCaCertificatesPath = ").Append(TrustedCaCertificatesPath)
            .Append(", TlsTargetHost = ").Append(TlsTargetHost);
        return true;
    }
}
