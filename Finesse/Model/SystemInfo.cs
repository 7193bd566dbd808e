namespace SiebelCti.Finesse.Model;

/// <summary>SystemInfo <c>status</c>.</summary>
public enum SystemStatus
{
    Unknown,
    InService,
    OutOfService,
    PartialService,
}

/// <summary>SystemInfo <c>deploymentType</c>.</summary>
public enum DeploymentType
{
    Unknown,
    Ucce,
    Uccx,
}

/// <summary>A Finesse node of the pair (<c>primaryNode</c> / <c>secondaryNode</c>).</summary>
public sealed record FinesseNode(string? Host, int? HttpsPort, int? XmppPort, int? XmppSecurePort);

/// <summary>The Finesse SystemInfo object.</summary>
public sealed record SystemInfo
{
    public SystemStatus Status { get; init; }
    public string? StatusText { get; init; }
    public string? StatusReason { get; init; }
    public DeploymentType DeploymentType { get; init; }
    public string? DeploymentTypeText { get; init; }
    public DateTimeOffset? CurrentTimestamp { get; init; }
    /// <summary>FQDN of the node that answered.</summary>
    public string? XmppDomain { get; init; }
    /// <summary>Pub-sub service JID, <c>pubsub.&lt;xmppDomain&gt;</c>.</summary>
    public string? XmppPubSubDomain { get; init; }
    public FinesseNode? PrimaryNode { get; init; }
    public FinesseNode? SecondaryNode { get; init; }
    public string? SystemAuthMode { get; init; }
    public int? TimezoneOffset { get; init; }
    public string? PeripheralId { get; init; }
    public string? CtiVersion { get; init; }
    public string? LastCtiHeartbeatStatus { get; init; }
    public string? FinesseMMode { get; init; }
    public string? CtiMMode { get; init; }
    public string? Uri { get; init; }

    public bool IsInService => Status == SystemStatus.InService;

    /// <summary>True when the answering node (<see cref="XmppDomain"/>) is the primary node.</summary>
    public bool? AnsweredByPrimary =>
        XmppDomain is null || PrimaryNode?.Host is null
            ? null
            : string.Equals(XmppDomain, PrimaryNode.Host, StringComparison.OrdinalIgnoreCase);

    /// <summary>The other node of the pair relative to the node that answered; null if unknown.</summary>
    public FinesseNode? PeerNode => AnsweredByPrimary switch
    {
        true => SecondaryNode,
        false => PrimaryNode,
        null => null,
    };
}
