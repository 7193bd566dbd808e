using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SiebelCti.FinesseEmulator.Engine;
using SiebelCti.FinesseEmulator.Testing;

namespace SiebelCti.FinesseEmulator.Tests;

/// <summary>The emulator running in-process on two loopback ports (side A and side B), on fake time.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("finesse-emulator-test").FullName;
    private WebApplication? _app;

    public FakeTimeProvider Time { get; } = new(Harness.Start);

    public CallCenter Center => _app!.Services.GetRequiredService<CallCenter>();

    public Uri SideA { get; private set; } = null!;

    public Uri SideB { get; private set; } = null!;

    /// <summary>The standard cast plus a third agent (5009, in no team) for lockout tests, locked after 3 wrong passwords.</summary>
    public static Dictionary<string, string?> BaseConfig()
    {
        var config = EmulatorTestConfig.Standard();
        config["Emulator:LockoutAttempts"] = "3";
        EmulatorTestConfig.SetAgent(config, 2, new TestAgent("5009", "pw-locked", "3009") { TeamId = null, TeamName = null });
        return config;
    }

    public async ValueTask InitializeAsync()
    {
        _app = EmulatorApp.Build([], BaseConfig(), Time, contentRoot: _contentRoot);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        var listeners = _app.Services.GetRequiredService<Listeners>();
        SideA = listeners.UrlsOf(0).Single();
        SideB = listeners.UrlsOf(1).Single();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }

        Directory.Delete(_contentRoot, recursive: true);
    }

    public static HttpClient Client(Uri side, string? user = "5001", string? password = "pw-alice")
    {
        var client = new HttpClient { BaseAddress = side, Timeout = TimeSpan.FromSeconds(30) };
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }

        return client;
    }

    public static StringContent XmlBody(string body) => new(body, Encoding.UTF8, "application/xml");

    public static async Task<XElement> ReadXml(HttpResponseMessage response)
    {
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        return XElement.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public static async Task AssertApiError(HttpResponseMessage response, int status, string errorType)
    {
        Assert.Equal(status, (int)response.StatusCode);
        var x = await ReadXml(response);
        Assert.Equal("ApiErrors", x.Name.LocalName);
        Assert.Equal(errorType, (string)x.Element("ApiError")!.Element("ErrorType")!);
    }
}
