namespace SiebelCti.OpenWire.Tests;

/// <summary>Loads the recorded frames of the golden files under OpenWire/Golden.</summary>
internal static class GoldenFrames
{
    public sealed record Frame(string Direction, byte Type, byte[] Bytes, string File, int Line);

    public static IReadOnlyList<Frame> Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", fileName);
        var frames = new List<Frame>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split(' ');
            frames.Add(new Frame(parts[0], byte.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), Convert.FromHexString(parts[2]), fileName, lineNo));
        }

        return frames;
    }

    public static Frame First(string fileName, string direction, byte type) =>
        Load(fileName).First(f => f.Direction == direction && f.Type == type);
}
