using System.Text.Json.Serialization;

namespace SiebelCti.Connector.Contract;

/// <summary>Source-generated JSON metadata for every contract message (AOT-safe, no reflection).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 16,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(Hello))]
[JsonSerializable(typeof(Connect))]
[JsonSerializable(typeof(Disconnect))]
[JsonSerializable(typeof(Login))]
[JsonSerializable(typeof(Logout))]
[JsonSerializable(typeof(Ready))]
[JsonSerializable(typeof(NotReady))]
[JsonSerializable(typeof(WorkReady))]
[JsonSerializable(typeof(WorkNotReady))]
[JsonSerializable(typeof(GetState))]
[JsonSerializable(typeof(GetReasonCodes))]
[JsonSerializable(typeof(GetWrapUpReasons))]
[JsonSerializable(typeof(MakeCall))]
[JsonSerializable(typeof(Answer))]
[JsonSerializable(typeof(Release))]
[JsonSerializable(typeof(Hold))]
[JsonSerializable(typeof(Retrieve))]
[JsonSerializable(typeof(ConsultCall))]
[JsonSerializable(typeof(TransferComplete))]
[JsonSerializable(typeof(ConferenceComplete))]
[JsonSerializable(typeof(SingleStepTransfer))]
[JsonSerializable(typeof(SendDtmf))]
[JsonSerializable(typeof(UpdateCallData))]
[JsonSerializable(typeof(SetWrapUpReason))]
[JsonSerializable(typeof(Heartbeat))]
[JsonSerializable(typeof(SystemStatus))]
[JsonSerializable(typeof(AgentState))]
[JsonSerializable(typeof(Dialog))]
[JsonSerializable(typeof(DialogEnded))]
[JsonSerializable(typeof(ReasonCodes))]
[JsonSerializable(typeof(WrapUpReasons))]
[JsonSerializable(typeof(Error))]
internal sealed partial class ConnectorJsonContext : JsonSerializerContext;
