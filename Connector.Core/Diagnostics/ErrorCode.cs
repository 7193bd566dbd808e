namespace SiebelCti.Connector.Diagnostics;

/// <summary>
/// Stable error codes shared by every layer. A code never changes meaning once released; logs,
/// <c>Error</c> messages to the driver and the Connector Monitor all carry it. Codes are
/// UPPER_SNAKE_CASE and unique (a unit test checks both). Add new codes in their area's block.
/// </summary>
public static class ErrorCode
{
    // General
    /// <summary>A required service (broker, XMPP server, Finesse) did not answer.</summary>
    public const string ServiceUnreachable = "SERVICE_UNREACHABLE";

    // OpenWire (Connector.Core/OpenWire)

    // Finesse REST (Connector.Core/Finesse/Rest)

    // XMPP (Connector.Core/Finesse/Xmpp)

    // Driver <-> Connector messaging and engine (Connector.Core/Messaging, Connector.Core/Engine)

    // Native driver (Driver)
}
