using System.Globalization;

namespace SiebelCti.FinesseEmulator.Testing;

/// <summary>
/// The one description of the Finesse emulator's configuration used by the test projects
/// (compiled into each of them from tests/Shared): the standard cast (alice 5001 on 3001, bob 5002
/// on 3002, team Sales, reason codes Break and End of shift, wrap-up reason Sale, UCCE, sides A and
/// B on free loopback ports, REST only) and the changes tests make to it (other agents, one side,
/// notifications through the project's prosody). Keys are those of the emulator's README.
/// </summary>
public static class EmulatorTestConfig
{
    public const string AlicePassword = "pw-alice";
    public const string BobPassword = "pw-bob";

    /// <summary>The standard cast; callers change what their tests need.</summary>
    public static Dictionary<string, string?> Standard()
    {
        var config = new Dictionary<string, string?>
        {
            ["Emulator:DeploymentType"] = "UCCE",
            ["Emulator:XmppDomain"] = "finesse.test",
            ["Emulator:SideA:Urls:0"] = "http://127.0.0.1:0",
            ["Emulator:SideA:Host"] = "side-a.test",
            ["Emulator:SideB:Urls:0"] = "http://127.0.0.1:0",
            ["Emulator:SideB:Host"] = "side-b.test",
            ["Emulator:FarEndAnswerDelay"] = "00:00:02",
            ["Emulator:ReasonCodes:0:Id"] = "1",
            ["Emulator:ReasonCodes:0:Code"] = "10",
            ["Emulator:ReasonCodes:0:Label"] = "Break",
            ["Emulator:ReasonCodes:0:Category"] = "NOT_READY",
            ["Emulator:ReasonCodes:1:Id"] = "4",
            ["Emulator:ReasonCodes:1:Code"] = "20",
            ["Emulator:ReasonCodes:1:Label"] = "End of shift",
            ["Emulator:ReasonCodes:1:Category"] = "LOGOUT",
            ["Emulator:WrapUpReasons:0:Id"] = "1",
            ["Emulator:WrapUpReasons:0:Label"] = "Sale",
            ["Emulator:Xmpp:Enabled"] = "false",
            ["Emulator:Xmpp:AccountProvisioning"] = "None",
        };
        SetAgent(config, 0, new TestAgent("5001", AlicePassword, "3001") { LoginName = "alice", FirstName = "Alice" });
        SetAgent(config, 1, new TestAgent("5002", BobPassword, "3002") { LoginName = "bob" });
        return config;
    }

    /// <summary>Sets the agent at <paramref name="index"/> (replacing what was there).</summary>
    public static void SetAgent(Dictionary<string, string?> config, int index, TestAgent agent)
    {
        var at = "Emulator:Agents:" + index.ToString(CultureInfo.InvariantCulture);
        foreach (var key in config.Keys.Where(k => k.StartsWith(at + ":", StringComparison.Ordinal)).ToList())
        {
            config.Remove(key);
        }

        config[at + ":LoginId"] = agent.LoginId;
        config[at + ":Password"] = agent.Password;
        config[at + ":Extension"] = agent.Extension;
        Optional(config, at + ":TeamId", agent.TeamId);
        Optional(config, at + ":TeamName", agent.TeamName);
        Optional(config, at + ":LoginName", agent.LoginName);
        Optional(config, at + ":FirstName", agent.FirstName);
        Optional(config, at + ":WrapUpOnIncoming", agent.WrapUpOnIncoming);
        Optional(config, at + ":WrapUpOnOutgoing", agent.WrapUpOnOutgoing);
        for (var i = 0; i < agent.Roles.Count; i++)
        {
            config[$"{at}:Roles:{i.ToString(CultureInfo.InvariantCulture)}"] = agent.Roles[i];
        }
    }

    /// <summary>Serves side A only.</summary>
    public static void SingleSide(Dictionary<string, string?> config) => config["Emulator:SideB:Urls:0"] = null;

    /// <summary>
    /// Publishes notifications through the project's prosody (scripts/prosody.sh): its admin
    /// account, accounts provisioned through <c>prosodyctl shell</c> with the configuration under
    /// <paramref name="runDirectory"/> (SIEBELCTI_RUN).
    /// </summary>
    public static void ThroughProsody(Dictionary<string, string?> config, string host, int port, string domain, string runDirectory)
    {
        config["Emulator:XmppDomain"] = domain;
        config["Emulator:Xmpp:Enabled"] = "true";
        config["Emulator:Xmpp:Host"] = host;
        config["Emulator:Xmpp:Port"] = port.ToString(CultureInfo.InvariantCulture);
        config["Emulator:Xmpp:AdminUser"] = "admin";
        config["Emulator:Xmpp:AdminPassword"] = "admin-secret";
        config["Emulator:Xmpp:AccountProvisioning"] = "ProsodyShell";
        config["Emulator:Xmpp:ProsodyConfig"] = Path.Combine(runDirectory, "prosody", "prosody.cfg.lua");
    }

    private static void Optional(Dictionary<string, string?> config, string key, string? value)
    {
        if (value is not null)
        {
            config[key] = value;
        }
    }
}

/// <summary>An agent of the emulator's configuration (see <see cref="EmulatorTestConfig.SetAgent"/>).</summary>
public sealed record TestAgent(string LoginId, string Password, string Extension)
{
    /// <summary>Team Sales (10) unless set; null = no team.</summary>
    public string? TeamId { get; init; } = "10";

    public string? TeamName { get; init; } = "Sales";

    public string? LoginName { get; init; }

    public string? FirstName { get; init; }

    public string? WrapUpOnIncoming { get; init; }

    public string? WrapUpOnOutgoing { get; init; }

    /// <summary><c>Agent</c> and/or <c>Supervisor</c>; empty = the emulator's default (Agent). A supervisor supervises its own team.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];
}
