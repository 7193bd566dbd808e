namespace SiebelCti.FinesseEmulator.Tests;

/// <summary>What scripts/test.sh exports about the lab it started (prosody's port and domain, the run folder).</summary>
internal static class LabEnvironment
{
    public static string Get(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } v
            ? v
            : throw new InvalidOperationException($"{name} is not set: run these tests through 'bash scripts/test.sh', which starts prosody and exports it.");
}
