using System.Reflection;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using NLog.Extensions.Logging;
using NLog.Web;
using SiebelCti.Connector.Service.Configuration;
using SiebelCti.Connector.Service.Monitor;

namespace SiebelCti.Connector.Service;

/// <summary>
/// Builds the connector host: configuration (appsettings.json, appsettings.{Environment}.json,
/// <c>SIEBELCTI_</c> environment variables, command line — later wins), validation of every
/// setting before anything starts, NLog, systemd / Windows service integration, the engine
/// registration point and, when enabled, the Connector Monitor on Kestrel.
/// </summary>
public static class ConnectorServiceHost
{
    /// <summary>Prefix of the environment variables read as configuration (<c>SIEBELCTI_Broker__Uri</c>).</summary>
    public const string EnvironmentPrefix = "SIEBELCTI_";

    /// <summary>Name under which the service is registered on Windows.</summary>
    public const string WindowsServiceName = "SiebelCtiConnector";

    /// <summary>The product version (informational version of this assembly).</summary>
    public static string Version { get; } =
        typeof(ConnectorServiceHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Builds the host; throws <see cref="ConnectorConfigurationException"/> listing every configuration problem.</summary>
    /// <param name="args">Command-line arguments (<c>--Section:Key=value</c>).</param>
    /// <param name="settings">Extra settings applied last (tests).</param>
    /// <param name="configureServices">Called after the standard registrations (tests replace the monitor source here).</param>
    /// <param name="useNLog">False to keep the default logging providers instead of NLog (tests).</param>
    public static IHost Build(
        string[] args,
        IEnumerable<KeyValuePair<string, string?>>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        bool useNLog = true)
    {
        ArgumentNullException.ThrowIfNull(args);
        var contentRoot = AppContext.BaseDirectory;

        // Read the settings once up front: the monitor's URLs and certificate are needed to build the
        // web host, and every problem is reported before anything starts.
        var probe = new ConfigurationManager();
        var environmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environments.Production;
        AddSources(probe, args, settings, contentRoot, environmentName);
        var options = ConnectorServiceOptions.Load(probe, out var problems, out var warnings);
        if (problems.Count > 0)
        {
            throw new ConnectorConfigurationException(problems);
        }

        if (!options.Monitor.Enabled)
        {
            var generic = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            {
                Args = args,
                ContentRootPath = contentRoot,
                EnvironmentName = environmentName,
                DisableDefaults = true,
            });
            AddSources(generic.Configuration, args, settings, contentRoot, environmentName);
            if (useNLog)
            {
                generic.Logging.ClearProviders();
                generic.Logging.AddNLog();
            }

            ConfigureServices(generic.Services, options, warnings, configureServices);
            return generic.Build();
        }

        var certificate = LoadCertificate(options.Monitor);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = contentRoot,
            EnvironmentName = environmentName,
        });
        builder.Configuration.Sources.Clear();
        AddSources(builder.Configuration, args, settings, contentRoot, environmentName);
        if (useNLog)
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddNLogWeb();
        }

        builder.WebHost.UseUrls([.. options.Monitor.UrlList]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            if (certificate is not null)
            {
                kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate);
            }
        });

        // Login cookies are protected with keys that live only in memory: a restart signs everybody
        // out, and no key files need a writable, protected place on disk.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        var keyRingLoader = builder.Services.FirstOrDefault(d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService");
        if (keyRingLoader is not null)
        {
            // It would create and store a file-based key ring that the ephemeral provider never uses.
            builder.Services.Remove(keyRingLoader);
        }

        builder.Services.AddConnectorMonitor(options.Monitor);
        ConfigureServices(builder.Services, options, warnings, configureServices);

        var app = builder.Build();
        app.MapConnectorMonitor();
        return app;
    }

    private static void ConfigureServices(
        IServiceCollection services,
        ConnectorServiceOptions options,
        IReadOnlyList<string> warnings,
        Action<IServiceCollection>? configureServices)
    {
        services.AddSystemd();
        services.AddWindowsService(o => o.ServiceName = WindowsServiceName);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = options.Host.ShutdownTimeout);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new ConfigurationWarnings(warnings));
        services.AddHostedService<ServiceLifetimeLogger>();
        services.AddConnectorOptions(options);
        services.AddConnectorEngine(options);
        configureServices?.Invoke(services);
    }

    private static void AddSources(
        IConfigurationBuilder configuration,
        string[] args,
        IEnumerable<KeyValuePair<string, string?>>? settings,
        string contentRoot,
        string environmentName)
    {
        configuration
            .AddJsonFile(Path.Combine(contentRoot, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(contentRoot, $"appsettings.{environmentName}.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddCommandLine(args);
        if (settings is not null)
        {
            configuration.AddInMemoryCollection(settings);
        }
    }

    private static X509Certificate2? LoadCertificate(MonitorOptions monitor)
    {
        if (monitor.CertificatePath is null)
        {
            return null;
        }

        try
        {
            var extension = Path.GetExtension(monitor.CertificatePath);
            if (extension.Equals(".pfx", StringComparison.OrdinalIgnoreCase) || extension.Equals(".p12", StringComparison.OrdinalIgnoreCase))
            {
                return X509CertificateLoader.LoadPkcs12FromFile(monitor.CertificatePath, monitor.CertificatePassword);
            }

            using var pem = monitor.CertificatePassword is null
                ? X509Certificate2.CreateFromPemFile(monitor.CertificatePath, monitor.CertificateKeyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(monitor.CertificatePath, monitor.CertificatePassword, monitor.CertificateKeyPath);

            // A PEM key is ephemeral; Kestrel on Windows needs it in a PKCS#12 container.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception exception) when (exception is System.Security.Cryptography.CryptographicException or IOException or ArgumentException)
        {
            throw new ConnectorConfigurationException(
                [$"{MonitorOptions.SectionName}:CertificatePath: '{monitor.CertificatePath}' could not be loaded ({exception.GetType().Name}; check the file, the key and {MonitorOptions.SectionName}:CertificatePassword)"]);
        }
    }
}
