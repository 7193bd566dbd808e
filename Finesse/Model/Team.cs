namespace SiebelCti.Finesse.Model;

/// <summary>A Finesse Team with the summary User objects of its members.</summary>
public sealed record Team
{
    public string? Id { get; init; }
    public string? Uri { get; init; }
    public string? Name { get; init; }
    public IReadOnlyList<User> Users { get; init; } = [];
}
