using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SiebelCti.Finesse.Rest;
using SiebelCti.FinesseEmulator;
using SiebelCti.FinesseEmulator.Testing;

namespace SiebelCti.Integration.Tests.Finesse;

/// <summary>
/// The project's Finesse emulator (samples/FinesseEmulator) in-process on two loopback ports (side A
/// and side B), on fake time, REST only (notifications are not needed to observe REST effects).
/// Shared by a test class; each test starts from <c>/emulator/reset</c>.
/// </summary>
public sealed class EmulatorHost : IAsyncLifetime
{
    public static readonly FinesseCredentials Alice = new("5001", EmulatorTestConfig.AlicePassword);
    public static readonly FinesseCredentials Bob = new("5002", EmulatorTestConfig.BobPassword);

    private readonly string _contentRoot = Directory.CreateTempSubdirectory("finesse-client-emulator").FullName;
    private WebApplication? _app;
    private HttpClient? _control;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public Uri SideA { get; private set; } = null!;

    public Uri SideB { get; private set; } = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var config = EmulatorTestConfig.Standard();
        _app = EmulatorApp.Build([], config, Time, contentRoot: _contentRoot);
        await _app.StartAsync(Ct);
        var listeners = _app.Services.GetRequiredService<Listeners>();
        SideA = listeners.UrlsOf(0).Single();
        SideB = listeners.UrlsOf(1).Single();
        _control = new HttpClient { BaseAddress = SideA, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async ValueTask DisposeAsync()
    {
        _control?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }

        Directory.Delete(_contentRoot, recursive: true);
    }

    /// <summary>Our client against the emulator (plain http is allowed only because this is an emulator).</summary>
    public FinesseRestClient Client(bool withSideB = false) => new(new FinesseOptions
    {
        SideA = SideA,
        SideB = withSideB ? SideB : null,
        AllowHttp = true,
    });

    /// <summary>Offers a customer call to the agent signed in on <paramref name="extension"/>; returns the dialog id.</summary>
    public async Task<string> OfferCallAsync(string extension, IReadOnlyDictionary<string, string>? callVariables = null)
    {
        var response = await _control!.PostAsJsonAsync(
            "/emulator/calls", new { extension, ani = "0612345678", dnis = "8000", callVariables }, Ct);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return json.RootElement.GetProperty("dialogId").GetString()!;
    }

    public async Task ControlAsync(string path) => (await _control!.PostAsync(path, null, Ct)).EnsureSuccessStatusCode();

    public async Task<string> StateXmlAsync() => await _control!.GetStringAsync("/emulator/state", Ct);
}
