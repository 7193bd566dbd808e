using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace SiebelCti.Connector.Service.Tests;

/// <summary>
/// A tiny W3C WebDriver client: starts chromedriver on a free loopback port, opens one headless
/// Chromium session with a fresh profile, and offers the handful of commands the monitor tests need.
/// No Selenium: plain HTTP + JSON.
/// </summary>
internal sealed class WebDriverClient : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string ChromeDriverPath = "/usr/bin/chromedriver";
    private const string ElementKey = "element-6066-11e4-a52e-4f735466cecf";

    private readonly Process _driver;
    private readonly HttpClient _http;
    private readonly string _profile;
    private string? _session;

    private WebDriverClient(Process driver, HttpClient http, string profile)
    {
        _driver = driver;
        _http = http;
        _profile = profile;
    }

    public static async Task<WebDriverClient> StartAsync(CancellationToken cancellationToken)
    {
        foreach (var path in new[] { ChromiumPath, ChromeDriverPath })
        {
            if (!File.Exists(path))
            {
                Assert.Fail($"{path} is missing: install the Debian packages chromium and chromium-driver (bash scripts/install-deps.sh --with-browser)");
            }
        }

        var port = FreeLoopbackPort();
        var driver = Process.Start(new ProcessStartInfo(ChromeDriverPath, [$"--port={port}", "--allowed-ips=127.0.0.1"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("chromedriver did not start");
        driver.OutputDataReceived += (_, _) => { };
        driver.ErrorDataReceived += (_, _) => { };
        driver.BeginOutputReadLine();
        driver.BeginErrorReadLine();

        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(120) };
        var profile = Directory.CreateTempSubdirectory("siebelcti-chromium-").FullName;
        var client = new WebDriverClient(driver, http, profile);
        try
        {
            await client.WaitUntilReadyAsync(cancellationToken);
            await client.CreateSessionAsync(cancellationToken);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    public Task NavigateAsync(Uri url, CancellationToken cancellationToken) =>
        CommandAsync(HttpMethod.Post, "url", new JsonObject { ["url"] = url.ToString() }, cancellationToken);

    public async Task<string> FindAsync(string cssSelector, CancellationToken cancellationToken)
    {
        var value = await CommandAsync(HttpMethod.Post, "element", new JsonObject { ["using"] = "css selector", ["value"] = cssSelector }, cancellationToken);
        return value![ElementKey]!.GetValue<string>();
    }

    public async Task TypeAsync(string cssSelector, string text, CancellationToken cancellationToken)
    {
        var element = await FindAsync(cssSelector, cancellationToken);
        await CommandAsync(HttpMethod.Post, $"element/{element}/clear", new JsonObject(), cancellationToken);
        await CommandAsync(HttpMethod.Post, $"element/{element}/value", new JsonObject { ["text"] = text }, cancellationToken);
    }

    public async Task ClickAsync(string cssSelector, CancellationToken cancellationToken)
    {
        var element = await FindAsync(cssSelector, cancellationToken);
        await CommandAsync(HttpMethod.Post, $"element/{element}/click", new JsonObject(), cancellationToken);
    }

    /// <summary>Runs <paramref name="script"/> (a function body that returns a value) in the page.</summary>
    public Task<JsonNode?> ExecuteAsync(string script, CancellationToken cancellationToken) =>
        CommandAsync(HttpMethod.Post, "execute/sync", new JsonObject { ["script"] = script, ["args"] = new JsonArray() }, cancellationToken);

    /// <summary>Polls <paramref name="script"/> until it returns true; fails with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(string script, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var result = await ExecuteAsync(script, cancellationToken);
            if (result is JsonValue value && value.TryGetValue<bool>(out var done) && done)
            {
                return;
            }

            if (clock.Elapsed > timeout)
            {
                var body = await ExecuteAsync("return document.body.innerText;", cancellationToken);
                Assert.Fail($"timed out after {timeout} waiting for {what}; the page shows:\n{body}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    public async Task<byte[]> ScreenshotAsync(CancellationToken cancellationToken)
    {
        var value = await CommandAsync(HttpMethod.Get, "screenshot", null, cancellationToken);
        return Convert.FromBase64String(value!.GetValue<string>());
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_session is not null)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                using var _ = await _http.DeleteAsync($"session/{_session}", timeout.Token);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            // The driver is going away anyway.
        }
        finally
        {
            if (!_driver.HasExited)
            {
                _driver.Kill(entireProcessTree: true);
                await _driver.WaitForExitAsync(CancellationToken.None);
            }

            _driver.Dispose();
            _http.Dispose();
            try
            {
                Directory.Delete(_profile, recursive: true);
            }
            catch (IOException)
            {
                // A Chromium helper may still hold a file for a moment; the temp folder is cleaned later.
            }
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_driver.HasExited)
            {
                Assert.Fail($"chromedriver exited with code {_driver.ExitCode}");
            }

            try
            {
                var status = await _http.GetFromJsonAsync<JsonObject>("status", cancellationToken);
                if (status?["value"]?["ready"]?.GetValue<bool>() == true)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                Assert.Fail("chromedriver did not become ready within 60 s");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private async Task CreateSessionAsync(CancellationToken cancellationToken)
    {
        var args = new JsonArray(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=1400,1100", $"--user-data-dir={_profile}");
        var body = new JsonObject
        {
            ["capabilities"] = new JsonObject
            {
                ["alwaysMatch"] = new JsonObject
                {
                    ["browserName"] = "chrome",
                    ["goog:chromeOptions"] = new JsonObject { ["binary"] = ChromiumPath, ["args"] = args },
                },
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "session") { Content = Body(body) };
        using var response = await _http.SendAsync(request, cancellationToken);
        var json = await ReadAsync(response, "new session", cancellationToken);
        _session = json!["sessionId"]!.GetValue<string>();
    }

    private async Task<JsonNode?> CommandAsync(HttpMethod method, string command, JsonObject? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, $"session/{_session}/{command}");
        if (body is not null)
        {
            request.Content = Body(body);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        return await ReadAsync(response, command, cancellationToken);
    }

    private static async Task<JsonNode?> ReadAsync(HttpResponseMessage response, string command, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"WebDriver {command} failed with {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text)?["value"];
    }

    // chromedriver does not accept chunked request bodies: send a body of known length.
    private static StringContent Body(JsonObject body) =>
        new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
