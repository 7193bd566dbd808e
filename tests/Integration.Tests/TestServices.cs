using System.Globalization;

namespace SiebelCti.Integration.Tests;

/// <summary>
/// Where the services started by <c>scripts/test.sh</c> (through <c>scripts/services.sh</c>) listen.
/// The scripts export these variables; running this project without them is a set-up error, reported
/// as a failing test with the command to use, never as a skip.
/// </summary>
internal static class TestServices
{
    public const string Host = "127.0.0.1";

    public static int ActiveMqPort => Port("SIEBELCTI_AMQ_PORT");

    public static int XmppPort => Port("SIEBELCTI_XMPP_PORT");

    public static string XmppDomain => Require("SIEBELCTI_XMPP_DOMAIN");

    private static int Port(string variable) => int.Parse(Require(variable), CultureInfo.InvariantCulture);

    private static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set: run these tests through 'bash scripts/test.sh', which starts ActiveMQ and prosody and exports it.");
}
