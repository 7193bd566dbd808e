using Microsoft.Extensions.Time.Testing;
using SiebelCti.Connector.Service.Monitor;

namespace SiebelCti.Connector.Service.Tests;

/// <summary>The global bound on concurrent password hashing, on a fake clock.</summary>
public sealed class PasswordCheckGateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_checks_run_at_once_a_third_waits_and_gets_none_after_MaxWait_while_a_known_device_keeps_its_own_slot()
    {
        var time = new FakeTimeProvider();
        using var gate = new PasswordCheckGate(time);
        var first = await gate.EnterAsync(knownDevice: false, Ct);
        var second = await gate.EnterAsync(knownDevice: false, Ct);

        var third = gate.EnterAsync(knownDevice: false, Ct);
        using var device = await gate.EnterAsync(knownDevice: true, Ct);
        Assert.False(third.IsCompleted);
        Assert.NotNull(device);
        time.Advance(PasswordCheckGate.MaxWait);
        Assert.Null(await third);

        first!.Dispose();
        first.Dispose(); // once only
        using var fourth = await gate.EnterAsync(knownDevice: false, Ct);
        var fifth = gate.EnterAsync(knownDevice: false, Ct);
        Assert.NotNull(fourth);
        Assert.False(fifth.IsCompleted);
        second!.Dispose();
        using var fifthSlot = await fifth;
        Assert.NotNull(fifthSlot);
    }
}
