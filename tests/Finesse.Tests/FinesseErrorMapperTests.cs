using SiebelCti.Finesse.Model;
using SiebelCti.Finesse.Rest;

namespace SiebelCti.Finesse.Tests;

public sealed class FinesseErrorMapperTests
{
    [Theory]
    [InlineData(400, "Parameter Missing", "finesse.api.reasoncode.require_reasoncode", FinesseErrorCode.FinesseReasonCodeRequired)]
    [InlineData(400, "Parameter Missing", null, FinesseErrorCode.FinesseParameterMissing)]
    [InlineData(400, "Invalid Input", null, FinesseErrorCode.FinesseInvalidInput)]
    [InlineData(400, "Invalid State", "265", FinesseErrorCode.FinesseInvalidState)]
    [InlineData(401, "Invalid State", null, FinesseErrorCode.FinesseInvalidState)]
    [InlineData(400, "Invalid Destination", null, FinesseErrorCode.FinesseInvalidDestination)]
    [InlineData(400, "Maximum Exceeded", null, FinesseErrorCode.FinesseMaximumExceeded)]
    [InlineData(400, "Bad Request", null, FinesseErrorCode.FinesseBadRequest)]
    [InlineData(400, "Generic Error", null, FinesseErrorCode.FinesseBadRequest)]
    [InlineData(401, "Authorization Failure", "UNAUTHORIZED", FinesseErrorCode.FinesseUnauthorized)]
    [InlineData(401, "Invalid Authorization User Specified", null, FinesseErrorCode.FinesseWrongUser)]
    [InlineData(401, "Invalid Supervisor", null, FinesseErrorCode.FinesseInvalidSupervisor)]
    [InlineData(403, "Forbidden", null, FinesseErrorCode.FinesseForbidden)]
    [InlineData(404, "User Not Found", "4023", FinesseErrorCode.FinesseUserNotFound)]
    [InlineData(404, "Dialog Not Found", null, FinesseErrorCode.FinesseNotFound)]
    [InlineData(500, "Internal Server Error", null, FinesseErrorCode.FinesseServerError)]
    [InlineData(501, "Not Implemented", null, FinesseErrorCode.FinesseNotImplemented)]
    [InlineData(503, "Service Unavailable", "SERVER_OUT_OF_SERVICE", FinesseErrorCode.FinesseOutOfService)]
    [InlineData(400, "SOMETHING NEW", null, FinesseErrorCode.FinesseBadRequest)]
    public void Sync_errors_map_by_error_type_then_status(int status, string type, string? data, string expected)
    {
        Assert.Equal(expected, FinesseErrorMapper.Map(status, new ApiError { ErrorType = type, ErrorData = data }));
    }

    [Theory]
    [InlineData(400, FinesseErrorCode.FinesseBadRequest)]
    [InlineData(401, FinesseErrorCode.FinesseUnauthorized)]
    [InlineData(404, FinesseErrorCode.FinesseNotFound)]
    [InlineData(405, FinesseErrorCode.FinesseMethodNotAllowed)]
    [InlineData(503, FinesseErrorCode.FinesseOutOfService)]
    [InlineData(418, FinesseErrorCode.FinesseUnexpectedStatus)]
    [InlineData(302, FinesseErrorCode.FinesseUnexpectedStatus)]
    public void Without_a_body_the_status_decides(int status, string expected)
    {
        Assert.Equal(expected, FinesseErrorMapper.Map(status, null));
    }

    [Theory]
    [InlineData("Call Operation Failure", FinesseErrorCode.FinesseCtiError)]
    [InlineData("Generic Error", FinesseErrorCode.FinesseCtiError)]
    [InlineData("Invalid State", FinesseErrorCode.FinesseInvalidState)]
    [InlineData("Device Busy", FinesseErrorCode.FinesseDeviceError)]
    [InlineData("Mode Not Allowed", FinesseErrorCode.FinesseDeviceError)]
    [InlineData(null, FinesseErrorCode.FinesseCtiError)]
    public void Async_errors(string? type, string expected)
    {
        Assert.Equal(expected, FinesseErrorMapper.MapAsync(new ApiError { ErrorType = type }));
    }
}
