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
/// A request on its way to Finesse or accepted by it (202) whose effect has not arrived yet.
/// <see cref="FinesseRequestId"/> is the <c>requestId</c> header the engine sends; Finesse echoes it
/// in the resulting notification. Owned by the engine loop.
/// </summary>
internal sealed class PendingRequest(
    string finesseRequestId,
    string agentId,
    string clientId,
    string? correlationId,
    string requestType,
    EffectKind effect,
    string? dialogId,
    DateTimeOffset created)
{
    public string FinesseRequestId { get; } = finesseRequestId;

    public string AgentId { get; } = agentId;

    public string ClientId { get; } = clientId;

    public string? CorrelationId { get; } = correlationId;

    public string RequestType { get; } = requestType;

    public EffectKind Effect { get; } = effect;

    public string? DialogId { get; } = dialogId;

    /// <summary>When the request reached the engine.</summary>
    public DateTimeOffset Created { get; } = created;

    /// <summary>When the REST request left for Finesse; null while it waits for a slot.</summary>
    public DateTimeOffset? Sent { get; private set; }

    /// <summary>Until when Finesse may take to confirm it; meaningful once <see cref="Sent"/>.</summary>
    public DateTimeOffset Deadline { get; private set; } = DateTimeOffset.MaxValue;

    /// <summary>Runs once when the request ends: true when its effect arrived, false on any failure.</summary>
    public Action<bool>? Finished { get; init; }

    public void MarkSent(DateTimeOffset now, TimeSpan confirmTimeout)
    {
        Sent = now;
        Deadline = now + confirmTimeout;
    }
}
