using System.Net;
using System.Text.Json;
using SiebelCti.Connector.Engine.Monitoring;

namespace SiebelCti.Connector.Service.Tests;

public sealed class MonitorApiTests : IAsyncLifetime
{
    private TestService _service = null!;

    public async ValueTask InitializeAsync() => _service = await TestService.StartAsync();

    public async ValueTask DisposeAsync() => await _service.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/monitor/snapshot")]
    [InlineData("/api/monitor/events")]
    [InlineData("/api/monitor/session")]
    public async Task Api_WithoutLogin_401(string path)
    {
        using var client = _service.NewClient();

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Login_RightUserAndPassword_SetsHttpOnlyStrictCookiesAndOpensApi()
    {
        using var client = _service.NewClient();

        using var login = await client.PostAsync("/api/monitor/login", TestService.LoginBody(TestService.MonitorUser, TestService.MonitorPassword), Ct);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        Assert.Equal(2, cookies.Count);
        var sessionCookie = Assert.Single(cookies, c => c.StartsWith("SiebelCti.Monitor=", StringComparison.Ordinal));
        var device = Assert.Single(cookies, c => c.StartsWith("SiebelCti.Monitor.Device=", StringComparison.Ordinal));
        Assert.Contains("path=/api/monitor/login", device, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=2592000", device, StringComparison.OrdinalIgnoreCase);
        foreach (var cookie in cookies)
        {
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase); // plain HTTP here; see MonitorHttpsTests
        }

        Assert.DoesNotContain("expires", sessionCookie, StringComparison.OrdinalIgnoreCase); // a browser-session cookie
        Assert.False(login.Headers.Contains("Strict-Transport-Security"));
        using var session = JsonDocument.Parse(await login.Content.ReadAsStringAsync(Ct));
        Assert.Equal(TestService.MonitorUser, session.RootElement.GetProperty("user").GetString());

        using var snapshot = await client.GetAsync("/api/monitor/snapshot", Ct);
        Assert.Equal(HttpStatusCode.OK, snapshot.StatusCode);
    }

    [Theory]
    [InlineData(TestService.MonitorUser, "wrong-password")]
    [InlineData("someone-else", TestService.MonitorPassword)]
    [InlineData("", "")]
    public async Task Login_WrongCredentials_401WithoutCookie(string user, string password)
    {
        using var client = _service.NewClient();

        using var login = await client.PostAsync("/api/monitor/login", TestService.LoginBody(user, password), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.False(login.Headers.Contains("Set-Cookie"));
        using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync(Ct));
        Assert.Equal("MONITOR_LOGIN_FAILED", body.RootElement.GetProperty("code").GetString());
        using var snapshot = await client.GetAsync("/api/monitor/snapshot", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, snapshot.StatusCode);
    }

    [Theory]
    [InlineData("{not json", "application/json")]
    [InlineData("user=admin&password=x", "application/x-www-form-urlencoded")]
    [InlineData("[1,2,3]", "application/json")]
    public async Task Login_BadBody_400(string body, string contentType)
    {
        using var client = _service.NewClient();

        using var login = await client.PostAsync("/api/monitor/login", new StringContent(body, System.Text.Encoding.UTF8, contentType), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        using var json = JsonDocument.Parse(await login.Content.ReadAsStringAsync(Ct));
        Assert.Equal("MONITOR_BAD_REQUEST", json.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Logout_ThenApi_401()
    {
        using var client = await _service.LoggedInClientAsync();

        using var logout = await client.PostAsync("/api/monitor/logout", null, Ct);
        using var snapshot = await client.GetAsync("/api/monitor/snapshot", Ct);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, snapshot.StatusCode);
    }

    [Fact]
    public async Task Snapshot_ShowsEverythingOfTheSource()
    {
        using var client = await _service.LoggedInClientAsync();

        using var response = await client.GetAsync("/api/monitor/snapshot", Ct);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var root = json.RootElement;

        Assert.Equal("9.9.9-test", root.GetProperty("version").GetString());
        Assert.Equal(5400, root.GetProperty("uptimeSeconds").GetInt64());
        Assert.Equal("IN_SERVICE", root.GetProperty("status").GetProperty("status").GetString());
        Assert.Equal("A", root.GetProperty("finesse").GetProperty("activeSide").GetString());
        Assert.Equal("https://finesse-a.test:8445", root.GetProperty("finesse").GetProperty("sides")[0].GetProperty("url").GetString());
        Assert.False(root.GetProperty("finesse").GetProperty("sides")[1].GetProperty("xmppConnected").GetBoolean());
        Assert.Equal("failover:(tcp://127.0.0.1:61616)?jms.password=***", root.GetProperty("broker").GetProperty("uri").GetString());
        Assert.Equal(2, root.GetProperty("broker").GetProperty("reconnectCount").GetInt32());
        Assert.Equal("crm01.profile1", root.GetProperty("clients")[0].GetProperty("clientId").GetString());
        var agent = root.GetProperty("agents")[0];
        Assert.Equal("1001", agent.GetProperty("agentId").GetString());
        Assert.Equal("TALKING", agent.GetProperty("state").GetString());
        Assert.Equal("dlg-77", agent.GetProperty("calls")[0].GetProperty("dialogId").GetString());
        Assert.Equal("+4930555123", agent.GetProperty("calls")[0].GetProperty("from").GetString());
        Assert.Equal("Lunch", root.GetProperty("agents")[1].GetProperty("reasonCodeLabel").GetString());
        Assert.Equal(30.25, root.GetProperty("rates").GetProperty("outPerSecond").GetDouble());
        Assert.Equal(180.2, root.GetProperty("latency").GetProperty("p99Ms").GetDouble());
        Assert.Equal(40, root.GetProperty("requestsByType")[1].GetProperty("count").GetInt64());
        Assert.Equal("REQUEST_TIMEOUT", root.GetProperty("recentErrors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Events_PushSnapshots_AndFollowChanges()
    {
        using var client = await _service.LoggedInClientAsync();
        using var response = await client.GetAsync("/api/monitor/events", HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));

        var first = await NextSnapshotAsync(reader, _ => true);
        Assert.Equal(2, first.GetProperty("agents").GetArrayLength());

        _service.Source.Update(s => s with
        {
            Agents = [.. s.Agents, new AgentInfo { AgentId = "4242", State = "READY", Extension = "2042" }],
        });

        var changed = await NextSnapshotAsync(reader, s => s.GetProperty("agents").GetArrayLength() == 3);
        Assert.Equal("4242", changed.GetProperty("agents")[2].GetProperty("agentId").GetString());
    }

    [Fact]
    public async Task Health_reads_only_the_status_not_a_whole_snapshot()
    {
        // /health answers anyone who reaches the port: it must not build the snapshot (metrics merged under their lock).
        await using var service = await TestService.StartAsync(source: new StatusOnlySource());
        using var anonymous = service.NewClient();

        using var health = await anonymous.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(SiebelCti.Connector.Contract.SystemStatus.InService, await health.Content.ReadAsStringAsync(Ct));
    }

    private sealed class StatusOnlySource : IConnectorMonitorSource
    {
        public ConnectorSnapshot GetSnapshot() => throw new InvalidOperationException("the health probe built a snapshot");

        public ConnectorStatusInfo GetStatus() => TestService.SampleSnapshot().Status with { Status = SiebelCti.Connector.Contract.SystemStatus.InService };
    }

    [Fact]
    public async Task SourceThrows_ApiAnswers500_StreamReportsFailureAndRecovers()
    {
        var source = new FailingSource(new InMemoryConnectorMonitorSource(TestService.SampleSnapshot()));
        await using var service = await TestService.StartAsync(source: source);
        using var client = await service.LoggedInClientAsync();
        source.Fail = true;

        using var snapshot = await client.GetAsync("/api/monitor/snapshot", Ct);
        using var health = await client.GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.InternalServerError, snapshot.StatusCode);
        Assert.Contains("MONITOR_SNAPSHOT_FAILED", await snapshot.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("engine exploded", await snapshot.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.InternalServerError, health.StatusCode);

        using var response = await client.GetAsync("/api/monitor/events", HttpCompletionOption.ResponseHeadersRead, Ct);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (await reader.ReadLineAsync(timeout.Token) != "event: failure")
        {
        }

        source.Fail = false;
        var recovered = await NextSnapshotAsync(reader, _ => true);
        Assert.Equal("9.9.9-test", recovered.GetProperty("version").GetString());
    }

    private sealed class FailingSource(IConnectorMonitorSource inner) : IConnectorMonitorSource
    {
        public volatile bool Fail;

        public ConnectorSnapshot GetSnapshot() => Fail ? throw new InvalidOperationException("engine exploded") : inner.GetSnapshot();
    }

    [Fact]
    public async Task Health_AnswersStatusWithoutLogin()
    {
        using var client = _service.NewClient();

        using var response = await client.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("IN_SERVICE", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Page_ServedWithStrictHeaders_AssetsEmbedded()
    {
        using var client = _service.NewClient();

        using var root = await client.GetAsync("/", Ct);
        using var page = await client.GetAsync("/monitor/", Ct);
        using var script = await client.GetAsync("/monitor/monitor.js", Ct);
        using var style = await client.GetAsync("/monitor/monitor.css", Ct);
        using var missing = await client.GetAsync("/monitor/nothing.js", Ct);

        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/monitor/", root.Headers.Location?.ToString());
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("agents-table", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/css", style.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.NotNull(page.Headers.ETag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/monitor/");
        again.Headers.IfNoneMatch.Add(page.Headers.ETag!);
        using var notModified = await client.SendAsync(again, Ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task EveryResponse_ContainsNoSecret()
    {
        using var anonymous = _service.NewClient();
        using var client = await _service.LoggedInClientAsync();
        var texts = new List<string>();

        async Task Collect(HttpResponseMessage response)
        {
            using (response)
            {
                texts.Add(response.Headers.ToString());
                texts.Add(response.Content.Headers.ToString());
                texts.Add(await response.Content.ReadAsStringAsync(Ct));
            }
        }

        foreach (var path in new[] { "/", "/monitor/", "/monitor/monitor.js", "/monitor/monitor.css", "/health", "/api/monitor/snapshot", "/api/monitor/session" })
        {
            await Collect(await anonymous.GetAsync(path, Ct));
            await Collect(await client.GetAsync(path, Ct));
        }

        await Collect(await anonymous.PostAsync("/api/monitor/login", TestService.LoginBody(TestService.MonitorUser, "wrong"), Ct));
        using (var events = await client.GetAsync("/api/monitor/events", HttpCompletionOption.ResponseHeadersRead, Ct))
        {
            using var reader = new StreamReader(await events.Content.ReadAsStreamAsync(Ct));
            texts.Add((await NextSnapshotAsync(reader, _ => true)).GetRawText());
        }

        var all = string.Join("\n", texts);
        Assert.Contains("1001", all, StringComparison.Ordinal); // the data did come out
        foreach (var secret in new[] { TestService.BrokerPassword, TestService.MonitorPassword, TestService.AgentPassword, TestService.MonitorPasswordHash, "amquser:" })
        {
            Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
        }
    }

    internal static async Task<JsonElement> NextSnapshotAsync(StreamReader reader, Func<JsonElement, bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        var isSnapshot = false;
        while (true)
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("event stream ended");
            if (line == "event: snapshot")
            {
                isSnapshot = true;
            }
            else if (isSnapshot && line.StartsWith("data: ", StringComparison.Ordinal))
            {
                isSnapshot = false;
                var element = JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
                if (condition(element))
                {
                    return element;
                }
            }
        }
    }
}
