using System.Text.RegularExpressions;

namespace SiebelCti.Connector.Contract;

/// <summary>
/// What a client id may be: 1 to 100 characters from <c>A-Z a-z 0-9 . _ -</c>. A client id becomes
/// part of a broker destination name (<see cref="ConnectorWire.ClientTopic"/>), where ActiveMQ gives
/// meaning to commas, wildcards and <c>queue://</c> prefixes, so nothing else is ever accepted.
/// </summary>
public static partial class ClientIds
{
    /// <summary>The longest client id.</summary>
    public const int MaxLength = 100;

    /// <summary>True when <paramref name="clientId"/> may name a client.</summary>
    public static bool IsValid(string? clientId) => clientId is not null && Pattern().IsMatch(clientId);

    /// <summary>
    /// True when <paramref name="clientId"/> belongs to broker user <paramref name="user"/>: it is the
    /// user's name, or starts with the name and a dot (the user's topics are <c>SiebelCti.Client.&lt;user&gt;</c>
    /// and <c>SiebelCti.Client.&lt;user&gt;.&gt;</c>, docs/operations.md §2). A user name with a dot owns
    /// nothing: user <c>crm01</c> would own the client ids (and read the topics) of user <c>crm01.x</c>.
    /// </summary>
    public static bool BelongsTo(string clientId, string? user) =>
        IsOwnerName(user)
        && (clientId == user || (clientId.Length > user.Length + 1 && clientId.StartsWith(user, StringComparison.Ordinal) && clientId[user.Length] == '.'));

    /// <summary>A broker user name that can own client ids: a valid client id without a dot.</summary>
    public static bool IsOwnerName([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? user) =>
        IsValid(user) && !user!.Contains('.', StringComparison.Ordinal);

    /// <summary>A form of any received id that is safe to put in a log line: at most 40 printable ASCII characters.</summary>
    public static string Printable(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }

        var length = Math.Min(value.Length, 40);
        return string.Create(length + (value.Length > 40 ? 1 : 0), value, static (span, source) =>
        {
            var n = Math.Min(source.Length, 40);
            for (var i = 0; i < n; i++)
            {
                var c = source[i];
                span[i] = c is >= ' ' and <= '~' ? c : '?';
            }

            if (span.Length > n)
            {
                span[n] = '…';
            }
        });
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
