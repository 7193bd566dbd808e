using SiebelCti.Driver.Services;

namespace SiebelCti.Driver.Tests;

/// <summary>
/// Keeps samples/siebel/SiebelCtiDriver.def consistent with the driver and with the syntax of
/// Oracle's examples: every device command and event is one the driver reports, every command is
/// reachable (toolbar group, menu or hot key), every reference resolves, field names with spaces
/// are quoted, reason codes are code numbers, and no event response names one event log twice.
/// </summary>
public sealed class SiebelDefTests
{
    private static readonly Dictionary<string, List<KeyValuePair<string, string>>> Sections = Load();

    private static Dictionary<string, List<KeyValuePair<string, string>>> Load()
    {
        var sections = new Dictionary<string, List<KeyValuePair<string, string>>>(StringComparer.Ordinal);
        List<KeyValuePair<string, string>>? current = null;
        foreach (var raw in File.ReadAllLines(Path.Combine(RepositoryRoot(), "samples", "siebel", "SiebelCtiDriver.def")))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith(';'))
            {
                continue;
            }
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                sections.Add(line[1..^1], current = []);
                continue;
            }
            var eq = line.IndexOf(" = ", StringComparison.Ordinal);
            Assert.True(eq > 0 && current is not null, $"not 'Name = \"value\"': {line}");
            var value = line[(eq + 3)..];
            Assert.True(value.Length >= 2 && value[0] == '"' && value[^1] == '"', $"value not quoted: {line}");
            current!.Add(new(line[..eq], value[1..^1]));
        }
        return sections;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SiebelCtiDriver.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("SiebelCtiDriver.sln not found above the test directory");
    }

    private static IEnumerable<(string Name, List<KeyValuePair<string, string>> Values)> Of(string kind) =>
        Sections.Where(s => s.Key.StartsWith(kind + ":", StringComparison.Ordinal)).Select(s => (s.Key[(kind.Length + 1)..], s.Value));

    private static string? Value(List<KeyValuePair<string, string>> values, string name) =>
        values.FirstOrDefault(v => v.Key == name).Value;

    [Fact]
    public void Device_commands_and_events_are_those_the_driver_reports()
    {
        Assert.All(Of("Command"), c =>
        {
            if (Value(c.Values, "DeviceCommand") is { } device)
            {
                Assert.Contains(device, CommandMapping.Commands);
            }
        });
        Assert.All(Of("EventHandler"), h => Assert.Contains(Value(h.Values, "DeviceEvent")!, CommandMapping.Events));
        Assert.Equal(CommandMapping.Commands.Order(), Of("Command").Select(c => Value(c.Values, "DeviceCommand")).OfType<string>().Distinct().Order());
    }

    [Fact]
    public void Every_command_is_reachable_from_a_toolbar_group_a_menu_or_a_hot_key()
    {
        var subCommands = Of("Command").SelectMany(c => c.Values.Where(v => v.Key.StartsWith("SubCommand_", StringComparison.Ordinal)).Select(v => v.Value)).ToHashSet();

        Assert.All(Of("Command"), c =>
        {
            var visible = Value(c.Values, "Hidden") != "TRUE" || Value(c.Values, "MenuPosition") is not null || Value(c.Values, "HotKey") is not null;
            Assert.True(visible || subCommands.Contains(c.Name) || c.Name.EndsWith("Group", StringComparison.Ordinal), $"{c.Name} cannot be reached");
        });
        Assert.All(subCommands, s => Assert.True(Sections.ContainsKey("Command:" + s), $"SubCommand {s} is not defined"));
    }

    [Fact]
    public void Every_reference_resolves()
    {
        Assert.All(Of("Command"), c =>
        {
            if (Value(c.Values, "CmdData") is { } data)
            {
                Assert.True(Sections.ContainsKey("CmdData:" + data), $"{c.Name}: CmdData {data} is not defined");
            }
        });
        Assert.All(Of("EventHandler"), h => Assert.True(Sections.ContainsKey("EventResponse:" + Value(h.Values, "Response")), $"{h.Name}: no response"));
        Assert.All(Of("EventResponse"), r => Assert.All(r.Values.Where(v => v.Key.EndsWith("Log", StringComparison.Ordinal)),
            log => Assert.True(Sections.ContainsKey("EventLog:" + log.Value), $"{r.Name}: {log.Key} {log.Value} is not defined")));
    }

    [Fact]
    public void An_event_response_names_each_event_log_once()
    {
        // Oracle: an event response must not specify one event log under two log types (the import fails).
        Assert.All(Of("EventResponse"), r =>
        {
            var logs = r.Values.Where(v => v.Key.EndsWith("Log", StringComparison.Ordinal)).Select(v => v.Value).ToList();
            Assert.Equal(logs.Count, logs.Distinct().Count());
        });
    }

    [Fact]
    public void Field_names_with_spaces_are_quoted_as_Oracle_writes_them()
    {
        Assert.All(Sections.SelectMany(s => s.Value), v =>
        {
            var dot = v.Key.IndexOf('.', StringComparison.Ordinal);
            var field = dot < 0 ? null : v.Key[(dot + 1)..];
            if (field is not null && field.Contains(' ', StringComparison.Ordinal))
            {
                Assert.True(field.StartsWith('\'') && field.EndsWith('\''), $"unquoted field name with spaces: {v.Key}");
            }
        });
        Assert.DoesNotContain(Sections.SelectMany(s => s.Value), v => v.Key == "FindField.CSN"); // CSN is a field of Oracle's Service Request example, not of Contact
    }

    [Fact]
    public void Not_Ready_and_Sign_Off_offer_reason_codes_by_number_and_the_buttons_fall_back_to_the_driver_defaults()
    {
        var reasons = Of("CmdData").SelectMany(d => d.Values).Where(v => v.Key == "Param.ReasonCode").Select(v => v.Value).ToList();
        var notReadyMenu = Sections["Command:NotReadyGroupInMenu"].Where(v => v.Key.StartsWith("SubCommand_", StringComparison.Ordinal)).ToList();
        var parameters = Sections["Driver Parameters:SiebelCti Finesse"];

        Assert.All(reasons, r => Assert.True(r.Length == 0 || r.All(char.IsAsciiDigit) || r.StartsWith("{@", StringComparison.Ordinal), $"ReasonCode '{r}'"));
        Assert.True(notReadyMenu.Count >= 2);
        Assert.All(notReadyMenu, s => Assert.Equal("ChangeNotReadyState", Value(Sections["Command:" + s.Value], "DeviceCommand")));
        Assert.All(notReadyMenu, s => Assert.Matches("^[0-9]+$", Value(Sections["CmdData:" + Value(Sections["Command:" + s.Value], "CmdData")], "Param.ReasonCode")!));
        Assert.Equal("", Value(Sections["CmdData:ChangeNotReadyStateCmd"], "Param.ReasonCode"));
        Assert.Matches("^[0-9]+$", Value(parameters, "Driver:NotReadyReasonCode")!);
        Assert.Matches("^[0-9]+$", Value(parameters, "Driver:LogoutReasonCode")!);
        Assert.Equal("NotReady", Value(parameters, "Driver:ReleaseAction"));
    }
}
