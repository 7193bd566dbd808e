using System.Reflection;
using SiebelCti.Connector.Contract;
using SiebelCti.Finesse.Model;

namespace SiebelCti.Connector.Core.Tests.Engine;

/// <summary>
/// The contract's state names (written once, in Connector.Contract, for the driver and the engine)
/// and the Finesse client's typed states describe the same vocabulary: every Finesse state has its
/// contract name and every contract name parses to a Finesse state.
/// </summary>
public sealed class StateVocabularyTests
{
    private static List<string> Names(Type owner) =>
        [.. owner.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    [Fact]
    public void Every_agent_state_of_Finesse_has_its_contract_name_and_back()
    {
        var names = Names(typeof(AgentStateName));

        Assert.Equal(Enum.GetValues<UserState>().Select(UserStates.ToWire).Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.All(names.Where(n => n != AgentStateName.Unknown), n => Assert.NotEqual(UserState.Unknown, UserStates.Parse(n)));
    }

    [Fact]
    public void Every_dialog_and_participant_state_of_Finesse_has_its_contract_name_and_back()
    {
        var dialog = Names(typeof(DialogStateName));
        var participant = Names(typeof(ParticipantStateName));

        Assert.All(dialog, n => Assert.NotEqual(DialogState.Unknown, DialogStates.ParseDialog(n)));
        Assert.All(participant, n => Assert.NotEqual(ParticipantState.Unknown, DialogStates.ParseParticipant(n)));
        Assert.Equal(Enum.GetValues<DialogState>().Length - 1, dialog.Distinct().Count());
        Assert.Equal(Enum.GetValues<ParticipantState>().Length - 1, participant.Distinct().Count());
    }
}
