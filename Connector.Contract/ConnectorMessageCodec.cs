using System.Text;
using System.Text.Json;

namespace SiebelCti.Connector.Contract;

/// <summary>
/// Turns contract messages into JSON bodies and back. Pure: no I/O, no logging. Decoding never
/// throws for bad input; it returns a <see cref="MessageDecodeResult"/> with a stable error code.
/// </summary>
public static class ConnectorMessageCodec
{
    /// <summary>The largest JSON body accepted or produced, in UTF-8 bytes.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Serializes the body of <paramref name="message"/>.</summary>
    /// <exception cref="MessageEncodeException">The body would exceed <see cref="MaxBodyBytes"/>.</exception>
    public static string Encode(ConnectorMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var json = JsonSerializer.Serialize(message, MessageTypes.TypeInfoOf(message));
        if (Encoding.UTF8.GetByteCount(json) > MaxBodyBytes)
        {
            throw new MessageEncodeException(
                ConnectorErrorCode.MessageTooLarge, $"{message.MessageType} body exceeds {MaxBodyBytes} bytes");
        }

        return json;
    }

    /// <summary>Reads a body of message type <paramref name="messageType"/> (the <c>JMSType</c>).</summary>
    public static MessageDecodeResult Decode(string? messageType, string? body)
    {
        if (string.IsNullOrEmpty(messageType))
        {
            return MessageDecodeResult.Fail(ConnectorErrorCode.MessageTypeMissing, "the message has no JMSType");
        }

        if (!MessageTypes.TryGetTypeInfo(messageType, out var typeInfo))
        {
            return MessageDecodeResult.Fail(ConnectorErrorCode.MessageTypeUnknown, $"unknown message type '{Truncate(messageType)}'");
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return MessageDecodeResult.Fail(ConnectorErrorCode.MessageMalformed, $"{messageType} has an empty body; a JSON object is required");
        }

        if (body.Length > MaxBodyBytes || Encoding.UTF8.GetByteCount(body) > MaxBodyBytes)
        {
            return MessageDecodeResult.Fail(ConnectorErrorCode.MessageTooLarge, $"{messageType} body exceeds {MaxBodyBytes} bytes");
        }

        try
        {
            if (JsonSerializer.Deserialize(body, typeInfo) is not ConnectorMessage message)
            {
                return MessageDecodeResult.Fail(ConnectorErrorCode.MessageMalformed, $"{messageType} body is not a JSON object");
            }

            if (message is ConnectorRequest request && request.Validate() is { Count: > 0 } problems)
            {
                return MessageDecodeResult.Fail(ConnectorErrorCode.MessageInvalid, $"{messageType}: {string.Join("; ", problems)}");
            }

            return MessageDecodeResult.Ok(message);
        }
        catch (JsonException ex)
        {
            // The exception text names the JSON path and position, never the values.
            var where = ex.Path is { Length: > 0 } path ? $" at {path}" : "";
            return MessageDecodeResult.Fail(ConnectorErrorCode.MessageMalformed, $"{messageType} body is not valid{where}: {FirstLine(ex.Message)}");
        }
    }

    private static string Truncate(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "…");

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}

/// <summary>The outcome of <see cref="ConnectorMessageCodec.Decode"/>.</summary>
public readonly record struct MessageDecodeResult(ConnectorMessage? Message, string? ErrorCode, string? ErrorMessage)
{
    public bool Success => Message is not null;

    internal static MessageDecodeResult Ok(ConnectorMessage message) => new(message, null, null);

    internal static MessageDecodeResult Fail(string code, string message) => new(null, code, message);
}

/// <summary>A message could not be encoded; <see cref="Code"/> is a stable <see cref="ConnectorErrorCode"/>.</summary>
public sealed class MessageEncodeException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
