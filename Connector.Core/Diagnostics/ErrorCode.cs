namespace SiebelCti.Connector.Diagnostics;

/// <summary>
/// Stable error codes shared by every layer. A code never changes meaning once released; logs,
/// <c>Error</c> messages to the driver and the Connector Monitor all carry it.
/// </summary>
public static class ErrorCode
{
    /// <summary>A required service (broker, XMPP server) did not answer.</summary>
    public const string ServiceUnreachable = "SERVICE_UNREACHABLE";
}
