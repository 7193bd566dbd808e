using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SiebelCti.FinesseEmulator.Options;
using SiebelCti.FinesseEmulator.Publishing;

namespace SiebelCti.FinesseEmulator.Tests;

/// <summary>
/// <see cref="ProsodyShellProvisioner"/> against the real prosody started by scripts/test.sh, at the
/// scale of a contact centre: the console answers every line, and before its output was drained
/// while the script was written, about a thousand agents filled the pipe and both sides waited forever.
/// </summary>
public sealed class ProvisioningTests
{
    private static string Env(string name) => LabEnvironment.Get(name);

    [Fact]
    public async Task Four_thousand_agents_are_provisioned_in_one_shell_session()
    {
        var ct = TestContext.Current.CancellationToken;
        var run = Environment.GetEnvironmentVariable("SIEBELCTI_RUN") is { Length: > 0 } r ? r : Path.Combine(Env("SIEBELCTI_ROOT"), ".run");
        const int count = 4000;

        // Fixed ids: a second run updates the same accounts instead of adding 4,000 more.
        var agents = Enumerable.Range(1, count)
            .Select(i => new AgentOptions
            {
                LoginId = "prov" + i.ToString("D4", CultureInfo.InvariantCulture),
                Password = "pw-prov-" + i.ToString(CultureInfo.InvariantCulture),
                Extension = (40000 + i).ToString(CultureInfo.InvariantCulture),
            })
            .ToList();
        var options = Harness.DefaultOptions() with
        {
            XmppDomain = Env("SIEBELCTI_XMPP_DOMAIN"),
            Agents = agents,
            Xmpp = new XmppPublisherOptions
            {
                AccountProvisioning = "ProsodyShell",
                ProsodyConfig = Path.Combine(run, "prosody", "prosody.cfg.lua"),
                FinesseUserPassword = "finesse-secret",
            },
        };
        var logger = new FakeLogger<ProsodyShellProvisioner>();

        // Bounded by the provisioner's own timeout (60 s + 50 ms per agent); a deadlock would end there.
        try
        {
            await new ProsodyShellProvisioner(options, logger).ProvisionAsync(ct);
            await AssertProvisionedAsync(options, logger, ct);
        }
        finally
        {
            // The lab prosody is shared by the whole run: 4,000 more entries in the finesse user's roster
            // would make every later grant rewrite them (prosody saves a roster whole), slowing every test after this one.
            await ShellAsync(
                options.Xmpp.ProsodyConfig!,
                $"> local rm = require \"core.rostermanager\"; local f = rm.load_roster(\"finesse\", \"{options.XmppDomain}\"); " +
                "for k in pairs(f) do if type(k) == \"string\" and k:match(\"^prov%d+@\") then f[k] = nil end end; " +
                $"rm.save_roster(\"finesse\", \"{options.XmppDomain}\", f); return \"cleaned\"",
                CancellationToken.None);
        }
    }

    private static async Task AssertProvisionedAsync(EmulatorOptions options, FakeLogger<ProsodyShellProvisioner> logger, CancellationToken ct)
    {
        var record = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal((LogLevel.Information, 7010), (record.Level, record.Id.Id));
        Assert.Contains("for 4001 agents", record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-prov", record.Message, StringComparison.Ordinal);

        // The rosters were written ahead: the first and the last agent see the finesse user, and it knows them.
        var domain = options.XmppDomain;
        var answer = await ShellAsync(
            options.Xmpp.ProsodyConfig!,
            $"> local rm = require \"core.rostermanager\"; local f = rm.load_roster(\"finesse\", \"{domain}\"); " +
            $"return \"subs:\" .. rm.load_roster(\"prov0001\", \"{domain}\")[\"finesse@{domain}\"].subscription .. \"/\" .. " +
            $"rm.load_roster(\"prov4000\", \"{domain}\")[\"finesse@{domain}\"].subscription .. \"/\" .. f[\"prov0001@{domain}\"].subscription .. \"/\" .. f[\"prov4000@{domain}\"].subscription",
            ct);
        Assert.Contains("subs:to/to/from/from", answer, StringComparison.Ordinal);
    }

    /// <summary>One line of Lua through the lab prosody's admin console; what it printed.</summary>
    private static async Task<string> ShellAsync(string config, string line, CancellationToken ct) =>
        (await ProsodyShell.RunAsync("prosodyctl", config, line + "\n", TimeSpan.FromSeconds(60), ct)).Output;
}
