using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SiebelCti.Interop;

namespace SiebelCti.ConsoleToolbar;

/// <summary>The client methods of <c>ISC_CLIENT_INTERFACE</c>: each one records what it received.</summary>
internal static unsafe class Callbacks
{
    private static readonly Dictionary<string, string> None = [];

    private static CLong Record(string kind, string name, Dictionary<string, string>? fields = null)
    {
        try
        {
            NativeDriver.Events.Add(new DriverEvent(kind, name, fields ?? None));
        }
        catch (InvalidOperationException)
        {
            // The toolbar is shutting down; nothing waits for events any more.
        }
        return new CLong(0);
    }

    private static string S(char* s) => NativeDriver.Str(s);

    private static Dictionary<string, string> Kv(IscKVParamList* list)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; list != null && list->DataItems != null && i < list->Len.Value; i++)
        {
            fields[S(list->DataItems[i].ParamName)] = S(list->DataItems[i].ParamValue);
        }
        return fields;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static CLong BeginBatch(nint client) => new(0);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static CLong EndBatch(nint client) => new(0);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static CLong CleanAllWorkItem(nint client) => Record("CleanAllWorkItem", "");

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static CLong CacheCommandInformation(nint client, IscStrParamList* names, IscStrParamList* descriptions, IscLongParamList* statuses)
    {
        var commands = names == null ? [] : NativeDriver.ReadList(*names);
        var enabled = new List<string>();
        for (var i = 0; i < commands.Count; i++)
        {
            var flags = statuses != null && statuses->DataItems != null && i < statuses->Len.Value ? statuses->DataItems[i].Value : 0;
            if ((flags & (long)(ScCommandFlag.SC_CF_NOTSUPPORTED | ScCommandFlag.SC_CF_DISABLED)) == 0)
            {
                enabled.Add(commands[i]);
            }
        }
        return Record("CacheCommandInformation", "", new() { ["Enabled"] = string.Join(',', enabled) });
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static CLong HandleError(nint client, char* tracking, char* error) =>
        Record("HandleError", S(tracking), new() { ["Error"] = S(error) });

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static CLong HandleEvent(nint client, char* name, IscKVParamList* fields, nint notifyWhenDone, char* tracking) =>
        Record("HandleEvent", S(name), Kv(fields));

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static CLong IndicateNewWorkItem(nint client, char* trackingId, char* oldTrackingId, char* description, int mode) =>
        Record("IndicateNewWorkItem", S(trackingId), new() { ["Old"] = S(oldTrackingId), ["Description"] = S(description), ["Mode"] = mode.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static CLong ShowStatusText(nint client, char* text) => Record("ShowStatusText", S(text));

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static CLong UpdateObjectInformation(nint client, char* trackingId, char* mediaType, IscKVParamList* fields) =>
        Record("UpdateObjectInformation", S(trackingId), Kv(fields));

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static CLong WorkItemReleased(nint client, char* trackingId, long stopTime) => Record("WorkItemReleased", S(trackingId));

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static CLong WorkItemResumed(nint client, char* trackingId) => Record("WorkItemResumed", S(trackingId));

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static CLong WorkItemStarted(nint client, char* trackingId, char* oldTrackingId, char* objectType, char* objectId, long startTime) =>
        Record("WorkItemStarted", S(trackingId), new() { ["Old"] = S(oldTrackingId), ["ObjectType"] = S(objectType), ["ObjectId"] = S(objectId) });

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static CLong WorkItemSuspended(nint client, char* trackingId) => Record("WorkItemSuspended", S(trackingId));
}
