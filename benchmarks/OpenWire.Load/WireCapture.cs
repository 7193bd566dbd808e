using System.Buffers.Binary;
using System.Globalization;

namespace SiebelCti.OpenWire.Load;

/// <summary>One OpenWire frame seen on the wire: when its last byte arrived, which way it went, its type and body.</summary>
internal sealed record WireFrame(double Seconds, bool FromClient, byte Type, byte[] Body);

/// <summary>
/// Reads a classic pcap file of loopback TCP traffic (as written by <c>tcpdump -i lo -w</c>) and splits each
/// client connection to the broker port into OpenWire frames (4-byte size prefix, then the type byte), per
/// direction, in capture order. Loopback only: no reordering is expected. Where the capture missed bytes of a
/// direction (a TCP sequence gap: tcpdump could not keep up) or its stream cannot be framed, that direction's
/// later frames are left out and the loss is reported in the caller's list of losses, not guessed at.
/// </summary>
internal static class WireCapture
{
    /// <summary>Frames per client connection (keyed by the client's port), in the order the connections first sent.</summary>
    public static IReadOnlyList<(int ClientPort, List<WireFrame> Frames)> Read(string path, int brokerPort, List<string> losses)
    {
        var data = File.ReadAllBytes(path);
        if (data.Length < 24)
        {
            throw new InvalidDataException($"{path}: not a pcap file (too short)");
        }

        var magic = BinaryPrimitives.ReadUInt32LittleEndian(data);
        var little = magic is 0xa1b2c3d4 or 0xa1b23c4d;
        if (!little && magic is not (0xd4c3b2a1 or 0x4d3cb2a1))
        {
            throw new InvalidDataException($"{path}: not a classic pcap file (magic {magic:x8}; write it with tcpdump -w)");
        }

        var nanos = magic is 0xa1b23c4d or 0x4d3cb2a1;
        uint U32(int at) => little ? BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at)) : BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at));
        var linkHeader = U32(20) switch
        {
            1 => 14,    // Ethernet (Linux lo)
            113 => 16,  // Linux cooked capture (-i any)
            0 => 4,     // BSD loopback
            var other => throw new InvalidDataException($"{path}: link type {other} not supported"),
        };

        var pending = new Dictionary<(int Port, bool FromClient), List<byte>>();
        var expected = new Dictionary<(int Port, bool FromClient), uint>();
        var lost = new HashSet<(int Port, bool FromClient)>();
        var connections = new Dictionary<int, List<WireFrame>>();
        var order = new List<int>();
        var offset = 24;
        while (offset + 16 <= data.Length)
        {
            var seconds = U32(offset) + (U32(offset + 4) / (nanos ? 1e9 : 1e6));
            var captured = (int)U32(offset + 8);
            var packet = data.AsSpan(offset + 16, Math.Min(captured, data.Length - offset - 16));
            offset += 16 + captured;
            if (packet.Length < linkHeader + 20)
            {
                continue;
            }

            var ip = packet[linkHeader..];
            if (ip[0] >> 4 != 4 || ip[9] != 6)
            {
                continue; // IPv4 TCP only (the lab binds 127.0.0.1)
            }

            var total = Math.Min(BinaryPrimitives.ReadUInt16BigEndian(ip[2..]), ip.Length);
            var tcp = ip[((ip[0] & 15) * 4)..total];
            var source = BinaryPrimitives.ReadUInt16BigEndian(tcp);
            var target = BinaryPrimitives.ReadUInt16BigEndian(tcp[2..]);
            var payload = tcp[((tcp[12] >> 4) * 4)..];
            if (payload.IsEmpty || (source != brokerPort && target != brokerPort))
            {
                continue;
            }

            var fromClient = target == brokerPort;
            var port = fromClient ? source : target;
            if (!connections.TryGetValue(port, out var frames))
            {
                connections[port] = frames = [];
                order.Add(port);
            }

            var direction = (port, fromClient);
            if (lost.Contains(direction))
            {
                continue;
            }

            var sequence = BinaryPrimitives.ReadUInt32BigEndian(tcp[4..]);
            if (expected.TryGetValue(direction, out var next) && sequence != next)
            {
                if ((int)(sequence - next) < 0)
                {
                    continue; // a retransmission of bytes already seen
                }

                lost.Add(direction);
                losses.Add(string.Create(CultureInfo.InvariantCulture, $"port {port} {(fromClient ? "client->broker" : "broker->client")}: the capture missed {sequence - next} bytes at {seconds:F3}; later frames of this direction not timed"));
                continue;
            }

            expected[direction] = sequence + (uint)payload.Length;
            if (!pending.TryGetValue(direction, out var buffer))
            {
                pending[direction] = buffer = [];
            }

            buffer.AddRange(payload);
            if (!Split(buffer, seconds, fromClient, frames))
            {
                lost.Add(direction);
                losses.Add($"port {port} {(fromClient ? "client->broker" : "broker->client")}: not an OpenWire stream with size prefixes from {seconds:F3} on; later frames of this direction not timed");
            }
        }

        return order.Select(p => (p, connections[p])).ToList();
    }

    private static bool Split(List<byte> buffer, double seconds, bool fromClient, List<WireFrame> frames)
    {
        var at = 0;
        while (buffer.Count - at >= 5)
        {
            var size = (buffer[at] << 24) | (buffer[at + 1] << 16) | (buffer[at + 2] << 8) | buffer[at + 3];
            if (size <= 0 || size > 64 * 1024 * 1024)
            {
                return false;
            }

            if (buffer.Count - at < 4 + size)
            {
                break;
            }

            frames.Add(new WireFrame(seconds, fromClient, buffer[at + 4], buffer.GetRange(at + 5, size - 1).ToArray()));
            at += 4 + size;
        }

        buffer.RemoveRange(0, at);
        return true;
    }
}
