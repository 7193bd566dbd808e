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
