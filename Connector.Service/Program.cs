using NLog;
using SiebelCti.Connector.Service;
using SiebelCti.Connector.Service.Configuration;
using SiebelCti.Connector.Service.Monitor;

// Composition root of the Generic Connector service. Exit codes: 0 normal stop, 1 failure while
// running, 2 bad command line, 78 configuration invalid (EX_CONFIG; systemd does not restart it).
if (args.Length > 0 && args[0] == "--hash-password")
{
    return HashPasswordCommand.Run(args);
}

var logger = LogManager.Setup().LoadConfigurationFromFile(Path.Combine(AppContext.BaseDirectory, "nlog.config"), optional: true).GetCurrentClassLogger();
try
{
    using var host = ConnectorServiceHost.Build(args);
    await host.RunAsync().ConfigureAwait(false);
    return 0;
}
catch (ConnectorConfigurationException exception)
{
    foreach (var problem in exception.Problems)
    {
        logger.Fatal("CONFIGURATION_INVALID: {Problem}", problem);
    }

    await Console.Error.WriteLineAsync(exception.Message).ConfigureAwait(false);
    return 78;
}
catch (Exception exception)
{
    logger.Fatal(exception, "The connector service stopped because of an unexpected error");
    return 1;
}
finally
{
    // Flush and close every log target before the process ends.
    LogManager.Shutdown();
}
