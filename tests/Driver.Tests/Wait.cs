namespace SiebelCti.Driver.Tests;

internal static class Wait
{
    /// <summary>Waits for <paramref name="condition"/> (the callback loops run on their own threads); fails after 10 s.</summary>
    public static void Until(Func<bool> condition)
    {
        var deadline = Environment.TickCount64 + 10_000;
        while (!condition())
        {
            Assert.True(Environment.TickCount64 < deadline, "the condition was not met within 10 s");
            Thread.Sleep(5);
        }
    }
}
