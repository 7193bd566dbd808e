using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SiebelCti.Connector.Engine.Monitoring;
using SiebelCti.Connector.Service.Configuration;
using SiebelCti.Connector.Service.Monitor;

namespace SiebelCti.Connector.Service;

/// <summary>Service registrations of the connector host.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the validated settings: each section as its immutable record, as <see cref="IOptions{TOptions}"/>,
    /// and its <see cref="IValidateOptions{TOptions}"/> validator.
    /// </summary>
    public static IServiceCollection AddConnectorOptions(this IServiceCollection services, ConnectorServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        Add(services, options.Broker, new BrokerOptionsValidator());
        Add(services, options.Finesse, new FinesseOptionsValidator());
        Add(services, options.Engine, new EngineServiceOptionsValidator());
        Add(services, options.Monitor, new MonitorOptionsValidator());
        return services;
    }

    /// <summary>
    /// THE registration point of the connector engine and its adapters. Whatever is registered here
    /// as <see cref="IConnectorMonitorSource"/> is what the Connector Monitor shows.
    /// </summary>
    /// <remarks>
    /// To plug in the engine (Connector.Core/Engine/ConnectorEngine, which implements
    /// <see cref="IConnectorMonitorSource"/>), replace the placeholder block below with:
    /// <code>
    /// services.AddSingleton(sp => /* map options.Engine onto Connector.Core's EngineOptions */);
    /// services.AddSingleton&lt;IClientChannel, ...&gt;();          // OpenWire adapter (options.Broker)
    /// services.AddSingleton&lt;IFinesseGateway, ...&gt;();        // Finesse REST adapter (options.Finesse)
    /// services.AddSingleton&lt;IFinesseNotifications, ...&gt;();  // XMPP adapter (options.Finesse)
    /// services.AddSingleton&lt;ConnectorEngine&gt;();
    /// services.AddSingleton&lt;IConnectorMonitorSource&gt;(sp =&gt; sp.GetRequiredService&lt;ConnectorEngine&gt;());
    /// services.AddHostedService(...);  // runs ConnectorEngine.RunAsync until the host stops
    /// </code>
    /// The host gives hosted services <see cref="EngineServiceOptions.ShutdownTimeout"/> to stop
    /// (stop consuming, finish requests in flight) and flushes the logs afterwards.
    /// </remarks>
    public static IServiceCollection AddConnectorEngine(this IServiceCollection services, ConnectorServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Monitor.Demo)
        {
            services.TryAddSingleton(sp => new DemoMonitorSource(sp.GetRequiredService<TimeProvider>(), options));
            services.TryAddSingleton<IConnectorMonitorSource>(sp => sp.GetRequiredService<DemoMonitorSource>());
            services.AddHostedService(sp => sp.GetRequiredService<DemoMonitorSource>());
            return services;
        }

        // ---- ENGINE REGISTRATION POINT: placeholder until the engine is wired (see remarks) ----
        services.AddSingleton(new EngineNotWired());
        services.TryAddSingleton<IConnectorMonitorSource>(sp => new InMemoryConnectorMonitorSource(
            InMemoryConnectorMonitorSource.EmptySnapshot(
                sp.GetRequiredService<TimeProvider>(),
                ConnectorServiceHost.Version,
                "the connector engine is not part of this build",
                options.Broker.Uri,
                FinesseSides(options.Finesse))));
        // ---- END OF ENGINE REGISTRATION POINT ----
        return services;
    }

    /// <summary>The configured Finesse sides as the monitor lists them before the first health check.</summary>
    public static IReadOnlyList<FinesseSideInfo> FinesseSides(FinesseOptions finesse)
    {
        ArgumentNullException.ThrowIfNull(finesse);
        var sides = new List<FinesseSideInfo>();
        if (finesse.SideAUrl is not null)
        {
            sides.Add(new FinesseSideInfo("A", SecretRedactor.RedactUri(finesse.SideAUrl), null, false, false, null, "not checked yet"));
        }

        if (finesse.SideBUrl is not null)
        {
            sides.Add(new FinesseSideInfo("B", SecretRedactor.RedactUri(finesse.SideBUrl), null, false, false, null, "not checked yet"));
        }

        return sides;
    }

    private static void Add<T>(IServiceCollection services, T value, IValidateOptions<T> validator)
        where T : class
    {
        services.AddSingleton(value);
        services.AddSingleton(Options.Create(value));
        services.AddSingleton(validator);
    }

    /// <summary>Marker registered while <see cref="AddConnectorEngine"/> still holds the placeholder (logged at start).</summary>
    internal sealed class EngineNotWired;
}
