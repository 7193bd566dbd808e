using System.Diagnostics;
using System.Globalization;
using System.Text;
using SiebelCti.FinesseEmulator.Options;

namespace SiebelCti.FinesseEmulator.Publishing;

/// <summary>Makes sure every configured agent has an XMPP account with its Finesse password.</summary>
public interface IAccountProvisioner
{
    Task ProvisionAsync(CancellationToken cancellationToken);
}

/// <summary>Accounts are managed elsewhere (Emulator:Xmpp:AccountProvisioning=None).</summary>
public sealed class NoAccountProvisioner : IAccountProvisioner
{
    public Task ProvisionAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Creates or updates all accounts in one <c>prosodyctl shell</c> session (prosody's admin console
/// over its local socket; needs module admin_shell): about half a second for hundreds of agents,
/// where one <c>prosodyctl adduser</c> per agent costs half a second each. Passwords travel on the
/// process's standard input, never on a command line, and are not logged.
/// </summary>
public sealed class ProsodyShellProvisioner(EmulatorOptions options, ILogger<ProsodyShellProvisioner> logger) : IAccountProvisioner
{
    public async Task ProvisionAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var x = options.Xmpp;
        string output;
        int exitCode;
        try
        {
            (exitCode, output) = await ProsodyShell.RunAsync(x.ProsodyCtl, x.ProsodyConfig!, BuildScript(options), ProvisioningTimeout(options.Agents.Count), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            Log.ProvisioningFailed(logger, ex.Message);
            return;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            Log.ProvisioningFailed(logger, $"could not run {x.ProsodyCtl}: {ex.Message}");
            return;
        }

        var changed = CountOccurrences(output, "OK: User password changed");
        var expected = options.Agents.Count + (x.FinesseUserPassword.Length > 0 ? 1 : 0);
        if (exitCode != 0 || changed != expected)
        {
            Log.ProvisioningFailed(logger,
                $"prosodyctl shell exited {exitCode.ToString(CultureInfo.InvariantCulture)} and confirmed {changed.ToString(CultureInfo.InvariantCulture)} of {expected.ToString(CultureInfo.InvariantCulture)} accounts; is prosody running with module admin_shell?");
            return;
        }

        var rosterBatches = RosterBatches(options);
        var rostersConfirmed = CountOccurrences(output, RosterConfirmation);
        if (rostersConfirmed != rosterBatches)
        {
            Log.RostersNotProvisioned(logger, rostersConfirmed, rosterBatches);
        }

        Log.AccountsProvisioned(logger, changed, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Agents per roster line of the script: one save of the finesse user's roster per line.</summary>
    public const int RosterBatchSize = 100;

    private const string RosterConfirmation = "rosters provisioned";

    private static int RosterBatches(EmulatorOptions options) =>
        options.Xmpp.FinesseUserPassword.Length > 0 ? (options.Agents.Count + RosterBatchSize - 1) / RosterBatchSize : 0;

    /// <summary>A minute, plus 50 ms per agent (prosody hashes each password twice: create, then set).</summary>
    public static TimeSpan ProvisioningTimeout(int agents) => TimeSpan.FromSeconds(60) + TimeSpan.FromMilliseconds(50.0 * agents);

    /// <summary>Two console commands per agent: create (fails harmlessly if it exists), then set the password.</summary>
    public static string BuildScript(EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sb = new StringBuilder();
        foreach (var a in options.Agents)
        {
            var jid = LuaString(a.LoginId + "@" + options.XmppDomain);
            var password = LuaString(a.Password);
            sb.Append("user:create(").Append(jid).Append(", ").Append(password).Append(")\n");
            sb.Append("user:password(").Append(jid).Append(", ").Append(password).Append(")\n");
        }

        if (options.Xmpp.FinesseUserPassword.Length > 0)
        {
            var jid = LuaString("finesse@" + options.XmppDomain);
            var password = LuaString(options.Xmpp.FinesseUserPassword);
            sb.Append("user:create(").Append(jid).Append(", ").Append(password).Append(")\n");
            sb.Append("user:password(").Append(jid).Append(", ").Append(password).Append(")\n");
            AppendRosters(sb, options);
        }

        return sb.ToString();
    }

    /// <summary>
    /// The presence subscriptions every agent session asks for at sign-in (agent sees the finesse user:
    /// "to" in the agent's roster, "from" in the finesse user's), written ahead in batches of
    /// <see cref="RosterBatchSize"/>: prosody stores a user's roster as one record, so granting them one
    /// by one at a shift start rewrites the finesse user's whole roster once per agent (quadratic; most of
    /// prosody's CPU per sign-in at 1,000 agents, docs/benchmarks.md). With the subscription in place an
    /// agent's request is answered at once and nothing is written. Raw Lua lines of prosody's admin console.
    /// </summary>
    private static void AppendRosters(StringBuilder sb, EmulatorOptions options)
    {
        var host = LuaString(options.XmppDomain);
        for (var first = 0; first < options.Agents.Count; first += RosterBatchSize)
        {
            sb.Append("> local rm = require \"core.rostermanager\"; local host = ").Append(host)
              .Append("; local fj = \"finesse@\" .. host; local f = rm.load_roster(\"finesse\", host); for _, u in ipairs({");
            foreach (var agent in options.Agents.Skip(first).Take(RosterBatchSize))
            {
                sb.Append(LuaString(agent.LoginId)).Append(',');
            }

            sb.Append("}) do local aj = u .. \"@\" .. host; local r = rm.load_roster(u, host); local i = r[fj] or { groups = {} }; ")
              .Append("i.subscription = (i.subscription == \"from\" or i.subscription == \"both\") and \"both\" or \"to\"; i.ask = nil; r[fj] = i; rm.save_roster(u, host, r); ")
              .Append("local g = f[aj] or { groups = {} }; g.subscription = (g.subscription == \"to\" or g.subscription == \"both\") and \"both\" or \"from\"; f[aj] = g; ")
              .Append("if f[false] and f[false].pending then f[false].pending[aj] = nil end end; rm.save_roster(\"finesse\", host, f); return \"")
              .Append(RosterConfirmation).Append("\"\n");
        }
    }

    /// <summary>A Lua string literal; every byte that is not a letter or digit becomes a decimal escape.</summary>
    public static string LuaString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder("\"");
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'@' or (byte)'.')
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('\\').Append(b.ToString("D3", CultureInfo.InvariantCulture));
            }
        }

        return sb.Append('"').ToString();
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
