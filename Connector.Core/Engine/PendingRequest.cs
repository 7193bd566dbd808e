namespace SiebelCti.Connector.Engine;

/// <summary>What kind of notification completes a request Finesse accepted.</summary>
internal enum EffectKind
{
    /// <summary>A User update (state changes, sign-in, sign-out).</summary>
    AgentState,

    /// <summary>A dialog created, changed or removed (call actions).</summary>
    Dialog,
}

/// <summary>
/// A request Finesse accepted (202) whose effect has not arrived yet. <see cref="FinesseRequestId"/>
/// is the <c>requestId</c> header the engine sent; Finesse echoes it in the resulting notification.
/// </summary>
internal sealed record PendingRequest(
    string FinesseRequestId,
    string AgentId,
    string ClientId,
    string? CorrelationId,
    string RequestType,
    EffectKind Effect,
    string? DialogId,
    DateTimeOffset Created,
    DateTimeOffset Deadline);
