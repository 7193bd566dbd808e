using System.Reflection;
using Microsoft.Extensions.Logging;

namespace SiebelCti.Tests.Shared;

/// <summary>
/// Checks an assembly's event-id table (a static class of <c>const int</c>, one per assembly:
/// <c>OpenWireEventIds</c>, <c>FinesseEventIds</c>, <c>EngineEventIds</c>, <c>ServiceEventIds</c>,
/// <c>DriverEventIds</c>) against its source-generated <c>[LoggerMessage]</c> methods. The attributes
/// name the constants, so the compiler keeps the numbers in step; this check keeps the rest: every
/// id in the assembly's range, no number used twice, every message named after its constant, every
/// constant used. Linked into every test project whose product assembly declares such methods.
/// </summary>
internal static class LogEventIdChecks
{
    /// <summary>Fails listing every problem <see cref="Problems"/> finds.</summary>
    public static void AssertMatchTheTable(Type table, int minId, int maxId)
    {
        var problems = Problems(table, minId, maxId);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>The constants of an event-id table: name and number.</summary>
    public static List<(string Name, int Id)> Ids(Type table) =>
        [.. table.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int))
            .Select(f => (f.Name, (int)f.GetRawConstantValue()!))];

    /// <summary>Every <c>[LoggerMessage]</c> method declared in <paramref name="assembly"/>, nested and non-public types included.</summary>
    public static List<(string Method, LoggerMessageAttribute Message)> Messages(Assembly assembly) =>
        [.. assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: $"{m.DeclaringType!.FullName}.{m.Name}", Message: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Message is not null)
            .Select(m => (m.Method, m.Message!))];

    /// <summary>
    /// One line per problem: a constant outside [<paramref name="minId"/>, <paramref name="maxId"/>] or
    /// sharing its number, a message without an event name or with a name that is not its constant's,
    /// a number two messages share, a constant no message uses.
    /// </summary>
    public static List<string> Problems(Type table, int minId, int maxId)
    {
        var ids = Ids(table);
        var messages = Messages(table.Assembly);
        var problems = new List<string>();
        if (ids.Count == 0)
        {
            problems.Add($"{table.FullName} holds no event id");
        }

        problems.AddRange(ids.Where(i => i.Id < minId || i.Id > maxId).Select(i => $"{table.Name}.{i.Name} = {i.Id} is outside {minId}-{maxId}"));
        problems.AddRange(ids.GroupBy(i => i.Id).Where(g => g.Count() > 1).Select(g => $"{table.Name}: {g.Key} is shared by {string.Join(", ", g.Select(i => i.Name))}"));
        var byName = ids.GroupBy(i => i.Name).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        foreach (var (method, message) in messages)
        {
            if (string.IsNullOrEmpty(message.EventName))
            {
                problems.Add($"{method}: id {message.EventId} has no EventName");
            }
            else if (!byName.TryGetValue(message.EventName, out var id))
            {
                problems.Add($"{method}: {message.EventName} is not in {table.Name}");
            }
            else if (id != message.EventId)
            {
                problems.Add($"{method}: {message.EventName} is {id} in {table.Name} but {message.EventId} here");
            }
        }

        problems.AddRange(messages.GroupBy(m => m.Message.EventId).Where(g => g.Count() > 1)
            .Select(g => $"id {g.Key} is shared by {string.Join(", ", g.Select(m => m.Method))}"));
        var used = messages.Select(m => m.Message.EventName).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(ids.Where(i => !used.Contains(i.Name)).Select(i => $"{table.Name}.{i.Name} is used by no [LoggerMessage]"));
        return problems;
    }
}
