using System.Threading.Channels;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using SiebelCti.FinesseEmulator.Engine;
using SiebelCti.FinesseEmulator.Options;
using SiebelCti.FinesseEmulator.Publishing;

namespace SiebelCti.FinesseEmulator.Tests;

/// <summary>Failure paths of the notification pump and of account provisioning: logged, never fatal.</summary>
public sealed class PublishingTests
{
    /// <summary>Fails the first publish, then records every item.</summary>
    private sealed class FlakyPublisher : INotificationPublisher
    {
        private int _calls;

        public Channel<(string Node, XElement Item)> Published { get; } = Channel.CreateUnbounded<(string, XElement)>();

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task PublishAsync(string node, XElement item, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                throw new IOException("connection reset (test)");
            }

            Published.Writer.TryWrite((node, item));
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_failed_publish_is_logged_and_the_pump_goes_on_with_the_next_notification()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = Directory.CreateTempSubdirectory("finesse-emulator-pump").FullName;
        var publisher = new FlakyPublisher();
        var config = EmulatorFixture.BaseConfig();
        config["Emulator:SideB:Urls:0"] = "";
        await using var app = EmulatorApp.Build([], config, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Harness.Start), publisher, root);
        await app.StartAsync(ct);
        try
        {
            var center = app.Services.GetRequiredService<CallCenter>();
            Assert.Null(center.ChangeAgentState("5001", new UserRequest("LOGIN", "3001")));
            Assert.Null(center.ChangeAgentState("5001", new UserRequest("READY")));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            (string Node, XElement Item) next;
            do
            {
                next = await publisher.Published.Reader.ReadAsync(timeout.Token);
            }
            while (next.Node != "/finesse/api/User/5001" || !next.Item.Value.Contains("<state>READY</state>", StringComparison.Ordinal));

            Assert.Equal(NotificationEnvelope.PubSub + "notification", next.Item.Name);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Records each publish and completes it only when the test says so.</summary>
    private sealed class HeldPublisher : INotificationPublisher
    {
        public Channel<(string Node, string RequestId, TaskCompletionSource Done)> Started { get; } =
            Channel.CreateUnbounded<(string, string, TaskCompletionSource)>();

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task PublishAsync(string node, XElement item, CancellationToken cancellationToken)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var requestId = item.Value[(item.Value.IndexOf("<requestId>", StringComparison.Ordinal) + 11)..item.Value.IndexOf("</requestId>", StringComparison.Ordinal)];
            Started.Writer.TryWrite((node, requestId, done));
            return done.Task;
        }
    }

    /// <summary>Runs <paramref name="body"/> against a started pump over a <see cref="HeldPublisher"/> with a 30 s bound, then stops the pump.</summary>
    private static async Task WithHeldPumpAsync(Func<NotificationQueue, HeldPublisher, CancellationToken, Task> body)
    {
        var ct = TestContext.Current.CancellationToken;
        var queue = new NotificationQueue();
        var publisher = new HeldPublisher();
        using var pump = new NotificationPump(queue, publisher, new NoAccountProvisioner(), new PublisherStatus(), NullLogger<NotificationPump>.Instance);
        await pump.StartAsync(ct);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            await body(queue, publisher, timeout.Token);
        }
        finally
        {
            await pump.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public Task Notifications_of_different_nodes_are_published_at_once_and_each_node_keeps_its_order() => WithHeldPumpAsync(async (queue, publisher, bounded) =>
    {
        queue.Enqueue(new Notification("/a", "PUT", "/a", "a1", new XElement("user")));
        queue.Enqueue(new Notification("/b", "PUT", "/b", "b1", new XElement("user")));
        queue.Enqueue(new Notification("/a", "PUT", "/a", "a2", new XElement("user")));
        queue.Enqueue(new Notification("/c", "PUT", "/c", "c1", new XElement("user")));

        // a1, b1 and c1 are all outstanding before any is acknowledged; a2 waits for a1.
        var first = new[] { await publisher.Started.Reader.ReadAsync(bounded), await publisher.Started.Reader.ReadAsync(bounded), await publisher.Started.Reader.ReadAsync(bounded) };
        Assert.Equal(["a1", "b1", "c1"], first.Select(p => p.RequestId));
        Assert.False(publisher.Started.Reader.TryRead(out _));

        first[1].Done.SetResult(); // b1 acknowledged: a2 still waits for a1
        first[2].Done.SetException(new IOException("publish failed (test)")); // c1 failed: logged, nothing else changes
        Assert.False(publisher.Started.Reader.TryRead(out _));

        first[0].Done.SetResult();
        var next = await publisher.Started.Reader.ReadAsync(bounded);
        Assert.Equal(("/a", "a2"), (next.Node, next.RequestId));
        next.Done.SetResult();
    });

    [Fact]
    public Task An_agents_dialogs_and_state_stay_in_order_across_its_two_nodes() => WithHeldPumpAsync(async (queue, publisher, bounded) =>
    {
        // The call ends (Dialogs node), then the agent is READY (user node): Finesse sends them in this order.
        queue.Enqueue(new Notification("/finesse/api/User/1001/Dialogs", "DELETE", "/finesse/api/Dialog/7", "ended", new XElement("dialog")));
        queue.Enqueue(new Notification("/finesse/api/User/1001", "PUT", "/finesse/api/User/1001", "ready", new XElement("user")));
        queue.Enqueue(new Notification("/finesse/api/User/1002", "PUT", "/finesse/api/User/1002", "other", new XElement("user")));

        var first = new[] { await publisher.Started.Reader.ReadAsync(bounded), await publisher.Started.Reader.ReadAsync(bounded) };
        Assert.Equal(["ended", "other"], first.Select(p => p.RequestId));
        Assert.False(publisher.Started.Reader.TryRead(out _)); // READY waits for the call's end

        first[0].Done.SetResult();
        var next = await publisher.Started.Reader.ReadAsync(bounded);
        Assert.Equal(("/finesse/api/User/1001", "ready"), (next.Node, next.RequestId));
        next.Done.SetResult();
        first[1].Done.SetResult();
    });

    [Fact]
    public async Task Provisioning_without_prosodyctl_logs_an_error_and_does_not_throw()
    {
        var logger = new FakeLogger<ProsodyShellProvisioner>();
        var options = Harness.DefaultOptions() with
        {
            Xmpp = new XmppPublisherOptions { AccountProvisioning = "ProsodyShell", ProsodyConfig = "/nonexistent/prosody.cfg.lua", ProsodyCtl = "/nonexistent/prosodyctl" },
        };
        await new ProsodyShellProvisioner(options, logger).ProvisionAsync(TestContext.Current.CancellationToken);
        var record = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal((LogLevel.Error, 7011), (record.Level, record.Id.Id));
        Assert.DoesNotContain("pw-", record.Message, StringComparison.Ordinal);
    }
    [Fact]
    public async Task Each_emulator_signs_in_to_the_XMPP_server_with_its_own_resource()
    {
        // Emulators of parallel tests share one prosody and one admin user: a shared resource made
        // each new session replace the other's.
        var options = Harness.DefaultOptions();
        await using var first = new XmppNotificationPublisher(options, NullLoggerFactory.Instance);
        await using var second = new XmppNotificationPublisher(options, NullLoggerFactory.Instance);

        Assert.StartsWith("FinesseEmulator-", first.Resource, StringComparison.Ordinal);
        Assert.NotEqual(first.Resource, second.Resource);
    }
}
