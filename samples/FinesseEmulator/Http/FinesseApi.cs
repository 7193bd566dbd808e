using System.Xml.Linq;
using Microsoft.AspNetCore.Connections.Features;
using SiebelCti.FinesseEmulator.Engine;
using SiebelCti.FinesseEmulator.Options;
using SiebelCti.FinesseEmulator.Xml;

namespace SiebelCti.FinesseEmulator.Http;

/// <summary>The Finesse REST paths under /finesse/api (XML in, XML out).</summary>
public static class FinesseApi
{
    public const string SideItem = "SiebelCti.FinesseEmulator.Side";
    private const string Xml = "application/xml";

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup(FinesseXml.ApiBase);
        api.AddEndpointFilter(async (ctx, next) =>
        {
            var http = ctx.HttpContext;
            if (http.Request.Headers.TryGetValue("requestId", out var rid) && rid.Count > 0)
            {
                http.Response.Headers["requestId"] = rid.ToString();
            }

            var center = http.RequestServices.GetRequiredService<CallCenter>();
            var isSystemInfo = http.Request.Path.Equals(FinesseXml.ApiBase + "/SystemInfo", StringComparison.OrdinalIgnoreCase);
            if (!isSystemInfo && !center.IsInService(SideOf(http)))
            {
                return Error(ApiError.OutOfService());
            }

            return await next(ctx).ConfigureAwait(false);
        });

        api.MapGet("/SystemInfo", (HttpContext http, CallCenter center) =>
            XmlResult(FinesseXml.SystemInfo(center.GetSystemInfo(SideOf(http)))));

        api.MapGet("/User/{id}", (string id, HttpContext http, CallCenter center, Authenticator auth) =>
            WithUser(http, auth, center, id, agent => XmlResult(center.GetUser(agent.LoginId)!)));

        api.MapPut("/User/{id}", async (string id, HttpContext http, CallCenter center, Authenticator auth) =>
        {
            var body = await ReadBody(http).ConfigureAwait(false);
            return WithUser(http, auth, center, id, agent =>
                !RequestParser.TryParseUser(body, out var request, out var error)
                    ? Error(error!)
                    : Accepted(center.ChangeAgentState(agent.LoginId, request, RequestId(http))));
        });

        api.MapGet("/User/{id}/Dialogs", (string id, HttpContext http, CallCenter center, Authenticator auth) =>
            WithUser(http, auth, center, id, agent => XmlResult(center.GetDialogs(agent.LoginId)!)));

        api.MapPost("/User/{id}/Dialogs", async (string id, HttpContext http, CallCenter center, Authenticator auth) =>
        {
            var body = await ReadBody(http).ConfigureAwait(false);
            return WithUser(http, auth, center, id, agent =>
                !RequestParser.TryParseDialog(body, out var request, out var error)
                    ? Error(error!)
                    : Accepted(center.MakeCall(agent.LoginId, request, RequestId(http))));
        });

        api.MapGet("/User/{id}/ReasonCodes", (string id, string? category, HttpContext http, CallCenter center, Authenticator auth) =>
            WithUser(http, auth, center, id, _ => category switch
            {
                null or "" => Error(ApiError.ParameterMissing("category is required")),
                "NOT_READY" or "LOGOUT" => XmlResult(FinesseXml.ReasonCodes(category, center.Options.ReasonCodes.Where(r => r.Category == category))),
                _ => Error(ApiError.InvalidInput($"Invalid category '{category}'")),
            }));

        api.MapGet("/User/{id}/ReasonCode/{reasonCodeId}", (string id, string reasonCodeId, HttpContext http, CallCenter center, Authenticator auth) =>
            WithUser(http, auth, center, id, _ =>
                center.Options.ReasonCodes.FirstOrDefault(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == reasonCodeId) is { } rc
                    ? XmlResult(FinesseXml.ReasonCode(rc))
                    : Error(ApiError.NotFound($"Reason code {reasonCodeId} was not found"))));

        api.MapGet("/User/{id}/WrapUpReasons", (string id, HttpContext http, CallCenter center, Authenticator auth) =>
            WithUser(http, auth, center, id, _ => XmlResult(FinesseXml.WrapUpReasons(center.Options.WrapUpReasons))));

        api.MapGet("/Dialog/{id}", (string id, HttpContext http, CallCenter center, Authenticator auth) =>
        {
            var agent = auth.Authenticate(http.Request.Headers.Authorization, out var authError);
            if (agent is null)
            {
                return Unauthorized(authError!);
            }

            var dialog = center.GetDialog(id, agent.LoginId, out var exists);
            return dialog is not null ? XmlResult(dialog)
                : exists ? Error(ApiError.WrongUser())
                : Error(ApiError.DialogNotFound(id));
        });

        api.MapPut("/Dialog/{id}", async (string id, HttpContext http, CallCenter center, Authenticator auth) =>
        {
            var body = await ReadBody(http).ConfigureAwait(false);
            var agent = auth.Authenticate(http.Request.Headers.Authorization, out var authError);
            if (agent is null)
            {
                return Unauthorized(authError!);
            }

            return !RequestParser.TryParseDialog(body, out var request, out var error)
                ? Error(error!)
                : Accepted(center.DialogAction(agent.LoginId, id, request, RequestId(http)));
        });

        api.MapGet("/Team/{id}", (string id, HttpContext http, CallCenter center, Authenticator auth) =>
        {
            var agent = auth.Authenticate(http.Request.Headers.Authorization, out var authError);
            if (agent is null)
            {
                return Unauthorized(authError!);
            }

            return center.GetTeam(id) is { } team ? XmlResult(team) : Error(ApiError.NotFound($"Team {id} was not found"));
        });

        api.MapFallback((HttpContext http) => Error(ApiError.NotFound($"No Finesse API at {http.Request.Path}")));
    }

    /// <summary>Side (0 = A, 1 = B) of the listener the request came in on.</summary>
    public static int SideOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(SideItem, out var side) == true && side is int s ? s : 0;
    }

    private static IResult WithUser(HttpContext http, Authenticator auth, CallCenter center, string id, Func<AgentOptions, IResult> action)
    {
        var agent = auth.Authenticate(http.Request.Headers.Authorization, out var authError);
        if (agent is null)
        {
            return Unauthorized(authError!);
        }

        var target = center.FindAgentConfig(id);
        if (target is null)
        {
            return Error(ApiError.UserNotFound(id));
        }

        return target.LoginId != agent.LoginId ? Error(ApiError.WrongUser()) : action(agent);
    }

    private static async Task<string> ReadBody(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        return await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
    }

    private static string RequestId(HttpContext http) =>
        http.Request.Headers.TryGetValue("requestId", out var rid) ? rid.ToString() : "";

    private static IResult Accepted(ApiError? error) => error is null ? Results.StatusCode(202) : Error(error);

    public static IResult XmlResult(XElement xml) =>
        Results.Content(xml.ToString(SaveOptions.DisableFormatting), Xml, System.Text.Encoding.UTF8, 200);

    public static IResult Error(ApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Results.Content(FinesseXml.ApiErrors(error).ToString(SaveOptions.DisableFormatting), Xml, System.Text.Encoding.UTF8, error.Status);
    }

    private static IResult Unauthorized(ApiError error) => new UnauthorizedResult(error);

    /// <summary>401 with the ApiErrors body and a Basic challenge.</summary>
    private sealed class UnauthorizedResult(ApiError error) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"Cisco Finesse\"";
            return Error(error).ExecuteAsync(httpContext);
        }
    }
}
