using System.Runtime.InteropServices;
using SiebelCti.Driver.Services;
using SiebelCti.Interop;

namespace SiebelCti.Driver.Native;

/// <summary>
/// Calls Siebel's client methods through the function pointers copied from the
/// <c>ISC_CLIENT_INTERFACE</c> given to <c>RequestService</c>, placed by the deployment's
/// <see cref="ClientInterfaceLayout"/>. Arguments are allocated for the call and freed right after.
/// </summary>
/// <remarks>
/// ABI choices (docs/native-abi.md): <c>ISC_RESULT</c> is read as the low 32 bits of the return
/// register; <c>ISC_BOOLEAN</c> is passed as a full pointer-sized 0 or 1; <c>time_t</c> as 64-bit
/// seconds since the Unix epoch (always the last argument, so safe for a 32-bit callee too).
/// </remarks>
internal sealed unsafe class NativeSiebelClient : ISiebelClient
{
    private readonly nint _handle;
    private readonly nint _beginBatch;
    private readonly nint _cacheCommandInformation;
    private readonly nint _cleanAllWorkItem;
    private readonly nint _endBatch;
    private readonly nint _handleError;
    private readonly nint _handleEvent;
    private readonly nint _indicateNewWorkItem;
    private readonly nint _showStatusText;
    private readonly nint _updateObjectInformation;
    private readonly nint _workItemReleased;
    private readonly nint _workItemResumed;
    private readonly nint _workItemStarted;
    private readonly nint _workItemSuspended;

    public NativeSiebelClient(in IscClientInterface value, ClientInterfaceLayout layout)
    {
        _handle = layout.Read(value, ClientMember.ClientHandle);
        _beginBatch = layout.Read(value, ClientMember.BeginBatch);
        _cacheCommandInformation = layout.Read(value, ClientMember.CacheCommandInformation);
        _cleanAllWorkItem = layout.Read(value, ClientMember.CleanAllWorkItem);
        _endBatch = layout.Read(value, ClientMember.EndBatch);
        _handleError = layout.Read(value, ClientMember.HandleError);
        _handleEvent = layout.Read(value, ClientMember.HandleEvent);
        _indicateNewWorkItem = layout.Read(value, ClientMember.IndicateNewWorkItem);
        _showStatusText = layout.Read(value, ClientMember.ShowStatusText);
        _updateObjectInformation = layout.Read(value, ClientMember.UpdateObjectInformation);
        _workItemReleased = layout.Read(value, ClientMember.WorkItemReleased);
        _workItemResumed = layout.Read(value, ClientMember.WorkItemResumed);
        _workItemStarted = layout.Read(value, ClientMember.WorkItemStarted);
        _workItemSuspended = layout.Read(value, ClientMember.WorkItemSuspended);
    }

    /// <summary>The client methods the driver cannot work without, missing from this interface.</summary>
    public List<string> MissingRequired()
    {
        var missing = new List<string>();
        if (_handleEvent == 0)
        {
            missing.Add(nameof(ClientMember.HandleEvent));
        }
        if (_handleError == 0)
        {
            missing.Add(nameof(ClientMember.HandleError));
        }
        if (_cacheCommandInformation == 0)
        {
            missing.Add(nameof(ClientMember.CacheCommandInformation));
        }
        return missing;
    }

    private static int Result(CLong value) => unchecked((int)value.Value);

    public int BeginBatch() => _beginBatch == 0 ? -1 : Result(((delegate* unmanaged[Cdecl]<nint, CLong>)_beginBatch)(_handle));

    public int EndBatch() => _endBatch == 0 ? -1 : Result(((delegate* unmanaged[Cdecl]<nint, CLong>)_endBatch)(_handle));

    public int CleanAllWorkItem() => _cleanAllWorkItem == 0 ? -1 : Result(((delegate* unmanaged[Cdecl]<nint, CLong>)_cleanAllWorkItem)(_handle));

    public int CacheCommandInformation(IReadOnlyList<string> names, IReadOnlyList<string> descriptions, IReadOnlyList<int> statuses)
    {
        if (_cacheCommandInformation == 0)
        {
            return -1;
        }
        using var arena = new NativeArena();
        return Result(((delegate* unmanaged[Cdecl]<nint, IscStrParamList*, IscStrParamList*, IscLongParamList*, CLong>)_cacheCommandInformation)(
            _handle, arena.Strings(names), arena.Strings(descriptions), arena.Longs(statuses)));
    }

    public int HandleError(string? commandTrackingId, string error)
    {
        if (_handleError == 0)
        {
            return -1;
        }
        using var arena = new NativeArena();
        return Result(((delegate* unmanaged[Cdecl]<nint, char*, char*, CLong>)_handleError)(_handle, arena.String(commandTrackingId), arena.String(error)));
    }

    public int HandleEvent(string name, IReadOnlyList<KeyValuePair<string, string>> fields, bool notifyWhenDone, string trackingId)
    {
        if (_handleEvent == 0)
        {
            return -1;
        }
        using var arena = new NativeArena();
        return Result(((delegate* unmanaged[Cdecl]<nint, char*, IscKVParamList*, nint, char*, CLong>)_handleEvent)(
            _handle, arena.String(name), arena.KeyValues(fields), notifyWhenDone ? 1 : 0, arena.String(trackingId)));
    }

    public int IndicateNewWorkItem(string trackingId, string? oldTrackingId, string description, ScWorkItemMode mode)
    {
        if (_indicateNewWorkItem == 0)
        {
            return -1;
        }
        using var arena = new NativeArena();
        return Result(((delegate* unmanaged[Cdecl]<nint, char*, char*, char*, int, CLong>)_indicateNewWorkItem)(
            _handle, arena.String(trackingId), arena.String(oldTrackingId), arena.String(description), (int)mode));
    }

    public int ShowStatusText(string text)
    {
        if (_showStatusText == 0)
        {
            return -1;
        }
        using var arena = new NativeArena();
        return Result(((delegate* unmanaged[Cdecl]<nint, char*, CLong>)_showStatusText)(_handle, arena.String(text)));
    }

    public int UpdateObjectInformation(string? trackingId, string mediaTargetAddress, IReadOnlyList<KeyValuePair<string, string>> data)
    {
        if (_updateObjectInformation == 0)
        {
            return -1;
        }
        using var arena = new NativeArena();
        return Result(((delegate* unmanaged[Cdecl]<nint, char*, char*, IscKVParamList*, CLong>)_updateObjectInformation)(
            _handle, arena.String(trackingId), arena.String(mediaTargetAddress), arena.KeyValues(data)));
    }

    public int WorkItemReleased(string trackingId, long stopTime)
    {
        if (_workItemReleased == 0)
        {
            return -1;
        }
        using var arena = new NativeArena();
        return Result(((delegate* unmanaged[Cdecl]<nint, char*, long, CLong>)_workItemReleased)(_handle, arena.String(trackingId), stopTime));
    }

    public int WorkItemResumed(string trackingId) => Simple(_workItemResumed, trackingId);

    public int WorkItemSuspended(string trackingId) => Simple(_workItemSuspended, trackingId);

    public int WorkItemStarted(string trackingId, string? oldTrackingId, string description, string mediaTargetAddress, long startTime)
    {
        if (_workItemStarted == 0)
        {
            return -1;
        }
        using var arena = new NativeArena();
        return Result(((delegate* unmanaged[Cdecl]<nint, char*, char*, char*, char*, long, CLong>)_workItemStarted)(
            _handle, arena.String(trackingId), arena.String(oldTrackingId), arena.String(description), arena.String(mediaTargetAddress), startTime));
    }

    private int Simple(nint method, string trackingId)
    {
        if (method == 0)
        {
            return -1;
        }
        using var arena = new NativeArena();
        return Result(((delegate* unmanaged[Cdecl]<nint, char*, CLong>)method)(_handle, arena.String(trackingId)));
    }
}
