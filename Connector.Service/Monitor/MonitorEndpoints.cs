using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using SiebelCti.Connector.Engine.Monitoring;
using SiebelCti.Connector.Contract;
using SiebelCti.Connector.Service.Configuration;
using SiebelCti.Connector.Service.Diagnostics;

namespace SiebelCti.Connector.Service.Monitor;

/// <summary>
/// The Connector Monitor over HTTP: the page (<c>/monitor/</c>), the JSON API under
/// <c>/api/monitor</c> (login, logout, session, snapshot, Server-Sent Events) and <c>/health</c>.
/// Everything except the page, its assets, login and health needs a login cookie, which carries
/// only the key of a session held by <see cref="MonitorSessionStore"/>; login and logout are
/// <see cref="MonitorLogin"/>'s.
/// </summary>
internal static class MonitorEndpoints
{
    public const string CookieName = "SiebelCti.Monitor";

    /// <summary>One year; only on answers given over HTTPS (browsers ignore it over HTTP anyway).</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static void AddConnectorMonitor(this IServiceCollection services, MonitorOptions options)
    {
        services.AddSingleton<MonitorAssets>();
        services.AddSingleton<MonitorLog>();
        services.AddSingleton(sp => new LoginThrottle(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new PasswordCheckGate(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new KnownDevices(sp.GetRequiredService<IDataProtectionProvider>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new MonitorSessionStore(sp.GetRequiredService<TimeProvider>()));
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<MonitorSessionStore>((cookie, sessions) => cookie.SessionStore = sessions);
        services.AddAuthorization();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.Cookie.Path = "/";
                cookie.ExpireTimeSpan = options.SessionTimeout;
                cookie.SlidingExpiration = true;
                cookie.Events.OnRedirectToLogin = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                };
                cookie.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
    }

    public static void MapConnectorMonitor(this WebApplication app)
    {
        app.Use(static (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            if (context.Request.IsHttps)
            {
                // Browsers that once reached the monitor over HTTPS never try plain HTTP for it again.
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }

            return next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapGet("/", () => Results.Redirect("/monitor/"));
        app.MapGet("/monitor/{file?}", (Delegate)ServeAsset);
        app.MapGet("/health", Health);

        var api = app.MapGroup("/api/monitor");
        api.MapPost("/login", (Delegate)MonitorLogin.LoginAsync);
        api.MapPost("/logout", (Delegate)MonitorLogin.LogoutAsync);
        var secured = api.MapGroup(string.Empty).RequireAuthorization();
        secured.MapGet("/session", (ClaimsPrincipal user) =>
            Json(new SessionInfo(user.Identity?.Name ?? string.Empty), MonitorJsonContext.Default.SessionInfo));
        secured.MapGet("/snapshot", Snapshot);
        secured.MapGet("/events", (Delegate)EventsAsync);
    }

    private static IResult ServeAsset(HttpContext context, MonitorAssets assets, string? file)
    {
        if (!assets.TryGet(string.IsNullOrEmpty(file) ? "index.html" : file, out var asset))
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.ETag = asset.ETag;
        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }

    private static IResult Health(IConnectorMonitorSource source, MonitorLog log)
    {
        try
        {
            var status = source.GetStatus().Status;
            return Results.Text(status, "text/plain", statusCode: status == SystemStatus.InService ? 200 : 503);
        }
        catch (Exception exception)
        {
            Log.MonitorSnapshotFailed(log.Logger, exception);
            return Results.Text(ServiceErrorCode.MonitorSnapshotFailed, "text/plain", statusCode: 500);
        }
    }

    private static IResult Snapshot(HttpContext context, IConnectorMonitorSource source, MonitorLog log)
    {
        context.Response.Headers.CacheControl = "no-store";
        try
        {
            return Json(SnapshotSanitizer.Sanitize(source.GetSnapshot()), MonitorJsonContext.Default.ConnectorSnapshot);
        }
        catch (Exception exception)
        {
            Log.MonitorSnapshotFailed(log.Logger, exception);
            return Error(StatusCodes.Status500InternalServerError, ServiceErrorCode.MonitorSnapshotFailed, "The connector could not produce a snapshot; see the service log.");
        }
    }

    /// <summary>
    /// Server-Sent Events: one <c>snapshot</c> event right away and one every
    /// <see cref="MonitorOptions.PushInterval"/> after, until the client goes away or the service stops.
    /// </summary>
    private static async Task EventsAsync(
        HttpContext context,
        IConnectorMonitorSource source,
        MonitorOptions options,
        TimeProvider timeProvider,
        IHostApplicationLifetime lifetime,
        MonitorSessionStore sessions,
        MonitorLog log)
    {
        // The session is checked again before every push: a stream opened before a logout or an expiry ends with
        // its session (the page then finds itself signed out), instead of pushing snapshots for as long as it stays open.
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var token = stop.Token;
        using var timer = new PeriodicTimer(options.PushInterval, timeProvider);
        var failureLogged = false;
        try
        {
            await response.WriteAsync("retry: 2000\n\n", token).ConfigureAwait(false);
            do
            {
                if (!await sessions.IsLiveAsync(context.User).ConfigureAwait(false))
                {
                    return;
                }

                string payload;
                try
                {
                    var json = JsonSerializer.Serialize(SnapshotSanitizer.Sanitize(source.GetSnapshot()), MonitorJsonContext.Default.ConnectorSnapshot);
                    payload = "event: snapshot\ndata: " + json + "\n\n";
                    failureLogged = false;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    if (!failureLogged)
                    {
                        Log.MonitorSnapshotFailed(log.Logger, exception);
                        failureLogged = true;
                    }

                    payload = "event: failure\ndata: {\"code\":\"" + ServiceErrorCode.MonitorSnapshotFailed + "\"}\n\n";
                }

                await response.WriteAsync(payload, token).ConfigureAwait(false);
                await response.Body.FlushAsync(token).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The page closed or the service is stopping: the normal end of a stream.
        }
        catch (IOException exception)
        {
            Log.MonitorEventStreamFailed(log.Logger, context.Connection.RemoteIpAddress?.ToString(), exception);
        }
    }

    private static IResult Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        Results.Json(value, typeInfo);

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new ApiError(code, message), MonitorJsonContext.Default.ApiError, statusCode: status);
}
