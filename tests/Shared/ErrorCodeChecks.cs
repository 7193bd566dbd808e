using System.Reflection;

namespace SiebelCti.Tests.Shared;

/// <summary>
/// Checks error-code classes (a static class of <c>const string</c> per assembly: <c>OpenWireErrorCode</c>,
/// <c>FinesseErrorCode</c>, <c>ConnectorErrorCode</c>, <c>ServiceErrorCode</c>, <c>DriverErrorCode</c>):
/// every code UPPER_SNAKE_CASE and no code written twice across the classes given.
/// </summary>
internal static class ErrorCodeChecks
{
    /// <summary>The codes of <paramref name="owners"/>, as "Class.Member = CODE".</summary>
    public static List<(string Member, string Code)> Codes(params Type[] owners) =>
        [.. owners.SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => ($"{t.Name}.{f.Name}", (string)f.GetRawConstantValue()!)))];

    /// <summary>Fails naming every malformed code and every code two members share.</summary>
    public static void AssertDistinctAndWellFormed(params Type[] owners)
    {
        var codes = Codes(owners);
        Assert.All(owners, t => Assert.Contains(codes, c => c.Member.StartsWith(t.Name + ".", StringComparison.Ordinal)));
        var problems = codes.Where(c => !System.Text.RegularExpressions.Regex.IsMatch(c.Code, "^[A-Z][A-Z0-9_]*$"))
            .Select(c => $"{c.Member} = {c.Code} is not UPPER_SNAKE_CASE")
            .Concat(codes.GroupBy(c => c.Code, StringComparer.Ordinal).Where(g => g.Count() > 1)
                .Select(g => $"{g.Key} is written by {string.Join(", ", g.Select(c => c.Member))}"))
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
