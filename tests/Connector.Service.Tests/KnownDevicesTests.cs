using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using SiebelCti.Connector.Service.Monitor;

namespace SiebelCti.Connector.Service.Tests;

/// <summary>Device cookies: only an unaltered, unexpired cookie of the same user (and the same key ring) names a known device.</summary>
public sealed class KnownDevicesTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly EphemeralDataProtectionProvider _keys = new();

    private static string Issue(KnownDevices devices, string user, string? id = null)
    {
        var context = new DefaultHttpContext();
        devices.Remember(context, user, id);
        var header = context.Response.Headers.SetCookie.Single()!;
        Assert.StartsWith(KnownDevices.CookieName + "=", header, StringComparison.Ordinal);
        return header[(KnownDevices.CookieName.Length + 1)..header.IndexOf(';', StringComparison.Ordinal)];
    }

    private static string? Recognize(KnownDevices devices, string cookie, string user)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = $"{KnownDevices.CookieName}={cookie}";
        return devices.Recognize(context.Request, user);
    }

    [Fact]
    public void The_cookie_names_its_device_for_its_user_for_30_days()
    {
        var devices = new KnownDevices(_keys, _time);
        var cookie = Issue(devices, "admin");

        var id = Recognize(devices, cookie, "admin");
        _time.Advance(KnownDevices.Lifetime - TimeSpan.FromSeconds(1));
        var stillKnown = Recognize(devices, cookie, "admin");
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.NotNull(id);
        Assert.Equal(id, stillKnown);
        Assert.Null(Recognize(devices, cookie, "admin"));
        Assert.Equal(id, Recognize(devices, Issue(devices, "admin", id), "admin")); // renewed at the next login, same device
    }

    [Fact]
    public void Another_user_an_altered_cookie_or_other_keys_name_no_device()
    {
        var devices = new KnownDevices(_keys, _time);
        var cookie = Issue(devices, "admin");
        var altered = cookie[..^2] + (cookie[^2] == 'A' ? "B" : "A") + cookie[^1];

        Assert.Null(Recognize(devices, cookie, "operator"));
        Assert.Null(Recognize(devices, altered, "admin"));
        Assert.Null(Recognize(devices, "not-a-cookie", "admin"));
        Assert.Null(Recognize(new KnownDevices(new EphemeralDataProtectionProvider(), _time), cookie, "admin"));
    }
}
