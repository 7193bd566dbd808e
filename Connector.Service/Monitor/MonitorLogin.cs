using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Features;
using SiebelCti.Connector.Service.Configuration;
using SiebelCti.Connector.Service.Diagnostics;

namespace SiebelCti.Connector.Service.Monitor;

/// <summary>
/// <c>POST /api/monitor/login</c> and <c>/logout</c>. A login is read (at most
/// <see cref="MaxBodyBytes"/>), admitted by <see cref="LoginThrottle"/> — counted before anything
/// is hashed —, waits for its turn, gets one of the <see cref="PasswordCheckGate"/> slots, and only
/// then is the password hashed and compared. Logout ends the session in <see cref="MonitorSessionStore"/>.
/// </summary>
internal static class MonitorLogin
{
    public const int MaxBodyBytes = 4096;

    /// <summary>The user key of every user name other than the configured one (none of them can log in).</summary>
    public const string OtherUsers = "*";

    public static async Task<IResult> LoginAsync(HttpContext context, MonitorOptions options, LoginThrottle throttle, PasswordCheckGate gate,
        KnownDevices devices, MonitorLog log)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        LoginRequest? request;
        try
        {
            request = await context.Request.ReadFromJsonAsync(MonitorJsonContext.Default.LoginRequest, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or BadHttpRequestException)
        {
            return Error(StatusCodes.Status400BadRequest, ServiceErrorCode.MonitorBadRequest, "Send a JSON object {\"user\": ..., \"password\": ...}.");
        }

        var userMatches = CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(request?.User ?? string.Empty), Encoding.UTF8.GetBytes(options.User));
        var device = userMatches ? devices.Recognize(context.Request, options.User) : null;
        var admission = throttle.Admit(new LoginKeys(AddressKey(remote), userMatches ? options.User : OtherUsers, device));
        if (!admission.Admitted)
        {
            var seconds = (int)Math.Ceiling(admission.RetryAfter.TotalSeconds);
            if (throttle.ShouldLogRefusal(out var notLogged))
            {
                Log.MonitorLoginThrottled(log.Logger, remote?.ToString(), seconds, notLogged);
            }

            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Error(StatusCodes.Status429TooManyRequests, ServiceErrorCode.MonitorLoginThrottled,
                $"Too many login attempts for this user or from this address; try again in {seconds} s.");
        }

        var ticket = admission.Ticket!;
        var checkedPassword = false;
        try
        {
            await throttle.WaitTurnAsync(admission, context.RequestAborted).ConfigureAwait(false);
            using var slot = await gate.EnterAsync(device is not null, context.RequestAborted).ConfigureAwait(false);
            if (slot is null)
            {
                if (throttle.ShouldLogRefusal(out var notLogged))
                {
                    Log.MonitorLoginBusy(log.Logger, remote?.ToString(), PasswordCheckGate.MaxWait.TotalSeconds, notLogged);
                }

                context.Response.Headers.RetryAfter = "1";
                return Error(StatusCodes.Status503ServiceUnavailable, ServiceErrorCode.MonitorLoginBusy, "Too many logins are being checked; try again in a moment.");
            }

            // Both checks always run, so the answer time does not tell whether the user name was right.
            var passwordMatches = MonitorPasswordHasher.Verify(request?.Password, options.PasswordHash);
            checkedPassword = true;
            if (!userMatches || !passwordMatches)
            {
                throttle.Failed(ticket);
                Log.MonitorLoginFailed(log.Logger, remote?.ToString());
                return Error(StatusCodes.Status401Unauthorized, ServiceErrorCode.MonitorLoginFailed, "Wrong user or password.");
            }

            throttle.Succeeded(ticket);
        }
        finally
        {
            if (!checkedPassword)
            {
                throttle.Abandoned(ticket);
            }
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, options.User)], CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
        devices.Remember(context, options.User, device);
        Log.MonitorLoginSucceeded(log.Logger, options.User, remote?.ToString());
        return Results.Json(new SessionInfo(options.User), MonitorJsonContext.Default.SessionInfo);
    }

    /// <summary>Ends the session on the server: its cookie, and every copy of it, is refused from now on.</summary>
    public static async Task<IResult> LogoutAsync(HttpContext context, MonitorLog log)
    {
        var user = context.User.Identity is { IsAuthenticated: true } identity ? identity.Name : null;
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        if (user is not null)
        {
            Log.MonitorLogout(log.Logger, user, context.Connection.RemoteIpAddress?.ToString());
        }

        return Results.NoContent();
    }

    /// <summary>The address key of a client: its IPv4 address, or the /64 network of an IPv6 one (what one subscriber usually holds).</summary>
    public static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new ApiError(code, message), MonitorJsonContext.Default.ApiError, statusCode: status);
}
