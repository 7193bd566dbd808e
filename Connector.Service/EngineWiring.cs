using SiebelCti.Connector.Engine;
using SiebelCti.Connector.Engine.Adapters;
using SiebelCti.Connector.Engine.Monitoring;
using SiebelCti.Finesse.Rest;
using SiebelCti.Finesse.Xmpp;
using SiebelCti.OpenWire;
using SiebelCti.Connector.Service.Configuration;
using CoreFinesseOptions = SiebelCti.Finesse.Rest.FinesseOptions;
using ServiceFinesseOptions = SiebelCti.Connector.Service.Configuration.FinesseOptions;
using ServiceXmppTlsMode = SiebelCti.Connector.Service.Configuration.XmppTlsMode;
using SiebelCti.Finesse;

namespace SiebelCti.Connector.Service;

/// <summary>
/// Builds the connector engine and its adapters from the validated service settings: the broker
/// channel over our OpenWire client, the Finesse REST gateway, the per-agent XMPP notification hub.
/// </summary>
internal static class EngineWiring
{
    public static void Add(IServiceCollection services, ConnectorServiceOptions options)
    {
        services.AddSingleton(sp => new OpenWireClientChannel(BrokerChannel(options.Broker), sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new FinesseRestClient(FinesseRest(options.Finesse), sp.GetRequiredService<ILogger<FinesseRestClient>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new FinesseNotificationHub(
            Notifications(options.Finesse), sp.GetRequiredService<FinesseRestClient>(), sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ConnectorEngine(
            Engine(options.Engine) with { BindClientIdsToBrokerUsers = options.Broker.BindClientIdsToUsers },
            sp.GetRequiredService<OpenWireClientChannel>(),
            new FinesseRestGateway(sp.GetRequiredService<FinesseRestClient>()),
            sp.GetRequiredService<FinesseNotificationHub>(),
            sp.GetRequiredService<ILogger<ConnectorEngine>>(),
            sp.GetRequiredService<TimeProvider>(),
            null,
            new ConnectorEngine.MonitorDescription(ConnectorServiceHost.Version, options.Broker.Uri, ServiceCollectionExtensions.FinesseSides(options.Finesse))));
        services.AddSingleton<IConnectorMonitorSource>(sp => sp.GetRequiredService<ConnectorEngine>());
        services.AddHostedService<EngineHostedService>();
    }

    public static ClientChannelOptions BrokerChannel(BrokerOptions broker) => new()
    {
        Broker = new OpenWireOptions
        {
            BrokerUri = broker.Uri,
            UserName = broker.User,
            Password = broker.Password,
            TrustedCaCertificatesPath = broker.TrustedCertificatesPath,
            ClientId = $"SiebelCti.Connector.{Environment.MachineName}.{Environment.ProcessId}",
            ConnectTimeout = broker.ConnectTimeout,
        },
        RequestQueue = broker.RequestQueue,
        ClientTopicPrefix = broker.ClientTopicPrefix,
    };

    public static CoreFinesseOptions FinesseRest(ServiceFinesseOptions finesse) => new()
    {
        SideA = finesse.SideAUrl is { } a ? new Uri(a) : null,
        SideB = finesse.SideBUrl is { } b ? new Uri(b) : null,
        RequestTimeout = finesse.RequestTimeout,
        ConnectTimeout = finesse.ConnectTimeout,
        Trust = finesse.AllowInvalidCertificates ? ServerCertificateTrust.AllowSelfSigned
            : finesse.TrustedCertificatesPath is not null ? ServerCertificateTrust.CaFile : ServerCertificateTrust.System,
        CaCertificatePath = finesse.TrustedCertificatesPath,
        // Finesse 12.5+ serves HTTPS only; plain HTTP is accepted only when a URL says so (labs, the emulator).
        AllowHttp = IsHttp(finesse.SideAUrl) || IsHttp(finesse.SideBUrl),
    };

    public static FinesseNotificationOptions Notifications(ServiceFinesseOptions finesse)
    {
        var sideAHost = finesse.XmppHostA ?? (finesse.SideAUrl is { } a ? new Uri(a).Host : "");
        return new FinesseNotificationOptions
        {
            Xmpp = new XmppOptions
            {
                Host = sideAHost,
                Port = finesse.XmppPort,
                Domain = finesse.XmppDomain ?? sideAHost,
                TlsMode = finesse.XmppTls == ServiceXmppTlsMode.StartTls ? Finesse.Xmpp.XmppTlsMode.StartTls : Finesse.Xmpp.XmppTlsMode.DirectTls,
                Trust = finesse.AllowInvalidCertificates ? ServerCertificateTrust.AllowSelfSigned
                    : finesse.TrustedCertificatesPath is not null ? ServerCertificateTrust.CaFile : ServerCertificateTrust.System,
                TrustedCertificatePath = finesse.TrustedCertificatesPath,
                PingInterval = finesse.XmppPingInterval,
                ConnectTimeout = finesse.ConnectTimeout,
            },
            SideBHost = finesse.XmppHostB ?? (finesse.SideBUrl is { } b ? new Uri(b).Host : null),
            HealthPollInterval = finesse.HealthCheckInterval,
            FinesseUser = finesse.PresenceUser,
        };
    }

    public static EngineOptions Engine(EngineServiceOptions engine) => new()
    {
        RequestTimeout = engine.RequestTimeout,
        ClientTimeout = engine.DeadClientTimeout,
        DeadClientPolicy = engine.DeadClientAction == DeadClientAction.Logout ? DeadClientPolicy.Logout : DeadClientPolicy.Keep,
        DeadClientLogoutReasonCode = engine.DeadClientLogoutReasonCode,
        QueueTimeout = engine.QueueTimeout,
        MaxConcurrentFinesseRequests = engine.MaxConcurrentFinesseRequests,
        MaxPendingRequestsPerAgent = engine.MaxPendingRequestsPerAgent,
        MaxClients = engine.MaxClients,
        MaxAgentsPerClient = engine.MaxAgentsPerClient,
        MaxAgents = engine.MaxAgents,
        LoginFailureLimit = engine.LoginFailureLimit,
        LoginFailureBackoff = engine.LoginFailureBackoff,
    };

    private static bool IsHttp(string? url) => url is not null && url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Runs the engine for the life of the host. On stop the engine stops handling work first; the
/// container then disposes the adapters (closing agents' Finesse sessions and the broker connection).
/// </summary>
internal sealed class EngineHostedService(ConnectorEngine engine, OpenWireClientChannel channel, FinesseNotificationHub notifications) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        channel.Start();
        notifications.Start();
        await engine.RunAsync(stoppingToken).ConfigureAwait(false);
    }
}
