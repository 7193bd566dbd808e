using System.Xml.Linq;
using SiebelCti.Finesse.Model;

namespace SiebelCti.Finesse.Xml;

/// <summary>Maps a <c>SystemInfo</c> element.</summary>
internal static class SystemInfoXml
{
    public static SystemInfo Read(XElement e)
    {
        var status = e.Text("status");
        var deployment = e.Text("deploymentType");
        return new SystemInfo
        {
            Status = status?.ToUpperInvariant() switch
            {
                "IN_SERVICE" => SystemStatus.InService,
                "OUT_OF_SERVICE" => SystemStatus.OutOfService,
                "PARTIAL_SERVICE" => SystemStatus.PartialService,
                _ => SystemStatus.Unknown,
            },
            StatusText = status,
            StatusReason = e.Text("statusReason"),
            DeploymentType = deployment?.ToUpperInvariant() switch
            {
                "UCCE" => DeploymentType.Ucce,
                "UCCX" => DeploymentType.Uccx,
                _ => DeploymentType.Unknown,
            },
            DeploymentTypeText = deployment,
            CurrentTimestamp = e.Time("currentTimestamp"),
            XmppDomain = e.Text("xmppDomain"),
            XmppPubSubDomain = e.Text("xmppPubSubDomain"),
            PrimaryNode = Node(e.Child("primaryNode")),
            SecondaryNode = Node(e.Child("secondaryNode")),
            SystemAuthMode = e.Text("systemAuthMode"),
            TimezoneOffset = e.Int("timezoneOffset"),
            PeripheralId = e.Text("peripheralId"),
            CtiVersion = e.Text("ctiVersion"),
            LastCtiHeartbeatStatus = e.Text("lastCTIHeartbeatStatus"),
            FinesseMMode = e.Text("finesseMMode"),
            CtiMMode = e.Text("ctiMMode"),
            Uri = e.Text("uri"),
        };
    }

    private static FinesseNode? Node(XElement? e) =>
        e is null || !e.HasElements
            ? null
            : new FinesseNode(e.Text("host"), e.Int("httpsPort"), e.Int("xmppPort"), e.Int("xmppSecurePort"));
}
