using SiebelCti.Finesse.Model;

namespace SiebelCti.Finesse.Rest;

/// <summary>Maps Finesse HTTP status + ApiError to the stable codes of <see cref="FinesseErrorCode"/> (table in docs/protocols/finesse-rest.md).</summary>
public static class FinesseErrorMapper
{
    /// <summary>Code of a synchronous failure (HTTP status, optional first ApiError of the body).</summary>
    public static string Map(int status, ApiError? error)
    {
        if (error is not null && ByType(error) is { } code)
        {
            return code;
        }

        return status switch
        {
            400 => FinesseErrorCode.FinesseBadRequest,
            401 => FinesseErrorCode.FinesseUnauthorized,
            403 => FinesseErrorCode.FinesseForbidden,
            404 => FinesseErrorCode.FinesseNotFound,
            405 => FinesseErrorCode.FinesseMethodNotAllowed,
            500 => FinesseErrorCode.FinesseServerError,
            501 => FinesseErrorCode.FinesseNotImplemented,
            503 => FinesseErrorCode.FinesseOutOfService,
            _ => FinesseErrorCode.FinesseUnexpectedStatus,
        };
    }

    /// <summary>Code of an asynchronous error notification (apiErrors on the User or Dialogs node).</summary>
    public static string MapAsync(ApiError error) => ByType(error) switch
    {
        null or FinesseErrorCode.FinesseBadRequest => FinesseErrorCode.FinesseCtiError,
        var code => code,
    };

    private static string? ByType(ApiError error) => error.ErrorType?.Trim().ToUpperInvariant() switch
    {
        "PARAMETER MISSING" when error.ErrorData?.Contains("require_reasoncode", StringComparison.OrdinalIgnoreCase) == true
            => FinesseErrorCode.FinesseReasonCodeRequired,
        "PARAMETER MISSING" => FinesseErrorCode.FinesseParameterMissing,
        "INVALID INPUT" => FinesseErrorCode.FinesseInvalidInput,
        "INVALID STATE" => FinesseErrorCode.FinesseInvalidState,
        "INVALID DESTINATION" => FinesseErrorCode.FinesseInvalidDestination,
        "MAXIMUM EXCEEDED" => FinesseErrorCode.FinesseMaximumExceeded,
        "AUTHORIZATION FAILURE" => FinesseErrorCode.FinesseUnauthorized,
        "INVALID AUTHORIZATION USER SPECIFIED" => FinesseErrorCode.FinesseWrongUser,
        "INVALID SUPERVISOR" => FinesseErrorCode.FinesseInvalidSupervisor,
        "FORBIDDEN" => FinesseErrorCode.FinesseForbidden,
        "USER NOT FOUND" => FinesseErrorCode.FinesseUserNotFound,
        "NOT FOUND" or "DIALOG NOT FOUND" => FinesseErrorCode.FinesseNotFound,
        "METHOD NOT ALLOWED" => FinesseErrorCode.FinesseMethodNotAllowed,
        "INTERNAL SERVER ERROR" => FinesseErrorCode.FinesseServerError,
        "NOT IMPLEMENTED" => FinesseErrorCode.FinesseNotImplemented,
        "SERVICE UNAVAILABLE" => FinesseErrorCode.FinesseOutOfService,
        "INVALID DEVICE" or "DEVICE BUSY" or "MODE NOT ALLOWED" => FinesseErrorCode.FinesseDeviceError,
        "CALL OPERATION FAILURE" => FinesseErrorCode.FinesseCtiError,
        "BAD REQUEST" or "GENERIC ERROR" or "FINESSE API ERROR" => FinesseErrorCode.FinesseBadRequest,
        _ => null,
    };
}
