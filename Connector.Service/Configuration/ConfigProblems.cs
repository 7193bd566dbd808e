namespace SiebelCti.Connector.Service.Configuration;

/// <summary>
/// Every problem found in the configuration, each naming its key, collected in one pass: values that
/// do not convert (found while reading) first, then what each validator finds. A validator says
/// nothing more about a key whose value did not convert (it saw the default in its place). Where a
/// second component consumes keys already checked by a first (the XMPP template takes
/// <c>Finesse:ConnectTimeout</c> and the side A host after the REST client), it says nothing more
/// about a key already reported either: the operator reads one reason per key, not the same mistake
/// in two components' words.
/// </summary>
internal sealed class ConfigProblems
{
    private readonly List<string> _all = [];
    private readonly HashSet<string> _unconverted = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _reported = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> All => _all;

    /// <summary>A value that does not convert.</summary>
    public void Add(string problem)
    {
        _all.Add(problem);
        if (KeyOf(problem) is { } key)
        {
            _unconverted.Add(key);
            _reported.Add(key);
        }
    }

    /// <summary>Runs one validator and keeps what it finds, but not about keys that did not convert.</summary>
    public void AddFrom(Action<List<string>> validate) => AddFrom(validate, _unconverted);

    /// <summary>Runs the validator of a component sharing keys with an earlier one: keeps only problems about keys nobody reported yet.</summary>
    public void AddFromSharingKeys(Action<List<string>> validate) => AddFrom(validate, _reported);

    /// <summary>The configuration key a problem starts with (<c>Section:Key</c>), or null.</summary>
    internal static string? KeyOf(string problem)
    {
        var end = problem.IndexOf(' ', StringComparison.Ordinal);
        var first = (end < 0 ? problem : problem[..end]).TrimEnd(':');
        return first.Contains(':', StringComparison.Ordinal) ? first : null;
    }

    private void AddFrom(Action<List<string>> validate, HashSet<string> skipped)
    {
        var batch = new List<string>();
        validate(batch);
        var skip = new HashSet<string>(skipped, StringComparer.OrdinalIgnoreCase);
        foreach (var problem in batch)
        {
            var key = KeyOf(problem);
            if (key is null || !skip.Contains(key))
            {
                _all.Add(problem);
                if (key is not null)
                {
                    _reported.Add(key);
                }
            }
        }
    }
}
