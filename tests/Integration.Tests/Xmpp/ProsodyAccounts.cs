using System.Diagnostics;
using SiebelCti.Finesse.Xmpp;
using SiebelCti.Finesse;

namespace SiebelCti.Integration.Tests.Xmpp;

/// <summary>Accounts and client options for the prosody started by the test command.</summary>
internal static class ProsodyAccounts
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "admin-secret";

    public static string PubSubService => "pubsub." + TestServices.XmppDomain;

    public static string Root =>
        Environment.GetEnvironmentVariable("SIEBELCTI_ROOT") is { Length: > 0 } root
            ? root
            : throw new InvalidOperationException("SIEBELCTI_ROOT is not set: run these tests through 'bash scripts/test.sh'.");

    public static string RunDirectory => Environment.GetEnvironmentVariable("SIEBELCTI_RUN") is { Length: > 0 } run ? run : Path.Combine(Root, ".run");

    /// <summary>The self-signed certificate prosody presents (see scripts/prosody.sh).</summary>
    public static string CertificatePath => Path.Combine(RunDirectory, "prosody", "certs", TestServices.XmppDomain + ".crt");

    /// <summary>Creates (or resets the password of) an XMPP account through scripts/prosody.sh.</summary>
    public static async Task AddUserAsync(string user, string password)
    {
        var output = await RunScriptAsync("adduser", user, password);
        if (output.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/prosody.sh adduser {user} failed ({output.ExitCode}): {output.Text}");
        }
    }

    public static async Task<(int ExitCode, string Text)> RunScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        start.ArgumentList.Add(Path.Combine(Root, "scripts", "prosody.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public static XmppOptions Options(string user, string password, XmppTlsMode tls = XmppTlsMode.StartTls, string resource = "SiebelCtiTest") => new()
    {
        Host = TestServices.Host,
        Port = TestServices.XmppPort,
        Domain = TestServices.XmppDomain,
        User = user,
        Password = password,
        Resource = resource,
        TlsMode = tls,
        Trust = ServerCertificateTrust.CaFile,
        TrustedCertificatePath = CertificatePath,
        ConnectTimeout = TimeSpan.FromSeconds(20),
        ReconnectDelayInitial = TimeSpan.FromMilliseconds(200),
        ReconnectDelayMax = TimeSpan.FromSeconds(2),
    };
}
