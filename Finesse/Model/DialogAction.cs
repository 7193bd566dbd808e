namespace SiebelCti.Finesse.Model;

/// <summary>Dialog <c>requestedAction</c> values used by this client, also the participant <c>actions</c>.</summary>
public enum DialogAction
{
    MakeCall,
    Answer,
    Hold,
    Retrieve,
    Drop,
    ConsultCall,
    Transfer,
    Conference,
    TransferSst,
    SendDtmf,
    UpdateCallData,
}

/// <summary>Finesse wire names of <see cref="DialogAction"/>.</summary>
public static class DialogActions
{
    public static string ToWire(DialogAction action) => action switch
    {
        DialogAction.MakeCall => "MAKE_CALL",
        DialogAction.Answer => "ANSWER",
        DialogAction.Hold => "HOLD",
        DialogAction.Retrieve => "RETRIEVE",
        DialogAction.Drop => "DROP",
        DialogAction.ConsultCall => "CONSULT_CALL",
        DialogAction.Transfer => "TRANSFER",
        DialogAction.Conference => "CONFERENCE",
        DialogAction.TransferSst => "TRANSFER_SST",
        DialogAction.SendDtmf => "SEND_DTMF",
        DialogAction.UpdateCallData => "UPDATE_CALL_DATA",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
