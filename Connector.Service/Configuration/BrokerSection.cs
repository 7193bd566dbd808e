using SiebelCti.Connector.Engine.Adapters;
using SiebelCti.OpenWire;

namespace SiebelCti.Connector.Service.Configuration;

/// <summary>
/// Section <c>Broker</c>, read straight into the engine's broker channel options
/// (<see cref="ClientChannelOptions"/> with its <see cref="OpenWireOptions"/>); <c>BindClientIdsToUsers</c>
/// is a rule of the engine and goes to its options.
/// </summary>
internal sealed record BrokerSection(ClientChannelOptions Channel, bool BindClientIdsToUsers)
{
    public const string Name = "Broker";

    /// <summary>Our own, shorter than the OpenWire client's 15 s.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(10);

    public static readonly ConfigKeys Keys = new(Name, new Dictionary<string, string>
    {
        ["Broker.BrokerUri"] = "Uri",
        ["Broker.UserName"] = "User",
        ["Broker.Password"] = "Password",
        ["Broker.TrustedCaCertificatesPath"] = "TrustedCertificatesPath",
        ["Broker.ConnectTimeout"] = "ConnectTimeout",
        [nameof(ClientChannelOptions.RequestQueue)] = "RequestQueue",
        [nameof(ClientChannelOptions.ClientTopicPrefix)] = "ClientTopicPrefix",
    });

    public static BrokerSection Read(IConfiguration configuration, ConfigProblems problems, List<string> unknownKeys)
    {
        var r = new ConfigReader(configuration, Name, problems);
        var broker = new OpenWireOptions();
        var channel = new ClientChannelOptions { Broker = broker };
        var section = new BrokerSection(
            channel with
            {
                Broker = broker with
                {
                    BrokerUri = r.String("Uri", broker.BrokerUri)!,
                    UserName = r.String("User"),
                    Password = r.String("Password"),
                    TrustedCaCertificatesPath = r.String("TrustedCertificatesPath"),
                    ConnectTimeout = r.Duration("ConnectTimeout", DefaultConnectTimeout),
                    ClientId = $"SiebelCti.Connector.{Environment.MachineName}.{Environment.ProcessId}",
                },
                RequestQueue = r.String("RequestQueue", channel.RequestQueue)!,
                ClientTopicPrefix = r.String("ClientTopicPrefix", channel.ClientTopicPrefix)!,
            },
            r.Bool("BindClientIdsToUsers", defaultValue: true));
        unknownKeys.AddRange(r.UnknownKeys());
        return section;
    }

    /// <summary>The channel's own rules (and its broker connection's), under the section's keys.</summary>
    public void Validate(ConfigProblems problems) => problems.AddFrom(list => Channel.Validate(list, Keys.Of));
}
