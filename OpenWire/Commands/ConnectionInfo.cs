using System.Text;

namespace SiebelCti.OpenWire.Commands;

/// <summary>Connection registration (type 3). Its password never appears in <see cref="ToString"/>.</summary>
internal sealed record ConnectionInfo : Command
{
    public override byte DataType => Codec.DataType.ConnectionInfo;

    public ConnectionId? ConnectionId { get; init; }

    public string? ClientId { get; init; }

    public string? Password { get; init; }

    public string? UserName { get; init; }

    public IReadOnlyList<BrokerId>? BrokerPath { get; init; }

    public bool BrokerMasterConnector { get; init; }

    public bool Manageable { get; init; }

    public bool ClientMaster { get; init; }

    public bool FaultTolerant { get; init; }

    public bool FailoverReconnect { get; init; }

    public string? ClientIp { get; init; }

    protected override bool PrintMembers(StringBuilder builder)
    {
        builder.Append("CommandId = ").Append(CommandId)
            .Append(", ConnectionId = ").Append(ConnectionId?.Value)
            .Append(", ClientId = ").Append(ClientId)
            .Append(", UserName = ").Append(UserName)
            .Append(", Password = ").Append(Password is null ? "(none)" : "***");
        return true;
    }
}
