using SiebelCti.Connector.Engine;

namespace SiebelCti.Connector.Core.Tests.Engine;

/// <summary>The per-agent-id memory of refused Logins (docs/security.md rule 6).</summary>
public sealed class LoginThrottleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_limit_refuses_for_the_back_off_after_the_last_refusal_and_an_accepted_Login_ends_the_run()
    {
        var throttle = new LoginThrottle(limit: 3, backoff: TimeSpan.FromMinutes(5), capacity: 100);
        throttle.Refused("a1", T0);
        throttle.Refused("a1", T0.AddSeconds(1));
        Assert.False(throttle.IsRefused("a1", T0.AddSeconds(2), out _, out _));
        throttle.Refused("a1", T0.AddSeconds(2));

        Assert.True(throttle.IsRefused("a1", T0.AddSeconds(3), out var refusals, out var remaining));
        Assert.Equal((3, TimeSpan.FromSeconds(299)), (refusals, remaining));
        Assert.False(throttle.IsRefused("a1", T0.AddSeconds(2).AddMinutes(5), out _, out _));
        throttle.Refused("a1", T0.AddMinutes(6)); // the run goes on: one more refusal, refused again at once
        Assert.True(throttle.IsRefused("a1", T0.AddMinutes(6), out refusals, out _));
        Assert.Equal(4, refusals);

        throttle.Accepted("a1");
        Assert.False(throttle.IsRefused("a1", T0.AddMinutes(6), out refusals, out _));
        Assert.Equal(0, refusals);
    }

    [Fact]
    public void A_run_is_forgotten_after_an_hour_of_quiet_and_the_table_stays_within_its_capacity()
    {
        var throttle = new LoginThrottle(limit: 3, backoff: TimeSpan.FromMinutes(5), capacity: 1000);
        for (var i = 0; i < 3; i++)
        {
            throttle.Refused("victim", T0);
        }

        for (var i = 0; i < 5000; i++)
        {
            throttle.Refused($"invented{i}", T0.AddMilliseconds(i));
        }

        Assert.InRange(throttle.Count, 1, 1000);
        throttle.Forget(T0.Add(throttle.Memory).AddSeconds(6));
        Assert.Equal(0, throttle.Count);
        throttle.Refused("victim", T0.AddHours(2));
        Assert.False(throttle.IsRefused("victim", T0.AddHours(2), out var refusals, out _));
        Assert.Equal(1, refusals);
    }
}
