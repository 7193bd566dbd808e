using System.Reflection;
using SiebelCti.Connector.Diagnostics;

namespace SiebelCti.Connector.Core.Tests;

public sealed class ErrorCodeTests
{
    [Fact]
    public void Every_error_code_is_a_distinct_upper_snake_case_string()
    {
        var codes = typeof(ErrorCode)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.NotEmpty(codes);
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Matches("^[A-Z][A-Z0-9_]*$", c));
    }
}
