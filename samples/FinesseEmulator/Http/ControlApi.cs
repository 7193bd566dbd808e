using SiebelCti.FinesseEmulator.Engine;

namespace SiebelCti.FinesseEmulator.Http;

/// <summary>
/// The control API for tests and demos under /emulator (JSON in, JSON out; no authentication:
/// bind it to loopback or switch it off with Emulator:EnableControlApi=false).
/// </summary>
public static class ControlApi
{
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var c = app.MapGroup("/emulator");

        c.MapPost("/calls", (IncomingCallBody body, CallCenter center) =>
        {
            if (string.IsNullOrWhiteSpace(body.Extension))
            {
                return Result(ControlResult.Fail(400, "extension is required"));
            }

            var call = new IncomingCall(body.Extension.Trim())
            {
                Ani = body.Ani ?? "",
                Dnis = body.Dnis ?? "",
                QueueNumber = body.QueueNumber ?? "",
                QueueName = body.QueueName ?? "",
                CallType = string.IsNullOrWhiteSpace(body.CallType) ? "PREROUTE_ACD_IN" : body.CallType,
                Variables = [.. (body.CallVariables ?? []).Select(kv => KeyValuePair.Create(kv.Key, kv.Value ?? ""))],
            };
            return Result(center.InjectCall(call));
        });

        c.MapPost("/dialogs/{id}/hangup", (string id, CallCenter center) => Result(center.HangUpFarEnd(id)));

        c.MapPost("/sides/{side}/outOfService", (string side, string? reason, CallCenter center) =>
            ParseSide(side) is { } s ? Result(center.SetInService(s, false, reason ?? "")) : BadSide(side));

        c.MapPost("/sides/{side}/inService", (string side, CallCenter center) =>
            ParseSide(side) is { } s ? Result(center.SetInService(s, true)) : BadSide(side));

        c.MapPost("/failover", (CallCenter center) => Result(center.FailOver()));

        c.MapPost("/restart", (int? downtimeMs, CallCenter center) =>
            downtimeMs is < 0
                ? Result(ControlResult.Fail(400, "downtimeMs must not be negative"))
                : Result(center.Restart(TimeSpan.FromMilliseconds(downtimeMs ?? 0))));

        c.MapPost("/reset", (CallCenter center, Authenticator auth) =>
        {
            center.Reset();
            auth.Reset();
            return Result(ControlResult.Success("Reset"));
        });

        c.MapPost("/failures", (FailureBody body, CallCenter center) =>
        {
            if (string.IsNullOrWhiteSpace(body.Action))
            {
                return Result(ControlResult.Fail(400, "action is required"));
            }

            var error = new ApiError(400, body.ErrorType ?? "Call Operation Failure", body.ErrorMessage ?? "CF_GENERIC_UNSPECIFIED", body.ErrorData ?? "");
            center.InjectFailure(string.IsNullOrWhiteSpace(body.AgentId) ? "*" : body.AgentId, body.Action.Trim().ToUpperInvariant(), error);
            return Result(ControlResult.Success($"The next {body.Action} fails with {error.ErrorType}"));
        });

        c.MapGet("/state", (CallCenter center) => FinesseApi.XmlResult(center.GetState()));
    }

    private static int? ParseSide(string side) => side.ToUpperInvariant() switch { "A" => 0, "B" => 1, _ => null };

    private static IResult BadSide(string side) => Result(ControlResult.Fail(400, $"Unknown side '{side}' (A or B)"));

    private static IResult Result(ControlResult r) =>
        Results.Json(new ControlResponse(r.Message, r.Value), statusCode: r.Status);

    /// <summary>Body of POST /emulator/calls.</summary>
    public sealed record IncomingCallBody(string Extension, string? Ani, string? Dnis, string? CallType, Dictionary<string, string?>? CallVariables,
        string? QueueNumber = null, string? QueueName = null);

    /// <summary>Body of POST /emulator/failures.</summary>
    public sealed record FailureBody(string? AgentId, string Action, string? ErrorType, string? ErrorMessage, string? ErrorData);

    /// <summary>Every control answer: a message and, for calls, the dialog id.</summary>
    public sealed record ControlResponse(string Message, string? DialogId);
}
