using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using SiebelCti.Interop;

namespace SiebelCti.ConsoleToolbar;

/// <summary>
/// Loads the native driver the way Siebel's Communications Session Manager does: the library by
/// path, the exports by their C names, one driver instance and one service whose client interface
/// is made of <see cref="UnmanagedCallersOnlyAttribute"/> callbacks. The library is never unloaded.
/// </summary>
internal sealed unsafe class NativeDriver
{
    private readonly delegate* unmanaged[Cdecl]<CLong> _apiVersion;
    private readonly delegate* unmanaged[Cdecl]<char*, char*, char*, IscKVParamList*, nint*, CLong> _createDriver;
    private readonly delegate* unmanaged[Cdecl]<char*, IscStrParamList*, IscStrParamList*, CLong> _commandEventList;
    private readonly delegate* unmanaged[Cdecl]<IscStrParamList, void> _freeList;
    private readonly delegate* unmanaged[Cdecl]<nint, IscClientInterface, char*, IscKVParamList*, nint*, CLong> _requestService;
    private readonly delegate* unmanaged[Cdecl]<nint, char*, char*, char*, IscKVParamList*, CLong> _invokeCommand;
    private readonly delegate* unmanaged[Cdecl]<nint, CLong> _releaseService;
    private readonly delegate* unmanaged[Cdecl]<nint, CLong> _releaseDriver;
    private nint _driver;
    private nint _service;
    private int _tracking;

    /// <summary>Every callback, in arrival order (the toolbar prints them and the script waits on them).</summary>
    public static BlockingCollection<DriverEvent> Events { get; } = new();

    public NativeDriver(string libraryPath)
    {
        var lib = NativeLibrary.Load(libraryPath);
        _apiVersion = (delegate* unmanaged[Cdecl]<CLong>)NativeLibrary.GetExport(lib, "APIVersion");
        _createDriver = (delegate* unmanaged[Cdecl]<char*, char*, char*, IscKVParamList*, nint*, CLong>)NativeLibrary.GetExport(lib, "CreateISCDriverInstance");
        _commandEventList = (delegate* unmanaged[Cdecl]<char*, IscStrParamList*, IscStrParamList*, CLong>)NativeLibrary.GetExport(lib, "RequestCommandEventList");
        _freeList = (delegate* unmanaged[Cdecl]<IscStrParamList, void>)NativeLibrary.GetExport(lib, "FreeSCStrParamList");
        _requestService = (delegate* unmanaged[Cdecl]<nint, IscClientInterface, char*, IscKVParamList*, nint*, CLong>)NativeLibrary.GetExport(lib, "RequestService");
        _invokeCommand = (delegate* unmanaged[Cdecl]<nint, char*, char*, char*, IscKVParamList*, CLong>)NativeLibrary.GetExport(lib, "InvokeCommand");
        _releaseService = (delegate* unmanaged[Cdecl]<nint, CLong>)NativeLibrary.GetExport(lib, "ReleaseISCServiceInstance");
        _releaseDriver = (delegate* unmanaged[Cdecl]<nint, CLong>)NativeLibrary.GetExport(lib, "ReleaseISCDriverInstance");
    }

    public long ApiVersion() => _apiVersion().Value;

    public int CreateDriver(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        using var list = new NativeKvList(parameters);
        nint handle = 0;
        fixed (char* media = "Voice")
        fixed (char* language = "ENU")
        fixed (char* connect = "")
        {
            var rc = (int)_createDriver(media, language, connect, list.Pointer, &handle).Value;
            _driver = handle;
            return rc;
        }
    }

    public (int Result, List<string> Commands, List<string> Events) CommandEventList()
    {
        IscStrParamList commands = default, events = default;
        int rc;
        fixed (char* media = "Voice")
        {
            rc = (int)_commandEventList(media, &commands, &events).Value;
        }
        var c = ReadList(commands);
        var e = ReadList(events);
        if (rc == 0)
        {
            _freeList(commands);
            _freeList(events);
        }
        return (rc, c, e);
    }

    public int RequestService(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var client = default(IscClientInterface);
        var layout = ClientInterfaceLayout.Default;
        void Set(ClientMember member, nint value) => client.Slots[layout.SlotOf(member)] = value;
        Set(ClientMember.ClientHandle, 1);
        Set(ClientMember.BeginBatch, (nint)(delegate* unmanaged[Cdecl]<nint, CLong>)&Callbacks.BeginBatch);
        Set(ClientMember.CacheCommandInformation, (nint)(delegate* unmanaged[Cdecl]<nint, IscStrParamList*, IscStrParamList*, IscLongParamList*, CLong>)&Callbacks.CacheCommandInformation);
        Set(ClientMember.CleanAllWorkItem, (nint)(delegate* unmanaged[Cdecl]<nint, CLong>)&Callbacks.CleanAllWorkItem);
        Set(ClientMember.EndBatch, (nint)(delegate* unmanaged[Cdecl]<nint, CLong>)&Callbacks.EndBatch);
        Set(ClientMember.HandleError, (nint)(delegate* unmanaged[Cdecl]<nint, char*, char*, CLong>)&Callbacks.HandleError);
        Set(ClientMember.HandleEvent, (nint)(delegate* unmanaged[Cdecl]<nint, char*, IscKVParamList*, nint, char*, CLong>)&Callbacks.HandleEvent);
        Set(ClientMember.IndicateNewWorkItem, (nint)(delegate* unmanaged[Cdecl]<nint, char*, char*, char*, int, CLong>)&Callbacks.IndicateNewWorkItem);
        Set(ClientMember.ShowStatusText, (nint)(delegate* unmanaged[Cdecl]<nint, char*, CLong>)&Callbacks.ShowStatusText);
        Set(ClientMember.UpdateObjectInformation, (nint)(delegate* unmanaged[Cdecl]<nint, char*, char*, IscKVParamList*, CLong>)&Callbacks.UpdateObjectInformation);
        Set(ClientMember.WorkItemReleased, (nint)(delegate* unmanaged[Cdecl]<nint, char*, long, CLong>)&Callbacks.WorkItemReleased);
        Set(ClientMember.WorkItemResumed, (nint)(delegate* unmanaged[Cdecl]<nint, char*, CLong>)&Callbacks.WorkItemResumed);
        Set(ClientMember.WorkItemStarted, (nint)(delegate* unmanaged[Cdecl]<nint, char*, char*, char*, char*, long, CLong>)&Callbacks.WorkItemStarted);
        Set(ClientMember.WorkItemSuspended, (nint)(delegate* unmanaged[Cdecl]<nint, char*, CLong>)&Callbacks.WorkItemSuspended);

        using var list = new NativeKvList(parameters);
        nint handle = 0;
        fixed (char* connect = "")
        {
            var rc = (int)_requestService(_driver, client, connect, list.Pointer, &handle).Value;
            _service = handle;
            return rc;
        }
    }

    /// <summary>Runs one Siebel command; returns its tracking id and the synchronous result.</summary>
    public (string TrackingId, int Result) Invoke(string command, IReadOnlyList<KeyValuePair<string, string>> parameters, string stringParam = "")
    {
        var tracking = $"cmd-{Interlocked.Increment(ref _tracking)}";
        using var list = new NativeKvList(parameters);
        fixed (char* t = tracking)
        fixed (char* n = command)
        fixed (char* s = stringParam)
        {
            return (tracking, (int)_invokeCommand(_service, t, n, s, list.Pointer).Value);
        }
    }

    public int ReleaseService()
    {
        var rc = (int)_releaseService(_service).Value;
        _service = 0;
        return rc;
    }

    public int ReleaseDriver()
    {
        var rc = (int)_releaseDriver(_driver).Value;
        _driver = 0;
        return rc;
    }

    internal static List<string> ReadList(IscStrParamList list)
    {
        var result = new List<string>();
        for (var i = 0; list.DataItems != null && i < list.Len.Value; i++)
        {
            result.Add(Str(list.DataItems[i]));
        }
        return result;
    }

    internal static string Str(char* s) => s == null ? "" : new string(s);
}

/// <summary>A key/value list in unmanaged memory, owned by the toolbar (freed on dispose).</summary>
internal sealed unsafe class NativeKvList : IDisposable
{
    private readonly IscKVParamList* _list;

    public NativeKvList(IReadOnlyList<KeyValuePair<string, string>> items)
    {
        _list = (IscKVParamList*)NativeMemory.AllocZeroed((nuint)sizeof(IscKVParamList));
        _list->DataItems = (IscKeyValue*)NativeMemory.AllocZeroed((nuint)(Math.Max(1, items.Count) * sizeof(IscKeyValue)));
        _list->Len = new CLong(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            _list->DataItems[i].ParamName = (char*)Marshal.StringToHGlobalUni(items[i].Key);
            _list->DataItems[i].ParamValue = (char*)Marshal.StringToHGlobalUni(items[i].Value);
        }
    }

    public IscKVParamList* Pointer => _list;

    public void Dispose()
    {
        for (var i = 0; i < _list->Len.Value; i++)
        {
            Marshal.FreeHGlobal((nint)_list->DataItems[i].ParamName);
            Marshal.FreeHGlobal((nint)_list->DataItems[i].ParamValue);
        }
        NativeMemory.Free(_list->DataItems);
        NativeMemory.Free(_list);
    }
}
