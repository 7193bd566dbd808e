using Microsoft.Extensions.Logging;
using SiebelCti.Driver.Logging;

namespace SiebelCti.Driver.Tests;

/// <summary>The driver's logging set-up when several Siebel profiles (driver instances) share one process.</summary>
public sealed class LoggingSetupTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("siebelcti-logging-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Config(string name)
    {
        var config = Path.Combine(_dir, name + ".config");
        File.WriteAllText(config, $"""
            <nlog xmlns="http://www.nlog-project.org/schemas/NLog.xsd">
              <targets><target name="f" type="File" fileName="{Path.Combine(_dir, name + ".log")}" layout="${"{"}logger{"}"}|${"{"}message{"}"}" /></targets>
              <rules><logger name="*" minlevel="Info" writeTo="f" /></rules>
            </nlog>
            """);
        return config;
    }

    [Fact]
    public void A_LogConfig_of_a_later_profile_also_takes_the_lines_of_the_instances_created_before_it()
    {
        // Before: the later profile's LogConfig built a new factory and shut the first one down, so every line of
        // the earlier instance (its link, its services, their failure codes) was dropped from then on.
        var setup = new LoggingSetup(() => Path.Combine(_dir, "default.log"));
        var earlier = setup.Factory.CreateLogger("ProfileA");
        earlier.LogInformation("before the LogConfig");

        Assert.Empty(setup.Configure(Config("b")));
        earlier.LogInformation("after the LogConfig");
        setup.Factory.CreateLogger("ProfileB").LogInformation("from the later profile");
        setup.Flush();

        var lines = File.ReadAllLines(Path.Combine(_dir, "b.log"));
        Assert.Contains("ProfileA|after the LogConfig", lines);
        Assert.Contains("ProfileB|from the later profile", lines);
        Assert.Contains("before the LogConfig", File.ReadAllText(Path.Combine(_dir, "default.log")));
    }

    [Fact]
    public void The_first_LogConfig_wins_and_a_file_that_cannot_be_loaded_leaves_logging_as_it_was()
    {
        var setup = new LoggingSetup(() => Path.Combine(_dir, "default.log"));
        var logger = setup.Factory.CreateLogger("P");

        var broken = Path.Combine(_dir, "broken.config");
        File.WriteAllText(broken, "<nlog><targets>");
        Assert.Contains(setup.Configure(broken), p => p.Contains("cannot be loaded", StringComparison.Ordinal));
        logger.LogInformation("still to the default file");
        Assert.Empty(setup.Configure(Config("first")));
        Assert.Contains(setup.Configure(Config("second")), p => p.Contains("already configured", StringComparison.Ordinal));
        Assert.Empty(setup.Configure(Config("first")));
        logger.LogInformation("to the first LogConfig");
        setup.Flush();

        Assert.Contains("still to the default file", File.ReadAllText(Path.Combine(_dir, "default.log")));
        Assert.Contains("P|to the first LogConfig", File.ReadAllLines(Path.Combine(_dir, "first.log")));
        Assert.False(File.Exists(Path.Combine(_dir, "second.log")));
    }
}
