using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SiebelCti.Connector.Service.Monitor;

namespace SiebelCti.Connector.Service.Tests;

/// <summary>
/// The login and session rules of the Connector Monitor over HTTP (docs/connector-service.md,
/// "Login attempts"), on the service's own clock replaced by a fake one: no test waits for real
/// time to pass. Every client comes from 127.0.0.1, so address and user backoff apply together.
/// </summary>
public sealed class MonitorLoginTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());
    private TestService _service = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LoginThrottle Throttle => _service.Services.GetRequiredService<LoginThrottle>();

    public async ValueTask InitializeAsync() => _service = await TestService.StartAsync(time: _time);

    public async ValueTask DisposeAsync()
    {
        // Let attempts that still wait for their turn finish, so the host stops at once.
        _time.Advance(TimeSpan.FromMinutes(2));
        await _service.DisposeAsync();
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string password) =>
        client.PostAsync("/api/monitor/login", TestService.LoginBody(TestService.MonitorUser, password), Ct);

    /// <summary>Waits (polling, bounded) until <paramref name="condition"/> holds; a condition, not a sleep, decides.</summary>
    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            while (!condition())
            {
                await Task.Delay(10, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
            throw new TimeoutException($"not within 30 s: {what}");
        }
    }

    /// <summary>20 wrong passwords at once: 5 checked at once, 4 admitted to later turns (1, 3, 7 and 15 s on), 11 refused unchecked.</summary>
    private async Task<List<Task<HttpResponseMessage>>> FloodAsync(HttpClient client)
    {
        var flood = Enumerable.Range(0, 20).Select(i => LoginAsync(client, "guess-" + i)).ToList();
        await UntilAsync(() => flood.Count(t => t.IsCompleted) == 16 && Throttle.Waiting == 4, "16 answers and 4 attempts waiting for their turn");
        return flood;
    }

    [Fact]
    public async Task Parallel_guesses_are_counted_before_any_hashing_and_only_the_admitted_turns_are_checked()
    {
        using var client = _service.NewClient();

        var flood = await FloodAsync(client);
        var waiting = flood.Where(t => !t.IsCompleted).ToList();
        var first = flood.Where(t => t.IsCompleted).Select(t => t.Result).ToList();
        var refused = first.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();

        Assert.Equal(5, first.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(11, refused.Count);
        Assert.All(refused, r => Assert.True(r.Headers.RetryAfter?.Delta > TimeSpan.Zero));
        Assert.Contains("MONITOR_LOGIN_THROTTLED", await refused[0].Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        _time.Advance(TimeSpan.FromSeconds(15));
        var late = await Task.WhenAll(waiting);
        Assert.Equal(4, late.Length);
        Assert.All(late, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        foreach (var response in flood.Select(t => t.Result))
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_guess_beyond_the_free_ones_is_delayed_not_refused_and_the_right_password_then_gets_in_and_clears_the_backoff()
    {
        using var client = _service.NewClient();
        for (var i = 0; i < LoginThrottle.FreeAttempts; i++)
        {
            using var failed = await LoginAsync(client, "guess-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var sixth = LoginAsync(client, "guess-6");
        await UntilAsync(() => Throttle.Waiting == 1, "the sixth attempt waiting for its turn");
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(sixth.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        using (var answer = await sixth)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        }

        var right = LoginAsync(client, TestService.MonitorPassword);
        await UntilAsync(() => Throttle.Waiting == 1, "the right password waiting for its turn (2 s after the sixth)");
        _time.Advance(TimeSpan.FromSeconds(2));
        using (var answer = await right)
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        using var again = await LoginAsync(client, "guess-after-success");
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode); // at once: the success cleared the counters
        Assert.Equal(0, Throttle.Waiting);
    }

    [Fact]
    public async Task A_known_device_gets_in_at_once_while_guesses_from_its_own_address_flood_the_user()
    {
        using var operatorBrowser = _service.NewClient();
        using (var first = await LoginAsync(operatorBrowser, TestService.MonitorPassword))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var attacker = _service.NewClient();
        var flood = await FloodAsync(attacker);
        using var newBrowser = _service.NewClient();

        using var unknown = await LoginAsync(newBrowser, TestService.MonitorPassword);
        using var known = await LoginAsync(operatorBrowser, TestService.MonitorPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(4, Throttle.Waiting); // the attacker's admitted guesses still wait their turns
        _time.Advance(TimeSpan.FromSeconds(15));
        foreach (var response in await Task.WhenAll(flood))
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Logout_ends_the_session_on_the_server_so_a_copy_of_the_old_cookie_is_refused_and_other_sessions_live_on()
    {
        var (first, copied) = await SignedInAsync();
        using var firstClient = first;
        using var second = await _service.LoggedInClientAsync();
        using (var session = await first.GetAsync("/api/monitor/session", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        }

        using var logout = await first.PostAsync("/api/monitor/logout", null, Ct);
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/api/monitor/snapshot");
        replay.Headers.Add("Cookie", $"SiebelCti.Monitor={copied}");
        using var stranger = _service.NewClient();
        using var replayed = await stranger.SendAsync(replay, Ct);
        using var other = await second.GetAsync("/api/monitor/session", Ct);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task An_event_stream_opened_before_a_logout_ends_with_the_session()
    {
        // Before: the session was checked when the stream opened only; a copied cookie's stream kept receiving
        // snapshots after the operator signed out, for as long as it stayed open.
        var (client, copied) = await SignedInAsync();
        using var browser = client;
        using var thief = _service.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/monitor/events");
        request.Headers.Add("Cookie", $"SiebelCti.Monitor={copied}");
        using var stream = await thief.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(Ct));
        await MonitorApiTests.NextSnapshotAsync(reader, _ => true);

        using var logout = await browser.PostAsync("/api/monitor/logout", null, Ct);
        _time.Advance(TimeSpan.FromSeconds(1)); // the next push is due: the session is gone, so the stream ends
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        var rest = await reader.ReadToEndAsync(timeout.Token);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.DoesNotContain("event: snapshot", rest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_ends_after_SessionTimeout_without_activity_on_the_service_clock()
    {
        var (client, copied) = await SignedInAsync();
        client.Dispose();
        _time.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));

        using var replay = new HttpRequestMessage(HttpMethod.Get, "/api/monitor/session");
        replay.Headers.Add("Cookie", $"SiebelCti.Monitor={copied}");
        using var stranger = _service.NewClient();
        using var expired = await stranger.SendAsync(replay, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    /// <summary>A client signed in with its own cookie jar, and the value of its session cookie.</summary>
    private async Task<(HttpClient Client, string SessionCookie)> SignedInAsync()
    {
        var jar = new CookieContainer();
        var client = _service.NewClient(jar);
        using var login = await LoginAsync(client, TestService.MonitorPassword);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return (client, jar.GetCookies(_service.BaseAddress)["SiebelCti.Monitor"]!.Value);
    }
}
