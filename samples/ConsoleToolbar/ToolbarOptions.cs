using System.Globalization;

namespace SiebelCti.ConsoleToolbar;

/// <summary>
/// The command line of the toolbar. Passwords never come from the command line (any user sees it in
/// <c>ps</c>): the agent's from <see cref="AgentPasswordVariable"/> or a prompt, the broker's from
/// <see cref="BrokerPasswordVariable"/> or a prompt. <see cref="ToString"/> leaves both out.
/// </summary>
internal sealed record ToolbarOptions(string Library, string BrokerUri, string? BrokerUser, string? BrokerPassword, string? BrokerCa,
    string AgentId, string Password, string Extension, string EmulatorUrl, string? ClientId, bool Script, TimeSpan Timeout)
{
    public const string AgentPasswordVariable = "SIEBELCTI_AGENT_PASSWORD";
    public const string BrokerPasswordVariable = "SIEBELCTI_BROKER_PASSWORD";

    public const string Usage = $"""
        usage: SiebelCti.ConsoleToolbar --broker <uri> --agent <id> --extension <ext>
               [--broker-user <user>] [--broker-ca <ca.pem>] [--client-id <id>]
               [--library artifacts/driver/libSiebelCtiDriver.so] [--emulator http://127.0.0.1:8082]
               [--script] [--timeout <seconds, default 30>]
        The agent's password comes from {AgentPasswordVariable} or a prompt, the broker user's from
        {BrokerPasswordVariable} or a prompt; never from the command line.
        """;

    private static readonly string[] Known = ["library", "broker", "broker-user", "broker-ca", "agent", "extension", "emulator", "client-id", "timeout"];

    /// <summary>
    /// Reads <paramref name="args"/>, the passwords from <paramref name="environment"/> or, when a
    /// variable is not set, from <paramref name="prompt"/> (null when there is nobody to ask); null
    /// and a message on standard error when something is wrong.
    /// </summary>
    public static ToolbarOptions? Parse(string[] args, Func<string, string?> environment, Func<string, string?> prompt)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var script = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--script")
            {
                script = true;
            }
            else if (args[i] is "--password" or "--broker-password" || args[i].StartsWith("--password=", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"{args[i].Split('=')[0]} is not accepted: a password on the command line is visible to every user (ps, /proc). " +
                    $"Set {AgentPasswordVariable} (agent) or {BrokerPasswordVariable} (broker), or type it at the prompt.");
                return null;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && Known.Contains(args[i][2..]) && i + 1 < args.Length)
            {
                values[args[i][2..]] = args[++i];
            }
            else
            {
                Console.Error.WriteLine($"unexpected argument '{args[i]}'");
                return null;
            }
        }

        string Get(string key, string fallback) => values.TryGetValue(key, out var v) ? v : fallback;
        if (!values.ContainsKey("broker") || !values.ContainsKey("agent") || !values.ContainsKey("extension"))
        {
            return null;
        }

        if (!int.TryParse(Get("timeout", "30"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 1)
        {
            Console.Error.WriteLine("--timeout must be a positive number of seconds");
            return null;
        }

        var password = Secret(environment, prompt, AgentPasswordVariable, $"Password of agent {values["agent"]}: ");
        if (password is null)
        {
            return null;
        }

        var brokerUser = values.GetValueOrDefault("broker-user");
        string? brokerPassword = null;
        if (brokerUser is not null)
        {
            brokerPassword = Secret(environment, prompt, BrokerPasswordVariable, $"Password of broker user {brokerUser}: ");
            if (brokerPassword is null)
            {
                return null;
            }
        }

        return new ToolbarOptions(Get("library", "artifacts/driver/libSiebelCtiDriver.so"), values["broker"], brokerUser, brokerPassword,
            values.GetValueOrDefault("broker-ca"), values["agent"], password, values["extension"], Get("emulator", "http://127.0.0.1:8082").TrimEnd('/'),
            values.GetValueOrDefault("client-id"), script, TimeSpan.FromSeconds(seconds));
    }

    /// <summary>The driver parameters of <c>CreateISCDriverInstance</c>.</summary>
    public List<KeyValuePair<string, string>> DriverParameters(TimeSpan requestTimeout)
    {
        List<KeyValuePair<string, string>> parameters =
        [
            new("BrokerUri", BrokerUri),
            new("RequestTimeout", requestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)),
        ];
        Add("BrokerUser", BrokerUser);
        Add("BrokerPassword", BrokerPassword);
        Add("BrokerTrustedCertificates", BrokerCa);
        // Without one the driver makes its own: <BrokerUser>.<host>-<pid>-<n>, a topic the broker lets that user read.
        Add("ClientId", ClientId);
        return parameters;

        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parameters.Add(new(name, value));
            }
        }
    }

    public override string ToString() =>
        $"ToolbarOptions {{ Broker = {BrokerUri}, BrokerUser = {BrokerUser ?? "(none)"}, Agent = {AgentId}, Extension = {Extension}, ClientId = {ClientId ?? "(driver default)"} }}";

    private static string? Secret(Func<string, string?> environment, Func<string, string?> prompt, string variable, string question)
    {
        if (environment(variable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        if (prompt(question) is { Length: > 0 } typed)
        {
            return typed;
        }

        Console.Error.WriteLine($"no password: set {variable}, or run on a terminal to be asked for it");
        return null;
    }
}

/// <summary>Asks for a secret on the terminal without echoing it; null when standard input is not a terminal.</summary>
internal static class SecretPrompt
{
    public static string? Read(string question)
    {
        if (Console.IsInputRedirected)
        {
            return null;
        }

        Console.Write(question);
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                text.Length = Math.Max(0, text.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
