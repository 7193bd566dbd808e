using System.Diagnostics;
using System.Globalization;

namespace SiebelCti.FinesseEmulator.Publishing;

/// <summary>Runs a script through one <c>prosodyctl shell</c> session (prosody's admin console; needs module admin_shell).</summary>
public static class ProsodyShell
{
    /// <summary>
    /// Writes <paramref name="script"/> to the console's standard input and returns its exit code and
    /// everything it printed. Throws <see cref="TimeoutException"/> (the process killed) when it has not
    /// finished within <paramref name="limit"/>; <see cref="System.ComponentModel.Win32Exception"/>,
    /// <see cref="InvalidOperationException"/> or <see cref="IOException"/> when it cannot run.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string prosodyCtl, string config, string script, TimeSpan limit, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(prosodyCtl)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("--config");
        psi.ArgumentList.Add(config);
        psi.ArgumentList.Add("shell");
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("prosodyctl did not start");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            // Both outputs are drained while the script is written: the console answers every
            // line, and with about a thousand agents its answers fill the pipe; a writer that
            // reads only afterwards then waits for a reader that waits for it.
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardInput.WriteAsync(script.AsMemory(), timeout.Token).ConfigureAwait(false);
            process.StandardInput.Close();
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"prosodyctl shell did not finish within {limit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s", ex);
        }
    }
}
