namespace SiebelCti.FinesseEmulator.Engine;

/// <summary>A parsed <c>PUT /finesse/api/User/{id}</c> body.</summary>
public sealed record UserRequest(string? State, string? Extension = null, string? ReasonCodeId = null);

/// <summary>A parsed <c>Dialog</c> request body (MAKE_CALL or a PUT on a dialog).</summary>
public sealed record DialogRequest(string? RequestedAction)
{
    public string? FromAddress { get; init; }

    public string? ToAddress { get; init; }

    public string? TargetMediaAddress { get; init; }

    /// <summary>Call and ECC variables from <c>mediaProperties/callvariables</c>, or null when absent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? CallVariables { get; init; }

    /// <summary><c>mediaProperties/wrapUpReason</c>, or null when absent.</summary>
    public string? WrapUpReason { get; init; }

    public bool HasMediaProperties { get; init; }

    public IReadOnlyDictionary<string, string> ActionParams { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// A call injected through the control API, as if the contact centre routed it to an extension.
/// As on Unified CCE, the dialog's <c>DNIS</c> is then the agent's extension, and
/// <see cref="Dnis"/> (the number the caller dialled, the service number) becomes its
/// <c>dialedNumber</c> and <c>toAddress</c>.
/// </summary>
public sealed record IncomingCall(string Extension)
{
    public string Ani { get; init; } = "";

    /// <summary>The number the caller dialled; empty = the agent's extension (a direct call).</summary>
    public string Dnis { get; init; } = "";

    /// <summary>The queue (skill group) the call was routed through; empty = none.</summary>
    public string QueueNumber { get; init; } = "";

    public string QueueName { get; init; } = "";

    public string CallType { get; init; } = "PREROUTE_ACD_IN";

    public IReadOnlyList<KeyValuePair<string, string>> Variables { get; init; } = [];
}

/// <summary>Result of a control-API operation: a value, or an error with an HTTP status.</summary>
public sealed record ControlResult(int Status, string Message, string? Value = null)
{
    public bool Ok => Status is >= 200 and < 300;

    public static ControlResult Success(string message, string? value = null) => new(200, message, value);

    public static ControlResult Fail(int status, string message) => new(status, message);
}
