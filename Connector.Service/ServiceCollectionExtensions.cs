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
    /// Registers the connector engine and its adapters (<see cref="EngineWiring"/>), or, in demo mode,
    /// a simulated source. Whatever is registered as <see cref="IConnectorMonitorSource"/> is what the
    /// Connector Monitor shows. The host gives hosted services <see cref="EngineServiceOptions.ShutdownTimeout"/>
    /// to stop and flushes the logs afterwards.
    /// </summary>
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

        EngineWiring.Add(services, options);
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
}
