using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using SiebelCti.ConsoleToolbar;

// A console stand-in for the Siebel communications toolbar: it loads the real native driver through
// the Siebel C API and prints every callback. See README.md.
var options = ToolbarOptions.Parse(args, Environment.GetEnvironmentVariable, SecretPrompt.Read);
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
var rc = driver.CreateDriver(options.DriverParameters(ScriptTour.RequestTimeout));
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

    /// <summary>
    /// The unattended tour: each step sends a command and waits for the event that proves it worked.
    /// Any error event (<c>HandleError</c>, <c>CommandFailed</c>), whenever it arrives, fails the tour:
    /// after the last step it keeps taking events until every request it sent must have been answered.
    /// </summary>
    internal sealed class ScriptTour(NativeDriver driver, BlockingCollection<DriverEvent> seen, ToolbarOptions options)
    {
        /// <summary>The driver's <c>RequestTimeout</c>: by then every request has its effect, an Error, or the driver's timeout error.</summary>
        public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

        // The driver checks for overdue requests at least once a second.
        private static readonly TimeSpan TimeoutCheckSlack = TimeSpan.FromSeconds(2);

        private readonly List<string> _errors = [];
        private long _lastCommandAt = Environment.TickCount64;

        public async Task<int> RunAsync()
        {
            var steps = new List<(string Name, Func<Task<bool>> Run)>
            {
                // The driver opens its broker link in the background; wait until the connector reports in.
                ("connector in service", () => Task.FromResult(Expect("HandleEvent", "ConnectorStatus", e => e.Field("Status") == "IN_SERVICE", null))),
                ("login", () => Step("login", "", "AgentStateChanged", e => e.Field("AgentState") == "NOT_READY")),
                ("ready", () => Step("ready", "", "AgentStateChanged", e => e.Field("AgentState") == "READY")),
                ("inbound call", async () => await InjectCallAsync() && Expect("HandleEvent", "CallRinging", null, null)),
                ("answer", () => Step("answer", "", "CallEstablished", null)),
                ("hold", () => Step("hold", "", "CallHeld", null)),
                ("retrieve", () => Step("retrieve", "", "CallRetrieved", null)),
                // SendDTMF and SetWrapUp raise no Siebel event on success; a failure is an error event, which the final drain catches.
                ("dtmf", () => Step("dtmf", "1234", null, null)),
                ("attach", () => Step("attach", "callVariable2=DEMO-42", "CallDataChanged", e => e.Field("callVariable2") == "DEMO-42")),
                // With wrap-up the dialog stays until wrap-up ends: CallReleased, or the agent in WORK_READY, proves the release.
                ("release", () => Step("release", "", "CallReleased|AgentStateChanged", e => e.Name == "CallReleased" || e.Field("AgentState") == "WORK_READY")),
                ("wrapup", () => Step("wrapup", "Sale", null, null)),
                ("notready", () => Step("notready", "10", "AgentStateChanged", e => e.Field("AgentState") == "NOT_READY")),
                ("logout", () => Step("logout", "20", "AgentStateChanged", e => e.Field("AgentState") == "LOGOUT")),
            };
            for (var i = 0; i < steps.Count; i++)
            {
                if (!await steps[i].Run())
                {
                    ReportErrors();
                    Console.WriteLine($"SCRIPT FAILED at step {i + 1} ({steps[i].Name})");
                    return 1;
                }
            }

            var drained = Drain();
            if (_errors.Count > 0)
            {
                ReportErrors();
                Console.WriteLine($"SCRIPT FAILED: every step's event arrived, but {_errors.Count} error event(s) arrived too (listed above)");
                return 1;
            }
            Console.WriteLine($"SCRIPT PASSED: every step's event arrived and no error event arrived (drained {drained} more events until every request's answer was due)");
            return 0;
        }

        private static bool IsError(DriverEvent e) => e.Kind == "HandleError" || (e.Kind == "HandleEvent" && e.Name == "CommandFailed");

        private void ReportErrors()
        {
            foreach (var error in _errors)
            {
                Console.WriteLine($"  !! error event: {error}");
            }
        }

        /// <summary>
        /// Takes events until the answer (or the driver's timeout error) of the last request is due,
        /// recording every error event. Waits on the event queue only: nothing is judged by sleeping.
        /// </summary>
        private int Drain()
        {
            var until = _lastCommandAt + (long)(RequestTimeout + TimeoutCheckSlack).TotalMilliseconds;
            Console.WriteLine($"  .. waiting up to {Math.Max(0, until - Environment.TickCount64) / 1000.0:0.#}s for late answers of earlier requests");
            var count = 0;
            while (true)
            {
                var left = until - Environment.TickCount64;
                if (left <= 0 || !seen.TryTake(out var e, TimeSpan.FromMilliseconds(left)))
                {
                    return count;
                }
                count++;
                Record(e);
            }
        }

        private void Record(DriverEvent e)
        {
            if (IsError(e))
            {
                _errors.Add(e.ToString());
            }
        }

        private Task<bool> Step(string verb, string arg, string? expectedEvent, Func<DriverEvent, bool>? predicate)
        {
            var command = Interactive.Map(verb, arg, options)!.Value;
            var (tracking, rc) = driver.Invoke(command.Name, command.Parameters);
            _lastCommandAt = Environment.TickCount64;
            Console.WriteLine($"  -> InvokeCommand {command.Name} [{tracking}] = {rc}");
            if (rc != 0)
            {
                return Task.FromResult(false);
            }
            return Task.FromResult(expectedEvent is null || Expect("HandleEvent", expectedEvent, predicate, tracking));
        }

        /// <summary>
        /// Waits for the event, recording every error event on the way; a <c>HandleError</c> for
        /// <paramref name="tracking"/> fails the step at once.
        /// </summary>
        private bool Expect(string kind, string name, Func<DriverEvent, bool>? predicate, string? tracking)
        {
            var deadline = Environment.TickCount64 + (long)options.Timeout.TotalMilliseconds;
            while (true)
            {
                var left = deadline - Environment.TickCount64;
                if (left <= 0 || !seen.TryTake(out var e, TimeSpan.FromMilliseconds(left)))
                {
                    Console.WriteLine($"  !! timed out after {options.Timeout.TotalSeconds}s waiting for {kind} {name}");
                    return false;
                }
                Record(e);
                if (e.Kind == "HandleError" && tracking is not null && e.Name == tracking)
                {
                    Console.WriteLine($"  !! the command failed: {e.Field("Error")}");
                    return false;
                }
                if (e.Kind == kind && name.Split('|').Contains(e.Name) && (predicate is null || predicate(e)))
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
