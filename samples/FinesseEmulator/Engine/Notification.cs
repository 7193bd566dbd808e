using System.Xml.Linq;

namespace SiebelCti.FinesseEmulator.Engine;

/// <summary>
/// One Finesse notification: the pubsub node it goes to and the <c>Update</c> document
/// (event, requestId, source and the whole object under <c>data</c>).
/// </summary>
public sealed record Notification(string Node, string Event, string Source, string RequestId, XElement Data)
{
    /// <summary>The <c>&lt;Update&gt;</c> document, children in the order real UCCE packets use.</summary>
    public XElement ToUpdate() => new(
        "Update",
        new XElement("data", Data),
        new XElement("event", Event),
        new XElement("requestId", RequestId),
        new XElement("source", Source));

    /// <summary>The serialized Update, as it is carried (escaped) inside the pubsub notification.</summary>
    public string ToUpdateText() => ToUpdate().ToString(SaveOptions.DisableFormatting);
}

/// <summary>A Finesse API error: synchronous (HTTP status + ApiErrors body) or asynchronous (apiErrors notification).</summary>
public sealed record ApiError(int Status, string ErrorType, string ErrorMessage, string ErrorData = "")
{
    public static ApiError BadRequest(string message, string data = "") => new(400, "Bad Request", message, data);

    public static ApiError ParameterMissing(string message, string data = "") => new(400, "Parameter Missing", message, data);

    public static ApiError InvalidInput(string message, string data = "") => new(400, "Invalid Input", message, data);

    public static ApiError InvalidState(string message, string data = "") => new(400, "Invalid State", message, data);

    public static ApiError InvalidDestination(string message) => new(400, "Invalid Destination", message);

    public static ApiError UserNotFound(string id) => new(404, "User Not Found", "UNKNOWN_USER", id);

    public static ApiError DialogNotFound(string id) => new(404, "Dialog Not Found", "Dialog " + id + " was not found", id);

    public static ApiError NotFound(string message) => new(404, "Not Found", message);

    public static ApiError Unauthorized() => new(401, "Authorization Failure", "UNAUTHORIZED");

    public static ApiError WrongUser() => new(401, "Invalid Authorization User Specified", "Invalid Authorization User Specified");

    public static ApiError OutOfService() => new(503, "Service Unavailable", "SERVER_OUT_OF_SERVICE");
}
