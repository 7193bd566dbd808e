using SiebelCti.Connector.Contract;
using SiebelCti.Driver.Configuration;
using SiebelCti.Interop;

namespace SiebelCti.Driver.Tests;

public sealed class ConfigurationTests
{
    private static DriverOptions? Create(List<string> problems, Func<string, string?>? environment = null, params (string Key, string Value)[] values)
    {
        var ignored = new List<string>();
        return DriverOptions.TryCreate(values.Select(v => new KeyValuePair<string, string>(v.Key, v.Value)), "SiebelCti-host-1-1",
            environment ?? (_ => null), problems, ignored);
    }

    [Theory]
    [InlineData("Driver:BrokerUri", "BrokerUri")]
    [InlineData("BrokerUri", "brokeruri")]
    public void One_parameter_under_two_spellings_is_refused_as_ambiguous(string first, string second)
    {
        var problems = new List<string>();

        var options = Create(problems, null, (first, "tcp://amq1:61616"), (second, "tcp://amq2:61616"));

        Assert.Null(options);
        Assert.Contains("BrokerUri is given more than once", problems);
    }

    [Fact]
    public void Valid_parameters_with_prefixes_and_failover_become_options_with_defaults()
    {
        var problems = new List<string>();
        var options = Create(problems, null,
            ("Driver:BrokerUri", "failover:(tcp://mq1:61616,ssl://mq2:61617)?randomize=false"),
            ("BrokerUser", "siebel"), ("Driver:BrokerPassword", "s3cret"), ("RequestTimeout", "2.5"), ("Service:AgentId", "ignored"));

        Assert.Empty(problems);
        Assert.NotNull(options);
        Assert.True(options.Broker!.IsFailover);
        Assert.Equal(["tcp://mq1:61616", "ssl://mq2:61617"], options.Broker.Endpoints.Select(b => b.ToString()));
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.RequestTimeout);
        Assert.Equal("siebel.SiebelCti-host-1-1", options.ClientId);
        Assert.Equal("SiebelCti.Client.siebel.SiebelCti-host-1-1", options.ClientTopic);
        Assert.Equal(DriverOptions.DefaultRequestQueue, options.RequestQueue);
        Assert.Equal(TimeSpan.FromSeconds(30), options.HeartbeatInterval);
        Assert.DoesNotContain("s3cret", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("BrokerPassword=***", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_Login_waits_longer_than_other_requests_and_its_deadline_leaves_the_same_confirmation_time()
    {
        var problems = new List<string>();
        var options = Create(problems, null, ("BrokerUri", "tcp://mq:61616"), ("RequestTimeout", "20"), ("RequestExpiry", "5"));

        Assert.Empty(problems);
        Assert.NotNull(options);
        Assert.Equal(TimeSpan.FromSeconds(60), options.LoginTimeout);
        Assert.Equal(TimeSpan.FromSeconds(60), options.TimeoutOf(new Login("pw", "3001")));
        Assert.Equal(TimeSpan.FromSeconds(20), options.TimeoutOf(new Ready()));
        Assert.Equal(TimeSpan.FromSeconds(45), options.ExpiryOf(new Login("pw", "3001")));
        Assert.Equal(TimeSpan.FromSeconds(5), options.ExpiryOf(new Ready()));

        var longer = Create(problems, null, ("BrokerUri", "tcp://mq:61616"), ("RequestTimeout", "90"));
        Assert.Equal(TimeSpan.FromSeconds(90), longer!.LoginTimeout); // never shorter than the request timeout by default
    }

    [Fact]
    public void A_login_timeout_shorter_than_the_request_timeout_is_refused()
    {
        var problems = new List<string>();
        Assert.Null(Create(problems, null, ("BrokerUri", "tcp://mq:61616"), ("RequestTimeout", "20"), ("LoginTimeout", "10")));
        Assert.Contains(problems, p => p.StartsWith("LoginTimeout (10 s) must not be shorter than RequestTimeout (20 s)", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_broker_user_the_default_client_id_is_the_host_process_one()
    {
        var problems = new List<string>();
        var options = Create(problems, null, ("BrokerUri", "tcp://mq:61616"));

        Assert.Empty(problems);
        Assert.Equal("SiebelCti-host-1-1", options!.ClientId);
        Assert.Equal("SiebelCti.Client.SiebelCti-host-1-1", options.ClientTopic);
        Assert.Null(options.BrokerTrustedCertificates);
    }

    [Theory]
    [InlineData("crm01", "crm01.fixed")]
    [InlineData("siebel@example.com", "fixed")]
    public void A_configured_ClientId_is_used_as_it_is_whatever_the_broker_user(string user, string clientId)
    {
        var problems = new List<string>();
        var options = Create(problems, null, ("BrokerUri", "tcp://mq:61616"), ("BrokerUser", user), ("BrokerPassword", "pw-1"), ("ClientId", clientId));

        Assert.Empty(problems);
        Assert.Equal(clientId, options!.ClientId);
    }

    [Fact]
    public void A_broker_user_that_cannot_start_a_client_id_leaves_the_default_as_it_is()
    {
        var problems = new List<string>();
        var options = Create(problems, null, ("BrokerUri", "tcp://mq:61616"), ("BrokerUser", "siebel@example.com"), ("BrokerPassword", "pw-1"));

        Assert.Empty(problems);
        Assert.Equal("SiebelCti-host-1-1", options!.ClientId);
    }

    [Fact]
    public void BrokerTrustedCertificates_names_an_existing_pem_file()
    {
        var file = Path.GetTempFileName();
        try
        {
            var problems = new List<string>();
            var options = Create(problems, null, ("BrokerUri", "ssl://mq:61617"), ("BrokerTrustedCertificates", file));
            var missing = new List<string>();
            Assert.Null(Create(missing, null, ("BrokerUri", "ssl://mq:61617"), ("BrokerTrustedCertificates", file + ".missing")));

            Assert.Empty(problems);
            Assert.Equal(file, options!.BrokerTrustedCertificates);
            Assert.Contains($"BrokerTrustedCertificates={file}", options.ToString(), StringComparison.Ordinal);
            Assert.Equal([$"BrokerTrustedCertificates '{file}.missing' does not exist"], missing);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var problems = new List<string>();
        var options = Create(problems, null,
            ("BrokerUri", "http://mq:80"), ("BrokerPassword", "pw"), ("ClientId", "has space"), ("RequestTimeout", "0"),
            ("LogConfig", "/no/such/file.config"), ("RequestQueue", "bad queue"));

        Assert.Null(options);
        Assert.Equal(6, problems.Count);
        Assert.DoesNotContain(problems, p => p.Contains("pw", StringComparison.Ordinal) && !p.Contains("BrokerPassword", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("12.5", 12.5)]
    [InlineData("300", 300)]
    public void HeartbeatInterval_takes_seconds_from_1_to_300(string value, double seconds)
    {
        var problems = new List<string>();
        var options = Create(problems, null, ("BrokerUri", "tcp://mq:61616"), ("Driver:HeartbeatInterval", value));

        Assert.Empty(problems);
        Assert.Equal(TimeSpan.FromSeconds(seconds), options!.HeartbeatInterval);
        Assert.Contains($"HeartbeatInterval={value}s", options.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.5")]
    [InlineData("301")]
    [InlineData("-5")]
    [InlineData("thirty")]
    [InlineData("")]
    public void A_bad_HeartbeatInterval_is_reported_with_the_other_problems(string value)
    {
        var problems = new List<string>();
        var options = Create(problems, null, ("BrokerUri", "tcp://mq:61616"), ("HeartbeatInterval", value), ("RequestTimeout", "0"));

        Assert.Null(options);
        Assert.Equal(2, problems.Count);
        Assert.Contains($"HeartbeatInterval '{value}' must be a number of seconds from 1 to 300", problems);
        Assert.Contains(problems, p => p.StartsWith("RequestTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_broker_uri_and_credentials_inside_the_uri_are_refused_without_echoing_the_password()
    {
        var problems = new List<string>();
        Assert.Null(Create(problems));
        Assert.Contains(problems, p => p.Contains("BrokerUri is required", StringComparison.Ordinal));

        problems.Clear();
        Assert.Null(Create(problems, null, ("BrokerUri", "tcp://user:hunter2@mq:61616")));
        Assert.Single(problems);
        Assert.DoesNotContain("hunter2", problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_loopback_transport_needs_the_test_hooks_environment_variable()
    {
        var problems = new List<string>();
        Assert.Null(Create(problems, _ => null, ("BrokerUri", "loopback://")));
        Assert.Contains(problems, p => p.Contains(DriverOptions.TestHooksVariable, StringComparison.Ordinal));

        problems.Clear();
        var options = Create(problems, name => name == DriverOptions.TestHooksVariable ? "1" : null, ("BrokerUri", "loopback://"));
        Assert.NotNull(options);
        Assert.True(options.Loopback);
    }

    [Fact]
    public void The_abi_file_overrides_the_version_and_the_client_interface_order()
    {
        var settings = AbiSettings.Parse([
            "# comment",
            "ScapiVersion = 131072",
            "ClientInterface = -, ClientHandle, HandleEvent, HandleError, CacheCommandInformation",
        ], "abi.conf");

        Assert.Empty(settings.Problems);
        Assert.Equal(131072, settings.ScapiVersion);
        Assert.Equal(1, settings.ClientInterface.SlotOf(ClientMember.ClientHandle));
        Assert.Equal(2, settings.ClientInterface.SlotOf(ClientMember.HandleEvent));
        Assert.Equal(-1, settings.ClientInterface.SlotOf(ClientMember.ShowStatusText));
    }

    [Fact]
    public void A_bad_abi_file_keeps_the_defaults_and_lists_each_problem_with_its_line()
    {
        var settings = AbiSettings.Parse(["ScapiVersion = two", "ClientInterface = HandleEvent, Nonsense", "Colour = blue", "no equals"], "abi.conf");

        Assert.Equal(ScapiVersion.Default, settings.ScapiVersion);
        Assert.Same(ClientInterfaceLayout.Default, settings.ClientInterface);
        Assert.Equal(5, settings.Problems.Count);
        Assert.Contains(settings.Problems, p => p.StartsWith("abi.conf:1:", StringComparison.Ordinal));
        Assert.Contains(settings.Problems, p => p.Contains("no ClientHandle", StringComparison.Ordinal));
    }

    [Fact]
    public void The_abi_file_can_name_the_channel_strings_the_driver_serves()
    {
        var settings = AbiSettings.Parse(["ChannelStrings = Voice, CTC Phone"], "abi.conf");
        var empty = AbiSettings.Parse(["ChannelStrings = , "], "abi.conf");

        Assert.Empty(settings.Problems);
        Assert.Equal(["Voice", "CTC Phone"], settings.ChannelStrings);
        Assert.True(settings.Serves(" ctc phone "));
        Assert.False(settings.Serves("Email"));
        Assert.False(settings.Serves(null));
        Assert.Equal(["Voice"], AbiSettings.Defaults.ChannelStrings);
        Assert.Equal(["Voice"], empty.ChannelStrings);
        Assert.Single(empty.Problems);
    }

    [Fact]
    public void Reason_code_and_release_parameters_have_safe_defaults()
    {
        var problems = new List<string>();
        var options = Create(problems, null, ("BrokerUri", "tcp://mq:61616"));

        Assert.Empty(problems);
        Assert.Equal((null, null, ReleaseAction.NotReady, null), (options!.NotReadyReasonCode, options.LogoutReasonCode, options.ReleaseAction, options.ReleaseReasonCode));
    }

    [Fact]
    public void Reason_code_and_release_parameters_are_read_and_the_release_reason_defaults_to_the_not_ready_one()
    {
        var problems = new List<string>();
        var options = Create(problems, null, ("BrokerUri", "tcp://mq:61616"), ("Driver:NotReadyReasonCode", "10"), ("LogoutReasonCode", "End of shift"),
            ("ReleaseAction", "logout"));
        var explicitRelease = Create(problems, null, ("BrokerUri", "tcp://mq:61616"), ("NotReadyReasonCode", "10"), ("ReleaseReasonCode", "13"), ("ReleaseAction", "None"));

        Assert.Empty(problems);
        Assert.Equal(("10", "End of shift", ReleaseAction.Logout, "10"), (options!.NotReadyReasonCode, options.LogoutReasonCode, options.ReleaseAction, options.ReleaseReasonCode));
        Assert.Equal((ReleaseAction.None, "13"), (explicitRelease!.ReleaseAction, explicitRelease.ReleaseReasonCode));
        Assert.Contains("NotReadyReasonCode=10, LogoutReasonCode=End of shift, ReleaseAction=Logout, ReleaseReasonCode=10", options.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ReleaseAction", "Hangup")]
    [InlineData("ReleaseAction", "1")]
    [InlineData("NotReadyReasonCode", "{@ReasonCode}")]
    [InlineData("LogoutReasonCode", "{@x}")]
    public void A_bad_reason_code_or_release_action_is_a_problem(string name, string value)
    {
        var problems = new List<string>();

        Assert.Null(Create(problems, null, ("BrokerUri", "tcp://mq:61616"), (name, value)));
        Assert.StartsWith($"{name} '{value}'", Assert.Single(problems), StringComparison.Ordinal);
    }
}
