using Microsoft.Extensions.Configuration;
using SiebelCti.Connector.Engine;
using SiebelCti.Connector.Service.Configuration;
using SiebelCti.Finesse;
using SiebelCti.Finesse.Xmpp;

namespace SiebelCti.Connector.Service.Tests;

/// <summary>How configuration keys whose shape differs from the libraries' properties are converted, and one validation pass over them.</summary>
public sealed class ConfigurationBindingTests
{
    private static ConnectorServiceOptions Load(Dictionary<string, string?> extra, out IReadOnlyList<string> problems)
    {
        var values = new Dictionary<string, string?>
        {
            ["Finesse:SideAUrl"] = "https://finesse-a.example:8445",
            ["Monitor:PasswordHash"] = TestService.MonitorPasswordHash,
        };
        foreach (var (key, value) in extra)
        {
            values[key] = value;
        }

        return ConnectorServiceOptions.Load(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), out problems, out _);
    }

    [Theory]
    [InlineData("https://finesse-a.example:8445", "https://finesse-a.example:8445/", false)]
    [InlineData("http://127.0.0.1:8082", "http://127.0.0.1:8082/", true)]
    [InlineData("HTTPS://Finesse-A.Example", "https://finesse-a.example/", false)]
    public void SideAUrl_TextToUri_HttpAllowedOnlyWhenTheUrlSaysSo(string configured, string expected, bool allowHttp)
    {
        var options = Load(new() { ["Finesse:SideAUrl"] = configured }, out var problems);

        Assert.Empty(problems);
        Assert.Equal(new Uri(expected), options.Finesse.SideA);
        Assert.Equal(allowHttp, options.Finesse.AllowHttp);
        Assert.Equal(new Uri(expected).Host, options.Notifications.Xmpp.Host);
        Assert.Equal(new Uri(expected).Host, options.Notifications.Xmpp.Domain);
    }

    [Theory]
    [InlineData("finesse-a.example:8445", "'finesse-a.example:8445' is not an absolute http:// or https:// URL")]
    [InlineData("ftp://finesse-a.example", "'ftp://finesse-a.example' is not an absolute http:// or https:// URL")]
    [InlineData("https://admin:Side-Secret-7@finesse-a.example:8445", "must not carry user information")]
    [InlineData("https://finesse-a.example:8445/finesse", "must be scheme, host and port only")]
    [InlineData("https://finesse-a.example:0", "port 0 is not allowed")]
    public void SideAUrl_Unusable_OneProblemNamingTheKey(string configured, string expected)
    {
        Load(new() { ["Finesse:SideAUrl"] = configured }, out var problems);

        var problem = Assert.Single(problems);
        Assert.StartsWith("Finesse:SideAUrl", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("Side-Secret-7", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, XmppTlsMode.DirectTls)]
    [InlineData("Direct", XmppTlsMode.DirectTls)]
    [InlineData("starttls", XmppTlsMode.StartTls)]
    public void XmppTls_WordToMode(string? configured, XmppTlsMode expected)
    {
        var options = Load(new() { ["Finesse:XmppTls"] = configured }, out var problems);

        Assert.Empty(problems);
        Assert.Equal(expected, options.Notifications.Xmpp.TlsMode);
    }

    [Theory]
    [InlineData("DirectTls")]
    [InlineData("None")]
    [InlineData("2")]
    public void XmppTls_OtherWords_Refused(string configured)
    {
        Load(new() { ["Finesse:XmppTls"] = configured }, out var problems);

        Assert.Equal($"Finesse:XmppTls: '{configured}' is not one of Direct, StartTls", Assert.Single(problems));
    }

    [Theory]
    [InlineData(null, "finesse")]
    [InlineData("none", "")]
    [InlineData("NONE", "")]
    [InlineData("cuic", "cuic")]
    public void PresenceUser_NoneSwitchesTheWatchOff(string? configured, string expected)
    {
        var options = Load(new() { ["Finesse:PresenceUser"] = configured }, out var problems);

        Assert.Empty(problems);
        Assert.Equal(expected, options.Notifications.FinesseUser);
    }

    [Theory]
    [InlineData(null, false, ServerCertificateTrust.System)]
    [InlineData(null, true, ServerCertificateTrust.AllowSelfSigned)]
    [InlineData("ca", false, ServerCertificateTrust.CaFile)]
    public void CertificateKeys_ToOneTrustForRestAndXmpp(string? caFile, bool allowInvalid, ServerCertificateTrust expected)
    {
        var path = caFile is null ? null : Path.GetTempFileName();
        try
        {
            var options = Load(new() { ["Finesse:TrustedCertificatesPath"] = path, ["Finesse:AllowInvalidCertificates"] = allowInvalid ? "true" : null }, out var problems);

            Assert.Empty(problems);
            Assert.Equal((expected, path), (options.Finesse.Trust, options.Finesse.CaCertificatePath));
            Assert.Equal((expected, path), (options.Notifications.Xmpp.Trust, options.Notifications.Xmpp.TrustedCertificatePath));
        }
        finally
        {
            if (path is not null)
            {
                File.Delete(path);
            }
        }
    }

    [Theory]
    [InlineData("Keep", DeadClientPolicy.Keep)]
    [InlineData("logout", DeadClientPolicy.Logout)]
    public void DeadClientAction_ToThePolicy(string configured, DeadClientPolicy expected)
    {
        var options = Load(new() { ["Engine:DeadClientAction"] = configured }, out var problems);

        Assert.Empty(problems);
        Assert.Equal(expected, options.Engine.DeadClientPolicy);
    }

    [Fact]
    public void XmppHosts_SetOnes_WinOverTheUrlsHosts()
    {
        var options = Load(new()
        {
            ["Finesse:SideBUrl"] = "https://finesse-b.example:8445",
            ["Finesse:XmppHostA"] = "xmpp-a.example",
            ["Finesse:XmppDomain"] = "finesse.example",
        }, out var problems);

        Assert.Empty(problems);
        Assert.Equal(("xmpp-a.example", "finesse.example", "finesse-b.example"), (options.Notifications.Xmpp.Host, options.Notifications.Xmpp.Domain, options.Notifications.SideBHost));
    }

    [Fact]
    public void Broker_BindClientIdsToUsers_GoesToTheEngine()
    {
        var options = Load(new() { ["Broker:BindClientIdsToUsers"] = "false" }, out var problems);

        Assert.Empty(problems);
        Assert.False(options.Engine.BindClientIdsToBrokerUsers);
        Assert.True(Load([], out _).Engine.BindClientIdsToBrokerUsers);
    }

    [Fact]
    public void Build_ErrorsAcrossSections_AllRefusedTogetherBeforeAnythingStarts_NoPasswordShown()
    {
        var settings = TestService.Settings();
        settings["Broker:Uri"] = "tcp://amq:Uri-Secret-1@broker";
        settings["Broker:User"] = null;
        settings["Broker:Password"] = "Broker-Secret-2";
        settings["Finesse:SideAUrl"] = "https://finesse-a.example:8445";
        settings["Finesse:RequestTimeout"] = "5";
        settings["Finesse:ConnectTimeout"] = "30";
        settings["Finesse:XmppPingInterval"] = "90";
        settings["Engine:LoginFailureLimit"] = "5";
        settings["Engine:RequestTimeout"] = "00:00:00.5";
        settings["Monitor:CertificatePassword"] = "Cert-Secret-3";
        settings["Monitor:PushInterval"] = "0";

        var exception = Assert.Throws<ConnectorConfigurationException>(() => ConnectorServiceHost.Build([], settings, useNLog: false));

        string[] expected =
        [
            "Broker:Uri: 'tcp://***@broker' carries credentials",
            "Broker:Password is set but Broker:User is not",
            "Finesse:ConnectTimeout (00:00:30) must not exceed Finesse:RequestTimeout (00:00:05)",
            "Finesse:XmppPingInterval must be at most 60 seconds",
            "Engine:LoginFailureLimit must be between 1 and 4",
            "Engine:RequestTimeout (00:00:00.5000000) must not be shorter than the built-in HousekeepingInterval (00:00:01)",
            "Monitor:PushInterval (00:00:00) must be between",
        ];
        var all = exception.Message;
        Assert.True(expected.Length == exception.Problems.Count, all);
        foreach (var fragment in expected)
        {
            Assert.Contains(exception.Problems, p => p.Contains(fragment, StringComparison.Ordinal));
            Assert.Contains(fragment, all, StringComparison.Ordinal);
        }

        Assert.Contains($"{expected.Length} problem(s)", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", all, StringComparison.Ordinal);
    }
}
