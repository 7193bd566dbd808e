using System.Text.Json.Serialization;

namespace SiebelCti.Connector.Contract;

/// <summary>
/// One message of the Driver &lt;-&gt; Connector contract (docs/protocols/connector-messages.md).
/// The record's type name is the message type carried in <c>JMSType</c>; its properties are the
/// JSON body. Identity (agent, client, request id) travels in the <see cref="ConnectorEnvelope"/>.
/// </summary>
public abstract record ConnectorMessage
{
    /// <summary>The message type name: the value of <c>JMSType</c>.</summary>
    [JsonIgnore]
    public string MessageType => MessageTypes.NameOf(this);
}

/// <summary>A message the Driver sends to the Connector's request queue.</summary>
public abstract record ConnectorRequest : ConnectorMessage
{
    /// <summary>Problems that make this request invalid; empty when it may be sent.</summary>
    public virtual IReadOnlyList<string> Validate() => [];

    /// <summary>Appends a problem when <paramref name="value"/> is missing or blank.</summary>
    protected static void Require(List<string> problems, string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{field} is required");
        }
    }

    /// <summary>
    /// Appends a problem when <paramref name="value"/> (optional) is longer than <paramref name="maxLength"/> or holds
    /// characters that display as something else or nothing (control and format characters such as bidi overrides
    /// and zero-width ones, line and paragraph separators, lone surrogates).
    /// </summary>
    protected static void PlainText(List<string> problems, string? value, string field, int maxLength)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > maxLength)
        {
            problems.Add($"{field} is longer than {maxLength} characters");
        }
        else if (HasHiddenCharacters(value))
        {
            problems.Add($"{field} holds control or format characters");
        }
    }

    private static bool HasHiddenCharacters(string value)
    {
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            if (System.Text.Rune.DecodeFromUtf16(rest, out var rune, out var used) != System.Buffers.OperationStatus.Done
                || System.Text.Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                    or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator)
            {
                return true;
            }

            rest = rest[used..];
        }

        return false;
    }
}

/// <summary>A message the Connector publishes to a client destination (response or event).</summary>
public abstract record ConnectorEvent : ConnectorMessage;
