using System.Xml;
using System.Xml.Linq;
using SiebelCti.FinesseEmulator.Engine;

namespace SiebelCti.FinesseEmulator.Xml;

/// <summary>Parses Finesse request bodies. Never throws on bad input: returns an ApiError instead.</summary>
public static class RequestParser
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 1_000_000,
        IgnoreComments = true,
    };

    public static bool TryParseDocument(string body, string expectedRoot, out XElement root, out ApiError? error)
    {
        root = new XElement(expectedRoot);
        error = null;
        if (string.IsNullOrWhiteSpace(body))
        {
            error = ApiError.BadRequest("The request body is empty");
            return false;
        }

        try
        {
            using var reader = XmlReader.Create(new StringReader(body), Settings);
            root = XElement.Load(reader);
        }
        catch (XmlException ex)
        {
            error = ApiError.BadRequest("The request body is not well-formed XML: " + ex.Message);
            return false;
        }

        if (root.Name.LocalName != expectedRoot)
        {
            error = ApiError.BadRequest($"The request body must be a <{expectedRoot}> document");
            return false;
        }

        return true;
    }

    public static bool TryParseUser(string body, out UserRequest request, out ApiError? error)
    {
        request = new UserRequest(null);
        if (!TryParseDocument(body, "User", out var root, out error))
        {
            return false;
        }

        request = new UserRequest(Child(root, "state"), Child(root, "extension"), Child(root, "reasonCodeId"));
        return true;
    }

    public static bool TryParseDialog(string body, out DialogRequest request, out ApiError? error)
    {
        request = new DialogRequest(null);
        if (!TryParseDocument(body, "Dialog", out var root, out error))
        {
            return false;
        }

        var media = root.Element("mediaProperties");
        List<KeyValuePair<string, string>>? vars = null;
        if (media?.Element("callvariables") is { } cv)
        {
            vars = [];
            foreach (var v in cv.Elements("CallVariable"))
            {
                var name = Child(v, "name");
                if (string.IsNullOrEmpty(name))
                {
                    error = ApiError.InvalidInput("A CallVariable has no name");
                    return false;
                }

                vars.Add(new(name, Child(v, "value") ?? ""));
            }
        }

        var actionParams = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in root.Element("actionParams")?.Elements("ActionParam") ?? [])
        {
            if (Child(p, "name") is { Length: > 0 } n)
            {
                actionParams[n] = Child(p, "value") ?? "";
            }
        }

        request = new DialogRequest(Child(root, "requestedAction"))
        {
            FromAddress = Child(root, "fromAddress"),
            ToAddress = Child(root, "toAddress"),
            TargetMediaAddress = Child(root, "targetMediaAddress"),
            HasMediaProperties = media is not null,
            CallVariables = vars,
            WrapUpReason = media?.Element("wrapUpReason")?.Value,
            ActionParams = actionParams,
        };
        return true;
    }

    private static string? Child(XElement e, string name) => e.Element(name)?.Value;
}
