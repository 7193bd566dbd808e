namespace SiebelCti.Finesse.Model;

/// <summary>Reason code categories of the ReasonCode API.</summary>
public enum ReasonCodeCategory
{
    NotReady,
    Logout,
}

/// <summary>
/// A Finesse reason code. <see cref="Id"/> is the database id that state changes send as
/// <c>reasonCodeId</c>; <see cref="Code"/> is the numeric code agents and reports see.
/// </summary>
public sealed record ReasonCode
{
    /// <summary>Database id (element <c>id</c>, or the last segment of <c>uri</c>).</summary>
    public string? Id { get; init; }
    public string? Uri { get; init; }
    /// <summary><c>NOT_READY</c> or <c>LOGOUT</c> as sent by Finesse (kept as text).</summary>
    public string? Category { get; init; }
    public int? Code { get; init; }
    public string? Label { get; init; }
    public bool? ForAll { get; init; }
    public bool? SystemCode { get; init; }

    internal static string ToWire(ReasonCodeCategory category) =>
        category == ReasonCodeCategory.Logout ? "LOGOUT" : "NOT_READY";
}

/// <summary>A <c>ReasonCodes</c> list (possibly empty).</summary>
public sealed record ReasonCodeList(string? Category, IReadOnlyList<ReasonCode> Items);
