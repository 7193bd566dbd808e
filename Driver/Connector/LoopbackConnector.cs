using System.Collections.Immutable;
using System.Threading.Channels;
using SiebelCti.Connector.Contract;

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
/// number <c>fail</c>: Error; number <c>transfer-in</c> or <c>conference-in</c>: instead of dialling,
/// a customer call from 5551000 to 8005550100 is transferred or conferenced to the agent, arriving
/// already connected with its call data); Disconnect → System (as the Connector answers it); Answer/Hold/Retrieve/Release/ConsultCall/TransferComplete/
/// ConferenceComplete/SingleStepTransfer/SendDtmf/UpdateCallData/SetWrapUpReason/GetState as
/// Finesse would; an inbound call ends in WORK (wrap-up), an outbound one in NOT_READY; a
/// request that is invalid in the current state gets an Error.
/// </remarks>
internal sealed class LoopbackConnector : IConnectorLink
{
    private readonly Channel<ConnectorEnvelope> _requests = Channel.CreateUnbounded<ConnectorEnvelope>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, Agent> _agents = new(StringComparer.Ordinal);
    private IConnectorSink? _sink;
    private Task _loop = Task.CompletedTask;
    private long _dialogSequence;

    public void Start(IConnectorSink sink)
    {
        _sink = sink;
        sink.OnLinkStatus(true, "loopback");
        _loop = Task.Run(RunAsync);
    }

    public bool TrySend(ConnectorEnvelope request) => _requests.Writer.TryWrite(request);

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
                Send(request.AgentId, request.CorrelationId, new Error("LOOPBACK_FAILED", ex.Message, request.MessageType));
            }
        }
    }

    private void Send(string? agentId, string? correlationId, ConnectorEvent message) =>
        _sink?.OnMessage(new ConnectorEnvelope(message, correlationId, agentId));

    private void Handle(ConnectorEnvelope r)
    {
        if (r.Message is Hello)
        {
            Send(null, r.CorrelationId, new SystemStatus(SystemStatus.InService, "loopback connector", "A", Session: "loopback", Resumed: r.Session == "loopback"));
            return;
        }
        var agentId = r.AgentId ?? "";
        if (!_agents.TryGetValue(agentId, out var agent))
        {
            _agents[agentId] = agent = new Agent(agentId);
        }
        var dialog = r.Message is DialogRequest dr ? agent.Dialogs.GetValueOrDefault(dr.DialogId) : null;
        var id = r.CorrelationId;
        switch (r.Message)
        {
            case Connect:
            case GetState:
                State(agent, id, agent.State, agent.Reason);
                foreach (var d in agent.Dialogs.Values)
                {
                    Dialog(agent, null, d);
                }
                return;
            case Login { Password: "" }:
                Error(r, "LOGIN_FAILED", "the password is empty");
                return;
            case Login login:
                agent.Extension = login.Extension;
                State(agent, id, agent.State == AgentStateName.Logout ? AgentStateName.NotReady : agent.State);
                return;
            case Logout logout when agent.State == AgentStateName.NotReady && agent.Dialogs.Count == 0:
                State(agent, id, AgentStateName.Logout, logout.ReasonCode);
                return;
            case Ready when agent.State is AgentStateName.NotReady or AgentStateName.Work or AgentStateName.WorkReady && agent.Dialogs.Count == 0:
                State(agent, id, AgentStateName.Ready);
                var ring = new LoopDialog(NextDialogId(agent), ParticipantStateName.Alerting, "ACD_IN", "5551000", agent.Extension ?? "", 2,
                    ImmutableDictionary<string, string>.Empty.Add("callVariable1", "account 42, priority #1 | gold"),
                    ImmutableDictionary<string, string>.Empty.Add("user.Language", "fr-CA"));
                Dialog(agent, null, ring);
                return;
            case NotReady notReady when agent.State != AgentStateName.Logout:
                State(agent, id, AgentStateName.NotReady, notReady.ReasonCode);
                return;
            case MakeCall { Destination: "timeout" }:
                return;
            case MakeCall { Destination: "fail" }:
                Error(r, "CALL_FAILED", "the number cannot be reached");
                return;
            case MakeCall { Destination: "transfer-in" or "conference-in" } joined when agent.State != AgentStateName.Logout && agent.Dialogs.Count == 0:
                {
                    // What the consulted agent sees when another agent completes the transfer or conference.
                    var conference = joined.Destination == "conference-in";
                    var arrived = new LoopDialog(NextDialogId(agent), ParticipantStateName.Active, conference ? "CONFERENCE" : "TRANSFER", "5551000", "8005550100", conference ? 3 : 2,
                        ImmutableDictionary<string, string>.Empty.Add("callVariable1", "account 42, priority #1 | gold"),
                        ImmutableDictionary<string, string>.Empty.Add("user.Language", "fr-CA"));
                    Dialog(agent, id, arrived);
                    State(agent, null, AgentStateName.Talking);
                    return;
                }
            case Disconnect:
                Send(r.AgentId, id, new SystemStatus(SystemStatus.InService, "loopback connector", "A"));
                return;
            case MakeCall call when agent.State == AgentStateName.NotReady && agent.Dialogs.Count == 0:
                {
                    var outbound = new LoopDialog(NextDialogId(agent), ParticipantStateName.Initiated, "OUT", agent.Extension ?? "", call.Destination, 2,
                        ImmutableDictionary<string, string>.Empty, ImmutableDictionary<string, string>.Empty);
                    Dialog(agent, id, outbound);
                    Dialog(agent, null, outbound with { MyState = ParticipantStateName.Active });
                    State(agent, null, AgentStateName.Talking);
                    return;
                }
            case Answer when dialog?.MyState == ParticipantStateName.Alerting:
                State(agent, null, AgentStateName.Talking);
                Dialog(agent, id, dialog with { MyState = ParticipantStateName.Active });
                return;
            case Hold when dialog?.MyState == ParticipantStateName.Active:
                Dialog(agent, id, dialog with { MyState = ParticipantStateName.Held });
                return;
            case Retrieve when dialog?.MyState == ParticipantStateName.Held && agent.Dialogs.Values.All(d => d.MyState != ParticipantStateName.Active):
                Dialog(agent, id, dialog with { MyState = ParticipantStateName.Active });
                return;
            case Release when dialog is not null:
                End(agent, id, dialog, null);
                return;
            case SingleStepTransfer when dialog?.MyState == ParticipantStateName.Active:
                End(agent, id, dialog, "TRANSFERRED");
                return;
            case ConsultCall consult when dialog?.MyState == ParticipantStateName.Active:
                {
                    Dialog(agent, id, dialog with { MyState = ParticipantStateName.Held });
                    Dialog(agent, null, new LoopDialog(NextDialogId(agent), ParticipantStateName.Active, "CONSULT", agent.Extension ?? "", consult.Destination, 2,
                        ImmutableDictionary<string, string>.Empty, ImmutableDictionary<string, string>.Empty));
                    return;
                }
            case TransferComplete when dialog?.MyState == ParticipantStateName.Held && ConsultLeg(agent, dialog) is { } leg:
                End(agent, null, leg, "TRANSFERRED");
                End(agent, id, dialog, "TRANSFERRED");
                return;
            case ConferenceComplete when dialog?.MyState == ParticipantStateName.Held && ConsultLeg(agent, dialog) is { } leg:
                End(agent, null, leg, "CONFERENCED");
                Dialog(agent, id, dialog with { MyState = ParticipantStateName.Active, Participants = 3 });
                return;
            case SendDtmf when dialog?.MyState == ParticipantStateName.Active:
                Dialog(agent, id, dialog);
                return;
            case UpdateCallData update when dialog is not null:
                Dialog(agent, id, dialog with
                {
                    CallVariables = dialog.CallVariables.SetItems(update.CallVariables ?? ImmutableDictionary<string, string>.Empty),
                    EccVariables = dialog.EccVariables.SetItems(update.EccVariables ?? ImmutableDictionary<string, string>.Empty),
                });
                return;
            case SetWrapUpReason wrapUp when agent.State is AgentStateName.Work or AgentStateName.WorkReady:
                State(agent, id, agent.State, wrapUp.Reason);
                return;
            case Heartbeat:
                return;
            default:
                Error(r, "INVALID_STATE", $"{r.MessageType} is not possible in state {agent.State} with {agent.Dialogs.Count} call(s)");
                return;
        }
    }

    private string NextDialogId(Agent agent) => $"{agent.Id}-D{Interlocked.Increment(ref _dialogSequence)}";

    private static LoopDialog? ConsultLeg(Agent agent, LoopDialog original) =>
        agent.Dialogs.Values.FirstOrDefault(d => d.Id != original.Id && d.MyState == ParticipantStateName.Active);

    private void State(Agent agent, string? correlationId, string state, string? reason = null)
    {
        agent.State = state;
        agent.Reason = reason;
        Send(agent.Id, correlationId, new AgentState(state, reason, reason is null ? null : $"Reason {reason}", null, agent.Extension));
    }

    private void Dialog(Agent agent, string? correlationId, LoopDialog dialog)
    {
        agent.Dialogs[dialog.Id] = dialog;
        var participants = new List<Participant> { new(agent.Extension ?? "", dialog.MyState, []) };
        for (var i = 1; i < dialog.Participants; i++)
        {
            participants.Add(new Participant(i == 1 ? (dialog.CallType is "OUT" or "CONSULT" ? dialog.To : dialog.From) : $"party{i}", ParticipantStateName.Active, []));
        }
        // As on Unified CCE: the DNIS of a call delivered to the agent is the agent's own extension;
        // the number the caller dialled is dialedNumber (and toAddress).
        var outgoing = dialog.CallType is "OUT" or "CONSULT";
        Send(agent.Id, correlationId, new Dialog(dialog.Id, dialog.MyState == ParticipantStateName.Alerting ? DialogStateName.Alerting : DialogStateName.Active, dialog.CallType, dialog.From, dialog.To,
            participants, dialog.CallVariables, dialog.EccVariables, Dnis: outgoing ? null : agent.Extension, DialedNumber: dialog.To));
    }

    private void End(Agent agent, string? correlationId, LoopDialog dialog, string? reason)
    {
        agent.Dialogs.Remove(dialog.Id);
        Send(agent.Id, correlationId, new DialogEnded(dialog.Id, reason));
        if (agent.Dialogs.Count == 0 && agent.State == AgentStateName.Talking)
        {
            State(agent, null, dialog.CallType == "OUT" ? AgentStateName.NotReady : AgentStateName.Work);
        }
    }

    private void Error(ConnectorEnvelope request, string code, string message) =>
        Send(request.AgentId, request.CorrelationId, new Error(code, message, request.MessageType));

    private sealed class Agent(string id)
    {
        public string Id { get; } = id;

        public string State { get; set; } = AgentStateName.Logout;

        public string? Reason { get; set; }

        public string? Extension { get; set; }

        public Dictionary<string, LoopDialog> Dialogs { get; } = new(StringComparer.Ordinal);
    }

    private sealed record LoopDialog(string Id, string MyState, string CallType, string From, string To, int Participants,
        ImmutableDictionary<string, string> CallVariables, ImmutableDictionary<string, string> EccVariables);
}
