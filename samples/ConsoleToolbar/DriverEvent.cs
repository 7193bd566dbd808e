namespace SiebelCti.ConsoleToolbar;

/// <summary>One callback the driver made, as the toolbar saw it.</summary>
internal sealed record DriverEvent(string Kind, string Name, IReadOnlyDictionary<string, string> Fields)
{
    public string Field(string key) => Fields.TryGetValue(key, out var v) ? v : "";

    public override string ToString() =>
        Fields.Count == 0 ? $"{Kind} {Name}" : $"{Kind} {Name} {string.Join(' ', Fields.Select(f => $"{f.Key}={f.Value}"))}";
}
