namespace SiebelCti.Finesse.Model;

/// <summary>A wrap-up reason. The reason applied to a call is its <see cref="Label"/> (UPDATE_CALL_DATA).</summary>
public sealed record WrapUpReason
{
    /// <summary>Element <c>id</c>, or the last segment of <c>uri</c>.</summary>
    public string? Id { get; init; }
    public string? Uri { get; init; }
    public string? Label { get; init; }
    public bool? ForAll { get; init; }
}
