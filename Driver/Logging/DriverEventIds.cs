namespace SiebelCti.Driver.Logging;

/// <summary>
/// The driver's event ids, 9000–9999 (the other ranges belong to Connector.Core and the Service;
/// docs/operations.md). Constants, so that each <c>[LoggerMessage]</c> names its id and the compiler
/// keeps the two in step; a number is never reused for another message.
/// </summary>
internal static class DriverEventIds
{
    public const int NativeCallFailed = 9000;
    public const int DriverCreated = 9001;
    public const int DriverCreateFailed = 9002;
    public const int DriverReleased = 9003;
    public const int ServiceCreated = 9004;
    public const int ServiceReleased = 9005;
    public const int CommandInvoked = 9006;
    public const int CommandRejected = 9007;
    public const int RequestFailed = 9008;
    public const int CallbackFailed = 9009;
    public const int ForeignListRefused = 9010;
    public const int InvalidHandle = 9011;
    public const int TextRepaired = 9012;
    public const int ParametersIgnored = 9013;
    public const int AbiConfigInvalid = 9014;
    public const int ConnectorStatusChanged = 9015;
    public const int EventDelivered = 9016;
    public const int CallbackLoopFailed = 9017;
    public const int ConnectorLinkFailed = 9018;
    public const int EventHandlingFinished = 9019;
    public const int WorkItemCommand = 9020;
    public const int ListsNotFreed = 9021;
    public const int ConnectorMessageDropped = 9022;
    public const int ConnectorMessageUnrouted = 9023;
    public const int ConnectorErrorReported = 9024;
    public const int ClientRecovered = 9025;
    public const int ClientRecoverySkipped = 9026;
    public const int ServiceFarewell = 9027;
    public const int ModulePinFailed = 9028;
    public const int ServiceEventsDropped = 9029;
}
