using SiebelCti.Connector.Engine.Monitoring;

namespace SiebelCti.Connector.Service.Monitor;

/// <summary>
/// Applies <see cref="SecretRedactor"/> once more to every field of a snapshot that could carry a
/// credential (URIs, free-text messages) before it leaves the process: the monitor must never show a
/// secret even if a source forgot to redact.
/// </summary>
internal static class SnapshotSanitizer
{
    public static ConnectorSnapshot Sanitize(ConnectorSnapshot snapshot) => snapshot with
    {
        Status = snapshot.Status with { Reason = RedactOrNull(snapshot.Status.Reason) },
        Broker = snapshot.Broker with { Uri = SecretRedactor.RedactUri(snapshot.Broker.Uri) },
        Finesse = snapshot.Finesse with
        {
            Sides = [.. snapshot.Finesse.Sides.Select(s => s with { Url = SecretRedactor.RedactUri(s.Url), Detail = RedactOrNull(s.Detail) })],
        },
        RecentErrors = [.. snapshot.RecentErrors.Select(e => e with { Message = SecretRedactor.RedactMessage(e.Message) })],
    };

    private static string? RedactOrNull(string? text) => text is null ? null : SecretRedactor.RedactMessage(text);
}
