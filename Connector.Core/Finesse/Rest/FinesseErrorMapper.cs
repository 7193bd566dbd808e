using SiebelCti.Connector.Diagnostics;
using SiebelCti.Connector.Finesse.Model;

namespace SiebelCti.Connector.Finesse.Rest;

/// <summary>Maps Finesse HTTP status + ApiError to the stable codes of <see cref="ErrorCode"/> (table in docs/protocols/finesse-rest.md).</summary>
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
            400 => ErrorCode.FinesseBadRequest,
            401 => ErrorCode.FinesseUnauthorized,
            403 => ErrorCode.FinesseForbidden,
            404 => ErrorCode.FinesseNotFound,
            405 => ErrorCode.FinesseMethodNotAllowed,
            500 => ErrorCode.FinesseServerError,
            501 => ErrorCode.FinesseNotImplemented,
            503 => ErrorCode.FinesseOutOfService,
            _ => ErrorCode.FinesseUnexpectedStatus,
        };
    }

    /// <summary>Code of an asynchronous error notification (apiErrors on the User or Dialogs node).</summary>
    public static string MapAsync(ApiError error) => ByType(error) switch
    {
        null or ErrorCode.FinesseBadRequest => ErrorCode.FinesseCtiError,
        var code => code,
    };

    private static string? ByType(ApiError error) => error.ErrorType?.Trim().ToUpperInvariant() switch
    {
        "PARAMETER MISSING" when error.ErrorData?.Contains("require_reasoncode", StringComparison.OrdinalIgnoreCase) == true
            => ErrorCode.FinesseReasonCodeRequired,
        "PARAMETER MISSING" => ErrorCode.FinesseParameterMissing,
        "INVALID INPUT" => ErrorCode.FinesseInvalidInput,
        "INVALID STATE" => ErrorCode.FinesseInvalidState,
        "INVALID DESTINATION" => ErrorCode.FinesseInvalidDestination,
        "MAXIMUM EXCEEDED" => ErrorCode.FinesseMaximumExceeded,
        "AUTHORIZATION FAILURE" => ErrorCode.FinesseUnauthorized,
        "INVALID AUTHORIZATION USER SPECIFIED" => ErrorCode.FinesseWrongUser,
        "INVALID SUPERVISOR" => ErrorCode.FinesseInvalidSupervisor,
        "FORBIDDEN" => ErrorCode.FinesseForbidden,
        "USER NOT FOUND" => ErrorCode.FinesseUserNotFound,
        "NOT FOUND" or "DIALOG NOT FOUND" => ErrorCode.FinesseNotFound,
        "METHOD NOT ALLOWED" => ErrorCode.FinesseMethodNotAllowed,
        "INTERNAL SERVER ERROR" => ErrorCode.FinesseServerError,
        "NOT IMPLEMENTED" => ErrorCode.FinesseNotImplemented,
        "SERVICE UNAVAILABLE" => ErrorCode.FinesseOutOfService,
        "INVALID DEVICE" or "DEVICE BUSY" or "MODE NOT ALLOWED" => ErrorCode.FinesseDeviceError,
        "CALL OPERATION FAILURE" => ErrorCode.FinesseCtiError,
        "BAD REQUEST" or "GENERIC ERROR" or "FINESSE API ERROR" => ErrorCode.FinesseBadRequest,
        _ => null,
    };
}
