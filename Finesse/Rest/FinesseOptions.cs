using Microsoft.Extensions.Options;
using SiebelCti.Finesse.Xml;

namespace SiebelCti.Finesse.Rest;

/// <summary>
/// Where and how to reach Finesse. Immutable; validate with <see cref="Validate()"/> (all problems at once),
/// <see cref="Validate(List{string}, Func{string, string})"/> (into a caller's list, under its own key names)
/// or <see cref="ThrowIfInvalid"/>.
/// </summary>
public sealed record FinesseOptions
{
    /// <summary>Side A base URL, e.g. <c>https://fin-a.example.com:8445</c> (the client adds <c>/finesse/api/...</c>).</summary>
    public Uri? SideA { get; init; }

    /// <summary>Side B base URL; null for a single node.</summary>
    public Uri? SideB { get; init; }

    /// <summary>Whole-request timeout (connect, send, answer). Default 10 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>TCP + TLS connect timeout. Default 5 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public ServerCertificateTrust Trust { get; init; } = ServerCertificateTrust.System;

    /// <summary>CA certificate file (PEM, may hold several, or DER) for <see cref="ServerCertificateTrust.CaFile"/>.</summary>
    public string? CaCertificatePath { get; init; }

    /// <summary>Plain http is refused unless this is set (Finesse 12.5+ serves only https; for emulators).</summary>
    public bool AllowHttp { get; init; }

    /// <summary>Largest response body accepted, in bytes. Default 4 MiB.</summary>
    public int MaxResponseBytes { get; init; } = FinesseXmlLimits.DefaultMaxDocumentSize;

    /// <summary>Deepest XML nesting accepted. Default 32.</summary>
    public int MaxXmlDepth { get; init; } = FinesseXmlLimits.DefaultMaxDepth;

    /// <summary>
    /// HTTP connections per Finesse side at most: callers beyond it wait for a free connection
    /// instead of opening more (the engine keeps its own, lower, limit of calls in flight).
    /// </summary>
    public int MaxConnectionsPerServer { get; init; } = 64;

    internal FinesseXmlLimits XmlLimits => new() { MaxDocumentSize = MaxResponseBytes, MaxDepth = MaxXmlDepth };

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
    /// <c>Finesse:SideAUrl</c>); messages never show credentials.
    /// </summary>
    public void Validate(List<string> errors, Func<string, string> key)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(key);
        if (SideA is null)
        {
            errors.Add($"{key(nameof(SideA))} is required (the base URL of Finesse side A, e.g. https://finesse-a.example.com:8445).");
        }
        else
        {
            CheckBase(key(nameof(SideA)), SideA, errors);
        }

        if (MaxConnectionsPerServer is < 1 or > 10_000)
        {
            errors.Add($"{key(nameof(MaxConnectionsPerServer))} must be between 1 and 10000.");
        }

        if (SideB is not null)
        {
            CheckBase(key(nameof(SideB)), SideB, errors);
            if (SideA is not null && Uri.Compare(SideA, SideB, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
            {
                errors.Add($"{key(nameof(SideB))} must differ from {key(nameof(SideA))}.");
            }
        }

        var timesValid = CheckTime(key(nameof(RequestTimeout)), RequestTimeout, errors) & CheckTime(key(nameof(ConnectTimeout)), ConnectTimeout, errors);
        if (timesValid && ConnectTimeout > RequestTimeout)
        {
            errors.Add($"{key(nameof(ConnectTimeout))} ({ConnectTimeout}) must not exceed {key(nameof(RequestTimeout))} ({RequestTimeout}).");
        }

        if (!Enum.IsDefined(Trust))
        {
            errors.Add($"{key(nameof(Trust))} '{Trust}' is not one of System, CaFile, AllowSelfSigned.");
        }
        else if (Trust == ServerCertificateTrust.CaFile)
        {
            if (string.IsNullOrWhiteSpace(CaCertificatePath))
            {
                errors.Add($"{key(nameof(CaCertificatePath))} is required when {key(nameof(Trust))} is CaFile.");
            }
            else if (!File.Exists(CaCertificatePath))
            {
                errors.Add($"{key(nameof(CaCertificatePath))}: file '{CaCertificatePath}' does not exist.");
            }
        }
        else if (CaCertificatePath is not null)
        {
            errors.Add($"{key(nameof(CaCertificatePath))} is set but {key(nameof(Trust))} is {Trust}; set {key(nameof(Trust))} to CaFile to use it.");
        }

        if (MaxResponseBytes is < 1024 or > 64 * 1024 * 1024)
        {
            errors.Add($"{key(nameof(MaxResponseBytes))} must be between 1024 and 67108864.");
        }

        if (MaxXmlDepth is < 8 or > 256)
        {
            errors.Add($"{key(nameof(MaxXmlDepth))} must be between 8 and 256.");
        }
    }

    /// <summary>Throws <see cref="FinesseException"/> (FINESSE_OPTIONS_INVALID) listing every problem.</summary>
    public void ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new FinesseException(
                FinesseErrorCode.FinesseOptionsInvalid,
                "Invalid Finesse options: " + string.Join(" ", errors));
        }
    }

    private void CheckBase(string name, Uri uri, List<string> errors)
    {
        if (!uri.IsAbsoluteUri)
        {
            errors.Add($"{name} '{uri}' must be an absolute URL.");
            return;
        }

        if (uri.UserInfo.Length > 0)
        {
            // Nothing else is said about such a URL: every message would have to show it.
            errors.Add($"{name} must not carry user information; credentials are given per agent.");
            return;
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(AllowHttp && uri.Scheme == Uri.UriSchemeHttp))
        {
            errors.Add($"{name} '{uri}' must use https (plain http is allowed only for emulators).");
        }

        if (uri.AbsolutePath is not ("/" or "") || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            errors.Add($"{name} '{uri}' must be scheme, host and port only (the client adds /finesse/api/...).");
        }

        if (uri.Port == 0)
        {
            errors.Add($"{name} '{uri}': port 0 is not allowed.");
        }
    }

    private static bool CheckTime(string name, TimeSpan value, List<string> errors)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromMinutes(5))
        {
            errors.Add($"{name} must be more than 0 and at most 5 minutes (is {value}).");
            return false;
        }

        return true;
    }
}

/// <summary><see cref="IValidateOptions{TOptions}"/> adapter for hosts using Microsoft.Extensions.Options.</summary>
public sealed class FinesseOptionsValidator : IValidateOptions<FinesseOptions>
{
    public ValidateOptionsResult Validate(string? name, FinesseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
