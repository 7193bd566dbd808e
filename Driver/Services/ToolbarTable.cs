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
/// Which commands the toolbar enables in each state (ARCHITECTURE.md §4). After every state change
/// the service sends the whole table row to Siebel with <c>CacheCommandInformation</c>: the
/// commands of the state enabled, every other command of the driver disabled.
/// </summary>
internal static class ToolbarTable
{
    private static readonly FrozenDictionary<ToolbarState, ImmutableArray<string>> Enabled = new Dictionary<ToolbarState, ImmutableArray<string>>
    {
        [ToolbarState.LoggedOut] = ["LogIn"],
        [ToolbarState.NotReady] = ["ChangeReadyState", "MakeCall", "ResetState", "LogOut"],
        [ToolbarState.Ready] = ["ChangeNotReadyState"],
        [ToolbarState.Alerting] = ["AnswerCall"],
        [ToolbarState.Active] = ["ReleaseCall", "HoldCall", "ConsultCall", "BlindTransfer", "SendDTMF"],
        [ToolbarState.Held] = ["ReleaseCall", "RetrieveCall"],
        [ToolbarState.ConsultActive] = ["ReleaseCall", "TransferComplete", "ConferenceComplete", "HoldCall"],
        [ToolbarState.WrapUp] = ["ChangeReadyState", "ChangeNotReadyState", "SetWrapUp"],
    }.ToFrozenDictionary();

    /// <summary>Commands that can run with a single unnamed string (<c>stringParam</c>): the number or digits.</summary>
    private static readonly FrozenSet<string> StringParamCommands = new[] { "MakeCall", "ConsultCall", "BlindTransfer", "SendDTMF" }.ToFrozenSet();

    /// <summary>Commands that need named parameters (the agent's login).</summary>
    private static readonly FrozenSet<string> NeedParameters = new[] { "LogIn", "AttachData" }.ToFrozenSet();

    public static ImmutableArray<string> EnabledIn(ToolbarState state) => Enabled[state];

    /// <summary>Derives the toolbar state; a ringing call wins, then calls, then the agent state.</summary>
    public static ToolbarState Derive(string? agentState, IReadOnlyCollection<Connector.DialogSnapshot> dialogs)
    {
        if (agentState is null or "LOGOUT" or "")
        {
            return ToolbarState.LoggedOut;
        }
        if (dialogs.Any(d => d.MyState == "ALERTING" && d.CallType != "OUT"))
        {
            return ToolbarState.Alerting;
        }
        var active = dialogs.Count(d => d.MyState is "ACTIVE" or "INITIATING" or "INITIATED" || (d.MyState == "ALERTING" && d.CallType == "OUT"));
        var held = dialogs.Count(d => d.MyState == "HELD");
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
            "READY" or "RESERVED" => ToolbarState.Ready,
            "WORK" or "WORK_READY" => ToolbarState.WrapUp,
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
            statuses.Add((int)flags);
        }
        return (names, descriptions, statuses);
    }
}
