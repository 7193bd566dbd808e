namespace SiebelCti.Finesse.Model;

/// <summary>Dialog <c>state</c> (voice, plus the non-voice values).</summary>
public enum DialogState
{
    Unknown,
    Initiating,
    Initiated,
    Alerting,
    Active,
    Failed,
    Dropped,
    Accepted,
    Offered,
    Paused,
    WrappingUp,
    Interrupted,
    Closed,
}

/// <summary>Participant <c>state</c>.</summary>
public enum ParticipantState
{
    Unknown,
    Initiating,
    Initiated,
    Alerting,
    Active,
    Held,
    Failed,
    WrapUp,
    Dropped,
    Accepted,
}

/// <summary>Parsing of the dialog and participant state names (case-insensitive; unknown values map to Unknown).</summary>
public static class DialogStates
{
    public static DialogState ParseDialog(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "INITIATING" => DialogState.Initiating,
        "INITIATED" => DialogState.Initiated,
        "ALERTING" => DialogState.Alerting,
        "ACTIVE" => DialogState.Active,
        "FAILED" => DialogState.Failed,
        "DROPPED" => DialogState.Dropped,
        "ACCEPTED" => DialogState.Accepted,
        "OFFERED" => DialogState.Offered,
        "PAUSED" => DialogState.Paused,
        "WRAPPING_UP" => DialogState.WrappingUp,
        "INTERRUPTED" => DialogState.Interrupted,
        "CLOSED" => DialogState.Closed,
        _ => DialogState.Unknown,
    };

    public static ParticipantState ParseParticipant(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "INITIATING" => ParticipantState.Initiating,
        "INITIATED" => ParticipantState.Initiated,
        "ALERTING" => ParticipantState.Alerting,
        "ACTIVE" => ParticipantState.Active,
        "HELD" => ParticipantState.Held,
        "FAILED" => ParticipantState.Failed,
        "WRAP_UP" => ParticipantState.WrapUp,
        "DROPPED" => ParticipantState.Dropped,
        "ACCEPTED" => ParticipantState.Accepted,
        _ => ParticipantState.Unknown,
    };
}
