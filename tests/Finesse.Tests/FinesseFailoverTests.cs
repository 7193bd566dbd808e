using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using SiebelCti.Finesse.Model;
using SiebelCti.Finesse.Rest;

namespace SiebelCti.Finesse.Tests;

/// <summary>Side A / side B failover and timeouts against two real loopback HTTPS servers.</summary>
public sealed class FinesseFailoverTests : IAsyncLifetime
{
    private static readonly FinesseCredentials Alice = new("5001", "pw");
    private readonly ListLogger<FinesseRestClient> _log = new();
    private FakeFinesseServer _a = null!;
    private FakeFinesseServer _b = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var cert = TestCertificates.SelfSigned();
        _a = await FakeFinesseServer.StartAsync(cert);
        _b = await FakeFinesseServer.StartAsync(cert);
    }

    public async ValueTask DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    private FinesseRestClient Client(Uri? sideA = null, TimeProvider? time = null, TimeSpan? timeout = null) => new(
        new FinesseOptions
        {
            SideA = sideA ?? _a.BaseUri,
            SideB = _b.BaseUri,
            Trust = ServerCertificateTrust.AllowSelfSigned,
            RequestTimeout = timeout ?? TimeSpan.FromSeconds(10),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        },
        _log,
        time);

    [Fact]
    public async Task Service_unavailable_on_a_fails_over_to_b_and_b_stays_active()
    {
        _a.Responder = _ => FakeResponse.ApiError(503, "Service Unavailable", "SERVER_OUT_OF_SERVICE");
        using var client = Client();

        var first = await client.SetReadyAsync(Alice, "r1", Ct);
        var second = await client.SetNotReadyAsync(Alice, 16, "r2", Ct);

        Assert.Equal(FinesseSide.B, first.Side);
        Assert.Equal(FinesseSide.B, second.Side);
        Assert.Equal(FinesseSide.B, client.ActiveSide);
        Assert.Equal(_b.BaseUri, client.ActiveBaseUri);
        Assert.Single(_a.Requests); // the second request went straight to B
        Assert.Equal(["r1", "r2"], _b.Requests.Select(r => r.RequestId));
        Assert.Contains(_log.Entries, e => e.Id.Id == FinesseEventIds.FinesseSideUnavailable);
        Assert.Contains(_log.Entries, e => e.Id.Id == FinesseEventIds.FinesseActiveSideChanged);
    }

    [Fact]
    public async Task When_b_fails_later_the_client_goes_back_to_a()
    {
        _a.Responder = _ => FakeResponse.ApiError(503, "Service Unavailable", "SERVER_OUT_OF_SERVICE");
        using var client = Client();
        await client.SetReadyAsync(Alice, null, Ct);
        _a.Responder = _ => FakeResponse.Accepted;
        _b.Responder = _ => FakeResponse.ApiError(503, "Service Unavailable", "SERVER_OUT_OF_SERVICE");

        var accepted = await client.SetReadyAsync(Alice, null, Ct);

        Assert.Equal(FinesseSide.A, accepted.Side);
        Assert.Equal(FinesseSide.A, client.ActiveSide);
    }

    [Fact]
    public async Task Both_sides_out_of_service_is_a_clear_error()
    {
        _a.Responder = _ => FakeResponse.ApiError(503, "Service Unavailable", "SERVER_OUT_OF_SERVICE");
        _b.Responder = _a.Responder;
        using var client = Client();

        var ex = await Assert.ThrowsAsync<FinesseRestException>(() => client.GetUserAsync(Alice, Ct));

        Assert.Equal(FinesseErrorCode.FinesseOutOfService, ex.Code);
        Assert.Equal(503, ex.HttpStatus);
        Assert.Equal(FinesseSide.B, ex.Side);
        Assert.Equal("SERVER_OUT_OF_SERVICE", ex.ApiErrors[0].ErrorMessage);
    }

    [Fact]
    public async Task Connection_refused_on_a_fails_over_to_b()
    {
        using var client = Client(sideA: new Uri($"https://127.0.0.1:{UnusedPort()}"));
        _b.Responder = _ => FakeResponse.Xml(Samples.Read("user-ready.xml"));

        var user = await client.GetUserAsync(Alice, Ct);
        var accepted = await client.MakeCallAsync(Alice, "3001", "3002", null, null, Ct);

        Assert.Equal("5001", user.LoginId);
        Assert.Equal(FinesseSide.B, accepted.Side);
        Assert.Equal(FinesseSide.B, client.ActiveSide);
    }

    [Fact]
    public async Task No_side_reachable_is_connect_failed()
    {
        using var client = new FinesseRestClient(new FinesseOptions
        {
            SideA = new Uri($"https://127.0.0.1:{UnusedPort()}"),
            SideB = new Uri($"https://localhost:{UnusedPort()}"),
        });

        var ex = await Assert.ThrowsAsync<FinesseRestException>(() => client.SetReadyAsync(Alice, null, Ct));

        Assert.Equal(FinesseErrorCode.FinesseConnectFailed, ex.Code);
        Assert.Null(ex.HttpStatus);
    }

    [Fact]
    public async Task A_client_error_on_a_does_not_fail_over()
    {
        _a.Responder = _ => FakeResponse.ApiError(400, "Invalid State", "not now");
        using var client = Client();

        var ex = await Assert.ThrowsAsync<FinesseRestException>(() => client.SetReadyAsync(Alice, null, Ct));

        Assert.Equal(FinesseErrorCode.FinesseInvalidState, ex.Code);
        Assert.Empty(_b.Requests);
        Assert.Equal(FinesseSide.A, client.ActiveSide);
    }

    [Fact]
    public async Task System_info_out_of_service_on_a_switches_to_an_in_service_b()
    {
        _a.Responder = _ => FakeResponse.Xml(Samples.Read("systeminfo-uccx-oos.xml"));
        _b.Responder = _ => FakeResponse.Xml(Samples.Read("systeminfo.xml"));
        using var client = Client();

        var info = await client.GetSystemInfoAsync(null, Ct);

        Assert.Equal(SystemStatus.InService, info.Status);
        Assert.Equal("fin-b.example.com", info.XmppDomain);
        Assert.Equal(FinesseSide.B, client.ActiveSide);
        Assert.Null(_a.Requests.Single().Authorization); // SystemInfo may be read without credentials
    }

    [Fact]
    public async Task System_info_out_of_service_on_both_returns_the_active_answer_and_stays()
    {
        _a.Responder = _ => FakeResponse.Xml(Samples.Read("systeminfo-uccx-oos.xml"));
        _b.Responder = _a.Responder;
        using var client = Client();

        var info = await client.GetSystemInfoAsync(Alice, Ct);

        Assert.Equal(SystemStatus.OutOfService, info.Status);
        Assert.Equal(FinesseSide.A, client.ActiveSide);
        Assert.Single(_b.Requests);
    }

    [Fact]
    public async Task Get_that_times_out_on_a_is_retried_on_b()
    {
        var time = new FakeTimeProvider();
        _a.Responder = _ => new FakeResponse(0, Hang: true);
        _b.Responder = _ => FakeResponse.Xml(Samples.Read("dialogs-empty.xml"));
        using var client = Client(time: time, timeout: TimeSpan.FromSeconds(10));

        var pending = client.GetDialogsAsync(Alice, Ct);
        await _a.HangingRequestArrived.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        time.Advance(TimeSpan.FromSeconds(10));
        var dialogs = await pending.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Empty(dialogs);
        Assert.Equal(FinesseSide.B, client.ActiveSide);
        Assert.Contains(_log.Entries, e => e.Id.Id == FinesseEventIds.FinesseRequestTimedOut);
    }

    [Fact]
    public async Task Action_that_times_out_is_not_repeated_on_b()
    {
        var time = new FakeTimeProvider();
        _a.Responder = _ => new FakeResponse(0, Hang: true);
        using var client = Client(time: time, timeout: TimeSpan.FromSeconds(10));

        var pending = client.MakeCallAsync(Alice, "3001", "3002", null, "call-1", Ct);
        await _a.HangingRequestArrived.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        time.Advance(TimeSpan.FromSeconds(10));
        var ex = await Assert.ThrowsAsync<FinesseRestException>(() => pending.WaitAsync(TimeSpan.FromSeconds(30), Ct));

        Assert.Equal(FinesseErrorCode.FinesseTimeout, ex.Code);
        Assert.Equal("call-1", ex.RequestId);
        Assert.Equal(FinesseSide.A, ex.Side);
        Assert.Empty(_b.Requests); // a MAKE_CALL that may have been carried out is never sent twice
        Assert.Equal(FinesseSide.A, client.ActiveSide);
    }

    [Fact]
    public async Task Single_side_timeout_is_reported()
    {
        var time = new FakeTimeProvider();
        _a.Responder = _ => new FakeResponse(0, Hang: true);
        using var client = new FinesseRestClient(
            new FinesseOptions { SideA = _a.BaseUri, Trust = ServerCertificateTrust.AllowSelfSigned, RequestTimeout = TimeSpan.FromSeconds(7), ConnectTimeout = TimeSpan.FromSeconds(5) },
            _log,
            time);

        var pending = client.GetUserAsync(Alice, Ct);
        await _a.HangingRequestArrived.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        time.Advance(TimeSpan.FromSeconds(7));
        var ex = await Assert.ThrowsAsync<FinesseRestException>(() => pending.WaitAsync(TimeSpan.FromSeconds(30), Ct));

        Assert.Equal(FinesseErrorCode.FinesseTimeout, ex.Code);
        Assert.Contains("7 s", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_a_timeout_and_not_a_failover()
    {
        _a.Responder = _ => new FakeResponse(0, Hang: true);
        using var client = Client();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var pending = client.GetUserAsync(Alice, cts.Token);
        await _a.HangingRequestArrived.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        Assert.Empty(_b.Requests);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
