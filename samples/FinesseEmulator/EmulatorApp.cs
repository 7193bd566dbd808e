using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using SiebelCti.FinesseEmulator.Engine;
using SiebelCti.FinesseEmulator.Http;
using SiebelCti.FinesseEmulator.Options;
using SiebelCti.FinesseEmulator.Publishing;

namespace SiebelCti.FinesseEmulator;

/// <summary>The emulator's configuration was invalid; <see cref="Errors"/> lists every problem.</summary>
public sealed class EmulatorConfigurationException(IReadOnlyList<string> errors)
    : Exception("Invalid emulator configuration:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>Where each side listens once started (actual ports when configured with port 0).</summary>
public sealed class Listeners
{
    internal List<(int Side, ListenOptions Options, bool Https)> Items { get; } = [];

    public IReadOnlyList<Uri> UrlsOf(int side) =>
        [.. Items.Where(i => i.Side == side).Select(i => new Uri($"{(i.Https ? "https" : "http")}://{i.Options.IPEndPoint!.Address}:{i.Options.IPEndPoint.Port}"))];
}

/// <summary>Builds the emulator web application (used by Program and by in-process tests).</summary>
public static class EmulatorApp
{
    /// <param name="args">Command line (highest priority configuration).</param>
    /// <param name="overrides">Extra configuration applied last (tests).</param>
    /// <param name="time">Clock and timers; the system clock when null.</param>
    /// <param name="publisher">Replaces the configured publisher (tests).</param>
    /// <param name="contentRoot">Folder holding appsettings.json; the program's folder when null.</param>
    public static WebApplication Build(
        string[] args, IReadOnlyDictionary<string, string?>? overrides = null, TimeProvider? time = null,
        INotificationPublisher? publisher = null, string? contentRoot = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot ?? AppContext.BaseDirectory });
        var defaults = new Dictionary<string, string?>();
        if (Environment.GetEnvironmentVariable("SIEBELCTI_XMPP_DOMAIN") is { Length: > 0 } domain)
        {
            defaults["Emulator:XmppDomain"] = domain;
        }

        if (Environment.GetEnvironmentVariable("SIEBELCTI_XMPP_PORT") is { Length: > 0 } port)
        {
            defaults["Emulator:Xmpp:Port"] = port;
        }

        if (Environment.GetEnvironmentVariable("SIEBELCTI_RUN") is { Length: > 0 } run)
        {
            defaults["Emulator:Xmpp:ProsodyConfig"] = Path.Combine(run, "prosody", "prosody.cfg.lua");
        }

        // The project's SIEBELCTI_* variables override appsettings.json; the command line still wins.
        var sources = builder.Configuration.Sources;
        var commandLine = sources.LastOrDefault(s => s is Microsoft.Extensions.Configuration.CommandLine.CommandLineConfigurationSource);
        if (commandLine is not null)
        {
            sources.Remove(commandLine);
        }

        builder.Configuration.AddInMemoryCollection(defaults);
        if (commandLine is not null)
        {
            sources.Add(commandLine);
        }

        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        var options = builder.Configuration.GetSection(EmulatorOptions.SectionName).Get<EmulatorOptions>() ?? new EmulatorOptions();
        // An empty URL (e.g. Emulator__SideB__Urls__0= in the environment) switches that listener off.
        options = options with
        {
            SideA = options.SideA with { Urls = [.. options.SideA.Urls.Where(u => !string.IsNullOrWhiteSpace(u))] },
            SideB = options.SideB with { Urls = [.. options.SideB.Urls.Where(u => !string.IsNullOrWhiteSpace(u))] },
        };
        var errors = EmulatorOptionsValidator.Validate(options);
        if (errors.Count > 0)
        {
            throw new EmulatorConfigurationException(errors);
        }

        var listeners = new Listeners();
        X509Certificate2? certificate = null;
        if (!string.IsNullOrEmpty(options.CertificatePath))
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
        }

        builder.WebHost.ConfigureKestrel(k =>
        {
            foreach (var (side, urls) in new[] { (0, options.SideA.Urls), (1, options.SideB.Urls) })
            {
                foreach (var url in urls)
                {
                    var uri = new Uri(url);
                    var address = uri.Host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(uri.Host);
                    var https = uri.Scheme == "https";
                    k.Listen(address, uri.Port, lo =>
                    {
                        var sideValue = side;
                        lo.Use(next => connection =>
                        {
                            connection.Items[FinesseApi.SideItem] = sideValue;
                            return next(connection);
                        });
                        if (https)
                        {
                            lo.UseHttps(certificate!);
                        }

                        listeners.Items.Add((side, lo, https));
                    });
                }
            }
        });

        var clock = time ?? TimeProvider.System;
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(listeners);
        builder.Services.AddSingleton<NotificationQueue>();
        builder.Services.AddSingleton<PublisherStatus>();
        builder.Services.AddSingleton(sp => new CallCenter(options, clock, sp.GetRequiredService<NotificationQueue>().Enqueue, sp.GetRequiredService<ILogger<CallCenter>>()));
        builder.Services.AddSingleton<Authenticator>();
        if (publisher is not null)
        {
            builder.Services.AddSingleton(publisher);
        }
        else if (options.Xmpp.Enabled)
        {
            builder.Services.AddSingleton<INotificationPublisher, XmppNotificationPublisher>();
        }
        else
        {
            builder.Services.AddSingleton<INotificationPublisher, LoggingPublisher>();
        }

        if (options.Xmpp.AccountProvisioning == "ProsodyShell")
        {
            builder.Services.AddSingleton<IAccountProvisioner, ProsodyShellProvisioner>();
        }
        else
        {
            builder.Services.AddSingleton<IAccountProvisioner, NoAccountProvisioner>();
        }

        builder.Services.AddHostedService<NotificationPump>();

        var app = builder.Build();
        FinesseApi.Map(app);
        if (options.EnableControlApi)
        {
            ControlApi.Map(app);
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILogger<CallCenter>>();
            foreach (var side in new[] { 0, 1 })
            {
                foreach (var url in listeners.UrlsOf(side))
                {
                    Log.Listening(logger, options.DeploymentType, side == 0 ? "A" : "B", url.ToString());
                }
            }
        });
        return app;
    }
}
