namespace SiebelCti.Finesse.Model;

/// <summary>Agent states of the Finesse User object (<c>state</c>, <c>pendingState</c>).</summary>
public enum UserState
{
    /// <summary>A value this client does not know; the raw text is kept beside it.</summary>
    Unknown,
    Login,
    Logout,
    NotReady,
    Ready,
    Reserved,
    ReservedOutbound,
    ReservedOutboundPreview,
    Talking,
    Hold,
    Work,
    WorkReady,
}

/// <summary>Finesse wire names of <see cref="UserState"/>.</summary>
public static class UserStates
{
    public static string ToWire(UserState state) => state switch
    {
        UserState.Login => "LOGIN",
        UserState.Logout => "LOGOUT",
        UserState.NotReady => "NOT_READY",
        UserState.Ready => "READY",
        UserState.Reserved => "RESERVED",
        UserState.ReservedOutbound => "RESERVED_OUTBOUND",
        UserState.ReservedOutboundPreview => "RESERVED_OUTBOUND_PREVIEW",
        UserState.Talking => "TALKING",
        UserState.Hold => "HOLD",
        UserState.Work => "WORK",
        UserState.WorkReady => "WORK_READY",
        _ => "UNKNOWN",
    };

    /// <summary>Case-insensitive; anything unrecognised is <see cref="UserState.Unknown"/>.</summary>
    public static UserState Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "LOGIN" => UserState.Login,
        "LOGOUT" => UserState.Logout,
        "NOT_READY" => UserState.NotReady,
        "READY" => UserState.Ready,
        "RESERVED" => UserState.Reserved,
        "RESERVED_OUTBOUND" => UserState.ReservedOutbound,
        "RESERVED_OUTBOUND_PREVIEW" => UserState.ReservedOutboundPreview,
        "TALKING" => UserState.Talking,
        "HOLD" => UserState.Hold,
        "WORK" => UserState.Work,
        "WORK_READY" => UserState.WorkReady,
        _ => UserState.Unknown,
    };
}
