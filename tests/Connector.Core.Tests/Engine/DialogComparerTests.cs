using SiebelCti.Connector.Engine;
using SiebelCti.Connector.Contract;

namespace SiebelCti.Connector.Core.Tests.Engine;

public sealed class DialogComparerTests
{
    private static Dialog Sample() => new(
        "d1", "ACTIVE", "ACD_IN", "555", "1001",
        [new Participant("1001", "ACTIVE", ["HOLD", "DROP"], "1001"), new Participant("555", "ACTIVE", [])],
        new Dictionary<string, string> { ["callVariable1"] = "acct 42", ["callVariable2"] = "" },
        new Dictionary<string, string> { ["user.a"] = "x" },
        "8000", null, null);

    [Fact]
    public void Separately_built_dialogs_with_equal_content_are_the_same()
    {
        Assert.True(DialogComparer.Same(Sample(), Sample()));
        Assert.True(DialogComparer.Same(Sample(), Sample() with
        {
            // Same variables in another insertion order: a client receives the same values.
            CallVariables = new Dictionary<string, string> { ["callVariable2"] = "", ["callVariable1"] = "acct 42" },
        }));
    }

    public static TheoryData<string, Dialog> Changes()
    {
        var d = Sample();
        return new()
        {
            { "state", d with { State = "HELD" } },
            { "callType", d with { CallType = "TRANSFER" } },
            { "toAddress null", d with { ToAddress = null } },
            { "dnis", d with { Dnis = "8001" } },
            { "dialed number", d with { DialedNumber = "8005551234" } },
            { "wrap-up reason", d with { WrapUpReason = "Sale" } },
            { "associated dialog", d with { AssociatedDialogId = "d2" } },
            { "participant state", d with { Participants = [d.Participants[0] with { State = "HELD" }, d.Participants[1]] } },
            { "participant actions", d with { Participants = [d.Participants[0] with { Actions = ["DROP", "HOLD"] }, d.Participants[1]] } },
            { "participant added", d with { Participants = [.. d.Participants, new Participant("1002", "ALERTING", ["ANSWER"])] } },
            { "call variable value", d with { CallVariables = new Dictionary<string, string> { ["callVariable1"] = "acct 43", ["callVariable2"] = "" } } },
            { "call variable removed", d with { CallVariables = new Dictionary<string, string> { ["callVariable1"] = "acct 42" } } },
            { "call variable renamed", d with { CallVariables = new Dictionary<string, string> { ["callVariable1"] = "acct 42", ["callVariable3"] = "" } } },
            { "ECC variable", d with { EccVariables = new Dictionary<string, string> { ["user.a"] = "y" } } },
        };
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void Any_change_a_client_would_see_makes_them_different(string change, Dialog changed)
    {
        Assert.False(DialogComparer.Same(Sample(), changed), change);
        Assert.False(DialogComparer.Same(changed, Sample()), change);
    }
}
