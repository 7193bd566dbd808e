using System.Reflection;
using Microsoft.Extensions.Logging;
using SiebelCti.Connector.Diagnostics;

namespace SiebelCti.Tests.Shared;

/// <summary>
/// Checks the source-generated <c>[LoggerMessage]</c> methods of an assembly against the central
/// table <see cref="EventIds"/>: the attributes repeat the number and name by hand (an attribute
/// argument cannot read a static field), so a test must keep the two in step. Linked into every
/// test project whose product assembly declares such methods.
/// </summary>
internal static class LogEventIdChecks
{
    /// <summary>Fails listing every problem <see cref="Problems"/> finds.</summary>
    public static void AssertMatchTheTable(Assembly assembly, int minId, int maxId)
    {
        var problems = Problems(assembly, minId, maxId);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>Every <c>[LoggerMessage]</c> method declared in <paramref name="assembly"/>, nested and non-public types included.</summary>
    public static List<(string Method, LoggerMessageAttribute Message)> Messages(Assembly assembly) =>
        [.. assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: $"{m.DeclaringType!.FullName}.{m.Name}", Message: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Message is not null)
            .Select(m => (m.Method, m.Message!))];

    /// <summary>
    /// One line per problem: a message without an event name, a name not in <see cref="EventIds"/>,
    /// a number that differs from the table's, a number outside the assembly's range
    /// [<paramref name="minId"/>, <paramref name="maxId"/>], or a number two messages share.
    /// </summary>
    public static List<string> Problems(Assembly assembly, int minId, int maxId)
    {
        var table = typeof(EventIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(EventId))
            .Select(f => (EventId)f.GetValue(null)!)
            .ToDictionary(e => e.Name!, e => e.Id, StringComparer.Ordinal);
        var messages = Messages(assembly);
        var problems = new List<string>();
        if (messages.Count == 0)
        {
            problems.Add($"{assembly.GetName().Name} declares no [LoggerMessage] method");
        }

        foreach (var (method, message) in messages)
        {
            if (string.IsNullOrEmpty(message.EventName))
            {
                problems.Add($"{method}: id {message.EventId} has no EventName");
            }
            else if (!table.TryGetValue(message.EventName, out var id))
            {
                problems.Add($"{method}: {message.EventName} is not in EventIds");
            }
            else if (id != message.EventId)
            {
                problems.Add($"{method}: {message.EventName} is {id} in EventIds but {message.EventId} here");
            }

            if (message.EventId < minId || message.EventId > maxId)
            {
                problems.Add($"{method}: id {message.EventId} is outside {minId}-{maxId}");
            }
        }

        problems.AddRange(messages.GroupBy(m => m.Message.EventId).Where(g => g.Count() > 1)
            .Select(g => $"id {g.Key} is shared by {string.Join(", ", g.Select(m => m.Method))}"));
        return problems;
    }
}
