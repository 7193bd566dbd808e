using Microsoft.Extensions.Logging;

namespace SiebelCti.Finesse.Rest;

/// <summary>Source-generated log messages of the Finesse REST client (ids 3xxx in FinesseEventIds).</summary>
internal static partial class FinesseRestLog
{
    [LoggerMessage(EventId = FinesseEventIds.FinesseRequestSent, EventName = nameof(FinesseEventIds.FinesseRequestSent), Level = LogLevel.Debug,
        Message = "Finesse {Method} {Path} to side {Side} (requestId {RequestId}, user {UserId})")]
    public static partial void RequestSent(ILogger logger, string method, string path, FinesseSide side, string? requestId, string? userId);

    [LoggerMessage(EventId = FinesseEventIds.FinesseResponseReceived, EventName = nameof(FinesseEventIds.FinesseResponseReceived), Level = LogLevel.Debug,
        Message = "Finesse {Method} {Path} on side {Side} answered {Status} in {ElapsedMs} ms")]
    public static partial void ResponseReceived(ILogger logger, string method, string path, FinesseSide side, int status, long elapsedMs);

    [LoggerMessage(EventId = FinesseEventIds.FinesseRequestFailed, EventName = nameof(FinesseEventIds.FinesseRequestFailed), Level = LogLevel.Warning,
        Message = "Finesse {Method} {Path} on side {Side} failed with {Code}: {Reason}")]
    public static partial void RequestFailed(ILogger logger, string method, string path, FinesseSide? side, string code, string reason);

    [LoggerMessage(EventId = FinesseEventIds.FinesseSideUnavailable, EventName = nameof(FinesseEventIds.FinesseSideUnavailable), Level = LogLevel.Warning,
        Message = "Finesse side {Side} is unavailable ({Code}: {Reason}); trying side {OtherSide}")]
    public static partial void SideUnavailable(ILogger logger, FinesseSide side, string code, string reason, FinesseSide otherSide);

    [LoggerMessage(EventId = FinesseEventIds.FinesseActiveSideChanged, EventName = nameof(FinesseEventIds.FinesseActiveSideChanged), Level = LogLevel.Information,
        Message = "Finesse active side changed from {From} to {To} ({BaseUri})")]
    public static partial void ActiveSideChanged(ILogger logger, FinesseSide from, FinesseSide to, Uri baseUri);

    [LoggerMessage(EventId = FinesseEventIds.FinesseCertificateRejected, EventName = nameof(FinesseEventIds.FinesseCertificateRejected), Level = LogLevel.Error,
        Message = "Finesse server certificate refused (trust {Trust}): subject '{Subject}', issuer '{Issuer}', problems {Problems}")]
    public static partial void CertificateRejected(ILogger logger, ServerCertificateTrust trust, string? subject, string? issuer, string problems);

    [LoggerMessage(EventId = FinesseEventIds.FinesseResponseRejected, EventName = nameof(FinesseEventIds.FinesseResponseRejected), Level = LogLevel.Warning,
        Message = "Finesse {Method} {Path} on side {Side} returned a body that was refused ({Code}): {Reason}")]
    public static partial void ResponseRejected(ILogger logger, string method, string path, FinesseSide side, string code, string reason);

    [LoggerMessage(EventId = FinesseEventIds.FinesseRequestTimedOut, EventName = nameof(FinesseEventIds.FinesseRequestTimedOut), Level = LogLevel.Warning,
        Message = "Finesse {Method} {Path} on side {Side} got no answer within {TimeoutMs} ms")]
    public static partial void RequestTimedOut(ILogger logger, string method, string path, FinesseSide side, long timeoutMs);
}
