using System.Globalization;
using System.Text;
using System.Xml;
using SiebelCti.Connector.Diagnostics;
using SiebelCti.Connector.Finesse.Model;

namespace SiebelCti.Connector.Finesse.Xml;

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
            w.WriteElementString("state", UserStates.ToWire(state));
            if (extension is not null)
            {
                w.WriteElementString("extension", extension);
            }

            if (reasonCodeId is { } id)
            {
                w.WriteElementString("reasonCodeId", id.ToString(CultureInfo.InvariantCulture));
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
            w.WriteElementString("requestedAction", DialogActions.ToWire(action));
            if (fromAddress is not null)
            {
                w.WriteElementString("fromAddress", fromAddress);
            }

            if (targetMediaAddress is not null)
            {
                w.WriteElementString("targetMediaAddress", targetMediaAddress);
            }

            if (toAddress is not null)
            {
                w.WriteElementString("toAddress", toAddress);
            }

            if (callVariables is { Count: > 0 } || wrapUpReason is not null)
            {
                w.WriteStartElement("mediaProperties");
                if (wrapUpReason is not null)
                {
                    w.WriteElementString("wrapUpReason", wrapUpReason);
                }

                if (callVariables is { Count: > 0 })
                {
                    w.WriteStartElement("callvariables");
                    foreach (var v in callVariables)
                    {
                        w.WriteStartElement("CallVariable");
                        w.WriteElementString("name", v.Name);
                        w.WriteElementString("value", v.Value);
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
                    w.WriteElementString("name", p.Key);
                    w.WriteElementString("value", p.Value);
                    w.WriteEndElement();
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
        });

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
                ErrorCode.FinesseInvalidArgument,
                "A value for the Finesse request contains a character XML cannot carry.",
                ex);
        }

        return text.ToString();
    }
}
