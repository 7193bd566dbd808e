using System.Collections.Frozen;
using System.Text.Json.Serialization.Metadata;

namespace SiebelCti.Connector.Contract;

/// <summary>
/// The one table of contract message types: the <c>JMSType</c> name of each message and the JSON
/// metadata that reads and writes its body.
/// </summary>
public static class MessageTypes
{
    private static readonly ConnectorJsonContext Json = ConnectorJsonContext.Default;

    private static readonly FrozenDictionary<string, JsonTypeInfo> ByName = new Dictionary<string, JsonTypeInfo>(StringComparer.Ordinal)
    {
        ["Hello"] = Json.Hello,
        ["Connect"] = Json.Connect,
        ["Disconnect"] = Json.Disconnect,
        ["Login"] = Json.Login,
        ["Logout"] = Json.Logout,
        ["Ready"] = Json.Ready,
        ["NotReady"] = Json.NotReady,
        ["WorkReady"] = Json.WorkReady,
        ["WorkNotReady"] = Json.WorkNotReady,
        ["GetState"] = Json.GetState,
        ["GetReasonCodes"] = Json.GetReasonCodes,
        ["GetWrapUpReasons"] = Json.GetWrapUpReasons,
        ["MakeCall"] = Json.MakeCall,
        ["Answer"] = Json.Answer,
        ["Release"] = Json.Release,
        ["Hold"] = Json.Hold,
        ["Retrieve"] = Json.Retrieve,
        ["ConsultCall"] = Json.ConsultCall,
        ["TransferComplete"] = Json.TransferComplete,
        ["ConferenceComplete"] = Json.ConferenceComplete,
        ["SingleStepTransfer"] = Json.SingleStepTransfer,
        ["SendDtmf"] = Json.SendDtmf,
        ["UpdateCallData"] = Json.UpdateCallData,
        ["SetWrapUpReason"] = Json.SetWrapUpReason,
        ["Heartbeat"] = Json.Heartbeat,
        ["System"] = Json.SystemStatus,
        ["AgentState"] = Json.AgentState,
        ["Dialog"] = Json.Dialog,
        ["DialogEnded"] = Json.DialogEnded,
        ["ReasonCodes"] = Json.ReasonCodes,
        ["WrapUpReasons"] = Json.WrapUpReasons,
        ["Error"] = Json.Error,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<Type, string> NameByType =
        ByName.ToFrozenDictionary(pair => pair.Value.Type, pair => pair.Key);

    private static readonly FrozenSet<string> RequestNames =
        ByName.Where(pair => pair.Value.Type.IsAssignableTo(typeof(ConnectorRequest))).Select(pair => pair.Key).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when <paramref name="name"/> is the <c>JMSType</c> of a request (Driver to Connector).</summary>
    public static bool IsRequest(string? name) => name is not null && RequestNames.Contains(name);

    /// <summary>True when <paramref name="name"/> is the <c>JMSType</c> of a response or event (Connector to Driver).</summary>
    public static bool IsEvent(string? name) => name is not null && ByName.ContainsKey(name) && !RequestNames.Contains(name);

    /// <summary>Every message type name of contract v1.</summary>
    public static IEnumerable<string> All => ByName.Keys;

    /// <summary>The <c>JMSType</c> name of <paramref name="message"/>.</summary>
    public static string NameOf(ConnectorMessage message) =>
        NameByType.TryGetValue(message.GetType(), out var name)
            ? name
            : throw new ArgumentException($"{message.GetType().Name} is not a contract message", nameof(message));

    internal static bool TryGetTypeInfo(string name, out JsonTypeInfo typeInfo) => ByName.TryGetValue(name, out typeInfo!);

    internal static JsonTypeInfo TypeInfoOf(ConnectorMessage message) => ByName[NameOf(message)];
}
