using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SiebelCti.Connector.Service.Configuration;
using SiebelCti.Connector.Service.Diagnostics;
using SiebelCti.Finesse;

namespace SiebelCti.Connector.Service;

/// <summary>Logs the start and stop of the service and the warnings found in the configuration.</summary>
internal sealed class ServiceLifetimeLogger(
    ILogger<ServiceLifetimeLogger> logger,
    IHostApplicationLifetime lifetime,
    IHostEnvironment environment,
    ConnectorServiceOptions options,
    ConfigurationWarnings warnings,
    IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Log.ServiceStarting(logger, ConnectorServiceHost.Version, environment.ContentRootPath);
        foreach (var warning in warnings.Items)
        {
            Log.ConfigurationUnknownKey(logger, warning);
        }

        if (options.Finesse.Trust == ServerCertificateTrust.AllowSelfSigned)
        {
            Log.FinesseCertificateChecksDisabled(logger);
        }

        if (!options.Monitor.Enabled)
        {
            Log.MonitorDisabled(logger);
        }
        else
        {
            if (options.Monitor.Demo)
            {
                Log.MonitorDemoMode(logger);
            }

            foreach (var url in options.Monitor.UrlList.Where(IsPlainHttpOnNetwork))
            {
                Log.MonitorPlainHttpOnNetwork(logger, url);
            }
        }

        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
            if (addresses is { Count: > 0 })
            {
                Log.MonitorListening(logger, string.Join(", ", addresses));
            }
        });
        lifetime.ApplicationStopping.Register(() => Log.ServiceStopping(logger, options.Host.ShutdownTimeout));
        lifetime.ApplicationStopped.Register(() => Log.ServiceStopped(logger));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static bool IsPlainHttpOnNetwork(string url) =>
        Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && uri.Scheme == "http" && !uri.IsLoopback;
}

/// <summary>Keys in the configuration that nothing reads (logged at start).</summary>
internal sealed record ConfigurationWarnings(IReadOnlyList<string> Items);
