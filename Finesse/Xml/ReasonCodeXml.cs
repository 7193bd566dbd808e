using System.Xml.Linq;
using SiebelCti.Finesse.Model;

namespace SiebelCti.Finesse.Xml;

/// <summary>Maps <c>ReasonCode</c> and <c>WrapUpReason</c> elements and their lists.</summary>
internal static class ReasonCodeXml
{
    public static ReasonCode Read(XElement e)
    {
        var uri = e.Text("uri");
        return new ReasonCode
        {
            Id = e.Text("id") ?? XmlRead.LastSegment(uri),
            Uri = uri,
            Category = e.Text("category"),
            Code = e.Int("code"),
            Label = e.Text("label"),
            ForAll = e.Bool("forAll"),
            SystemCode = e.Bool("systemCode"),
        };
    }

    public static ReasonCodeList ReadList(XElement e) =>
        new(e.Attr("category"), e.ChildrenNamed("ReasonCode").Select(Read).ToArray());

    public static WrapUpReason ReadWrapUp(XElement e)
    {
        var uri = e.Text("uri");
        return new WrapUpReason
        {
            Id = e.Text("id") ?? XmlRead.LastSegment(uri),
            Uri = uri,
            Label = e.Text("label"),
            ForAll = e.Bool("forAll"),
        };
    }
}
