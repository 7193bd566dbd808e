using SiebelCti.Finesse.Model;

namespace SiebelCti.Finesse.Notifications;

/// <summary><c>event</c> of a Finesse Update.</summary>
public enum NotificationEvent
{
    Unknown,
    /// <summary>An object was added to a collection (e.g. a new dialog).</summary>
    Post,
    /// <summary>An object changed (or an error about it).</summary>
    Put,
    /// <summary>An object was removed from a collection (e.g. a dialog ended for this user).</summary>
    Delete,
}

/// <summary>
/// A decoded Finesse <c>&lt;Update&gt;</c>. Every Update carries the whole object, never a delta.
/// <see cref="RequestId"/> is the <c>requestId</c> header of the REST request that caused it, or null
/// when unsolicited (Finesse calls the correlation best effort).
/// </summary>
public abstract record FinesseUpdate
{
    /// <summary>The pub-sub node it arrived on (e.g. <c>/finesse/api/User/5001/Dialogs</c>), if known.</summary>
    public string? Node { get; init; }
    public NotificationEvent Event { get; init; }
    public string? EventText { get; init; }
    public string? RequestId { get; init; }
    /// <summary>The resource URI the update is about (<c>source</c>).</summary>
    public string? Source { get; init; }
}

/// <summary>A <c>user</c> Update: the agent's full User (User node) or a member summary (Team/{id}/Users node).</summary>
public sealed record UserUpdated(User User) : FinesseUpdate;

/// <summary>
/// A <c>dialog</c> Update (event PUT, source <c>/finesse/api/Dialog/{id}</c>): participant state,
/// participants, call data or actions of one dialog changed. Replace the stored copy.
/// </summary>
public sealed record DialogUpdated(Dialog Dialog) : FinesseUpdate;

/// <summary>
/// A <c>dialogs</c> Update on the user's Dialogs node: <see cref="IsAdded"/> (POST) for new dialogs,
/// <see cref="IsRemoved"/> (DELETE) for dialogs that left the user's collection (the last copy is carried).
/// </summary>
public sealed record DialogsUpdated(IReadOnlyList<Dialog> Dialogs) : FinesseUpdate
{
    public bool IsAdded => Event == NotificationEvent.Post;
    public bool IsRemoved => Event == NotificationEvent.Delete;
}

/// <summary>A <c>SystemInfo</c> Update (status change such as OUT_OF_SERVICE / IN_SERVICE).</summary>
public sealed record SystemInfoUpdated(SystemInfo SystemInfo) : FinesseUpdate;

/// <summary>
/// An asynchronous error (<c>apiErrors</c>), e.g. a CTI failure of a dialog action or an invalid
/// state change. Correlate with the pending request by <see cref="FinesseUpdate.RequestId"/>;
/// <see cref="FinesseUpdate.Source"/> names the user or dialog. <see cref="Code"/> is the stable code.
/// </summary>
public sealed record ApiErrorUpdate(IReadOnlyList<ApiError> Errors, string Code) : FinesseUpdate;

/// <summary>A <c>team</c> Update (team membership changes).</summary>
public sealed record TeamUpdated(Team Team) : FinesseUpdate;

/// <summary>
/// An Update whose data this client does not model (queue statistics, media, future feeds). Not an
/// error: the caller may log and ignore it. <see cref="DataElement"/> names what was inside <c>data</c>.
/// </summary>
public sealed record UnknownUpdate(string? DataElement) : FinesseUpdate;
