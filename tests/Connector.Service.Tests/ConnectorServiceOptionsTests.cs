using Microsoft.Extensions.Configuration;
using SiebelCti.Connector.Engine;
using SiebelCti.Connector.Service.Configuration;
using SiebelCti.Finesse.Xmpp;
using SiebelCti.OpenWire;

namespace SiebelCti.Connector.Service.Tests;

public sealed class ConnectorServiceOptionsTests
{
    private static IConfiguration Config(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static Dictionary<string, string?> Minimal() => new()
    {
        ["Finesse:SideAUrl"] = "https://finesse-a.example:8445",
        ["Monitor:PasswordHash"] = TestService.MonitorPasswordHash,
    };

    [Fact]
    public void Load_MinimalSettings_DefaultsAndNoProblems()
    {
        var options = ConnectorServiceOptions.Load(Config(Minimal()), out var problems, out var warnings);

        Assert.Empty(problems);
        Assert.Empty(warnings);
        Assert.Equal("tcp://127.0.0.1:61616", options.Broker.Broker.BrokerUri);
        Assert.Equal("SiebelCti.Connector.Requests", options.Broker.RequestQueue);
        Assert.Equal("SiebelCti.Client.", options.Broker.ClientTopicPrefix);
        Assert.Equal(5223, options.Notifications.Xmpp.Port);
        Assert.Equal(XmppTlsMode.DirectTls, options.Notifications.Xmpp.TlsMode);
        Assert.Equal("finesse", options.Notifications.FinesseUser);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Engine.RequestTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Host.HeartbeatInterval);
        Assert.Equal(TimeSpan.FromSeconds(90), options.Engine.ClientTimeout);
        Assert.Equal(DeadClientPolicy.Keep, options.Engine.DeadClientPolicy);
        Assert.True(options.Monitor.Enabled);
        Assert.Equal(["http://127.0.0.1:8080"], options.Monitor.UrlList);
        Assert.Equal("admin", options.Monitor.User);
    }

    [Fact]
    public void Load_EverySectionBroken_ListsEveryProblem()
    {
        var values = new Dictionary<string, string?>
        {
            ["Broker:Uri"] = "failover:(tcp://a:61616,http://b:80,tcp://c)?randomize=false",
            ["Broker:Password"] = "orphan",
            ["Broker:RequestQueue"] = "bad queue",
            ["Broker:ClientTopicPrefix"] = "Client.>",
            ["Broker:ConnectTimeout"] = "soon",
            ["Broker:TrustedCertificatesPath"] = "/nonexistent/broker-ca.pem",
            ["Finesse:SideBUrl"] = "ftp://finesse-b",
            ["Finesse:XmppPort"] = "70000",
            ["Finesse:XmppTls"] = "Sometimes",
            ["Finesse:RequestTimeout"] = "-5",
            ["Finesse:TrustedCertificatesPath"] = "/nonexistent/ca.pem",
            ["Finesse:PresenceUser"] = "finesse@elsewhere",
            ["Engine:HeartbeatInterval"] = "60",
            ["Engine:DeadClientTimeout"] = "00:01:00",
            ["Engine:DeadClientAction"] = "Explode",
            ["Engine:ShutdownTimeout"] = "0",
            ["Monitor:Urls"] = "https://0.0.0.0:8443;not a url",
            ["Monitor:PasswordHash"] = "plaintext",
            ["Monitor:Enabled"] = "yes please",
            ["Monitor:PushInterval"] = "00:10:00",
        };

        ConnectorServiceOptions.Load(Config(values), out var problems, out _);

        string[] expected =
        [
            "Broker:Uri: 'http://b:80' is not a tcp://host:port or ssl://host:port address",
            "Broker:Uri: 'tcp://c' has no port",
            "Broker:Password is set but Broker:User is not",
            "Broker:RequestQueue: 'bad queue'",
            "Broker:ClientTopicPrefix: 'Client.>'",
            "Broker:ConnectTimeout: 'soon' is not a duration",
            "Broker:TrustedCertificatesPath: file '/nonexistent/broker-ca.pem' does not exist",
            "Finesse:SideAUrl is required",
            "Finesse:SideBUrl: 'ftp://finesse-b' is not an absolute http:// or https:// URL",
            "Finesse:XmppPort must be 1-65535 (was 70000)",
            "Finesse:XmppTls: 'Sometimes' is not one of Direct, StartTls",
            "Finesse:RequestTimeout must be more than 0 and at most 5 minutes (is -00:00:05)",
            "Finesse:TrustedCertificatesPath: file '/nonexistent/ca.pem' does not exist",
            "Finesse:PresenceUser: 'finesse@elsewhere' must be a user name",
            "Engine:DeadClientTimeout (00:01:00) must be at least twice Engine:HeartbeatInterval",
            "Engine:DeadClientAction: 'Explode' is not one of Keep, Logout",
            "Engine:ShutdownTimeout must be positive",
            "Monitor:Enabled: 'yes please' is not true or false",
            "Monitor:Urls: 'not a url' is not an absolute http:// or https:// URL",
            "Monitor:CertificatePath is required for an https URL",
            "Monitor:PasswordHash is not a hash made by --hash-password",
            "Monitor:PushInterval (00:10:00) must be between",
        ];
        var all = string.Join(Environment.NewLine, problems);
        foreach (var fragment in expected)
        {
            Assert.True(problems.Any(p => p.Contains(fragment, StringComparison.Ordinal)), $"'{fragment}' is not among:{Environment.NewLine}{all}");
        }

        Assert.True(expected.Length == problems.Count, all);
        Assert.DoesNotContain(problems, p => p.Contains("orphan", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_BrokerCredentialsAndCa_ReachTheOpenWireOptionsOfTheChannel()
    {
        var ca = Path.GetTempFileName();
        try
        {
            var values = Minimal();
            values["Broker:Uri"] = "ssl://amq.example:61617";
            values["Broker:User"] = "connector";
            values["Broker:Password"] = "Connector-Pw-2718";
            values["Broker:TrustedCertificatesPath"] = ca;

            var options = ConnectorServiceOptions.Load(Config(values), out var problems, out _);
            var channel = options.Broker;

            Assert.Empty(problems);
            Assert.Equal(("connector", "Connector-Pw-2718", ca), (channel.Broker.UserName, channel.Broker.Password, channel.Broker.TrustedCaCertificatesPath));
            Assert.DoesNotContain("Connector-Pw-2718", options.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(ca);
        }
    }

    [Fact]
    public void Load_PresenceUserNone_SwitchesThePresenceWatchOff()
    {
        var values = Minimal();
        values["Finesse:PresenceUser"] = "None";

        var options = ConnectorServiceOptions.Load(Config(values), out var problems, out _);

        Assert.Empty(problems);
        Assert.Equal("", options.Notifications.FinesseUser);
    }

    [Theory]
    [InlineData("tcp://127.0.0.1:61616")]
    [InlineData("ssl://amq.example:61617")]
    [InlineData("failover:(tcp://a:61616,ssl://b:61617)?randomize=false&maxReconnectAttempts=-1")]
    [InlineData("failover:tcp://a:61616,tcp://b:61616")]
    public void Load_GoodBrokerUri_Accepted(string uri)
    {
        var values = Minimal();
        values["Broker:Uri"] = uri;

        ConnectorServiceOptions.Load(Config(values), out var problems, out _);

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("amq.example:61616", "'amq.example:61616' is not a tcp://host:port or ssl://host:port address")]
    [InlineData("failover:(tcp://a:61616", "missing ')' after the failover list")]
    [InlineData("failover:()", "names no broker")]
    [InlineData("failover:(tcp://a:61616,,)", "has an empty entry")]
    [InlineData("failover:(tcp://a:61616,tcp//b:1)", "'tcp//b:1' is not a tcp://host:port or ssl://host:port address")]
    [InlineData("failover:(tcp://a:61616)x", "expected '?' after the failover list")]
    [InlineData("stomp://a:61613", "'stomp://a:61613' is not a tcp://host:port or ssl://host:port address")]
    [InlineData("tcp://user:SecretPw@a", "'tcp://***@a' carries credentials")]
    [InlineData("failover:(tcp://user:SecretPw@a:61616)", "'tcp://***@a:61616' carries credentials")]
    [InlineData("failover:(tcp://a:61616)?bogus=1", "unknown failover parameter 'bogus'")]
    public void Load_BadBrokerUri_RejectedWithoutShowingCredentials(string uri, string expected)
    {
        var values = Minimal();
        values["Broker:Uri"] = uri;

        ConnectorServiceOptions.Load(Config(values), out var problems, out _);

        var problem = Assert.Single(problems);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("SecretPw", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DurationsAsSecondsOrClockTime_BothRead()
    {
        var values = Minimal();
        values["Engine:RequestTimeout"] = "2.5";
        values["Engine:HeartbeatInterval"] = "00:00:20";
        values["Engine:DeadClientTimeout"] = "1.00:00:00";
        values["Engine:DeadClientAction"] = "logout";

        var options = ConnectorServiceOptions.Load(Config(values), out var problems, out _);

        Assert.Empty(problems);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.Engine.RequestTimeout);
        Assert.Equal(TimeSpan.FromSeconds(20), options.Host.HeartbeatInterval);
        Assert.Equal(TimeSpan.FromDays(1), options.Engine.ClientTimeout);
        Assert.Equal(DeadClientPolicy.Logout, options.Engine.DeadClientPolicy);
    }

    [Fact]
    public void Load_NumericEnumValue_Rejected()
    {
        var values = Minimal();
        values["Engine:DeadClientAction"] = "1";

        ConnectorServiceOptions.Load(Config(values), out var problems, out _);

        Assert.Contains("Engine:DeadClientAction: '1' is not one of Keep, Logout", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownKeys_ReportedAsWarnings()
    {
        var values = Minimal();
        values["Broker:Urii"] = "tcp://x:1";
        values["Monitor:Pasword"] = "x";

        ConnectorServiceOptions.Load(Config(values), out var problems, out var warnings);

        Assert.Empty(problems);
        Assert.Contains(warnings, w => w.StartsWith("Broker:Urii ", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("Monitor:Pasword ", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MonitorDisabled_MonitorSettingsNotRequired()
    {
        var values = new Dictionary<string, string?>
        {
            ["Finesse:SideAUrl"] = "https://finesse-a.example:8445",
            ["Monitor:Enabled"] = "false",
        };

        ConnectorServiceOptions.Load(Config(values), out var problems, out _);

        Assert.Empty(problems);
    }

    [Fact]
    public void Load_HttpsWithMissingCertificateFile_Reported()
    {
        var values = Minimal();
        values["Monitor:Urls"] = "https://127.0.0.1:8443";
        values["Monitor:CertificatePath"] = "/nonexistent/monitor.pfx";

        ConnectorServiceOptions.Load(Config(values), out var problems, out _);

        Assert.Contains("Monitor:CertificatePath: file '/nonexistent/monitor.pfx' does not exist", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_OptionsWithSecrets_SecretsHidden()
    {
        var broker = new OpenWireOptions { BrokerUri = "tcp://u:UriSecret@a:1", UserName = "u", Password = "PwSecret" };
        var monitor = new MonitorOptions { CertificatePassword = "CertSecret", PasswordHash = TestService.MonitorPasswordHash };

        var text = broker.ToString() + monitor.ToString();

        Assert.DoesNotContain("UriSecret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PwSecret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("CertSecret", text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestService.MonitorPasswordHash, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_InvalidConfiguration_ThrowsWithEveryProblem()
    {
        var settings = TestService.Settings();
        settings["Finesse:SideAUrl"] = null;
        settings["Engine:RequestTimeout"] = "forever";
        settings["Monitor:PasswordHash"] = "nope";

        var exception = Assert.Throws<ConnectorConfigurationException>(() => ConnectorServiceHost.Build([], settings, useNLog: false));

        Assert.Equal(3, exception.Problems.Count);
        Assert.Contains("3 problem(s)", exception.Message, StringComparison.Ordinal);
        Assert.All(exception.Problems, p => Assert.Contains(p, exception.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Build_CommandLineOverridesSettings()
    {
        var settings = TestService.Settings();
        settings.Remove("Finesse:SideAUrl");

        // Without the command line the required side A is missing; with it the host builds.
        Assert.Throws<ConnectorConfigurationException>(() => ConnectorServiceHost.Build([], settings, useNLog: false));
        using var host = ConnectorServiceHost.Build(["--Finesse:SideAUrl=https://from-command-line:8445"], settings, useNLog: false);

        Assert.NotNull(host);
    }
}
