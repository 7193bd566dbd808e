using SiebelCti.Connector.Engine.Ports;
using SiebelCti.Connector.Contract;

namespace SiebelCti.Connector.Core.Tests.Engine;

public sealed class ConnectorEngineLoginTests
{
    [Fact]
    public async Task Hello_is_answered_with_the_current_status_and_its_correlation_id()
    {
        await using var h = new EngineHarness();

        var hello = h.Request("c1", new Hello("1.0", "siebel-01"));
        var before = await h.NextAsync("c1");
        await h.BringInServiceAsync();
        // Every status change is announced (broker up, then Finesse up); the last is IN_SERVICE.
        SystemStatus broadcast;
        do
        {
            broadcast = await h.NextAsync<SystemStatus>("c1");
        }
        while (broadcast.Status != SystemStatus.InService);

        Assert.Equal(hello, before.CorrelationId);
        Assert.Equal(SystemStatus.OutOfService, Assert.IsType<SystemStatus>(before.Message).Status);
        Assert.Equal(SystemStatus.InService, broadcast.Status);
        Assert.Equal("A", broadcast.ActiveSide);
    }

    [Fact]
    public async Task Login_flow_subscribes_before_signing_in_and_answers_with_the_new_agent_state()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();

        h.Request("c1", new Hello());
        await h.NextAsync<SystemStatus>("c1");
        var connect = h.Request("c1", new Connect(), "1001001");
        var connected = await h.NextAsync("c1");
        var login = h.Request("c1", new Login("secret", "1001"), "1001001");
        var signIn = await h.Finesse.NextCallAsync("SignIn");
        h.Notify(new AgentStateNotification("1001001", new AgentState("NOT_READY", Extension: "1001"), signIn.RequestId));
        var state = await h.NextAsync("c1");

        Assert.Equal(connect, connected.CorrelationId);
        Assert.Equal(["1001001"], h.Notifications.Subscribed);
        Assert.Equal("secret", Assert.Single(h.Notifications.Credentials).Password);
        Assert.Equal("1001", signIn.Argument);
        Assert.Equal(login, state.CorrelationId);
        Assert.Equal("1001001", state.AgentId);
        Assert.Equal("c1", state.ClientId);
        Assert.Equal("NOT_READY", Assert.IsType<AgentState>(state.Message).State);
    }

    [Fact]
    public async Task Existing_calls_arrive_as_Dialog_events_after_login()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");

        h.Notify(new DialogNotification("a1", Dialogs.Active("d1"), null));

        var dialog = await h.NextAsync("c1");
        Assert.Equal("d1", Assert.IsType<Dialog>(dialog.Message).Id);
        Assert.Null(dialog.CorrelationId);
    }

    [Fact]
    public async Task Two_clients_share_one_subscription_and_both_receive_every_event()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        await h.ConnectAndLoginAsync("c1", "a1");

        var connect2 = h.Request("c2", new Connect(), "a1");
        var status2 = await h.NextAsync("c2");
        var login2 = h.Request("c2", new Login("pw-a1", "1001"), "a1");
        var state2 = await h.NextAsync("c2");

        h.Request("c1", new Ready(), "a1");
        var ready = await h.Finesse.NextCallAsync("ChangeState");
        h.Notify(new AgentStateNotification("a1", new AgentState("READY", Extension: "1001"), ready.RequestId));
        var toRequester = await h.NextAsync("c1");
        var toOther = await h.NextAsync("c2");

        Assert.Equal(connect2, status2.CorrelationId);
        Assert.IsType<SystemStatus>(status2.Message);
        Assert.Equal("NOT_READY", Assert.IsType<AgentState>(state2.Message).State);
        Assert.Equal(login2, state2.CorrelationId);
        Assert.Single(h.Notifications.Subscribed);
        Assert.Single(h.Finesse.AllCalls, c => c.Operation == "SignIn");
        Assert.NotNull(toRequester.CorrelationId);
        Assert.Null(toOther.CorrelationId);
        Assert.Equal("READY", Assert.IsType<AgentState>(toOther.Message).State);
    }

    [Fact]
    public async Task Login_while_out_of_service_fails_at_once_without_calling_Finesse()
    {
        await using var h = new EngineHarness();
        h.BrokerUp();

        h.Request("c1", new Connect(), "a1");
        await h.NextAsync<SystemStatus>("c1");
        var login = h.Request("c1", new Login("pw", "1001"), "a1");
        var error = await h.NextAsync("c1");

        Assert.Equal(login, error.CorrelationId);
        Assert.Equal(ConnectorErrorCode.ConnectorOutOfService, Assert.IsType<Error>(error.Message).Code);
        Assert.Empty(h.Finesse.AllCalls);
        Assert.Empty(h.Notifications.Subscribed);
    }

    [Fact]
    public async Task A_refused_sign_in_becomes_an_Error_with_the_gateway_code()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();
        h.Finesse.Failures["SignIn"] = new FinesseGatewayException("FINESSE_UNAUTHORIZED", "Finesse refused the credentials of agent a1");

        h.Request("c1", new Connect(), "a1");
        await h.NextAsync<SystemStatus>("c1");
        var login = h.Request("c1", new Login("wrong", "1001"), "a1");
        var error = await h.NextAsync("c1");

        Assert.Equal(login, error.CorrelationId);
        var body = Assert.IsType<Error>(error.Message);
        Assert.Equal("FINESSE_UNAUTHORIZED", body.Code);
        Assert.Equal("Login", body.RequestType);
        Assert.DoesNotContain("wrong", body.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_before_Connect_or_Login_are_refused_with_their_own_codes()
    {
        await using var h = new EngineHarness();
        await h.BringInServiceAsync();

        h.Request("c1", new Ready(), "a1");
        var notConnected = await h.NextAsync<Error>("c1");
        h.Request("c1", new Connect(), "a1");
        await h.NextAsync<SystemStatus>("c1");
        h.Request("c1", new Ready(), "a1");
        var notLoggedIn = await h.NextAsync<Error>("c1");
        h.Request("c1", new Ready());
        var noAgent = await h.NextAsync<Error>("c1");

        Assert.Equal(ConnectorErrorCode.AgentNotAuthorized, notConnected.Code);
        Assert.Equal(ConnectorErrorCode.AgentNotAuthorized, notLoggedIn.Code);
        Assert.Equal(ConnectorErrorCode.AgentIdMissing, noAgent.Code);
        Assert.Empty(h.Finesse.AllCalls);
    }
}

internal static class Dialogs
{
    public static Dialog Active(string id, string state = "ACTIVE") => new(
        id, state, "ACD_IN", "5551234", "1001",
        [new Participant("1001", state, ["HOLD", "DROP"]), new Participant("5551234", "ACTIVE", [])],
        new Dictionary<string, string> { ["callVariable1"] = "acct 42" },
        new Dictionary<string, string>());
}
