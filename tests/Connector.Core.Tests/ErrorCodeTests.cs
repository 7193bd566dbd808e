using SiebelCti.Connector.Contract;
using SiebelCti.Finesse;
using SiebelCti.OpenWire;
using SiebelCti.Tests.Shared;

namespace SiebelCti.Connector.Core.Tests;

public sealed class ErrorCodeTests
{
    [Fact]
    public void The_codes_the_engine_reports_are_distinct_upper_snake_case_strings_across_the_libraries()
    {
        ErrorCodeChecks.AssertDistinctAndWellFormed(typeof(OpenWireErrorCode), typeof(FinesseErrorCode), typeof(ConnectorErrorCode));
    }
}
