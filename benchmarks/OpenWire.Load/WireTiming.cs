using System.Globalization;
using System.Text;
using SiebelCti.OpenWire.Codec;

namespace SiebelCti.OpenWire.Load;

/// <summary>
/// Splits each persistent send seen on the wire into the broker's part and the client's part (issue #14):
/// with one send in flight, broker = send frame out -> its Response back, client = that Response -> the
/// connection's next send frame; with several in flight, the interval between consecutive Responses is the
/// broker's time per send with work waiting. Both clients are timed at the same place (the loopback device),
/// so the client's part holds everything it does between a receipt and its next send: wake-up, completion,
/// building and encoding the next message, the write.
/// </summary>
internal static class WireTiming
{
    /// <summary>One line per connection and phase; a phase starts with the producers created before its first send
    /// (the "sends" mode: warm-up, p1, pc, p4; its np phase sends without receipts and is not timed here).</summary>
    public static IReadOnlyList<string> Describe(IReadOnlyList<(int ClientPort, List<WireFrame> Frames)> connections, bool tight)
    {
        string[] names = ["warm", "p1", "pc", "p4"];
        var lines = new List<string>();
        foreach (var (port, frames) in connections)
        {
            var (client, phases) = Measure(frames, tight);
            var timed = phases.Where(p => p.Sends >= 100).ToList();
            for (var i = 0; i < timed.Count; i++)
            {
                var t = timed[i];
                var name = timed.Count == names.Length ? names[i] : $"phase {i + 1}";
                var line = string.Create(CultureInfo.InvariantCulture, $"{client,-4} {port,5} {name,-5} sends={t.Sends,5}");
                if (t.Broker.Count >= 50)
                {
                    var share = Mean(t.Gap) / (Mean(t.Gap) + Mean(t.Broker));
                    line += string.Create(CultureInfo.InvariantCulture,
                        $"  one in flight (n={t.Broker.Count,4}): broker p50 {Median(t.Broker),4:F0} mean {Mean(t.Broker),4:F0} us, client p50 {Median(t.Gap),4:F0} mean {Mean(t.Gap),4:F0} us, client share {share,4:P0}");
                }

                if (t.Busy.Count >= 50)
                {
                    line += string.Create(CultureInfo.InvariantCulture,
                        $"  several in flight (n={t.Busy.Count,4}): broker p50 {Median(t.Busy),4:F0} mean {Mean(t.Busy),4:F0} us per receipt");
                }

                lines.Add(line);
            }
        }

        return lines;
    }

    private sealed class Phase
    {
        public int Sends { get; set; }

        public List<double> Broker { get; } = [];

        public List<double> Gap { get; } = [];

        public List<double> Busy { get; } = [];
    }

    private static (string Client, List<Phase> Phases) Measure(List<WireFrame> frames, bool tight)
    {
        var client = "java";
        var sent = new Dictionary<int, (double Seconds, bool Alone, bool Message)>();
        var phases = new List<Phase> { new() };
        var sentSinceLastReceipt = 0;
        double? lastReceipt = null;
        var workLeftAtLastReceipt = false;
        foreach (var frame in frames)
        {
            if (frame.Type == DataType.WireFormatInfo)
            {
                continue; // marshalled apart from the negotiated encoding, and never answered with a Response
            }

            if (frame.FromClient && frame.Type == DataType.ConnectionInfo && Encoding.ASCII.GetString(frame.Body).Contains("siebelcti", StringComparison.Ordinal))
            {
                client = "ours";
            }

            if (frame.FromClient && frame.Type == DataType.ProducerInfo && phases[^1].Sends > 0)
            {
                phases.Add(new Phase());
            }

            var phase = phases[^1];
            if (frame.FromClient)
            {
                if (!TryHeader(frame.Body, tight, out var commandId, out var responseRequired, out _) || !responseRequired)
                {
                    continue;
                }

                var message = IsMessage(frame.Type);
                if (message)
                {
                    phase.Sends++;
                    if (sent.Count == 0 && lastReceipt is { } receipt)
                    {
                        phase.Gap.Add((frame.Seconds - receipt) * 1e6);
                    }
                }

                sent[commandId] = (frame.Seconds, sent.Count == 0, message);
                sentSinceLastReceipt++;
            }
            else if (frame.Type is DataType.Response or DataType.ExceptionResponse && TryHeader(frame.Body, tight, out _, out _, out var correlation)
                && sent.Remove(correlation, out var request))
            {
                if (request.Message)
                {
                    if (request.Alone && sentSinceLastReceipt == 1 && sent.Count == 0)
                    {
                        phase.Broker.Add((frame.Seconds - request.Seconds) * 1e6);
                    }
                    else if (workLeftAtLastReceipt && lastReceipt is { } previous)
                    {
                        phase.Busy.Add((frame.Seconds - previous) * 1e6);
                    }
                }

                lastReceipt = request.Message ? frame.Seconds : null;
                workLeftAtLastReceipt = sent.Count > 0;
                sentSinceLastReceipt = 0;
            }
        }

        return (client, phases);
    }

    private static bool IsMessage(byte type) => type is >= DataType.Message and <= DataType.TextMessage;

    /// <summary>BaseCommand's header: tight = bit stream (responseRequired its first bit), then commandId; loose = commandId, responseRequired.
    /// A Response goes on with its correlationId. The codec's own reader; a frame too short for it is not timed.</summary>
    private static bool TryHeader(byte[] body, bool tight, out int commandId, out bool responseRequired, out int correlation)
    {
        try
        {
            var reader = new WireReader(body);
            if (tight)
            {
                var bits = TightEncoding.ReadBits(ref reader);
                responseRequired = bits.Length > 0 && (bits[0] & 1) != 0;
                commandId = reader.Int();
            }
            else
            {
                commandId = reader.Int();
                responseRequired = reader.Bool();
            }

            correlation = reader.Remaining >= 4 ? reader.Int() : 0;
            return true;
        }
        catch (OpenWireProtocolException)
        {
            (commandId, responseRequired, correlation) = (0, false, 0);
            return false;
        }
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static double Mean(List<double> values) => values.Count == 0 ? double.NaN : values.Average();
}
