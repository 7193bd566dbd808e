namespace SiebelCti.Finesse.Model;

/// <summary>A Finesse Dialog (a call for media type Voice). Every Update carries it whole.</summary>
public sealed record Dialog
{
    public string? Id { get; init; }
    public string? Uri { get; init; }
    /// <summary>After a transfer/conference: the id of the dialog that merged into this one.</summary>
    public string? SecondaryId { get; init; }
    public string? AssociatedDialogUri { get; init; }
    public string? MediaType { get; init; }
    /// <summary>Caller (ANI); null for hidden caller id.</summary>
    public string? FromAddress { get; init; }
    public string? ToAddress { get; init; }
    public string? CallbackNumber { get; init; }
    public DialogState State { get; init; }
    public string? StateText { get; init; }
    public MediaProperties MediaProperties { get; init; } = new();
    public IReadOnlyList<Participant> Participants { get; init; } = [];

    /// <summary>Shortcut for <see cref="MediaProperties.CallType"/>.</summary>
    public string? CallType => MediaProperties.CallType;

    /// <summary>The participant whose <c>mediaAddress</c> is <paramref name="extension"/>, if any.</summary>
    public Participant? ParticipantFor(string extension) =>
        Participants.FirstOrDefault(p => string.Equals(p.MediaAddress, extension, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Dialog <c>mediaProperties</c>.</summary>
public sealed record MediaProperties
{
    public string? MediaId { get; init; }
    public string? DialedNumber { get; init; }
    /// <summary>Opaque text (ACD_IN, PREROUTE_ACD_IN, OTHER_IN, OUT, AGENT_INSIDE, CONSULT, TRANSFER, CONFERENCE, ...).</summary>
    public string? CallType { get; init; }
    public string? Dnis { get; init; }
    public string? QueueNumber { get; init; }
    public string? QueueName { get; init; }
    public string? CallKeyCallId { get; init; }
    public string? CallKeySequenceNum { get; init; }
    public string? CallKeyPrefix { get; init; }
    public string? WrapUpReason { get; init; }
    public IReadOnlyList<string> WrapUpItems { get; init; } = [];
    public string? OutboundClassification { get; init; }
    /// <summary>Every <c>callvariables/CallVariable</c> in document order: callVariable1-10, ECC (<c>user.*</c>), BA*.</summary>
    public IReadOnlyList<CallVariable> CallVariables { get; init; } = [];

    /// <summary>Value of <c>callVariable{index}</c> (1-10); null when absent.</summary>
    public string? CallVariable(int index)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, 10);
        var name = "callVariable" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return CallVariables.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;
    }

    /// <summary>The ECC variables (names starting <c>user.</c>).</summary>
    public IEnumerable<CallVariable> EccVariables =>
        CallVariables.Where(v => v.Name.StartsWith("user.", StringComparison.OrdinalIgnoreCase));
}

/// <summary>A call variable or ECC variable: <c>name</c> and <c>value</c> (empty string when unset).</summary>
public sealed record CallVariable(string Name, string Value);

/// <summary>A leg of the dialog with the actions Finesse allows on it now.</summary>
public sealed record Participant
{
    public string? MediaAddress { get; init; }
    /// <summary><c>AGENT_DEVICE</c> for agent phones; null for customers/trunks.</summary>
    public string? MediaAddressType { get; init; }
    public ParticipantState State { get; init; }
    public string? StateText { get; init; }
    /// <summary>Filled only for FAILED: BUSY, BAD_DESTINATION, OTHER, DEVICE_RESOURCE_NOT_AVAILABLE.</summary>
    public string? StateCause { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? StateChangeTime { get; init; }
    /// <summary>Allowed actions as sent (e.g. HOLD, DROP, TRANSFER_SST).</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];

    public bool Allows(DialogAction action)
    {
        var wire = DialogActions.ToWire(action);
        return Actions.Any(a => string.Equals(a, wire, StringComparison.OrdinalIgnoreCase));
    }
}
