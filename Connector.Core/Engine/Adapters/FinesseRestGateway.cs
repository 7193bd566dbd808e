using System.Globalization;
using SiebelCti.Connector.Engine.Ports;
using SiebelCti.Finesse;
using SiebelCti.Finesse.Model;
using SiebelCti.Finesse.Rest;
using SiebelCti.Connector.Contract;
using ContractReasonCodeCategory = SiebelCti.Connector.Contract.ReasonCodeCategory;
using FinesseReasonCodeCategory = SiebelCti.Finesse.Model.ReasonCodeCategory;

namespace SiebelCti.Connector.Engine.Adapters;

/// <summary>The engine's Finesse REST port over <see cref="FinesseRestClient"/>.</summary>
public sealed class FinesseRestGateway(FinesseRestClient client) : IFinesseGateway
{
    public Task<AgentState> GetAgentStateAsync(AgentCredentials agent, CancellationToken cancellationToken) =>
        Call(async () => FinesseContractMapper.ToAgentState(await client.GetUserAsync(Credentials(agent), cancellationToken).ConfigureAwait(false)));

    public Task<IReadOnlyList<Contract.Dialog>> GetDialogsAsync(AgentCredentials agent, CancellationToken cancellationToken) =>
        Call<IReadOnlyList<Contract.Dialog>>(async () =>
            (await client.GetDialogsAsync(Credentials(agent), cancellationToken).ConfigureAwait(false)).Select(FinesseContractMapper.ToDialog).ToList());

    public Task SignInAsync(AgentCredentials agent, string extension, string requestId, CancellationToken cancellationToken) =>
        Call(() => client.SignInAsync(Credentials(agent), extension, requestId, cancellationToken));

    public Task ChangeStateAsync(AgentCredentials agent, UserState target, string? reasonCodeId, string requestId, CancellationToken cancellationToken)
    {
        if (target is not (UserState.Ready or UserState.NotReady or UserState.Logout or UserState.Work or UserState.WorkReady))
        {
            return Task.FromException(new FinesseGatewayException(FinesseErrorCode.FinesseInvalidArgument, $"'{UserStates.ToWire(target)}' is not a state an agent can request"));
        }

        int? id = null;
        if (reasonCodeId is { Length: > 0 })
        {
            if (!int.TryParse(reasonCodeId, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return Task.FromException(new FinesseGatewayException(FinesseErrorCode.FinesseInvalidArgument, $"reasonCodeId '{reasonCodeId}' is not a number"));
            }

            id = parsed;
        }

        return Call(() => client.SetStateAsync(Credentials(agent), target, id, requestId, cancellationToken));
    }

    public Task MakeCallAsync(AgentCredentials agent, string extension, string destination, string requestId, CancellationToken cancellationToken) =>
        Call(() => client.MakeCallAsync(Credentials(agent), extension, destination, requestId: requestId, cancellationToken: cancellationToken));

    public Task DialogActionAsync(AgentCredentials agent, DialogActionRequest action, string requestId, CancellationToken cancellationToken)
    {
        var c = Credentials(agent);
        return action.Action switch
        {
            DialogAction.Answer => Call(() => client.AnswerAsync(c, action.DialogId, action.Extension, requestId, cancellationToken)),
            DialogAction.Hold => Call(() => client.HoldAsync(c, action.DialogId, action.Extension, requestId, cancellationToken)),
            DialogAction.Retrieve => Call(() => client.RetrieveAsync(c, action.DialogId, action.Extension, requestId, cancellationToken)),
            DialogAction.Drop => Call(() => client.DropAsync(c, action.DialogId, action.Extension, requestId, cancellationToken)),
            DialogAction.Transfer => Call(() => client.TransferAsync(c, action.DialogId, action.Extension, requestId, cancellationToken)),
            DialogAction.Conference => Call(() => client.ConferenceAsync(c, action.DialogId, action.Extension, requestId, cancellationToken)),
            DialogAction.ConsultCall => Call(() => client.ConsultCallAsync(c, action.DialogId, action.Extension, Require(action.ToAddress, "toAddress"), requestId, cancellationToken)),
            DialogAction.TransferSst => Call(() => client.SingleStepTransferAsync(c, action.DialogId, action.Extension, Require(action.ToAddress, "toAddress"), requestId, cancellationToken)),
            DialogAction.SendDtmf => Call(() => client.SendDtmfAsync(c, action.DialogId, action.Extension, Require(action.Digits, "digits"), requestId, cancellationToken)),
            _ => Task.FromException(new FinesseGatewayException(FinesseErrorCode.FinesseInvalidArgument, $"'{DialogActions.ToWire(action.Action)}' is not a dialog action of this Connector")),
        };
    }

    public Task UpdateCallDataAsync(AgentCredentials agent, string dialogId, CallDataUpdate update, string requestId, CancellationToken cancellationToken)
    {
        var variables = (update.CallVariables ?? new Dictionary<string, string>())
            .Concat(update.EccVariables ?? new Dictionary<string, string>())
            .Select(v => new CallVariable(v.Key, v.Value))
            .ToList();
        return Call(() => client.UpdateCallDataAsync(
            Credentials(agent), dialogId, variables.Count > 0 ? variables : null, update.WrapUpReason, requestId, cancellationToken));
    }

    public Task<IReadOnlyList<ReasonCodeEntry>> GetReasonCodesAsync(AgentCredentials agent, string category, CancellationToken cancellationToken)
    {
        var finesseCategory = category switch
        {
            ContractReasonCodeCategory.NotReady => FinesseReasonCodeCategory.NotReady,
            ContractReasonCodeCategory.Logout => FinesseReasonCodeCategory.Logout,
            _ => (FinesseReasonCodeCategory?)null,
        };
        if (finesseCategory is null)
        {
            return Task.FromException<IReadOnlyList<ReasonCodeEntry>>(new FinesseGatewayException(FinesseErrorCode.FinesseInvalidArgument, $"'{category}' is not a reason code category"));
        }

        return Call<IReadOnlyList<ReasonCodeEntry>>(async () =>
            (await client.GetReasonCodesAsync(Credentials(agent), finesseCategory.Value, cancellationToken).ConfigureAwait(false))
                .Items.Select(c => FinesseContractMapper.ToReasonCode(c, category)).ToList());
    }

    public Task<IReadOnlyList<WrapUpReasonEntry>> GetWrapUpReasonsAsync(AgentCredentials agent, CancellationToken cancellationToken) =>
        Call<IReadOnlyList<WrapUpReasonEntry>>(async () =>
            (await client.GetWrapUpReasonsAsync(Credentials(agent), cancellationToken).ConfigureAwait(false))
                .Where(r => r.Label is { Length: > 0 }).Select(r => new WrapUpReasonEntry(r.Label!, r.Id)).ToList());

    private static FinesseCredentials Credentials(AgentCredentials agent) => new(agent.AgentId, agent.Password);

    private static string Require(string? value, string name) =>
        value is { Length: > 0 } ? value : throw new FinesseGatewayException(FinesseErrorCode.FinesseInvalidArgument, $"{name} is required");

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
