namespace SiebelCti.OpenWire.Codec;

/// <summary>OpenWire data structure type numbers (the first byte of every marshalled structure).</summary>
internal static class DataType
{
    public const byte WireFormatInfo = 1;
    public const byte BrokerInfo = 2;
    public const byte ConnectionInfo = 3;
    public const byte SessionInfo = 4;
    public const byte ConsumerInfo = 5;
    public const byte ProducerInfo = 6;
    public const byte DestinationInfo = 8;
    public const byte KeepAliveInfo = 10;
    public const byte ShutdownInfo = 11;
    public const byte RemoveInfo = 12;
    public const byte ControlCommand = 14;
    public const byte ConnectionError = 16;
    public const byte ConsumerControl = 17;
    public const byte ConnectionControl = 18;
    public const byte ProducerAck = 19;
    public const byte MessageDispatch = 21;
    public const byte MessageAck = 22;
    public const byte Message = 23;
    public const byte BytesMessage = 24;
    public const byte MapMessage = 25;
    public const byte ObjectMessage = 26;
    public const byte StreamMessage = 27;
    public const byte TextMessage = 28;
    public const byte BlobMessage = 29;
    public const byte Response = 30;
    public const byte ExceptionResponse = 31;
    public const byte IntegerResponse = 34;
    public const byte Queue = 100;
    public const byte Topic = 101;
    public const byte TempQueue = 102;
    public const byte TempTopic = 103;
    public const byte MessageId = 110;
    public const byte LocalTransactionId = 111;
    public const byte XaTransactionId = 112;
    public const byte ConnectionId = 120;
    public const byte SessionId = 121;
    public const byte ConsumerId = 122;
    public const byte ProducerId = 123;
    public const byte BrokerId = 124;

    public static bool IsMessage(byte type) => type is >= Message and <= BlobMessage;

    public static bool IsDestination(byte type) => type is >= Queue and <= TempTopic;
}
