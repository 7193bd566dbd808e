using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SiebelCti.FinesseEmulator.Engine;

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

    public static Dictionary<string, string?> BaseConfig() => new()
    {
        ["Emulator:DeploymentType"] = "UCCE",
        ["Emulator:XmppDomain"] = "finesse.test",
        ["Emulator:SideA:Urls:0"] = "http://127.0.0.1:0",
        ["Emulator:SideA:Host"] = "side-a.test",
        ["Emulator:SideB:Urls:0"] = "http://127.0.0.1:0",
        ["Emulator:SideB:Host"] = "side-b.test",
        ["Emulator:FarEndAnswerDelay"] = "00:00:02",
        ["Emulator:LockoutAttempts"] = "3",
        ["Emulator:Agents:0:LoginId"] = "5001",
        ["Emulator:Agents:0:LoginName"] = "alice",
        ["Emulator:Agents:0:Password"] = "pw-alice",
        ["Emulator:Agents:0:Extension"] = "3001",
        ["Emulator:Agents:0:FirstName"] = "Alice",
        ["Emulator:Agents:0:TeamId"] = "10",
        ["Emulator:Agents:0:TeamName"] = "Sales",
        ["Emulator:Agents:1:LoginId"] = "5002",
        ["Emulator:Agents:1:LoginName"] = "bob",
        ["Emulator:Agents:1:Password"] = "pw-bob",
        ["Emulator:Agents:1:Extension"] = "3002",
        ["Emulator:Agents:1:TeamId"] = "10",
        ["Emulator:Agents:1:TeamName"] = "Sales",
        ["Emulator:Agents:2:LoginId"] = "5009",
        ["Emulator:Agents:2:Password"] = "pw-locked",
        ["Emulator:Agents:2:Extension"] = "3009",
        ["Emulator:ReasonCodes:0:Id"] = "1",
        ["Emulator:ReasonCodes:0:Code"] = "10",
        ["Emulator:ReasonCodes:0:Label"] = "Break",
        ["Emulator:ReasonCodes:0:Category"] = "NOT_READY",
        ["Emulator:ReasonCodes:1:Id"] = "4",
        ["Emulator:ReasonCodes:1:Code"] = "20",
        ["Emulator:ReasonCodes:1:Label"] = "End of shift",
        ["Emulator:ReasonCodes:1:Category"] = "LOGOUT",
        ["Emulator:WrapUpReasons:0:Id"] = "1",
        ["Emulator:WrapUpReasons:0:Label"] = "Sale",
        ["Emulator:Xmpp:Enabled"] = "false",
        ["Emulator:Xmpp:AccountProvisioning"] = "None",
    };

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
