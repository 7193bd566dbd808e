namespace SiebelCti.Finesse.Model;

/// <summary>
/// One Finesse error (REST <c>ApiErrors/ApiError</c>, notification <c>apiErrors/apiError</c>).
/// For User/Dialog errors <see cref="ErrorData"/> usually carries the CTI error code.
/// </summary>
public sealed record ApiError
{
    public string? ErrorType { get; init; }
    public string? ErrorMessage { get; init; }
    public string? ErrorData { get; init; }
    /// <summary>Non-voice only: the media routing domain id.</summary>
    public string? ErrorMedia { get; init; }
    /// <summary>12.5+: detailed peripheral error fields (names as documented from 12.5(1); kept as text).</summary>
    public string? PeripheralErrorCode { get; init; }
    public string? PeripheralErrorMsg { get; init; }
    public string? PeripheralErrorText { get; init; }

    public override string ToString() =>
        $"{ErrorType ?? "?"}: {ErrorMessage ?? ""}" + (ErrorData is { Length: > 0 } ? $" ({ErrorData})" : "");
}
