using SiebelCti.Connector.Engine;
using SiebelCti.Connector.Engine.Adapters;
using SiebelCti.Connector.Engine.Monitoring;
using SiebelCti.Connector.Service.Configuration;
using SiebelCti.Finesse.Rest;

namespace SiebelCti.Connector.Service;

/// <summary>
/// Builds the connector engine and its adapters from the validated settings (already the components'
/// own options records): the broker channel over our OpenWire client, the Finesse REST gateway, the
/// per-agent XMPP notification hub.
/// </summary>
internal static class EngineWiring
{
    public static void Add(IServiceCollection services, ConnectorServiceOptions options)
    {
        services.AddSingleton(sp => new OpenWireClientChannel(options.Broker, sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new FinesseRestClient(options.Finesse, sp.GetRequiredService<ILogger<FinesseRestClient>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new FinesseNotificationHub(
            options.Notifications, sp.GetRequiredService<FinesseRestClient>(), sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ConnectorEngine(
            options.Engine,
            sp.GetRequiredService<OpenWireClientChannel>(),
            new FinesseRestGateway(sp.GetRequiredService<FinesseRestClient>()),
            sp.GetRequiredService<FinesseNotificationHub>(),
            sp.GetRequiredService<ILogger<ConnectorEngine>>(),
            sp.GetRequiredService<TimeProvider>(),
            null,
            new ConnectorEngine.MonitorDescription(ConnectorServiceHost.Version, options.Broker.Broker.BrokerUri, ServiceCollectionExtensions.FinesseSides(options.Finesse))));
        services.AddSingleton<IConnectorMonitorSource>(sp => sp.GetRequiredService<ConnectorEngine>());
        services.AddHostedService<EngineHostedService>();
    }
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
