namespace SiebelCti.OpenWire;

/// <summary>
/// The OpenWire client's event ids: 1xxx transport (codec, socket), 2xxx session (connection, failover, sessions, consumers). Constants, so that each <c>[LoggerMessage]</c> names its id and the compiler keeps
/// the two in step; a number is never reused for another message. The ranges of every assembly
/// are listed in docs/operations.md.
/// </summary>
public static class OpenWireEventIds
{
    public const int OpenWireTransportConnected = 1000;
    public const int OpenWireConnectFailed = 1001;
    public const int OpenWireTransportFailed = 1002;
    public const int OpenWireProtocolViolation = 1003;
    public const int OpenWireInactivityTimeout = 1004;
    public const int OpenWireUnknownCommand = 1005;
    public const int OpenWireWireFormatNegotiated = 1006;
    public const int OpenWireLoopFailed = 1007;
    public const int OpenWireFrameSent = 1008;
    public const int OpenWireFrameReceived = 1009;
    public const int OpenWireStateChanged = 2000;
    public const int OpenWireReconnectScheduled = 2001;
    public const int OpenWireReplayed = 2002;
    public const int OpenWireReconnectGaveUp = 2003;
    public const int OpenWireBrokerRefused = 2004;
    public const int OpenWireDispatchUnknownConsumer = 2005;
    public const int OpenWireAckFailed = 2006;
    public const int OpenWireEventHandlerFailed = 2007;
    public const int OpenWireBadMessage = 2008;
    public const int OpenWireSupervisorFailed = 2009;
    public const int OpenWireStateChangeDropped = 2010;
}
