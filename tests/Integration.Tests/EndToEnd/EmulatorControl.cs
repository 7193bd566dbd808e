using System.Net.Http.Json;
using System.Xml.Linq;

namespace SiebelCti.Integration.Tests.EndToEnd;

/// <summary>The Finesse emulator's control API (samples/FinesseEmulator/README.md, "Control API").</summary>
public sealed class EmulatorControl(Uri emulator) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = emulator };

    /// <summary>Offers a customer call to the agent signed in on <paramref name="extension"/>; returns its dialog id.</summary>
    public async Task<string> OfferCallAsync(string extension, string ani, string dnis, IReadOnlyDictionary<string, string> variables)
    {
        using var response = await _http.PostAsJsonAsync("/emulator/calls", new { extension, ani, dnis, callVariables = variables }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"POST /emulator/calls answered {(int)response.StatusCode}: {body}");
        var dialogId = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("dialogId").GetString();
        return dialogId ?? throw new InvalidOperationException("POST /emulator/calls answered no dialogId: " + body);
    }

    /// <summary>POST to a control path (failover, sides/A/inService, ...).</summary>
    public async Task PostAsync(string path)
    {
        using var response = await _http.PostAsync(path, null, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {body}");
    }

    /// <summary>The emulator's state snapshot (<c>GET /emulator/state</c>).</summary>
    public async Task<XDocument> StateAsync() =>
        XDocument.Parse(await _http.GetStringAsync("/emulator/state", TestContext.Current.CancellationToken));

    public void Dispose() => _http.Dispose();
}
