using System.Threading.Channels;
using SiebelCti.Connector.Contract;
using SiebelCti.Connector.Engine.Ports;

namespace SiebelCti.Connector.Engine;

/// <remarks>
/// How things reach the loop. Everything is written straight into one bounded work queue
/// (<see cref="EngineOptions.WorkQueueCapacity"/>), in the order it happened:
/// <list type="bullet">
/// <item>requests and Finesse notifications wait for room while the queue is full, which stops the
/// broker consumer and the XMPP sessions from reading further (backpressure; nothing is dropped);</item>
/// <item>a finished network operation waits for room the same way (it runs off the loop);</item>
/// <item>broker connectivity and the housekeeping tick are signals: a flag the loop takes in before
/// the next item it handles, plus a wake-up item when there is room. They never wait and are never
/// lost; two broker changes in a row are both seen (down, then up) even if the loop was busy;</item>
/// <item>what the loop itself schedules "after the work at hand" goes to <see cref="_next"/>, run
/// before the loop reads the queue again, so the loop never writes into its own full queue.</item>
/// </list>
/// </remarks>
public sealed partial class ConnectorEngine
{
    // Loop-owned: work the loop queued for itself, run right after the current item.
    private readonly Queue<Work> _next = new();

    // Written by any thread, taken by the loop.
    private int _signals;
    private readonly Lock _brokerGate = new();
    private bool _brokerLatest;
    private int _brokerChanges;
    private int _brokerChangesSeen;

    [Flags]
    private enum Signals
    {
        Tick = 1,
        Broker = 2,
    }

    private void Signal(Signals signal)
    {
        Interlocked.Or(ref _signals, (int)signal);
        // When the queue is full the loop is busy and takes the signal in before its next item anyway.
        _work.Writer.TryWrite(Work.Wake.Instance);
    }

    private void TakeSignals()
    {
        var signals = (Signals)Interlocked.Exchange(ref _signals, 0);
        if ((signals & Signals.Broker) != 0)
        {
            bool connected;
            int changes;
            lock (_brokerGate)
            {
                connected = _brokerLatest;
                changes = _brokerChanges - _brokerChangesSeen;
                _brokerChangesSeen = _brokerChanges;
            }

            // Changes that came while the loop was busy: a blip (down and up again, or the other way)
            // is never hidden, though several blips count as one.
            if (changes >= 2 && connected == _brokerConnected)
            {
                Run(new Work.Broker(!connected));
            }
            else if (changes >= 3)
            {
                Run(new Work.Broker(connected));
                Run(new Work.Broker(!connected));
            }

            Run(new Work.Broker(connected));
        }

        if ((signals & Signals.Tick) != 0)
        {
            Run(Work.Tick.Instance);
        }
    }

    /// <summary>Writes <paramref name="work"/> into the queue, waiting for room; false once the engine has stopped.</summary>
    private async ValueTask<bool> PostAsync(Work work, CancellationToken cancellationToken = default)
    {
        try
        {
            await _work.Writer.WriteAsync(work, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ChannelClosedException)
        {
            return false;
        }
    }

    /// <summary>The engine as its ports see it.</summary>
    private sealed class Input(ConnectorEngine engine) : IEngineInput
    {
        public async ValueTask RequestAsync(WireMessage request, CancellationToken cancellationToken) =>
            await engine.PostAsync(new Work.Request(request, engine.Now), cancellationToken).ConfigureAwait(false);

        public void BrokerConnectivity(bool connected)
        {
            lock (engine._brokerGate)
            {
                engine._brokerLatest = connected;
                engine._brokerChanges++;
            }

            engine.Signal(Signals.Broker);
        }

        public async ValueTask NotificationAsync(FinesseNotification notification, CancellationToken cancellationToken) =>
            await engine.PostAsync(new Work.Notification(notification, engine.Now), cancellationToken).ConfigureAwait(false);
    }
}
