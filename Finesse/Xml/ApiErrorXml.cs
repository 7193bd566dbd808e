using System.Xml.Linq;
using SiebelCti.Finesse.Model;

namespace SiebelCti.Finesse.Xml;

/// <summary>Maps <c>ApiErrors</c>/<c>apiErrors</c> (children in any order and case).</summary>
internal static class ApiErrorXml
{
    public static IReadOnlyList<ApiError> ReadList(XElement e) => e.ChildrenNamed("ApiError").Select(Read).ToArray();

    private static ApiError Read(XElement e) => new()
    {
        ErrorType = e.Text("ErrorType"),
        ErrorMessage = e.Text("ErrorMessage"),
        ErrorData = e.Text("ErrorData"),
        ErrorMedia = e.Text("ErrorMedia"),
        PeripheralErrorCode = e.Text("peripheralErrorCode"),
        PeripheralErrorMsg = e.Text("peripheralErrorMsg"),
        PeripheralErrorText = e.Text("peripheralErrorText"),
    };
}
