using System.Globalization;
using SiebelCti.Connector.Diagnostics;
using SiebelCti.Connector.Engine.Ports;
using SiebelCti.Connector.Finesse.Model;
using SiebelCti.Connector.Finesse.Rest;
using Contract = SiebelCti.Connector.Messaging;

namespace SiebelCti.Connector.Finesse.Gateway;

/// <summary>
/// The engine's <see cref="IFinesseGateway"/> over <see cref="FinesseRestClient"/>: contract names in,
/// Finesse calls out, every <see cref="FinesseException"/> turned into a
/// <see cref="FinesseGatewayException"/> with the same stable code.
/// </summary>
public sealed class FinesseRestGateway : IFinesseGateway
{
    private readonly FinesseRestClient _client;

    public FinesseRestGateway(FinesseRestClient client)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
    }

    public Task<Contract.AgentState> GetAgentStateAsync(AgentCredentials agent, CancellationToken cancellationToken) =>
        Call(async () => ContractMapper.ToAgentState(await _client.GetUserAsync(Credentials(agent), cancellationToken).ConfigureAwait(false)));

    public Task<IReadOnlyList<Contract.Dialog>> GetDialogsAsync(AgentCredentials agent, CancellationToken cancellationToken) =>
        Call(async () => (IReadOnlyList<Contract.Dialog>)(await _client.GetDialogsAsync(Credentials(agent), cancellationToken).ConfigureAwait(false))
            .Select(ContractMapper.ToDialog).ToArray());

    public Task SignInAsync(AgentCredentials agent, string extension, string requestId, CancellationToken cancellationToken) =>
        Call(() => _client.SignInAsync(Credentials(agent), extension, requestId, cancellationToken));

    public Task ChangeStateAsync(AgentCredentials agent, string state, string? reasonCodeId, string requestId, CancellationToken cancellationToken) =>
        Call(() =>
        {
            var target = UserStates.Parse(state);
            if (target == UserState.Unknown)
            {
                throw new FinesseException(ErrorCode.FinesseInvalidArgument, $"'{state}' is not a Finesse agent state.");
            }

            int? id = null;
            if (reasonCodeId is not null)
            {
                id = int.TryParse(reasonCodeId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
                    ? parsed
                    : throw new FinesseException(ErrorCode.FinesseInvalidArgument, $"reasonCodeId '{reasonCodeId}' is not a Finesse reason code id (a number).");
            }

            return _client.SetStateAsync(Credentials(agent), target, id, requestId, cancellationToken);
        });

    public Task MakeCallAsync(AgentCredentials agent, string extension, string destination, string requestId, CancellationToken cancellationToken) =>
        Call(() => _client.MakeCallAsync(Credentials(agent), extension, destination, null, requestId, cancellationToken));

    public Task DialogActionAsync(AgentCredentials agent, DialogActionRequest action, string requestId, CancellationToken cancellationToken) =>
        Call(() =>
        {
            ArgumentNullException.ThrowIfNull(action);
            var c = Credentials(agent);
            return action.Action.ToUpperInvariant() switch
            {
                FinesseActions.Answer => _client.AnswerAsync(c, action.DialogId, action.Extension, requestId, cancellationToken),
                FinesseActions.Hold => _client.HoldAsync(c, action.DialogId, action.Extension, requestId, cancellationToken),
                FinesseActions.Retrieve => _client.RetrieveAsync(c, action.DialogId, action.Extension, requestId, cancellationToken),
                FinesseActions.Drop => _client.DropAsync(c, action.DialogId, action.Extension, requestId, cancellationToken),
                FinesseActions.Transfer => _client.TransferAsync(c, action.DialogId, action.Extension, requestId, cancellationToken),
                FinesseActions.Conference => _client.ConferenceAsync(c, action.DialogId, action.Extension, requestId, cancellationToken),
                FinesseActions.ConsultCall => _client.ConsultCallAsync(c, action.DialogId, action.Extension, Required(action.ToAddress, "toAddress"), requestId, cancellationToken),
                FinesseActions.TransferSst => _client.SingleStepTransferAsync(c, action.DialogId, action.Extension, Required(action.ToAddress, "toAddress"), requestId, cancellationToken),
                FinesseActions.SendDtmf => _client.SendDtmfAsync(c, action.DialogId, action.Extension, Required(action.Digits, "digits"), requestId, cancellationToken),
                _ => throw new FinesseException(ErrorCode.FinesseInvalidArgument, $"'{action.Action}' is not a supported Finesse dialog action."),
            };
        });

    public Task UpdateCallDataAsync(AgentCredentials agent, string dialogId, CallDataUpdate update, string requestId, CancellationToken cancellationToken) =>
        Call(() =>
        {
            ArgumentNullException.ThrowIfNull(update);
            var variables = (update.CallVariables ?? new Dictionary<string, string>())
                .Concat(update.EccVariables ?? new Dictionary<string, string>())
                .Select(kv => new CallVariable(kv.Key, kv.Value))
                .ToArray();
            return _client.UpdateCallDataAsync(Credentials(agent), dialogId, variables, update.WrapUpReason, requestId, cancellationToken);
        });

    public Task<IReadOnlyList<Contract.ReasonCodeEntry>> GetReasonCodesAsync(AgentCredentials agent, string category, CancellationToken cancellationToken) =>
        Call(async () =>
        {
            var which = category?.ToUpperInvariant() switch
            {
                Contract.ReasonCodeCategory.NotReady => ReasonCodeCategory.NotReady,
                Contract.ReasonCodeCategory.Logout => ReasonCodeCategory.Logout,
                _ => throw new FinesseException(ErrorCode.FinesseInvalidArgument, $"'{category}' is not a reason code category (NOT_READY or LOGOUT)."),
            };
            var list = await _client.GetReasonCodesAsync(Credentials(agent), which, cancellationToken).ConfigureAwait(false);
            return ContractMapper.ToReasonCodes(list, category!.ToUpperInvariant());
        });

    public Task<IReadOnlyList<Contract.WrapUpReasonEntry>> GetWrapUpReasonsAsync(AgentCredentials agent, CancellationToken cancellationToken) =>
        Call(async () => ContractMapper.ToWrapUpReasons(await _client.GetWrapUpReasonsAsync(Credentials(agent), cancellationToken).ConfigureAwait(false)));

    private static FinesseCredentials Credentials(AgentCredentials agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return new FinesseCredentials(agent.AgentId, agent.Password);
    }

    private static string Required(string? value, string name) =>
        string.IsNullOrEmpty(value) ? throw new FinesseException(ErrorCode.FinesseInvalidArgument, $"{name} is required for this action.") : value;

    private static async Task Call(Func<Task> call)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (FinesseException ex)
        {
            throw new FinesseGatewayException(ex.Code, ex.Message, ex);
        }
    }

    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (FinesseException ex)
        {
            throw new FinesseGatewayException(ex.Code, ex.Message, ex);
        }
    }
}
