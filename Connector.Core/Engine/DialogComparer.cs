using SiebelCti.Connector.Contract;

namespace SiebelCti.Connector.Engine;

/// <summary>
/// Whether two <see cref="Dialog"/>s would reach a client as the same message. Records compare their
/// lists and dictionaries by reference, so this compares every field, participant (with its actions
/// in order) and call/ECC variable by value, without encoding either dialog.
/// </summary>
internal static class DialogComparer
{
    public static bool Same(Dialog a, Dialog b) =>
        ReferenceEquals(a, b)
        || (string.Equals(a.Id, b.Id, StringComparison.Ordinal)
            && string.Equals(a.State, b.State, StringComparison.Ordinal)
            && string.Equals(a.CallType, b.CallType, StringComparison.Ordinal)
            && string.Equals(a.FromAddress, b.FromAddress, StringComparison.Ordinal)
            && string.Equals(a.ToAddress, b.ToAddress, StringComparison.Ordinal)
            && string.Equals(a.Dnis, b.Dnis, StringComparison.Ordinal)
            && string.Equals(a.DialedNumber, b.DialedNumber, StringComparison.Ordinal)
            && string.Equals(a.WrapUpReason, b.WrapUpReason, StringComparison.Ordinal)
            && string.Equals(a.AssociatedDialogId, b.AssociatedDialogId, StringComparison.Ordinal)
            && SameParticipants(a.Participants, b.Participants)
            && SameVariables(a.CallVariables, b.CallVariables)
            && SameVariables(a.EccVariables, b.EccVariables));

    private static bool SameParticipants(IReadOnlyList<Participant> a, IReadOnlyList<Participant> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            var (x, y) = (a[i], b[i]);
            if (!string.Equals(x.Address, y.Address, StringComparison.Ordinal)
                || !string.Equals(x.State, y.State, StringComparison.Ordinal)
                || !string.Equals(x.MediaAddress, y.MediaAddress, StringComparison.Ordinal)
                || !x.Actions.SequenceEqual(y.Actions, StringComparer.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameVariables(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var (name, value) in a)
        {
            if (!b.TryGetValue(name, out var other) || !string.Equals(value, other, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
