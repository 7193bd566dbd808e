using SiebelCti.Interop;

namespace SiebelCti.Driver.Native;

/// <summary>
/// A failure with the <c>SC_EC_*</c> result an export returns for it and the stable
/// <c>ErrorCode</c> that its log line carries.
/// </summary>
internal sealed class DriverException(ScErrorCode result, string errorCode, string message) : Exception(message)
{
    public ScErrorCode Result { get; } = result;

    public string ErrorCode { get; } = errorCode;
}
