using SiebelCti.Finesse.Model;

namespace SiebelCti.Finesse.Rest;

/// <summary>A failed Finesse REST request: stable code, HTTP status (if any), Finesse ApiErrors, side and requestId.</summary>
public sealed class FinesseRestException : FinesseException
{
    public FinesseRestException(
        string code,
        string message,
        int? httpStatus = null,
        IReadOnlyList<ApiError>? apiErrors = null,
        FinesseSide? side = null,
        string? requestId = null,
        Exception? innerException = null)
        : base(code, message, innerException)
    {
        HttpStatus = httpStatus;
        ApiErrors = apiErrors ?? [];
        Side = side;
        RequestId = requestId;
    }

    public int? HttpStatus { get; }
    public IReadOnlyList<ApiError> ApiErrors { get; }
    public FinesseSide? Side { get; }
    public string? RequestId { get; }
}

/// <summary>
/// Finesse accepted a state change or call action (202). The outcome arrives later as a notification
/// carrying <see cref="RequestId"/> (or an apiErrors notification with it).
/// </summary>
public sealed record FinesseAccepted(string RequestId, FinesseSide Side, int HttpStatus);
