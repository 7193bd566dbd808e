using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SiebelCti.Connector.Contract;
using SiebelCti.Driver.Connector;
using SiebelCti.Interop;
using SiebelCti.Driver.Logging;

namespace SiebelCti.Driver.Services;

/// <summary>The outcome of mapping a command: requests to send, or the reason it cannot run.</summary>
internal sealed record CommandPlan(ImmutableArray<ConnectorRequest> Requests, ScErrorCode Failure, string? ErrorCode, string? Message)
{
    public static CommandPlan Of(params ConnectorRequest[] requests) => new([.. requests], ScErrorCode.SC_EC_OK, null, null);

    public static CommandPlan Fail(ScErrorCode failure, string errorCode, string message) => new([], failure, errorCode, message);

    public bool Succeeded => Failure == ScErrorCode.SC_EC_OK;
}

/// <summary>
/// The driver parameters that fill in what a command leaves out: the Finesse reason codes (code
/// number or label) of a Not Ready or sign-out without <c>ReasonCode</c>.
/// </summary>
internal sealed record CommandDefaults(string? NotReadyReasonCode, string? LogoutReasonCode)
{
    public static CommandDefaults None { get; } = new(null, null);
}

/// <summary>What a command may look at: the agent and the dialogs as the service last saw them.</summary>
internal sealed record ServiceView(string? AgentId, string? Extension, string? AgentState, ImmutableArray<DialogSnapshot> Dialogs)
{
    public static ServiceView Empty { get; } = new(null, null, null, []);
}

/// <summary>
/// The Siebel device commands of ARCHITECTURE.md §4 and the contract requests (§3) each becomes.
/// Pure: no I/O, no state; the service supplies its current view.
/// </summary>
internal static partial class CommandMapping
{
    /// <summary>Every command the driver reports in <c>RequestCommandEventList</c>.</summary>
    public static ImmutableArray<string> Commands { get; } =
    [
        "LogIn", "LogOut", "ChangeReadyState", "ChangeNotReadyState", "MakeCall", "AnswerCall", "ReleaseCall", "HoldCall",
        "RetrieveCall", "ConsultCall", "TransferComplete", "ConferenceComplete", "BlindTransfer", "SendDTMF", "AttachData",
        "SetWrapUp", "ResetState",
    ];

    /// <summary>Every event the driver reports in <c>RequestCommandEventList</c>.</summary>
    public static ImmutableArray<string> Events { get; } =
    [
        "AgentStateChanged", "CallRinging", "CallDialing", "CallEstablished", "CallHeld", "CallRetrieved", "CallReleased",
        "ConsultEstablished", "CallTransferred", "CallConferenced", "CallDataChanged", "ConnectorStatus", "CommandFailed",
    ];

    /// <summary>Parameter names that are not call data for <c>AttachData</c>.</summary>
    private static readonly FrozenSet<string> ControlKeys = new[] { "TrackingID" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        ["LogIn"] = "Log in to the phone system",
        ["LogOut"] = "Log out of the phone system",
        ["ChangeReadyState"] = "Become Ready",
        ["ChangeNotReadyState"] = "Become Not Ready",
        ["MakeCall"] = "Make a call",
        ["AnswerCall"] = "Answer the ringing call",
        ["ReleaseCall"] = "Hang up",
        ["HoldCall"] = "Put the call on hold",
        ["RetrieveCall"] = "Retrieve the held call",
        ["ConsultCall"] = "Start a consult call",
        ["TransferComplete"] = "Complete the transfer",
        ["ConferenceComplete"] = "Complete the conference",
        ["BlindTransfer"] = "Blind transfer",
        ["SendDTMF"] = "Send DTMF digits",
        ["AttachData"] = "Attach call data",
        ["SetWrapUp"] = "Set the wrap-up reason",
        ["ResetState"] = "Refresh the agent state",
    }.ToFrozenDictionary();

    public static string Describe(string command) => Descriptions.GetValueOrDefault(command, command);

    /// <summary>Finds the command named <paramref name="name"/> (case-insensitive); null when unknown.</summary>
    public static string? Find(string? name) =>
        name is null ? null : Commands.FirstOrDefault(c => c.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A command parameter's value; an empty one (a Siebel macro that expanded to nothing) is no value.</summary>
    public static string? Given(IReadOnlyDictionary<string, string> parameters, string key) =>
        parameters.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    /// <summary>
    /// Maps one <c>InvokeCommand</c>. A value that still holds a Siebel macro (<c>{@...}</c> or
    /// <c>{$...}</c>: Siebel did not expand it) is refused, naming the parameter.
    /// </summary>
    public static CommandPlan Map(string command, string? stringParam, IReadOnlyDictionary<string, string> parameters, ServiceView view, CommandDefaults? defaults = null)
    {
        defaults ??= CommandDefaults.None;
        if (UnexpandedMacro(stringParam, parameters) is { } macro)
        {
            return Invalid($"{command}: parameter {macro.Name} is '{macro.Value}', a Siebel macro that Siebel did not expand; check the command data of {command} (samples/siebel/README.md)");
        }
        string? Param(string key) => Given(parameters, key);
        var number = Param("PhoneNumber") ?? (string.IsNullOrEmpty(stringParam) ? null : stringParam);
        var trackingId = Param("TrackingID");

        switch (command)
        {
            case "LogIn":
                {
                    var agentId = Param("AgentId") ?? view.AgentId;
                    var extension = Param("Extension") ?? view.Extension;
                    var missing = new List<string>();
                    if (agentId is null)
                    {
                        missing.Add("AgentId");
                    }
                    if (Param("AgentPin") is null)
                    {
                        missing.Add("AgentPin");
                    }
                    if (extension is null)
                    {
                        missing.Add("Extension");
                    }
                    if (missing.Count > 0)
                    {
                        return Invalid($"LogIn needs {string.Join(", ", missing)}");
                    }
                    return CommandPlan.Of(new Connect(), new Login(Param("AgentPin")!, extension!));
                }
            case "LogOut":
                return CommandPlan.Of(new Logout(Param("ReasonCode") ?? defaults.LogoutReasonCode));
            case "ChangeReadyState":
                return CommandPlan.Of(new Ready());
            case "ChangeNotReadyState":
                return CommandPlan.Of(new NotReady(Param("ReasonCode") ?? defaults.NotReadyReasonCode));
            case "MakeCall":
                return number is null ? Invalid("MakeCall needs PhoneNumber") : CommandPlan.Of(new MakeCall(number));
            case "ResetState":
                return CommandPlan.Of(new GetState());
            case "SetWrapUp":
                {
                    var reason = Param("ReasonCode") ?? Param("WrapUpReason") ?? stringParam;
                    if (string.IsNullOrEmpty(reason))
                    {
                        return Invalid("SetWrapUp needs ReasonCode");
                    }
                    var dialog = trackingId is not null ? view.Dialogs.FirstOrDefault(d => d.Id == trackingId)?.Id
                        : (view.Dialogs.FirstOrDefault(d => d.MyState == ParticipantStateName.WrapUp) ?? view.Dialogs.FirstOrDefault())?.Id;
                    return CommandPlan.Of(new SetWrapUpReason(reason, dialog));
                }
        }

        // Call commands: act on TrackingID when given, otherwise on the agent's current call.
        DialogSnapshot? Pick(params string[] states)
        {
            if (trackingId is not null)
            {
                return view.Dialogs.FirstOrDefault(d => d.Id == trackingId);
            }
            foreach (var state in states)
            {
                var match = view.Dialogs.FirstOrDefault(d => d.MyState == state);
                if (match is not null)
                {
                    return match;
                }
            }
            return null;
        }

        CommandPlan OnCall(DialogSnapshot? dialog, Func<DialogSnapshot, CommandPlan> plan) =>
            dialog is not null ? plan(dialog)
            : trackingId is not null ? CommandPlan.Fail(ScErrorCode.SC_EC_INVALID_ITEM_TRACKING_ID, DriverErrorCode.DriverUnknownWorkItem, $"{command}: no call with TrackingID '{trackingId}'")
            : CommandPlan.Fail(ScErrorCode.SC_EC_WORK_ITEM_WRONG_STATE, DriverErrorCode.DriverNoCall, $"{command}: the agent has no call to act on");

        switch (command)
        {
            case "AnswerCall":
                return OnCall(Pick(ParticipantStateName.Alerting), d => CommandPlan.Of(new Answer(d.Id)));
            case "ReleaseCall":
                return OnCall(Pick(ParticipantStateName.Active, ParticipantStateName.Initiated, ParticipantStateName.Initiating, ParticipantStateName.Alerting, ParticipantStateName.Held), d => CommandPlan.Of(new Release(d.Id)));
            case "HoldCall":
                return OnCall(Pick(ParticipantStateName.Active), d => CommandPlan.Of(new Hold(d.Id)));
            case "RetrieveCall":
                return OnCall(Pick(ParticipantStateName.Held), d => CommandPlan.Of(new Retrieve(d.Id)));
            case "ConsultCall":
                return number is null ? Invalid("ConsultCall needs PhoneNumber")
                    : OnCall(Pick(ParticipantStateName.Active), d => CommandPlan.Of(new ConsultCall(d.Id, number)));
            case "BlindTransfer":
                return number is null ? Invalid("BlindTransfer needs PhoneNumber")
                    : OnCall(Pick(ParticipantStateName.Active), d => CommandPlan.Of(new SingleStepTransfer(d.Id, number)));
            case "SendDTMF":
                {
                    var digits = Param("Digits") ?? (string.IsNullOrEmpty(stringParam) ? null : stringParam);
                    return digits is null ? Invalid("SendDTMF needs Digits")
                        : OnCall(Pick(ParticipantStateName.Active), d => CommandPlan.Of(new SendDtmf(d.Id, digits)));
                }
            case "TransferComplete":
            case "ConferenceComplete":
                {
                    // Finesse completes a consult on the held original dialog once the consult leg is active.
                    var original = Pick(ParticipantStateName.Held);
                    var consult = view.Dialogs.FirstOrDefault(d => d.MyState == ParticipantStateName.Active && d.Id != original?.Id);
                    if (original is not null && consult is null)
                    {
                        return CommandPlan.Fail(ScErrorCode.SC_EC_WORK_ITEM_WRONG_STATE, DriverErrorCode.DriverNoCall, $"{command}: there is no active consult call");
                    }
                    return OnCall(original, d => CommandPlan.Of(command == "TransferComplete" ? new TransferComplete(d.Id) : new ConferenceComplete(d.Id)));
                }
            case "AttachData":
                {
                    var data = parameters.Where(p => !ControlKeys.Contains(p.Key)).ToList();
                    if (data.Count == 0)
                    {
                        return Invalid("AttachData needs at least one call variable");
                    }
                    return OnCall(Pick(ParticipantStateName.Active, ParticipantStateName.Held, ParticipantStateName.Alerting, ParticipantStateName.Initiated, ParticipantStateName.WrapUp), d =>
                    {
                        var callVariables = new Dictionary<string, string>(StringComparer.Ordinal);
                        var eccVariables = new Dictionary<string, string>(StringComparer.Ordinal);
                        foreach (var (key, value) in data)
                        {
                            (CallVariablePattern().IsMatch(key) ? callVariables : eccVariables)[key] = value;
                        }
                        return CommandPlan.Of(new UpdateCallData(d.Id, callVariables.Count > 0 ? callVariables : null, eccVariables.Count > 0 ? eccVariables : null));
                    });
                }
            default:
                return CommandPlan.Fail(ScErrorCode.SC_EC_CMD_NOT_SUPPORTED, DriverErrorCode.DriverCommandNotSupported, $"the driver has no command '{command}'");
        }
    }

    /// <summary>Maps <c>InvokeCommandEx</c>: only <c>SC_CT_MAKECALL</c> applies to a voice driver.</summary>
    public static CommandPlan MapEx(int commandType, IReadOnlyDictionary<string, string> parameters, ServiceView view, CommandDefaults? defaults = null) =>
        commandType == (int)ScCommandTypeEx.SC_CT_MAKECALL
            ? Map("MakeCall", null, parameters, view, defaults)
            : CommandPlan.Fail(ScErrorCode.SC_EC_CMD_NOT_SUPPORTED, DriverErrorCode.DriverCommandNotSupported, $"InvokeCommandEx type {commandType} is not supported by a voice driver");

    private static CommandPlan Invalid(string message) => CommandPlan.Fail(ScErrorCode.SC_EC_ERROR, DriverErrorCode.DriverCommandInvalid, message);

    /// <summary>The first value (the string parameter, then the named ones) that holds a Siebel macro Siebel did not expand.</summary>
    private static (string Name, string Value)? UnexpandedMacro(string? stringParam, IReadOnlyDictionary<string, string> parameters)
    {
        if (stringParam is not null && SiebelMacroPattern().IsMatch(stringParam))
        {
            return ("stringParam", stringParam);
        }
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (SiebelMacroPattern().IsMatch(value))
            {
                return (name, value.Length > 100 ? value[..100] + "..." : value);
            }
        }
        return null;
    }

    /// <summary>Siebel's macros: <c>{@Name...}</c> (values) and <c>{$Name(...)}</c> (functions).</summary>
    [GeneratedRegex(@"\{[@$][A-Za-z]")]
    private static partial Regex SiebelMacroPattern();

    /// <summary>Finesse's call variables are callVariable1..callVariable10; every other key is an ECC variable.</summary>
    [GeneratedRegex("^callVariable([1-9]|10)$")]
    private static partial Regex CallVariablePattern();
}
