using System.Text;

namespace SiebelCti.Connector.Service.Monitor;

/// <summary>
/// <c>--hash-password [password]</c>: prints a PBKDF2 hash for <c>Monitor:PasswordHash</c>. Without an
/// argument the password is read from standard input (not echoed on a terminal), which keeps it out
/// of the shell history and the process list.
/// </summary>
internal static class HashPasswordCommand
{
    public static int Run(string[] args)
    {
        string? password = args.Length > 1 ? args[1] : ReadPassword();
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("usage: SiebelCti.Connector.Service --hash-password [password]   (reads the password from standard input when omitted)");
            return 2;
        }

        if (args.Length > 1)
        {
            Console.Error.WriteLine("warning: a password given on the command line is visible to other local users (process list) and stays in the shell history; run --hash-password without it to type it or pipe it in");
        }

        Console.Out.WriteLine(MonitorPasswordHasher.Hash(password));
        return 0;
    }

    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine();
        }

        Console.Error.Write("Password: ");
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
