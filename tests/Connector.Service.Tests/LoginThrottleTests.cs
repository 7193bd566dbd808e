using System.Net;
using Microsoft.Extensions.Time.Testing;
using SiebelCti.Connector.Service.Monitor;

namespace SiebelCti.Connector.Service.Tests;

/// <summary>The backoff rules of <see cref="LoginThrottle"/> on a fake clock.</summary>
public sealed class LoginThrottleTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    private static readonly LoginKeys Admin = new("192.0.2.10", "admin", null);

    private TimeSpan StartsIn(LoginAdmission admission) => admission.StartAt - _time.GetUtcNow();

    [Fact]
    public void The_first_five_attempts_start_at_once_then_each_waits_1_2_4_8_16_and_at_most_30_s_after_the_previous()
    {
        var throttle = new LoginThrottle(_time);
        var waits = new List<double>();
        for (var i = 0; i < 12; i++)
        {
            var admission = throttle.Admit(Admin);
            Assert.True(admission.Admitted);
            waits.Add(StartsIn(admission).TotalSeconds);
            _time.Advance(StartsIn(admission));
            throttle.Failed(admission.Ticket!);
        }

        Assert.Equal([0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 30, 30], waits);
    }

    [Fact]
    public void Attempts_in_progress_count_so_parallel_attempts_book_later_turns_and_beyond_30_s_are_refused()
    {
        var throttle = new LoginThrottle(_time);

        var admissions = Enumerable.Range(0, 20).Select(_ => throttle.Admit(Admin)).ToList();

        Assert.Equal([0, 0, 0, 0, 0, 1, 3, 7, 15], admissions.Where(a => a.Admitted).Select(a => StartsIn(a).TotalSeconds));
        var refused = Assert.Single(admissions.Where(a => !a.Admitted).Select(a => a.RetryAfter).Distinct());
        Assert.Equal(TimeSpan.FromSeconds(1), refused); // the next turn (31 s on) is within 30 s in 1 s
    }

    [Fact]
    public void A_success_clears_its_keys_and_an_unchecked_attempt_keeps_its_turn_but_no_failure()
    {
        var throttle = new LoginThrottle(_time);
        for (var i = 0; i < 5; i++)
        {
            throttle.Failed(throttle.Admit(Admin).Ticket!);
        }

        var abandoned = throttle.Admit(Admin);
        throttle.Abandoned(abandoned.Ticket!);
        var next = throttle.Admit(Admin);
        // The abandoned attempt had the turn 1 s on and keeps it; the next one comes 2 s after it.
        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)), (StartsIn(abandoned), StartsIn(next)));
        _time.Advance(TimeSpan.FromSeconds(3));
        throttle.Succeeded(next.Ticket!);

        Assert.Equal(TimeSpan.Zero, StartsIn(throttle.Admit(Admin)));
    }

    [Fact]
    public void Failures_are_forgotten_15_minutes_after_the_last_one()
    {
        var throttle = new LoginThrottle(_time);
        for (var i = 0; i < 8; i++)
        {
            var admission = throttle.Admit(Admin);
            _time.Advance(StartsIn(admission));
            throttle.Failed(admission.Ticket!);
        }

        _time.Advance(TimeSpan.FromMinutes(14));
        var a = throttle.Admit(Admin);
        var b = throttle.Admit(Admin);
        Assert.Equal((TimeSpan.Zero, TimeSpan.FromSeconds(16)), (StartsIn(a), StartsIn(b))); // 8 failures still counted
        throttle.Abandoned(a.Ticket!);
        throttle.Abandoned(b.Ticket!);

        _time.Advance(TimeSpan.FromMinutes(2));
        var c = throttle.Admit(Admin);
        var d = throttle.Admit(Admin);
        Assert.Equal((TimeSpan.Zero, TimeSpan.Zero), (StartsIn(c), StartsIn(d)));
    }

    [Fact]
    public void The_user_key_spans_addresses_and_other_user_names_share_one_key_of_their_own()
    {
        var throttle = new LoginThrottle(_time);
        for (var i = 0; i < 5; i++)
        {
            throttle.Failed(throttle.Admit(new LoginKeys($"198.51.100.{i}", "admin", null)).Ticket!);
        }

        var fromSixthAddress = throttle.Admit(new LoginKeys("198.51.100.99", "admin", null));
        var otherName = throttle.Admit(new LoginKeys("198.51.100.98", MonitorLogin.OtherUsers, null));

        Assert.Equal(TimeSpan.FromSeconds(1), StartsIn(fromSixthAddress));
        Assert.Equal(TimeSpan.Zero, StartsIn(otherName));
    }

    [Fact]
    public void A_known_device_counts_under_its_device_only()
    {
        var throttle = new LoginThrottle(_time);
        _ = Enumerable.Range(0, 20).Select(_ => throttle.Admit(Admin)).ToList();

        var fromDevice = throttle.Admit(Admin with { Device = "device-1" });
        var refused = throttle.Admit(Admin);

        Assert.True(fromDevice.Admitted);
        Assert.Equal(TimeSpan.Zero, StartsIn(fromDevice));
        Assert.False(refused.Admitted);
    }

    [Fact]
    public void The_address_table_is_bounded_idle_addresses_make_room_and_busy_ones_are_kept()
    {
        var throttle = new LoginThrottle(_time);
        for (var i = 0; i < LoginThrottle.MaxTrackedKeys; i++)
        {
            // Each address has an attempt in progress: none can be dropped.
            Assert.True(throttle.Admit(new LoginKeys($"10.{i >> 16}.{(i >> 8) & 255}.{i & 255}", MonitorLogin.OtherUsers, null)).Admitted);
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.False(throttle.Admit(new LoginKeys("203.0.113.1", "admin", null)).Admitted);
    }

    [Fact]
    public void Refusals_are_logged_at_most_once_per_10_s_with_the_count_of_the_unlogged_ones()
    {
        var throttle = new LoginThrottle(_time);

        Assert.True(throttle.ShouldLogRefusal(out var none));
        Assert.False(throttle.ShouldLogRefusal(out _));
        Assert.False(throttle.ShouldLogRefusal(out _));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(throttle.ShouldLogRefusal(out var two));

        Assert.Equal((0, 2), (none, two));
    }

    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff::1", "2001:db8:1:2::/64")]
    public void Addresses_are_keyed_by_IPv4_address_or_IPv6_64_network(string address, string key)
    {
        Assert.Equal(key, MonitorLogin.AddressKey(IPAddress.Parse(address)));
    }
}
