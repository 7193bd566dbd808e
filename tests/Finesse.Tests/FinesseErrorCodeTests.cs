using SiebelCti.Tests.Shared;

namespace SiebelCti.Finesse.Tests;

public sealed class FinesseErrorCodeTests
{
    [Fact]
    public void Every_error_code_is_a_distinct_upper_snake_case_string_with_the_library_prefix()
    {
        ErrorCodeChecks.AssertDistinctAndWellFormed(typeof(FinesseErrorCode));
        Assert.All(ErrorCodeChecks.Codes(typeof(FinesseErrorCode)), c => Assert.Matches("^(FINESSE|XMPP)_", c.Code));
    }
}
