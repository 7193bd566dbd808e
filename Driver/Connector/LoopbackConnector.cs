using System.Collections.Immutable;
using System.Threading.Channels;

namespace SiebelCti.Driver.Connector;

/// <summary>
/// TEST-ONLY in-process stand-in for the Connector, selected by <c>BrokerUri = loopback://</c>
/// and accepted only when the process environment sets <c>SIEBELCTI_DRIVER_TEST_HOOKS=1</c>
/// (a Siebel configuration cannot set a process environment variable). It answers requests with
/// the events a Connector would send, through the same <see cref="IConnectorSink"/> path as a
/// real link, so hosts can exercise every command and the event mapping without a broker.
/// </summary>
/// <remarks>
/// Behaviour: Hello → System IN_SERVICE; Connect → AgentState; Login (non-empty password) →
/// NOT_READY; Ready → READY, then one inbound call rings (from 5551000, with call variables);
/// MakeCall → dialing then active (number <c>timeout</c>: never answered, to test timeouts;
/// number <c>fail</c>: Error); Answer/Hold/Retrieve/Release/ConsultCall/TransferComplete/
/// ConferenceComplete/SingleStepTransfer/SendDtmf/UpdateCallData/SetWrapUpReason/GetState as
/// Finesse would; an inbound call ends in WORK (wrap-up), an outbound one in NOT_READY; a
/// request that is invalid in the current state gets an Error.
/// </remarks>
internal sealed class LoopbackConnector : IConnectorLink
{
    private readonly Channel<ConnectorRequest> _requests = Channel.CreateUnbounded<ConnectorRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, Agent> _agents = new(StringComparer.Ordinal);
    private IConnectorSink? _sink;
    private Task _loop = Task.CompletedTask;
    private long _dialogSequence;

    public void Start(IConnectorSink sink)
    {
        _sink = sink;
        _loop = Task.Run(RunAsync);
    }

    public bool TrySend(ConnectorRequest request) => _requests.Writer.TryWrite(request);

    public async ValueTask DisposeAsync()
    {
        _requests.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        await foreach (var request in _requests.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                Handle(request);
            }
            catch (Exception ex)
            {
                Send(new ErrorEvent(request.AgentId, request.RequestId, "LOOPBACK_FAILED", ex.Message));
            }
        }
    }

    private void Send(ConnectorEvent message) => _sink?.OnEvent(message);

    private void Handle(ConnectorRequest r)
    {
        if (r.Type == "Hello")
        {
            Send(new SystemEvent(true, "loopback connector", "A"));
            return;
        }
        if (!_agents.TryGetValue(r.AgentId, out var agent))
        {
            _agents[r.AgentId] = agent = new Agent(r.AgentId);
        }
        var dialogId = r.Field("dialogId");
        var dialog = dialogId is null ? null : agent.Dialogs.GetValueOrDefault(dialogId);
        switch (r.Type)
        {
            case "Connect":
            case "GetState":
                State(agent, r, agent.State);
                foreach (var d in agent.Dialogs.Values)
                {
                    Dialog(agent, null, d);
                }
                return;
            case "Login" when string.IsNullOrEmpty(r.Field("password")):
                Error(r, "LOGIN_FAILED", "the password is empty");
                return;
            case "Login":
                agent.Extension = r.Field("extension");
                State(agent, r, agent.State == "LOGOUT" ? "NOT_READY" : agent.State);
                return;
            case "Logout" when agent.State == "NOT_READY" && agent.Dialogs.Count == 0:
                State(agent, r, "LOGOUT", r.Field("reasonCode"));
                return;
            case "Ready" when agent.State is "NOT_READY" or "WORK" or "WORK_READY" && agent.Dialogs.Count == 0:
                State(agent, r, "READY");
                var ring = new LoopDialog($"{agent.Id}-D{Interlocked.Increment(ref _dialogSequence)}", "ALERTING", "ACD_IN", "5551000", agent.Extension ?? "",
                    2, ImmutableDictionary<string, string>.Empty.Add("callVariable1", "account 42, priority #1 | gold").Add("user.Language", "fr-CA"));
                agent.Dialogs[ring.Id] = ring;
                Dialog(agent, null, ring);
                return;
            case "NotReady" when agent.State != "LOGOUT":
                State(agent, r, "NOT_READY", r.Field("reasonCode"));
                return;
            case "MakeCall" when r.Field("toAddress") == "timeout":
                return;
            case "MakeCall" when r.Field("toAddress") == "fail":
                Error(r, "CALL_FAILED", "the number cannot be reached");
                return;
            case "MakeCall" when agent.State == "NOT_READY" && agent.Dialogs.Count == 0:
                {
                    var call = new LoopDialog($"{agent.Id}-D{Interlocked.Increment(ref _dialogSequence)}", "INITIATED", "OUT", agent.Extension ?? "", r.Field("toAddress")!,
                        2, ImmutableDictionary<string, string>.Empty);
                    agent.Dialogs[call.Id] = call;
                    Dialog(agent, r.RequestId, call);
                    Dialog(agent, null, call with { MyState = "ACTIVE" });
                    State(agent, null, "TALKING");
                    return;
                }
            case "Answer" when dialog?.MyState == "ALERTING":
                State(agent, null, "TALKING");
                Dialog(agent, r.RequestId, dialog with { MyState = "ACTIVE" });
                return;
            case "Hold" when dialog?.MyState == "ACTIVE":
                Dialog(agent, r.RequestId, dialog with { MyState = "HELD" });
                return;
            case "Retrieve" when dialog?.MyState == "HELD" && agent.Dialogs.Values.All(d => d.MyState != "ACTIVE"):
                Dialog(agent, r.RequestId, dialog with { MyState = "ACTIVE" });
                return;
            case "Release" when dialog is not null:
                End(agent, r.RequestId, dialog, null);
                return;
            case "SingleStepTransfer" when dialog?.MyState == "ACTIVE":
                End(agent, r.RequestId, dialog, "TRANSFERRED");
                return;
            case "ConsultCall" when dialog?.MyState == "ACTIVE":
                {
                    Dialog(agent, r.RequestId, dialog with { MyState = "HELD" });
                    var consult = new LoopDialog($"{agent.Id}-D{Interlocked.Increment(ref _dialogSequence)}", "ACTIVE", "CONSULT", agent.Extension ?? "", r.Field("toAddress")!,
                        2, ImmutableDictionary<string, string>.Empty);
                    agent.Dialogs[consult.Id] = consult;
                    Dialog(agent, null, consult);
                    return;
                }
            case "TransferComplete" when dialog?.MyState == "HELD" && agent.Dialogs.GetValueOrDefault(r.Field("consultDialogId") ?? "") is { } consultLeg:
                End(agent, null, consultLeg, "TRANSFERRED");
                End(agent, r.RequestId, dialog, "TRANSFERRED");
                return;
            case "ConferenceComplete" when dialog?.MyState == "HELD" && agent.Dialogs.GetValueOrDefault(r.Field("consultDialogId") ?? "") is { } consultLeg:
                End(agent, null, consultLeg, "CONFERENCED");
                Dialog(agent, r.RequestId, dialog with { MyState = "ACTIVE", Participants = 3 });
                return;
            case "SendDtmf" when dialog?.MyState == "ACTIVE":
                Dialog(agent, r.RequestId, dialog);
                return;
            case "UpdateCallData" when dialog is not null:
                {
                    var variables = dialog.Variables;
                    foreach (var (key, value) in r.Fields.Where(f => f.Key.StartsWith("var.", StringComparison.Ordinal)))
                    {
                        variables = variables.SetItem(key[4..], value);
                    }
                    Dialog(agent, r.RequestId, dialog with { Variables = variables });
                    return;
                }
            case "SetWrapUpReason" when agent.State is "WORK" or "WORK_READY":
                State(agent, r, agent.State, r.Field("reason"));
                return;
            case "Heartbeat":
                return;
            default:
                Error(r, "INVALID_STATE", $"{r.Type} is not possible in state {agent.State} with {agent.Dialogs.Count} call(s)");
                return;
        }
    }

    private void State(Agent agent, ConnectorRequest? request, string state, string? reason = null)
    {
        agent.State = state;
        Send(new AgentStateEvent(agent.Id, request?.RequestId, state, reason, reason is null ? null : $"Reason {reason}", null, agent.Extension));
    }

    private void Dialog(Agent agent, string? correlationId, LoopDialog dialog)
    {
        agent.Dialogs[dialog.Id] = dialog;
        Send(new DialogEvent(agent.Id, correlationId, new DialogSnapshot(dialog.Id, dialog.MyState, dialog.MyState, dialog.CallType, dialog.From, dialog.To, dialog.To,
            dialog.Participants, dialog.Variables, null)));
    }

    private void End(Agent agent, string? correlationId, LoopDialog dialog, string? reason)
    {
        agent.Dialogs.Remove(dialog.Id);
        Send(new DialogEndedEvent(agent.Id, correlationId, dialog.Id, reason));
        if (agent.Dialogs.Count == 0 && agent.State == "TALKING")
        {
            State(agent, null, dialog.CallType == "OUT" ? "NOT_READY" : "WORK");
        }
    }

    private void Error(ConnectorRequest request, string code, string message) => Send(new ErrorEvent(request.AgentId, request.RequestId, code, message));

    private sealed class Agent(string id)
    {
        public string Id { get; } = id;

        public string State { get; set; } = "LOGOUT";

        public string? Extension { get; set; }

        public Dictionary<string, LoopDialog> Dialogs { get; } = new(StringComparer.Ordinal);
    }

    private sealed record LoopDialog(string Id, string MyState, string CallType, string From, string To, int Participants, ImmutableDictionary<string, string> Variables);
}
