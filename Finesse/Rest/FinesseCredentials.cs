namespace SiebelCti.Finesse.Rest;

/// <summary>
/// One agent's own Finesse credentials (Finesse lets a user act only on its own User object).
/// <see cref="UserId"/> is the id in REST paths; <see cref="AuthName"/> the Basic-auth user name
/// (defaults to the id). The password never appears in <see cref="ToString"/>.
/// </summary>
public sealed record FinesseCredentials
{
    public FinesseCredentials(string userId, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(password);
        UserId = userId;
        Password = password;
    }

    public string UserId { get; }
    public string Password { get; }

    /// <summary>Basic-auth user name when it differs from <see cref="UserId"/> (e.g. a login name).</summary>
    public string? AuthName { get; init; }

    internal string BasicParameter =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes((AuthName ?? UserId) + ":" + Password));

    public override string ToString() => $"FinesseCredentials {{ UserId = {UserId}, AuthName = {AuthName ?? UserId}, Password = *** }}";
}
