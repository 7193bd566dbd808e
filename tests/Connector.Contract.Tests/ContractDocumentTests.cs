using System.Text.RegularExpressions;

namespace SiebelCti.Connector.Contract.Tests;

/// <summary>Keeps docs/protocols/connector-messages.md true: one example per type, each one valid.</summary>
public sealed partial class ContractDocumentTests
{
    [Fact]
    public void Every_message_type_has_exactly_one_example_and_every_example_decodes()
    {
        var examples = ReadExamples();

        Assert.Equal(MessageTypes.All.Order(StringComparer.Ordinal), examples.Select(e => e.Type).Order(StringComparer.Ordinal));
        Assert.All(examples, e =>
        {
            var result = ConnectorMessageCodec.Decode(e.Type, e.Json);
            Assert.True(result.Success, $"{e.Type}: {result.ErrorMessage}");
            Assert.Equal(e.Type, result.Message!.MessageType);
        });
    }

    private static List<(string Type, string Json)> ReadExamples()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "protocols", "connector-messages.md"));
        return ExampleRegex().Matches(text).Select(m => (m.Groups["type"].Value, m.Groups["json"].Value.Trim())).ToList();
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

    [GeneratedRegex(@"^### (?<type>\w+)\n(?:(?!```|#)[^\n]*\n)*```json\n(?<json>.*?)\n```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ExampleRegex();
}
