using Microsoft.Extensions.Logging;

namespace SiebelCti.Connector.Finesse.Rest;

/// <summary>Source-generated log messages of the Finesse REST client (ids 3xxx, mirrored in Diagnostics/EventIds.cs).</summary>
internal static partial class FinesseRestLog
{
    [LoggerMessage(EventId = 3000, EventName = "FinesseRequestSent", Level = LogLevel.Debug,
        Message = "Finesse {Method} {Path} to side {Side} (requestId {RequestId}, user {UserId})")]
    public static partial void RequestSent(ILogger logger, string method, string path, FinesseSide side, string? requestId, string? userId);

    [LoggerMessage(EventId = 3001, EventName = "FinesseResponseReceived", Level = LogLevel.Debug,
        Message = "Finesse {Method} {Path} on side {Side} answered {Status} in {ElapsedMs} ms")]
    public static partial void ResponseReceived(ILogger logger, string method, string path, FinesseSide side, int status, long elapsedMs);

    [LoggerMessage(EventId = 3002, EventName = "FinesseRequestFailed", Level = LogLevel.Warning,
        Message = "Finesse {Method} {Path} on side {Side} failed with {Code}: {Reason}")]
    public static partial void RequestFailed(ILogger logger, string method, string path, FinesseSide? side, string code, string reason);

    [LoggerMessage(EventId = 3003, EventName = "FinesseSideUnavailable", Level = LogLevel.Warning,
        Message = "Finesse side {Side} is unavailable ({Code}: {Reason}); trying side {OtherSide}")]
    public static partial void SideUnavailable(ILogger logger, FinesseSide side, string code, string reason, FinesseSide otherSide);

    [LoggerMessage(EventId = 3004, EventName = "FinesseActiveSideChanged", Level = LogLevel.Information,
        Message = "Finesse active side changed from {From} to {To} ({BaseUri})")]
    public static partial void ActiveSideChanged(ILogger logger, FinesseSide from, FinesseSide to, Uri baseUri);

    [LoggerMessage(EventId = 3005, EventName = "FinesseCertificateRejected", Level = LogLevel.Error,
        Message = "Finesse server certificate refused (trust {Trust}): subject '{Subject}', issuer '{Issuer}', problems {Problems}")]
    public static partial void CertificateRejected(ILogger logger, FinesseTrustMode trust, string? subject, string? issuer, string problems);

    [LoggerMessage(EventId = 3006, EventName = "FinesseResponseRejected", Level = LogLevel.Warning,
        Message = "Finesse {Method} {Path} on side {Side} returned a body that was refused ({Code}): {Reason}")]
    public static partial void ResponseRejected(ILogger logger, string method, string path, FinesseSide side, string code, string reason);

    [LoggerMessage(EventId = 3007, EventName = "FinesseRequestTimedOut", Level = LogLevel.Warning,
        Message = "Finesse {Method} {Path} on side {Side} got no answer within {TimeoutMs} ms")]
    public static partial void RequestTimedOut(ILogger logger, string method, string path, FinesseSide side, long timeoutMs);
}
