namespace SiebelCti.OpenWire.Transport;

/// <summary>Certificate trust for <c>ssl://</c> endpoints.</summary>
internal sealed record TlsSettings(string? TrustedCaCertificatesPath, IReadOnlyList<string> PinnedThumbprints, string? TargetHost);
