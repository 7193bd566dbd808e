using System.Threading.Channels;
using SiebelCti.Finesse.Xmpp;

namespace SiebelCti.Integration.Tests.Xmpp;

/// <summary>Records a client's events so tests can wait for a condition (with a generous timeout) instead of sleeping.</summary>
internal sealed class EventCollector
{
    private readonly Channel<object> _all = Channel.CreateUnbounded<object>();
    private readonly List<object> _seen = [];

    public EventCollector(XmppClient client)
    {
        client.PubSubEventReceived += (_, e) => _all.Writer.TryWrite(e);
        client.PresenceReceived += (_, e) => _all.Writer.TryWrite(e);
        client.StateChanged += (_, e) => _all.Writer.TryWrite(e);
    }

    public async Task<T> WaitForAsync<T>(Func<T, bool> predicate, TimeSpan? timeout = null)
        where T : class
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout ?? TimeSpan.FromSeconds(30));
        lock (_seen)
        {
            if (_seen.OfType<T>().FirstOrDefault(predicate) is { } earlier)
            {
                return earlier;
            }
        }

        try
        {
            while (true)
            {
                var next = await _all.Reader.ReadAsync(cts.Token);
                lock (_seen)
                {
                    _seen.Add(next);
                }

                if (next is T typed && predicate(typed))
                {
                    return typed;
                }
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            lock (_seen)
            {
                throw new TimeoutException($"No {typeof(T).Name} matched within the timeout; saw: {string.Join(", ", _seen.Select(Describe))}");
            }
        }
    }

    /// <summary>Every event of type <typeparamref name="T"/> read so far by <see cref="WaitForAsync{T}"/>.</summary>
    public IReadOnlyList<T> Seen<T>()
    {
        lock (_seen)
        {
            return [.. _seen.OfType<T>()];
        }
    }

    private static string Describe(object e) => e switch
    {
        PubSubEvent p => $"PubSubEvent({p.Node}, {p.ItemId})",
        XmppStateChangedEventArgs s => $"State({s.Previous}->{s.Current}, {s.Error?.Kind})",
        XmppPresenceEvent p => $"Presence({p.From}, {p.Type})",
        _ => e.GetType().Name,
    };
}
