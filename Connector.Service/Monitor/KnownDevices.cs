using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace SiebelCti.Connector.Service.Monitor;

/// <summary>
/// Device cookies: after a successful login the browser gets <see cref="CookieName"/>, a value
/// protected with the service's in-memory keys that names the user and a random device id. A login
/// that presents a valid one for the user it names counts only under that device in
/// <see cref="LoginThrottle"/>: guesses made by others, even from the same address, never delay or
/// refuse it. The cookie is sent to the login endpoint only and outlives logouts; a service
/// restart (new keys) makes every device unknown again.
/// </summary>
internal sealed class KnownDevices(IDataProtectionProvider protection, TimeProvider timeProvider)
{
    public const string CookieName = "SiebelCti.Monitor.Device";
    public const string CookiePath = "/api/monitor/login";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private readonly IDataProtector _protector = protection.CreateProtector("SiebelCti.Monitor.KnownDevice.v1");

    /// <summary>The device id of a valid, unexpired device cookie of <paramref name="user"/>; null otherwise.</summary>
    public string? Recognize(HttpRequest request, string user)
    {
        if (!request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value) || value.Length > 1024)
        {
            return null;
        }

        string plain;
        try
        {
            plain = _protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = plain.Split('\n');
        if (parts.Length != 3 || !string.Equals(parts[0], user, StringComparison.Ordinal)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var issued))
        {
            return null;
        }

        var age = timeProvider.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issued);
        return age >= TimeSpan.Zero && age < Lifetime ? parts[1] : null;
    }

    /// <summary>Gives the browser a device cookie of <paramref name="user"/> (a new device id unless it had one).</summary>
    public void Remember(HttpContext context, string user, string? deviceId)
    {
        var id = deviceId ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var issued = timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        context.Response.Cookies.Append(CookieName, _protector.Protect($"{user}\n{id}\n{issued}"), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = CookiePath,
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }
}
