using SiebelCti.Connector.Engine.Adapters;

namespace SiebelCti.Connector.Core.Tests.Engine;

/// <summary>Finesse is usable only with SystemInfo IN_SERVICE, XMPP reachable and the finesse user available.</summary>
public sealed class FinesseHealthEvaluatorTests
{
    [Fact]
    public void All_three_good_is_in_service()
    {
        var health = FinesseHealthEvaluator.Evaluate(null, "A", "fa", new NotificationSideState(3, 2, true));

        Assert.True(health.InService);
        Assert.Null(health.Reason);
        Assert.True(health.XmppConnected);
        Assert.True(health.FinessePresenceAvailable);
        Assert.Equal(("A", "fa"), (health.ActiveSide, health.Host));
    }

    [Fact]
    public void What_cannot_be_known_does_not_count_against_finesse()
    {
        var noSessions = FinesseHealthEvaluator.Evaluate(null, "B", "fb", new NotificationSideState(0, 0, null));
        var presenceNotSeen = FinesseHealthEvaluator.Evaluate(null, "A", "fa", new NotificationSideState(1, 1, null));

        Assert.True(noSessions.InService);
        Assert.Null(noSessions.XmppConnected);
        Assert.Null(noSessions.FinessePresenceAvailable);
        Assert.True(presenceNotSeen.InService);
        Assert.Null(presenceNotSeen.FinessePresenceAvailable);
    }

    [Fact]
    public void Every_agent_session_down_by_service_failures_means_the_notification_service_is_unreachable()
    {
        var health = FinesseHealthEvaluator.Evaluate(null, "A", "fa", new NotificationSideState(2, 0, true, ServiceFailures: 2));

        Assert.False(health.InService);
        Assert.False(health.XmppConnected);
        Assert.Contains("notification service is unreachable", health.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Sessions_not_connected_yet_or_down_for_their_own_reasons_say_nothing_about_the_service()
    {
        var connecting = FinesseHealthEvaluator.Evaluate(null, "A", "fa", new NotificationSideState(3, 0, null));
        var oneDownOthersUp = FinesseHealthEvaluator.Evaluate(null, "A", "fa", new NotificationSideState(3, 2, true, ServiceFailures: 1));

        Assert.True(connecting.InService);
        Assert.Null(connecting.XmppConnected);
        Assert.True(oneDownOthersUp.InService);
        Assert.True(oneDownOthersUp.XmppConnected);
    }

    [Fact]
    public void Finesse_user_unavailable_is_out_of_service()
    {
        var health = FinesseHealthEvaluator.Evaluate(null, "A", "fa", new NotificationSideState(1, 1, false));

        Assert.False(health.InService);
        Assert.False(health.FinessePresenceAvailable);
        Assert.Contains("finesse user is unavailable", health.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SystemInfo_problem_is_the_reason_given_first()
    {
        var health = FinesseHealthEvaluator.Evaluate("SystemInfo OUT_OF_SERVICE", "B", "fb", new NotificationSideState(1, 0, false, ServiceFailures: 1));

        Assert.False(health.InService);
        Assert.Equal("SystemInfo OUT_OF_SERVICE", health.Reason);
        Assert.False(health.XmppConnected);
        Assert.False(health.FinessePresenceAvailable);
    }

    [Fact]
    public void Equal_judgements_compare_equal_so_the_hub_publishes_changes_only()
    {
        var a = FinesseHealthEvaluator.Evaluate(null, "A", "fa", new NotificationSideState(4, 4, true));
        var b = FinesseHealthEvaluator.Evaluate(null, "A", "fa", new NotificationSideState(9, 1, true));

        Assert.Equal(a, b);
    }
}
