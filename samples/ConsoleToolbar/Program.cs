using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using SiebelCti.ConsoleToolbar;

// A console stand-in for the Siebel communications toolbar: it loads the real native driver through
// the Siebel C API and prints every callback. See README.md.
var options = ToolbarOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(ToolbarOptions.Usage);
    return 2;
}

NativeDriver driver;
try
{
    driver = new NativeDriver(options.Library);
}
catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
{
    Console.Error.WriteLine($"cannot load the driver {options.Library}: {ex.Message}");
    return 2;
}

var seen = new BlockingCollection<DriverEvent>();
var printer = Task.Run(() =>
{
    foreach (var e in NativeDriver.Events.GetConsumingEnumerable())
    {
        Console.WriteLine($"  <- {e}");
        seen.Add(e);
    }
});

Console.WriteLine($"APIVersion = {driver.ApiVersion()}");
var rc = driver.CreateDriver([
    new("BrokerUri", options.BrokerUri),
    new("ClientId", options.ClientId),
    new("RequestTimeout", "15"),
]);
Console.WriteLine($"CreateISCDriverInstance = {rc}");
if (rc != 0)
{
    return 1;
}
var (listRc, commands, events) = driver.CommandEventList();
Console.WriteLine($"RequestCommandEventList = {listRc}: commands {string.Join(',', commands)}; events {string.Join(',', events)}");
rc = driver.RequestService([new("AgentId", options.AgentId), new("Extension", options.Extension)]);
Console.WriteLine($"RequestService = {rc}");
if (rc != 0)
{
    driver.ReleaseDriver();
    return 1;
}

int exit;
try
{
    exit = options.Script
        ? await new ScriptTour(driver, seen, options).RunAsync()
        : Interactive.Run(driver, options);
}
finally
{
    Console.WriteLine($"ReleaseISCServiceInstance = {driver.ReleaseService()}");
    Console.WriteLine($"ReleaseISCDriverInstance = {driver.ReleaseDriver()}");
    NativeDriver.Events.CompleteAdding();
    await printer;
}
return exit;

namespace SiebelCti.ConsoleToolbar
{
    /// <summary>The command line of the toolbar.</summary>
    internal sealed record ToolbarOptions(string Library, string BrokerUri, string AgentId, string Password, string Extension,
        string EmulatorUrl, string ClientId, bool Script, TimeSpan Timeout)
    {
        public const string Usage = """
            usage: SiebelCti.ConsoleToolbar --broker <uri> --agent <id> --password <pin> --extension <ext>
                   [--library artifacts/driver/libSiebelCtiDriver.so] [--emulator http://127.0.0.1:8082]
                   [--client-id ConsoleToolbar] [--script] [--timeout <seconds, default 30>]
            """;

        public static ToolbarOptions? Parse(string[] args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var script = false;
            for (var i = 0; i < args.Length; i++)
            {
                if (args[i] == "--script")
                {
                    script = true;
                }
                else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
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
            if (!values.ContainsKey("broker") || !values.ContainsKey("agent") || !values.ContainsKey("password") || !values.ContainsKey("extension"))
            {
                return null;
            }
            if (!int.TryParse(Get("timeout", "30"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 1)
            {
                Console.Error.WriteLine("--timeout must be a positive number of seconds");
                return null;
            }
            return new ToolbarOptions(Get("library", "artifacts/driver/libSiebelCtiDriver.so"), values["broker"], values["agent"],
                values["password"], values["extension"], Get("emulator", "http://127.0.0.1:8082").TrimEnd('/'),
                Get("client-id", "ConsoleToolbar"), script, TimeSpan.FromSeconds(seconds));
        }
    }

    /// <summary>The prompt: one line, one Siebel command.</summary>
    internal static class Interactive
    {
        public static int Run(NativeDriver driver, ToolbarOptions options)
        {
            Console.WriteLine("commands: login, ready, notready <code>, answer, hold, retrieve, release, call <number>, consult <number>,");
            Console.WriteLine("          transfer, conference, blind <number>, dtmf <digits>, attach key=value, wrapup <reason>, logout [code], quit");
            while (true)
            {
                Console.Write("toolbar> ");
                var line = Console.ReadLine();
                if (line is null)
                {
                    return 0;
                }
                var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (parts.Length == 0)
                {
                    continue;
                }
                var arg = parts.Length > 1 ? parts[1] : "";
                if (parts[0] == "quit")
                {
                    return 0;
                }
                var command = Map(parts[0], arg, options);
                if (command is null)
                {
                    Console.WriteLine($"unknown command or missing argument: {line}");
                    continue;
                }
                var (tracking, rc) = driver.Invoke(command.Value.Name, command.Value.Parameters);
                Console.WriteLine($"  -> InvokeCommand {command.Value.Name} [{tracking}] = {rc}");
            }
        }

        public static (string Name, List<KeyValuePair<string, string>> Parameters)? Map(string verb, string arg, ToolbarOptions o)
        {
            List<KeyValuePair<string, string>> P(params (string Key, string Value)[] items) => [.. items.Select(i => KeyValuePair.Create(i.Key, i.Value))];
            var hasArg = arg.Length > 0;
            return verb switch
            {
                "login" => ("LogIn", P(("AgentId", o.AgentId), ("AgentPin", o.Password), ("Extension", o.Extension))),
                "ready" => ("ChangeReadyState", P()),
                "notready" => ("ChangeNotReadyState", hasArg ? P(("ReasonCode", arg)) : P()),
                "answer" => ("AnswerCall", P()),
                "hold" => ("HoldCall", P()),
                "retrieve" => ("RetrieveCall", P()),
                "release" => ("ReleaseCall", P()),
                "call" when hasArg => ("MakeCall", P(("PhoneNumber", arg))),
                "consult" when hasArg => ("ConsultCall", P(("PhoneNumber", arg))),
                "transfer" => ("TransferComplete", P()),
                "conference" => ("ConferenceComplete", P()),
                "blind" when hasArg => ("BlindTransfer", P(("PhoneNumber", arg))),
                "dtmf" when hasArg => ("SendDTMF", P(("Digits", arg))),
                "attach" when arg.Contains('=', StringComparison.Ordinal) => ("AttachData", P((arg[..arg.IndexOf('=', StringComparison.Ordinal)], arg[(arg.IndexOf('=', StringComparison.Ordinal) + 1)..]))),
                "wrapup" when hasArg => ("SetWrapUp", P(("ReasonCode", arg))),
                "logout" => ("LogOut", hasArg ? P(("ReasonCode", arg)) : P()),
                _ => null,
            };
        }
    }

    /// <summary>The unattended tour: each step sends a command and waits for the event that proves it worked.</summary>
    internal sealed class ScriptTour(NativeDriver driver, BlockingCollection<DriverEvent> seen, ToolbarOptions options)
    {
        private readonly List<string> _lateErrors = [];

        public async Task<int> RunAsync()
        {
            // The driver opens its broker link in the background; wait until the connector reports in.
            Expect("HandleEvent", "ConnectorStatus", e => e.Field("Status") == "IN_SERVICE", null);

            var steps = new List<Func<Task<bool>>>
            {
                () => Step("login", "", "AgentStateChanged", e => e.Field("AgentState") == "NOT_READY"),
                () => Step("ready", "", "AgentStateChanged", e => e.Field("AgentState") == "READY"),
                async () => await InjectCallAsync() && Expect("HandleEvent", "CallRinging", null, null),
                () => Step("answer", "", "CallEstablished", null),
                () => Step("hold", "", "CallHeld", null),
                () => Step("retrieve", "", "CallRetrieved", null),
                () => Step("dtmf", "1234", null, null),
                () => Step("attach", "callVariable2=DEMO-42", "CallDataChanged", e => e.Field("callVariable2") == "DEMO-42"),
                // With wrap-up the dialog stays until wrap-up ends: CallReleased, or the agent in WORK_READY, proves the release.
                () => Step("release", "", "CallReleased|AgentStateChanged", e => e.Name == "CallReleased" || e.Field("AgentState") == "WORK_READY"),
                () => Step("wrapup", "Sale", null, null),
                () => Step("notready", "10", "AgentStateChanged", e => e.Field("AgentState") == "NOT_READY"),
                () => Step("logout", "20", "AgentStateChanged", e => e.Field("AgentState") == "LOGOUT"),
            };
            for (var i = 0; i < steps.Count; i++)
            {
                if (!await steps[i]())
                {
                    Console.WriteLine($"SCRIPT FAILED at step {i + 1}");
                    return 1;
                }
            }
            foreach (var late in _lateErrors)
            {
                Console.WriteLine($"  !! late error of an earlier command: {late}");
            }
            Console.WriteLine($"SCRIPT PASSED: every step's event arrived ({_lateErrors.Count} late errors of earlier commands)");
            return 0;
        }

        private Task<bool> Step(string verb, string arg, string? expectedEvent, Func<DriverEvent, bool>? predicate)
        {
            var command = Interactive.Map(verb, arg, options)!.Value;
            var (tracking, rc) = driver.Invoke(command.Name, command.Parameters);
            Console.WriteLine($"  -> InvokeCommand {command.Name} [{tracking}] = {rc}");
            if (rc != 0)
            {
                return Task.FromResult(false);
            }
            return Task.FromResult(expectedEvent is null
                ? Expect("HandleEvent", "AgentStateChanged", null, tracking, quietFor: TimeSpan.FromSeconds(1))
                : Expect("HandleEvent", expectedEvent, predicate, tracking));
        }

        /// <summary>
        /// Waits for the event; a <c>HandleError</c> for <paramref name="tracking"/> fails the step. With
        /// <paramref name="quietFor"/> the step only checks that no error arrives within that time.
        /// </summary>
        private bool Expect(string kind, string name, Func<DriverEvent, bool>? predicate, string? tracking, TimeSpan? quietFor = null)
        {
            var deadline = Environment.TickCount64 + (long)(quietFor ?? options.Timeout).TotalMilliseconds;
            while (true)
            {
                var left = deadline - Environment.TickCount64;
                if (left <= 0 || !seen.TryTake(out var e, TimeSpan.FromMilliseconds(left)))
                {
                    if (quietFor is not null)
                    {
                        return true;
                    }
                    Console.WriteLine($"  !! timed out after {options.Timeout.TotalSeconds}s waiting for {kind} {name}");
                    return false;
                }
                if (e.Kind == "HandleError" && tracking is not null && e.Name == tracking)
                {
                    Console.WriteLine($"  !! the command failed: {e.Field("Error")}");
                    return false;
                }
                if (e.Kind == "HandleError")
                {
                    _lateErrors.Add($"[{e.Name}] {e.Field("Error")}");
                }
                if (quietFor is null && e.Kind == kind && name.Split('|').Contains(e.Name) && (predicate is null || predicate(e)))
                {
                    return true;
                }
            }
        }

        private async Task<bool> InjectCallAsync()
        {
            using var http = new HttpClient { Timeout = options.Timeout };
            var body = $$$"""{"extension":"{{{options.Extension}}}","ani":"0612345678","dnis":"8000","callVariables":{"callVariable1":"ACC-1"}}""";
            try
            {
                using var response = await http.PostAsync(new Uri($"{options.EmulatorUrl}/emulator/calls"),
                    new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")));
                Console.WriteLine($"  -> POST {options.EmulatorUrl}/emulator/calls = {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException ex)
            {
                Console.WriteLine($"  !! cannot reach the emulator: {ex.Message}");
                return false;
            }
        }
    }
}
