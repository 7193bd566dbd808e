namespace SiebelCti.Finesse.Tests;

/// <summary>Recorded Finesse XML samples stored beside the tests (written from the Cisco developer guide shapes).</summary>
internal static class Samples
{
    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", name));
}
