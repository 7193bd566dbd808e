using System.Collections.Frozen;
using System.Security.Cryptography;

namespace SiebelCti.Connector.Service.Monitor;

/// <summary>
/// The monitor's static files (one HTML page, its script and style sheet), embedded in the
/// assembly so the service needs no web root on disk. Loaded once; served with an ETag.
/// </summary>
internal sealed class MonitorAssets
{
    private const string ResourcePrefix = "SiebelCti.Connector.Service.Monitor.Assets.";

    private readonly FrozenDictionary<string, Asset> _assets;

    public MonitorAssets()
    {
        var assembly = typeof(MonitorAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var file = name[ResourcePrefix.Length..];
            var etag = "\"" + Convert.ToHexString(SHA256.HashData(bytes), 0, 8) + "\"";
            assets[file] = new Asset(bytes, ContentTypeOf(file), etag);
        }

        _assets = assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public bool TryGet(string file, out Asset asset) => _assets.TryGetValue(file, out asset!);

    private static string ContentTypeOf(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    internal sealed record Asset(byte[] Content, string ContentType, string ETag);
}
