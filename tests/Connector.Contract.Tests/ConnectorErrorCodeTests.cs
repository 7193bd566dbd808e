using SiebelCti.Tests.Shared;

namespace SiebelCti.Connector.Contract.Tests;

public sealed class ConnectorErrorCodeTests
{
    [Fact]
    public void Every_error_code_is_a_distinct_upper_snake_case_string()
    {
        ErrorCodeChecks.AssertDistinctAndWellFormed(typeof(ConnectorErrorCode));
    }
}
