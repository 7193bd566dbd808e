namespace SiebelCti.FinesseEmulator;

/// <summary>
/// Log messages of the emulator (a sample, so it keeps its own event-id block 7xxx outside the
/// product's EventIds table). Passwords are never among the arguments.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(7000, LogLevel.Information, "Agent {AgentId} {From} -> {To} (pending {Pending}, reason {Reason})")]
    public static partial void AgentStateChanged(ILogger logger, string agentId, string from, string to, string pending, string reason);

    [LoggerMessage(7001, LogLevel.Information, "Dialog {DialogId} {State} ({CallType}) participants {Participants}")]
    public static partial void DialogChanged(ILogger logger, string dialogId, string state, string callType, string participants);

    [LoggerMessage(7002, LogLevel.Information, "Rejected {Action} of {AgentId}: {Status} {ErrorType} {ErrorMessage}")]
    public static partial void RequestRejected(ILogger logger, string action, string agentId, int status, string errorType, string errorMessage);

    [LoggerMessage(7003, LogLevel.Information, "Asynchronous error for {AgentId} on {Source}: {ErrorType} {ErrorMessage} {ErrorData}")]
    public static partial void AsyncError(ILogger logger, string agentId, string source, string errorType, string errorMessage, string errorData);

    [LoggerMessage(7004, LogLevel.Information, "Side {Side} is now {Status} ({Reason})")]
    public static partial void SideStatus(ILogger logger, string side, string status, string reason);

    [LoggerMessage(7005, LogLevel.Warning, "Emulator state dropped ({What})")]
    public static partial void StateDropped(ILogger logger, string what);

    [LoggerMessage(7006, LogLevel.Debug, "Notification {Event} on {Node} source {Source}")]
    public static partial void NotificationQueued(ILogger logger, string @event, string node, string source);

    [LoggerMessage(7007, LogLevel.Warning, "Authentication failed for user {User} ({Reason})")]
    public static partial void AuthenticationFailed(ILogger logger, string user, string reason);

    [LoggerMessage(7008, LogLevel.Error, "Publishing a notification to {Node} failed")]
    public static partial void PublishFailed(ILogger logger, Exception exception, string node);

    [LoggerMessage(7009, LogLevel.Error, "The notification pump stopped unexpectedly")]
    public static partial void PumpFailed(ILogger logger, Exception exception);

    [LoggerMessage(7010, LogLevel.Information, "XMPP accounts provisioned for {Count} agents in {Milliseconds} ms")]
    public static partial void AccountsProvisioned(ILogger logger, int count, long milliseconds);

    [LoggerMessage(7011, LogLevel.Error, "XMPP account provisioning failed: {Reason}")]
    public static partial void ProvisioningFailed(ILogger logger, string reason);

    [LoggerMessage(7016, LogLevel.Warning, "XMPP rosters not provisioned ({Confirmed} of {Expected} batches confirmed): each agent session asks to see the finesse user at sign-in instead, and the server writes the finesse user's roster once per agent")]
    public static partial void RostersNotProvisioned(ILogger logger, int confirmed, int expected);

    [LoggerMessage(7012, LogLevel.Information, "DTMF {Digits} sent on dialog {DialogId} by {AgentId}")]
    public static partial void DtmfSent(ILogger logger, string digits, string dialogId, string agentId);

    [LoggerMessage(7013, LogLevel.Error, "A timer callback failed")]
    public static partial void TimerFailed(ILogger logger, Exception exception);

    [LoggerMessage(7014, LogLevel.Information, "Finesse emulator ({Deployment}) side {Side} listening on {Url}")]
    public static partial void Listening(ILogger logger, string deployment, string side, string url);

    [LoggerMessage(7015, LogLevel.Warning, "{Count} notifications were not published while every side was out of service")]
    public static partial void NotificationsSuppressed(ILogger logger, int count);
}
