using System.Text;

namespace SiebelCti.Connector.Contract;

// Requests (Driver -> Connector). The agent they act for is the envelope's agentId; call requests
// name the Finesse dialog they act on. Reason codes are the code numbers agents and Siebel see
// (e.g. "8"); the Connector resolves them to Finesse reasonCodeIds.

/// <summary>First message of a client: asks whether the Connector is alive. Answered by <see cref="SystemStatus"/>.</summary>
/// <remarks>The Connector Monitor shows both fields: plain text, at most <see cref="MaxHostNameLength"/> and <see cref="MaxDriverVersionLength"/> characters.</remarks>
public sealed record Hello(string? DriverVersion = null, string? HostName = null) : ConnectorRequest
{
    /// <summary>The longest host name a Hello may carry (a DNS name has at most 253 characters).</summary>
    public const int MaxHostNameLength = 255;

    /// <summary>The longest driver version a Hello may carry.</summary>
    public const int MaxDriverVersionLength = 100;

    public override IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        PlainText(problems, HostName, "hostName", MaxHostNameLength);
        PlainText(problems, DriverVersion, "driverVersion", MaxDriverVersionLength);
        return problems;
    }
}

/// <summary>Attaches the agent to this client: the Connector subscribes to the agent's Finesse notifications.</summary>
public sealed record Connect : ConnectorRequest;

/// <summary>Detaches the agent from this client; other clients of the same agent are unaffected.</summary>
public sealed record Disconnect : ConnectorRequest;

/// <summary>Signs the agent in to Finesse with its own credentials and extension.</summary>
public sealed record Login(string Password, string Extension) : ConnectorRequest
{
    public override IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Require(problems, Password, "password");
        Require(problems, Extension, "extension");
        return problems;
    }

    // The password never appears in logs or exception messages.
    protected override bool PrintMembers(StringBuilder builder)
    {
        base.PrintMembers(builder);
        builder.Append(", Password = ***, Extension = ").Append(Extension);
        return true;
    }
}

/// <summary>Signs the agent out (Finesse LOGOUT) with an optional logout reason code.</summary>
public sealed record Logout(string? ReasonCode = null) : ConnectorRequest;

/// <summary>Makes the agent READY.</summary>
public sealed record Ready : ConnectorRequest;

/// <summary>Makes the agent NOT_READY with an optional not-ready reason code.</summary>
public sealed record NotReady(string? ReasonCode = null) : ConnectorRequest;

/// <summary>Ends wrap-up into READY (Finesse WORK_READY semantics where the deployment allows it).</summary>
public sealed record WorkReady : ConnectorRequest;

/// <summary>Ends wrap-up into NOT_READY (Finesse WORK semantics where the deployment allows it).</summary>
public sealed record WorkNotReady : ConnectorRequest;

/// <summary>Asks for the agent's full state: answered by <see cref="AgentState"/> and one <see cref="Dialog"/> per call.</summary>
public sealed record GetState : ConnectorRequest;

/// <summary>Asks for the reason codes of a category: answered by <see cref="ReasonCodes"/>.</summary>
public sealed record GetReasonCodes(string Category) : ConnectorRequest
{
    public override IReadOnlyList<string> Validate() =>
        Category is ReasonCodeCategory.NotReady or ReasonCodeCategory.Logout
            ? []
            : [$"category must be {ReasonCodeCategory.NotReady} or {ReasonCodeCategory.Logout}"];
}

/// <summary>Asks for the wrap-up reasons the agent may choose: answered by <see cref="WrapUpReasons"/>.</summary>
public sealed record GetWrapUpReasons : ConnectorRequest;

/// <summary>Places an outbound call from the agent's extension.</summary>
public sealed record MakeCall(string Destination) : ConnectorRequest
{
    public override IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Require(problems, Destination, "destination");
        return problems;
    }
}

/// <summary>A request that acts on one of the agent's calls.</summary>
public abstract record DialogRequest(string DialogId) : ConnectorRequest
{
    public override IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Require(problems, DialogId, "dialogId");
        return problems;
    }
}

/// <summary>Answers the ringing call.</summary>
public sealed record Answer(string DialogId) : DialogRequest(DialogId);

/// <summary>Drops the agent from the call.</summary>
public sealed record Release(string DialogId) : DialogRequest(DialogId);

/// <summary>Puts the call on hold.</summary>
public sealed record Hold(string DialogId) : DialogRequest(DialogId);

/// <summary>Retrieves the held call.</summary>
public sealed record Retrieve(string DialogId) : DialogRequest(DialogId);

/// <summary>Starts a consult call to <paramref name="Destination"/> from the active call (which Finesse puts on hold).</summary>
public sealed record ConsultCall(string DialogId, string Destination) : DialogRequest(DialogId)
{
    public override IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(base.Validate());
        Require(problems, Destination, "destination");
        return problems;
    }
}

/// <summary>Completes a consult transfer; <see cref="DialogRequest.DialogId"/> is the held original call.</summary>
public sealed record TransferComplete(string DialogId) : DialogRequest(DialogId);

/// <summary>Completes a consult conference; <see cref="DialogRequest.DialogId"/> is the held original call.</summary>
public sealed record ConferenceComplete(string DialogId) : DialogRequest(DialogId);

/// <summary>Blind (single-step) transfer of the call to <paramref name="Destination"/>.</summary>
public sealed record SingleStepTransfer(string DialogId, string Destination) : DialogRequest(DialogId)
{
    public override IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(base.Validate());
        Require(problems, Destination, "destination");
        return problems;
    }
}

/// <summary>Sends DTMF digits (0-9, *, #, A-D) on the call.</summary>
public sealed record SendDtmf(string DialogId, string Digits) : DialogRequest(DialogId)
{
    public override IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(base.Validate());
        Require(problems, Digits, "digits");
        if (!string.IsNullOrEmpty(Digits) && !Digits.All(c => char.IsAsciiDigit(c) || c is '*' or '#' or (>= 'A' and <= 'D')))
        {
            problems.Add("digits may contain only 0-9, *, # and A-D");
        }

        return problems;
    }
}

/// <summary>
/// Sets call variables (<c>callVariable1</c>..<c>callVariable10</c>) and ECC variables (by name)
/// on the call. Values are plain strings: commas, <c>#</c> and <c>|</c> need no escaping.
/// </summary>
public sealed record UpdateCallData(
    string DialogId,
    IReadOnlyDictionary<string, string>? CallVariables = null,
    IReadOnlyDictionary<string, string>? EccVariables = null) : DialogRequest(DialogId)
{
    public override IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(base.Validate());
        if ((CallVariables?.Count ?? 0) + (EccVariables?.Count ?? 0) == 0)
        {
            problems.Add("at least one call variable or ECC variable is required");
        }

        return problems;
    }
}

/// <summary>Sets the wrap-up reason of the call the agent is wrapping up (or the named one).</summary>
public sealed record SetWrapUpReason(string Reason, string? DialogId = null) : ConnectorRequest
{
    public override IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Require(problems, Reason, "reason");
        return problems;
    }
}

/// <summary>Keeps the client alive in the Connector's eyes; answered by nothing unless the client is unknown.</summary>
public sealed record Heartbeat : ConnectorRequest;
