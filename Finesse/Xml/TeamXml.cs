using System.Xml.Linq;
using SiebelCti.Finesse.Model;

namespace SiebelCti.Finesse.Xml;

/// <summary>Maps a <c>Team</c> element.</summary>
internal static class TeamXml
{
    public static Team Read(XElement e) => new()
    {
        Id = e.Text("id") ?? XmlRead.LastSegment(e.Text("uri")),
        Uri = e.Text("uri"),
        Name = e.Text("name"),
        Users = e.List("users", "User").Select(UserXml.Read).ToArray(),
    };
}
