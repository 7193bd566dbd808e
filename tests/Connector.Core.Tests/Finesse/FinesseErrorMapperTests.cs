using SiebelCti.Connector.Diagnostics;
using SiebelCti.Connector.Finesse.Model;
using SiebelCti.Connector.Finesse.Rest;

namespace SiebelCti.Connector.Core.Tests.Finesse;

public sealed class FinesseErrorMapperTests
{
    [Theory]
    [InlineData(400, "Parameter Missing", "finesse.api.reasoncode.require_reasoncode", ErrorCode.FinesseReasonCodeRequired)]
    [InlineData(400, "Parameter Missing", null, ErrorCode.FinesseParameterMissing)]
    [InlineData(400, "Invalid Input", null, ErrorCode.FinesseInvalidInput)]
    [InlineData(400, "Invalid State", "265", ErrorCode.FinesseInvalidState)]
    [InlineData(401, "Invalid State", null, ErrorCode.FinesseInvalidState)]
    [InlineData(400, "Invalid Destination", null, ErrorCode.FinesseInvalidDestination)]
    [InlineData(400, "Maximum Exceeded", null, ErrorCode.FinesseMaximumExceeded)]
    [InlineData(400, "Bad Request", null, ErrorCode.FinesseBadRequest)]
    [InlineData(400, "Generic Error", null, ErrorCode.FinesseBadRequest)]
    [InlineData(401, "Authorization Failure", "UNAUTHORIZED", ErrorCode.FinesseUnauthorized)]
    [InlineData(401, "Invalid Authorization User Specified", null, ErrorCode.FinesseWrongUser)]
    [InlineData(401, "Invalid Supervisor", null, ErrorCode.FinesseInvalidSupervisor)]
    [InlineData(403, "Forbidden", null, ErrorCode.FinesseForbidden)]
    [InlineData(404, "User Not Found", "4023", ErrorCode.FinesseUserNotFound)]
    [InlineData(404, "Dialog Not Found", null, ErrorCode.FinesseNotFound)]
    [InlineData(500, "Internal Server Error", null, ErrorCode.FinesseServerError)]
    [InlineData(501, "Not Implemented", null, ErrorCode.FinesseNotImplemented)]
    [InlineData(503, "Service Unavailable", "SERVER_OUT_OF_SERVICE", ErrorCode.FinesseOutOfService)]
    [InlineData(400, "SOMETHING NEW", null, ErrorCode.FinesseBadRequest)]
    public void Sync_errors_map_by_error_type_then_status(int status, string type, string? data, string expected)
    {
        Assert.Equal(expected, FinesseErrorMapper.Map(status, new ApiError { ErrorType = type, ErrorData = data }));
    }

    [Theory]
    [InlineData(400, ErrorCode.FinesseBadRequest)]
    [InlineData(401, ErrorCode.FinesseUnauthorized)]
    [InlineData(404, ErrorCode.FinesseNotFound)]
    [InlineData(405, ErrorCode.FinesseMethodNotAllowed)]
    [InlineData(503, ErrorCode.FinesseOutOfService)]
    [InlineData(418, ErrorCode.FinesseUnexpectedStatus)]
    [InlineData(302, ErrorCode.FinesseUnexpectedStatus)]
    public void Without_a_body_the_status_decides(int status, string expected)
    {
        Assert.Equal(expected, FinesseErrorMapper.Map(status, null));
    }

    [Theory]
    [InlineData("Call Operation Failure", ErrorCode.FinesseCtiError)]
    [InlineData("Generic Error", ErrorCode.FinesseCtiError)]
    [InlineData("Invalid State", ErrorCode.FinesseInvalidState)]
    [InlineData("Device Busy", ErrorCode.FinesseDeviceError)]
    [InlineData("Mode Not Allowed", ErrorCode.FinesseDeviceError)]
    [InlineData(null, ErrorCode.FinesseCtiError)]
    public void Async_errors(string? type, string expected)
    {
        Assert.Equal(expected, FinesseErrorMapper.MapAsync(new ApiError { ErrorType = type }));
    }
}
