using System.Globalization;
using System.Xml.Linq;
using SiebelCti.Finesse.Xmpp;
using SiebelCti.FinesseEmulator.Options;
using SiebelCti.Finesse;

namespace SiebelCti.FinesseEmulator.Publishing;

/// <summary>
/// Publishes through the project's <see cref="XmppClient"/> as the pubsub admin, and, like Finesse,
/// subscribes every agent's bare JID to its own User, Dialogs and the SystemInfo node (so an agent
/// signed in with any resource at priority &gt;= 0 receives them without subscribing). Optionally signs
/// in the <c>finesse</c> user, whose presence tells clients the emulator is alive.
/// </summary>
public sealed partial class XmppNotificationPublisher(EmulatorOptions options, ILoggerFactory loggerFactory) : INotificationPublisher, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<XmppNotificationPublisher>();
    private XmppClient? _admin;
    private XmppClient? _finesse;
    private int _iqId;

    private string Service => "pubsub." + options.XmppDomain;

    /// <summary>
    /// The XMPP resource of this emulator's sessions, unique per instance: emulators sharing one XMPP
    /// server (tests running in parallel) sign in as the same admin user, and with one fixed
    /// resource each new session would replace the other's, so notifications were delayed or lost.
    /// </summary>
    public string Resource { get; } = "FinesseEmulator-" + Guid.NewGuid().ToString("N")[..8];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _admin = await ConnectWithRetryAsync(options.Xmpp.AdminUser, options.Xmpp.AdminPassword, Resource, false, cancellationToken).ConfigureAwait(false);
        if (options.Xmpp.AutoSubscribe)
        {
            await AutoSubscribeAsync(_admin, cancellationToken).ConfigureAwait(false);
        }

        if (options.Xmpp.FinesseUserPassword.Length > 0)
        {
            _finesse = await ConnectWithRetryAsync("finesse", options.Xmpp.FinesseUserPassword, Resource, true, cancellationToken).ConfigureAwait(false);
        }

        LogReady(_logger, options.Xmpp.Host, options.Xmpp.Port, Service);
    }

    public async Task PublishAsync(string node, XElement item, CancellationToken cancellationToken)
    {
        var client = _admin ?? throw new InvalidOperationException("The XMPP publisher is not started");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await client.PublishAsync(Service, node, item, cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (XmppException ex) when (!ex.IsPermanent && attempt < 20)
            {
                // Session lost: the client reconnects on its own; wait for it rather than drop the event.
                LogRetry(_logger, node, ex.Code, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(250 * Math.Min(attempt, 8)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // One resource per emulator instance: two emulators on one XMPP server (parallel tests) must not
    // take the admin session from each other (a server replaces a session with the same full JID).

    private async Task<XmppClient> ConnectWithRetryAsync(string user, string password, string resource, bool approvePresence, CancellationToken cancellationToken)
    {
        var x = options.Xmpp;
        var tls = x.TlsMode switch { "StartTls" => XmppTlsMode.StartTls, "DirectTls" => XmppTlsMode.DirectTls, _ => XmppTlsMode.None };
        var xmppOptions = new XmppOptions
        {
            Host = x.Host,
            Port = x.Port,
            Domain = options.XmppDomain,
            User = user,
            Password = password,
            Resource = resource,
            TlsMode = tls,
            Trust = string.IsNullOrEmpty(x.TrustedCertificatePath) ? ServerCertificateTrust.System : ServerCertificateTrust.CaFile,
            TrustedCertificatePath = string.IsNullOrEmpty(x.TrustedCertificatePath) ? null : x.TrustedCertificatePath,
            AutoApprovePresenceSubscriptions = approvePresence,
        };
        for (var attempt = 1; ; attempt++)
        {
            var client = new XmppClient(xmppOptions, loggerFactory);
            try
            {
                await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
                return client;
            }
            catch (XmppException ex) when (!ex.IsPermanent)
            {
                await client.DisposeAsync().ConfigureAwait(false);
                LogConnectRetry(_logger, user, ex.Code, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await client.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    private async Task AutoSubscribeAsync(XmppClient admin, CancellationToken cancellationToken)
    {
        // As Finesse does: every user to its own User and Dialogs and to SystemInfo, a supervisor also
        // to the Users node of each team it supervises (it then receives its team members' summaries).
        var work = options.Agents.SelectMany(a => new[]
        {
            (Jid: a.LoginId + "@" + options.XmppDomain, Node: "/finesse/api/User/" + a.LoginId),
            (Jid: a.LoginId + "@" + options.XmppDomain, Node: "/finesse/api/User/" + a.LoginId + "/Dialogs"),
            (Jid: a.LoginId + "@" + options.XmppDomain, Node: "/finesse/api/SystemInfo"),
        }.Concat(SupervisedTeamIds(a).Select(team => (Jid: a.LoginId + "@" + options.XmppDomain, Node: "/finesse/api/Team/" + team + "/Users")))).ToList();
        var failures = 0;
        foreach (var batch in work.Chunk(32))
        {
            var results = await Task.WhenAll(batch.Select(async w =>
            {
                try
                {
                    var id = "emu-sub-" + Interlocked.Increment(ref _iqId).ToString(CultureInfo.InvariantCulture);
                    await admin.SendIqAsync(PubSubStanzas.Subscribe(id, Service, w.Node, w.Jid), cancellationToken).ConfigureAwait(false);
                    return true;
                }
                catch (XmppException ex)
                {
                    LogSubscribeFailed(_logger, w.Jid, w.Node, ex.Code);
                    return false;
                }
            })).ConfigureAwait(false);
            failures += results.Count(ok => !ok);
        }

        LogSubscribed(_logger, work.Count - failures, work.Count);
    }

    private static IEnumerable<string> SupervisedTeamIds(AgentOptions agent) =>
        !agent.Roles.Any(r => string.Equals(r, "Supervisor", StringComparison.OrdinalIgnoreCase)) ? []
        : agent.SupervisedTeams.Count > 0 ? agent.SupervisedTeams.Distinct(StringComparer.Ordinal) : [agent.TeamId];

    public async ValueTask DisposeAsync()
    {
        if (_finesse is not null)
        {
            await _finesse.DisposeAsync().ConfigureAwait(false);
        }

        if (_admin is not null)
        {
            await _admin.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(7200, LogLevel.Information, "Publishing notifications to {Service} through {Host}:{Port}")]
    private static partial void LogReady(ILogger logger, string host, int port, string service);

    [LoggerMessage(7201, LogLevel.Warning, "XMPP sign-in of {User} failed ({Code}), attempt {Attempt}; retrying")]
    private static partial void LogConnectRetry(ILogger logger, string user, string code, int attempt);

    [LoggerMessage(7202, LogLevel.Warning, "Publishing to {Node} failed ({Code}), attempt {Attempt}; retrying")]
    private static partial void LogRetry(ILogger logger, string node, string code, int attempt);

    [LoggerMessage(7203, LogLevel.Warning, "Could not subscribe {Jid} to {Node} ({Code})")]
    private static partial void LogSubscribeFailed(ILogger logger, string jid, string node, string code);

    [LoggerMessage(7204, LogLevel.Information, "Subscribed agents to {Count} of {Total} Finesse nodes")]
    private static partial void LogSubscribed(ILogger logger, int count, int total);
}
