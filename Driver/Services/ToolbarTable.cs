using SiebelCti.Connector.Contract;
using System.Collections.Frozen;
using System.Collections.Immutable;
using SiebelCti.Interop;

namespace SiebelCti.Driver.Services;

/// <summary>The toolbar states of ARCHITECTURE.md §4, derived from the agent state and the agent's dialogs.</summary>
internal enum ToolbarState
{
    LoggedOut,
    NotReady,
    Ready,
    Alerting,
    Active,
    Held,
    ConsultActive,
    WrapUp,
}

/// <summary>
/// Which commands the toolbar enables in each state (ARCHITECTURE.md §4, plus <c>AttachData</c>
/// whenever a call rings, is connected or held, and <c>ChangeNotReadyState</c> while Not Ready, to change the reason).
/// After every state change the service sends the whole table row to Siebel with
/// <c>CacheCommandInformation</c>: the commands of the state enabled, every other command of the
/// driver disabled. As Oracle describes the flags, the Not Ready command is <c>SC_CF_CHECKED</c>
/// while the agent is Not Ready, and the buttons of a call waiting for the agent blink
/// (<c>SC_CF_BLINKING</c>): Answer while a call rings, Retrieve while the agent's call is held.
/// </summary>
internal static class ToolbarTable
{
    private static readonly FrozenDictionary<ToolbarState, ImmutableArray<string>> Enabled = new Dictionary<ToolbarState, ImmutableArray<string>>
    {
        [ToolbarState.LoggedOut] = ["LogIn"],
        [ToolbarState.NotReady] = ["ChangeReadyState", "ChangeNotReadyState", "MakeCall", "ResetState", "LogOut"],
        [ToolbarState.Ready] = ["ChangeNotReadyState"],
        [ToolbarState.Alerting] = ["AnswerCall", "AttachData"],
        [ToolbarState.Active] = ["ReleaseCall", "HoldCall", "ConsultCall", "BlindTransfer", "SendDTMF", "AttachData"],
        [ToolbarState.Held] = ["ReleaseCall", "RetrieveCall", "AttachData"],
        [ToolbarState.ConsultActive] = ["ReleaseCall", "TransferComplete", "ConferenceComplete", "HoldCall", "AttachData"],
        [ToolbarState.WrapUp] = ["ChangeReadyState", "ChangeNotReadyState", "SetWrapUp"],
    }.ToFrozenDictionary();

    /// <summary>Commands shown checked (a toggle that is on) in a state.</summary>
    private static readonly FrozenDictionary<ToolbarState, string> Checked = new Dictionary<ToolbarState, string>
    {
        [ToolbarState.NotReady] = "ChangeNotReadyState",
    }.ToFrozenDictionary();

    /// <summary>Commands whose button blinks in a state (a call waits for the agent).</summary>
    private static readonly FrozenDictionary<ToolbarState, string> Blinking = new Dictionary<ToolbarState, string>
    {
        [ToolbarState.Alerting] = "AnswerCall",
        [ToolbarState.Held] = "RetrieveCall",
    }.ToFrozenDictionary();

    /// <summary>Commands that can run with a single unnamed string (<c>stringParam</c>): the number or digits.</summary>
    private static readonly FrozenSet<string> StringParamCommands = new[] { "MakeCall", "ConsultCall", "BlindTransfer", "SendDTMF" }.ToFrozenSet();

    /// <summary>Commands that need named parameters (the agent's login).</summary>
    private static readonly FrozenSet<string> NeedParameters = new[] { "LogIn", "AttachData" }.ToFrozenSet();

    public static ImmutableArray<string> EnabledIn(ToolbarState state) => Enabled[state];

    /// <summary>Derives the toolbar state; a ringing call wins, then calls, then the agent state.</summary>
    public static ToolbarState Derive(string? agentState, IReadOnlyCollection<Connector.DialogSnapshot> dialogs)
    {
        if (agentState is null or AgentStateName.Logout or "")
        {
            return ToolbarState.LoggedOut;
        }
        if (dialogs.Any(d => d.MyState == ParticipantStateName.Alerting && d.CallType != "OUT"))
        {
            return ToolbarState.Alerting;
        }
        var active = dialogs.Count(d => d.MyState is ParticipantStateName.Active or ParticipantStateName.Initiating or ParticipantStateName.Initiated || (d.MyState == ParticipantStateName.Alerting && d.CallType == "OUT"));
        var held = dialogs.Count(d => d.MyState == ParticipantStateName.Held);
        if (active > 0 && held > 0)
        {
            return ToolbarState.ConsultActive;
        }
        if (active > 0)
        {
            return ToolbarState.Active;
        }
        if (held > 0)
        {
            return ToolbarState.Held;
        }
        return agentState switch
        {
            AgentStateName.Ready or AgentStateName.Reserved => ToolbarState.Ready,
            AgentStateName.Work or AgentStateName.WorkReady => ToolbarState.WrapUp,
            _ => ToolbarState.NotReady,
        };
    }

    /// <summary>The three parallel lists of <c>CacheCommandInformation</c> for <paramref name="state"/>.</summary>
    public static (List<string> Names, List<string> Descriptions, List<int> Statuses) Build(ToolbarState state)
    {
        var enabled = Enabled[state];
        var names = new List<string>();
        var descriptions = new List<string>();
        var statuses = new List<int>();
        foreach (var command in CommandMapping.Commands)
        {
            names.Add(command);
            descriptions.Add(CommandMapping.Describe(command));
            ScCommandFlag flags;
            if (!enabled.Contains(command))
            {
                flags = ScCommandFlag.SC_CF_DISABLED;
            }
            else if (StringParamCommands.Contains(command))
            {
                flags = ScCommandFlag.SC_CF_STRPARAMSOK;
            }
            else
            {
                flags = NeedParameters.Contains(command) ? ScCommandFlag.None : ScCommandFlag.SC_CF_NOPARAMSOK;
            }
            if (Checked.GetValueOrDefault(state) == command)
            {
                flags |= ScCommandFlag.SC_CF_CHECKED;
            }
            if (Blinking.GetValueOrDefault(state) == command)
            {
                flags |= ScCommandFlag.SC_CF_BLINKING;
            }
            statuses.Add((int)flags);
        }
        return (names, descriptions, statuses);
    }
}
