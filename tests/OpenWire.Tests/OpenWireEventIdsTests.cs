using SiebelCti.Tests.Shared;

namespace SiebelCti.OpenWire.Tests;

public sealed class OpenWireEventIdsTests
{
    [Fact]
    public void Every_log_message_uses_its_constant_in_the_1xxx_and_2xxx_blocks()
    {
        LogEventIdChecks.AssertMatchTheTable(typeof(OpenWireEventIds), 1000, 2999);
    }

    [Fact]
    public void Every_error_code_is_a_distinct_upper_snake_case_string_with_the_library_prefix()
    {
        ErrorCodeChecks.AssertDistinctAndWellFormed(typeof(OpenWireErrorCode));
        Assert.All(ErrorCodeChecks.Codes(typeof(OpenWireErrorCode)), c => Assert.StartsWith("OPENWIRE_", c.Code, StringComparison.Ordinal));
    }
}
