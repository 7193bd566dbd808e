using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SiebelCti.Connector.Engine.Monitoring;
using SiebelCti.Connector.Service.Configuration;
using SiebelCti.Connector.Service.Monitor;
using SiebelCti.Finesse.Rest;

namespace SiebelCti.Connector.Service;

/// <summary>Service registrations of the connector host.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the validated settings: each options record as itself and as <see cref="IOptions{TOptions}"/>,
    /// with an <see cref="IValidateOptions{TOptions}"/> validator where the record has one.
    /// </summary>
    public static IServiceCollection AddConnectorOptions(this IServiceCollection services, ConnectorServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        Add(services, options.Broker);
        Add(services, options.Finesse);
        services.AddSingleton<IValidateOptions<FinesseOptions>>(new FinesseOptionsValidator());
        Add(services, options.Notifications);
        Add(services, options.Engine);
        Add(services, options.Host);
        Add(services, options.Monitor);
        services.AddSingleton<IValidateOptions<MonitorOptions>>(new MonitorOptionsValidator());
        return services;
    }

    /// <summary>
    /// Registers the connector engine and its adapters (<see cref="EngineWiring"/>), or, in demo mode,
    /// a simulated source. Whatever is registered as <see cref="IConnectorMonitorSource"/> is what the
    /// Connector Monitor shows. The host gives hosted services <see cref="EngineHostOptions.ShutdownTimeout"/>
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
        if (finesse.SideA is not null)
        {
            sides.Add(new FinesseSideInfo("A", Shown(finesse.SideA), null, false, false, null, "not checked yet"));
        }

        if (finesse.SideB is not null)
        {
            sides.Add(new FinesseSideInfo("B", Shown(finesse.SideB), null, false, false, null, "not checked yet"));
        }

        return sides;
    }

    /// <summary>A base URL as configured (no trailing slash), without user info.</summary>
    private static string Shown(Uri url) => SecretRedactor.RedactUri(url.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped));

    private static void Add<T>(IServiceCollection services, T value)
        where T : class
    {
        services.AddSingleton(value);
        services.AddSingleton(Options.Create(value));
    }
}
