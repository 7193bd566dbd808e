namespace SiebelCti.Connector.Engine.Monitoring;

/// <summary>The Finesse cluster: both sides and the active one.</summary>
/// <param name="ActiveSide"><c>A</c>, <c>B</c>, or null while no side is usable.</param>
/// <param name="Sides">Side A, then side B when configured.</param>
public sealed record FinesseInfo(string? ActiveSide, IReadOnlyList<FinesseSideInfo> Sides);

/// <summary>Health of one Finesse side. A side is usable only when all three checks pass.</summary>
/// <param name="Side"><c>A</c> or <c>B</c>.</param>
/// <param name="Url">Base URL of the side, without credentials.</param>
/// <param name="SystemStatus">Last SystemInfo status (<c>IN_SERVICE</c>, <c>OUT_OF_SERVICE</c>, ...); null before the first check.</param>
/// <param name="XmppConnected">Whether the notification (XMPP) link to this side is up.</param>
/// <param name="FinessePresenceAvailable">Whether the <c>finesse</c> user's presence is available.</param>
/// <param name="LastChecked">When the side was last checked; null before the first check.</param>
/// <param name="Detail">Last problem seen on this side; null when healthy.</param>
public sealed record FinesseSideInfo(
    string Side,
    string Url,
    string? SystemStatus,
    bool XmppConnected,
    bool FinessePresenceAvailable,
    DateTimeOffset? LastChecked,
    string? Detail)
{
    /// <summary>True when SystemInfo is IN_SERVICE, XMPP is up and the finesse presence is available.</summary>
    public bool Usable => SystemStatus == Contract.SystemStatus.InService && XmppConnected && FinessePresenceAvailable;
}
