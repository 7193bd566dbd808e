using System.Globalization;

namespace SiebelCti.Integration.Tests;

/// <summary>
/// Where the services started by <c>scripts/test.sh</c> (through <c>scripts/services.sh</c>) listen, and
/// the lab broker's users (generated into <c>.run/activemq/credentials.env</c> and exported by
/// <c>scripts/env.sh</c>). The scripts export these variables; running this project without them is a
/// set-up error, reported as a failing test with the command to use, never as a skip.
/// </summary>
internal static class TestServices
{
    public const string Host = "127.0.0.1";

    public static int ActiveMqPort => Port("SIEBELCTI_AMQ_PORT");

    /// <summary>The broker's <c>ssl://</c> port (certificate of the lab CA <see cref="ActiveMqCaCertificate"/>).</summary>
    public static int ActiveMqSslPort => Port("SIEBELCTI_AMQ_SSL_PORT");

    /// <summary>PEM file of the lab CA that signed the broker's certificate.</summary>
    public static string ActiveMqCaCertificate => Path.Combine(Require("SIEBELCTI_RUN"), "activemq", "tls", "ca.crt");

    public static int XmppPort => Port("SIEBELCTI_XMPP_PORT");

    public static string XmppDomain => Require("SIEBELCTI_XMPP_DOMAIN");

    /// <summary>The Connector's user: reads the request queues, writes every client topic.</summary>
    public static BrokerUser ConnectorUser => User("CONNECTOR");

    /// <summary>A driver user: writes the request queues, reads only <c>SiebelCti.Client.&lt;user&gt;</c> and <c>SiebelCti.Client.&lt;user&gt;.&gt;</c>.</summary>
    public static BrokerUser DriverUser => User("DRIVER");

    /// <summary>A second driver user, whose topics the <see cref="AttackerUser"/> must not reach.</summary>
    public static BrokerUser VictimUser => User("VICTIM");

    /// <summary>A third driver user, playing a hostile broker client.</summary>
    public static BrokerUser AttackerUser => User("ATTACKER");

    /// <summary>Privileged: every destination, for tests with arbitrary queues and client ids.</summary>
    public static BrokerUser TestUser => User("TEST");

    private static BrokerUser User(string role) =>
        new(Require($"SIEBELCTI_AMQ_{role}_USER"), Require($"SIEBELCTI_AMQ_{role}_PASSWORD"));

    private static int Port(string variable) => int.Parse(Require(variable), CultureInfo.InvariantCulture);

    private static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set: run these tests through 'bash scripts/test.sh', which starts ActiveMQ and prosody and exports it.");
}

/// <summary>A user of the lab broker. <see cref="ToString"/> leaves the password out.</summary>
public sealed record BrokerUser(string Name, string Password)
{
    /// <summary>A client id under this user's topics: <c>&lt;user&gt;.&lt;suffix&gt;</c>.</summary>
    public string ClientId(string suffix) => $"{Name}.{suffix}";

    public override string ToString() => $"BrokerUser {{ Name = {Name}, Password = *** }}";
}
