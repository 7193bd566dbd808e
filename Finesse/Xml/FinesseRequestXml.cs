using System.Globalization;
using System.Text;
using System.Xml;
using SiebelCti.Finesse.Model;

namespace SiebelCti.Finesse.Xml;

/// <summary>
/// Writes request bodies exactly as Finesse documents them: no XML declaration, no whitespace,
/// element order of the developer guide, values escaped by <see cref="XmlWriter"/>. Characters XML
/// cannot carry are refused with FINESSE_INVALID_ARGUMENT.
/// </summary>
public static class FinesseRequestXml
{
    private static readonly XmlWriterSettings Settings = new()
    {
        OmitXmlDeclaration = true,
        Indent = false,
        Encoding = new UTF8Encoding(false),
        CheckCharacters = true,
        NewLineHandling = NewLineHandling.Entitize,
    };

    /// <summary><c>&lt;User&gt;&lt;state&gt;…&lt;/state&gt;[&lt;extension&gt;][&lt;reasonCodeId&gt;]&lt;/User&gt;</c>.</summary>
    public static string UserState(UserState state, string? extension = null, int? reasonCodeId = null) =>
        Write(w =>
        {
            w.WriteStartElement("User");
            Element(w, "state", UserStates.ToWire(state));
            if (extension is not null)
            {
                Element(w, "extension", extension);
            }

            if (reasonCodeId is { } id)
            {
                Element(w, "reasonCodeId", id.ToString(CultureInfo.InvariantCulture));
            }

            w.WriteEndElement();
        });

    /// <summary>A <c>&lt;Dialog&gt;</c> action body; only the given parts are written.</summary>
    public static string DialogAction(
        DialogAction action,
        string? targetMediaAddress = null,
        string? fromAddress = null,
        string? toAddress = null,
        IReadOnlyList<CallVariable>? callVariables = null,
        string? wrapUpReason = null,
        IReadOnlyList<KeyValuePair<string, string>>? actionParams = null) =>
        Write(w =>
        {
            w.WriteStartElement("Dialog");
            Element(w, "requestedAction", DialogActions.ToWire(action));
            if (fromAddress is not null)
            {
                Element(w, "fromAddress", fromAddress);
            }

            if (targetMediaAddress is not null)
            {
                Element(w, "targetMediaAddress", targetMediaAddress);
            }

            if (toAddress is not null)
            {
                Element(w, "toAddress", toAddress);
            }

            if (callVariables is { Count: > 0 } || wrapUpReason is not null)
            {
                w.WriteStartElement("mediaProperties");
                if (wrapUpReason is not null)
                {
                    Element(w, "wrapUpReason", wrapUpReason);
                }

                if (callVariables is { Count: > 0 })
                {
                    w.WriteStartElement("callvariables");
                    foreach (var v in callVariables)
                    {
                        w.WriteStartElement("CallVariable");
                        Element(w, "name", v.Name);
                        Element(w, "value", v.Value);
                        w.WriteEndElement();
                    }

                    w.WriteEndElement();
                }

                w.WriteEndElement();
            }

            if (actionParams is { Count: > 0 })
            {
                w.WriteStartElement("actionParams");
                foreach (var p in actionParams)
                {
                    w.WriteStartElement("ActionParam");
                    Element(w, "name", p.Key);
                    Element(w, "value", p.Value);
                    w.WriteEndElement();
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
        });

    /// <summary>Always <c>&lt;name&gt;&lt;/name&gt;</c>, never <c>&lt;name /&gt;</c>, as in Finesse's examples.</summary>
    private static void Element(XmlWriter writer, string name, string value)
    {
        writer.WriteStartElement(name);
        writer.WriteString(value);
        writer.WriteFullEndElement();
    }

    private static string Write(Action<XmlWriter> body)
    {
        var text = new StringBuilder(256);
        try
        {
            using (var writer = XmlWriter.Create(text, Settings))
            {
                body(writer);
            }
        }
        catch (ArgumentException ex)
        {
            throw new FinesseException(
                FinesseErrorCode.FinesseInvalidArgument,
                "A value for the Finesse request contains a character XML cannot carry.",
                ex);
        }

        return text.ToString();
    }
}
