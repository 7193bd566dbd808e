using SiebelCti.Connector.Contract;
using DialogAction = SiebelCti.Finesse.Model.DialogAction;
using UserState = SiebelCti.Finesse.Model.UserState;

namespace SiebelCti.Connector.Engine.Ports;

/// <summary>
/// The REST side of Finesse as the engine needs it. Every call acts with the agent's own
/// credentials; state changes and call actions return when Finesse accepted them (202) and their
/// effect arrives later as a notification carrying <c>requestId</c> where Finesse echoes it.
/// Failures throw <see cref="FinesseGatewayException"/> with a stable error code.
/// </summary>
public interface IFinesseGateway
{
    /// <summary>Reads the agent's current state (Finesse User) as a contract event.</summary>
    Task<AgentState> GetAgentStateAsync(AgentCredentials agent, CancellationToken cancellationToken);

    /// <summary>Reads the agent's current calls (Finesse User Dialogs).</summary>
    Task<IReadOnlyList<Dialog>> GetDialogsAsync(AgentCredentials agent, CancellationToken cancellationToken);

    /// <summary>Signs the agent in with <paramref name="extension"/>.</summary>
    Task SignInAsync(AgentCredentials agent, string extension, string requestId, CancellationToken cancellationToken);

    /// <summary>Requests Ready, NotReady, Logout, Work or WorkReady, with a Finesse reasonCodeId where allowed; other states are refused.</summary>
    Task ChangeStateAsync(AgentCredentials agent, UserState state, string? reasonCodeId, string requestId, CancellationToken cancellationToken);

    /// <summary>Places a call from <paramref name="extension"/> to <paramref name="destination"/>.</summary>
    Task MakeCallAsync(AgentCredentials agent, string extension, string destination, string requestId, CancellationToken cancellationToken);

    /// <summary>Runs a dialog action (Answer, Hold, Retrieve, Drop, ConsultCall, Transfer, Conference, TransferSst, SendDtmf; others are refused).</summary>
    Task DialogActionAsync(AgentCredentials agent, DialogActionRequest action, string requestId, CancellationToken cancellationToken);

    /// <summary>Sets call variables, ECC variables and the wrap-up reason of a dialog.</summary>
    Task UpdateCallDataAsync(AgentCredentials agent, string dialogId, CallDataUpdate update, string requestId, CancellationToken cancellationToken);

    /// <summary>Reads the reason codes of a category (NOT_READY or LOGOUT) the agent may use.</summary>
    Task<IReadOnlyList<ReasonCodeEntry>> GetReasonCodesAsync(AgentCredentials agent, string category, CancellationToken cancellationToken);

    /// <summary>Reads the wrap-up reasons the agent may use.</summary>
    Task<IReadOnlyList<WrapUpReasonEntry>> GetWrapUpReasonsAsync(AgentCredentials agent, CancellationToken cancellationToken);
}

/// <summary>One Finesse dialog action on <paramref name="DialogId"/>, by the agent's <paramref name="Extension"/>.</summary>
public sealed record DialogActionRequest(
    string DialogId,
    DialogAction Action,
    string Extension,
    string? ToAddress = null,
    string? Digits = null);

/// <summary>Call data to set on a dialog; absent parts are left unchanged.</summary>
public sealed record CallDataUpdate(
    IReadOnlyDictionary<string, string>? CallVariables = null,
    IReadOnlyDictionary<string, string>? EccVariables = null,
    string? WrapUpReason = null);

/// <summary>A Finesse call failed; <see cref="Code"/> is a stable error code.</summary>
public sealed class FinesseGatewayException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}
