using SiebelCti.FinesseEmulator;

// A Cisco Finesse emulator: REST API, agent and dialog state machines, XMPP notifications, control API.
try
{
    var app = EmulatorApp.Build(args);
    await app.RunAsync().ConfigureAwait(false);
    return 0;
}
catch (EmulatorConfigurationException ex)
{
    await Console.Error.WriteLineAsync("The Finesse emulator cannot start; fix these settings:").ConfigureAwait(false);
    foreach (var error in ex.Errors)
    {
        await Console.Error.WriteLineAsync("  " + error).ConfigureAwait(false);
    }

    return 2;
}
