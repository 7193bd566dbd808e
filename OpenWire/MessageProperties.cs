using System.Collections;

namespace SiebelCti.OpenWire;

/// <summary>
/// Typed JMS message properties: bool, byte, short, int, long, float, double, string and byte[].
/// Received messages may also carry char (exposed as a one-character string) and nested maps/lists.
/// </summary>
public sealed class MessageProperties : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    public int Count => _values.Count;

    public object? this[string name] => _values[name];

    public MessageProperties Set(string name, bool value) => Put(name, value);

    public MessageProperties Set(string name, byte value) => Put(name, value);

    public MessageProperties Set(string name, short value) => Put(name, value);

    public MessageProperties Set(string name, int value) => Put(name, value);

    public MessageProperties Set(string name, long value) => Put(name, value);

    public MessageProperties Set(string name, float value) => Put(name, value);

    public MessageProperties Set(string name, double value) => Put(name, value);

    public MessageProperties Set(string name, string value) => Put(name, value ?? throw new ArgumentNullException(nameof(value)));

    public MessageProperties Set(string name, byte[] value) => Put(name, value ?? throw new ArgumentNullException(nameof(value)));

    public bool Remove(string name) => _values.Remove(name);

    public bool ContainsKey(string name) => _values.ContainsKey(name);

    public bool TryGetValue(string name, out object? value) => _values.TryGetValue(name, out value);

    /// <summary>The value if present and of type <typeparamref name="T"/>; default otherwise.</summary>
    public T? Get<T>(string name) => _values.TryGetValue(name, out var v) && v is T t ? t : default;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void PutReceived(string name, object? value) => _values[name] = value is char c ? c.ToString() : value;

    private MessageProperties Put(string name, object value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _values[name] = value;
        return this;
    }
}
