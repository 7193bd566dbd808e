namespace SiebelCti.Finesse.Model;

/// <summary>The Finesse User object (REST <c>User</c>, notification <c>user</c>). Every Update carries it whole.</summary>
public sealed record User
{
    public string? Uri { get; init; }
    /// <summary>Agent id used in REST paths (<c>loginId</c>).</summary>
    public string? LoginId { get; init; }
    public string? LoginName { get; init; }
    public IReadOnlyList<string> Roles { get; init; } = [];
    public UserState State { get; init; }
    /// <summary>The <c>state</c> text as sent, also when <see cref="State"/> is Unknown.</summary>
    public string? StateText { get; init; }
    /// <summary>Null until Finesse has seen a state event.</summary>
    public DateTimeOffset? StateChangeTime { get; init; }
    /// <summary>State the agent takes after the current call; null when none.</summary>
    public UserState? PendingState { get; init; }
    /// <summary>Database id of the current reason code (<c>-1</c> right after sign-in); null when absent.</summary>
    public int? ReasonCodeId { get; init; }
    public ReasonCode? ReasonCode { get; init; }
    public UserSettings? Settings { get; init; }
    /// <summary>Signed-in extension; null when logged out.</summary>
    public string? Extension { get; init; }
    public MobileAgent? MobileAgent { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? TeamId { get; init; }
    public string? TeamName { get; init; }
    public string? SkillTargetId { get; init; }
    public string? MediaType { get; init; }
    public string? DialogsUri { get; init; }
    public string? ActiveDeviceId { get; init; }
    /// <summary>Teams a supervisor supervises.</summary>
    public IReadOnlyList<TeamRef> Teams { get; init; } = [];

    public bool IsSupervisor => Roles.Any(r => string.Equals(r, "Supervisor", StringComparison.OrdinalIgnoreCase));
}

/// <summary>User <c>settings</c>: wrap-up modes (REQUIRED, REQUIRED_WITH_WRAP_UP_DATA, OPTIONAL, NOT_ALLOWED).</summary>
public sealed record UserSettings(string? WrapUpOnIncoming, string? WrapUpOnOutgoing, string? DeviceSelection);

/// <summary>UCCE mobile agent settings (<c>mode</c> CALL_BY_CALL or NAILED_CONNECTION).</summary>
public sealed record MobileAgent(string? Mode, string? DialNumber);

/// <summary>A team reference: <c>uri</c>, <c>id</c>, <c>name</c>.</summary>
public sealed record TeamRef(string? Id, string? Name, string? Uri);
