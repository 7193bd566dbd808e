using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SiebelCti.Driver.Configuration;
using SiebelCti.Driver.Logging;
using SiebelCti.Driver.Native;
using SiebelCti.Driver.Services;
using SiebelCti.Interop;

namespace SiebelCti.Driver;

/// <summary>
/// The C entry points Siebel calls, with the exact names Oracle documents (docs/native-abi.md).
/// Every export copies its inputs, delegates, and returns through <see cref="NativeGuard"/>: no
/// exception crosses the native boundary, and handles are validated through handle tables.
/// ISC_RESULT is returned as C <c>long</c> (CLong) so that a caller reading either an int or a long
/// sees the right value.
/// </summary>
internal static unsafe class Exports
{
    /// <summary><c>ISCAPI long APIVersion();</c> — the first call of the documented load sequence.</summary>
    [UnmanagedCallersOnly(EntryPoint = "APIVersion", CallConvs = [typeof(CallConvCdecl)])]
    public static CLong APIVersion()
    {
        try
        {
            ModulePin.Ensure();
            return new CLong(AbiSettings.Current.ScapiVersion);
        }
        catch (Exception)
        {
            return new CLong(ScapiVersion.Default);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "CreateISCDriverInstance", CallConvs = [typeof(CallConvCdecl)])]
    public static CLong CreateISCDriverInstance(char* mediaTypeStr, char* languageCode, char* connectString, IscKVParamList* datasetParams, nint* handle)
    {
        try
        {
            ModulePin.Ensure();
            return NativeGuard.Ok(DriverCalls.Create(mediaTypeStr, languageCode, connectString, datasetParams, handle));
        }
        catch (Exception ex)
        {
            return NativeGuard.Fail(nameof(CreateISCDriverInstance), ex);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "RequestMediaTypeList", CallConvs = [typeof(CallConvCdecl)])]
    public static CLong RequestMediaTypeList(IscStrParamList* mediaTypeList)
    {
        try
        {
            ModulePin.Ensure();
            NativeGuard.Require(mediaTypeList != null, nameof(mediaTypeList));
            *mediaTypeList = StrParamLists.Allocate(AbiSettings.Current.ChannelStrings);
            return NativeGuard.Ok(ScErrorCode.SC_EC_OK);
        }
        catch (Exception ex)
        {
            return NativeGuard.Fail(nameof(RequestMediaTypeList), ex);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "RequestCommandEventList", CallConvs = [typeof(CallConvCdecl)])]
    public static CLong RequestCommandEventList(char* mediaTypeStr, IscStrParamList* commandList, IscStrParamList* eventList)
    {
        try
        {
            ModulePin.Ensure();
            NativeGuard.Require(commandList != null, nameof(commandList));
            NativeGuard.Require(eventList != null, nameof(eventList));
            *commandList = default;
            *eventList = default;
            var repaired = false;
            var mediaType = NativeText.Read(mediaTypeStr, nameof(mediaTypeStr), ref repaired);
            DriverCalls.RequireChannel("RequestCommandEventList", mediaType);
            *commandList = StrParamLists.Allocate(CommandMapping.Commands);
            *eventList = StrParamLists.Allocate(CommandMapping.Events);
            return NativeGuard.Ok(ScErrorCode.SC_EC_OK);
        }
        catch (Exception ex)
        {
            return NativeGuard.Fail(nameof(RequestCommandEventList), ex);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "FreeSCStrParamList", CallConvs = [typeof(CallConvCdecl)])]
    public static void FreeSCStrParamList(IscStrParamList strList)
    {
        try
        {
            if (!StrParamLists.TryFree(strList))
            {
                Log.ForeignListRefused(DriverRegistry.Boundary, $"a list at 0x{(nint)strList.DataItems:x} with length {strList.Len.Value} was not handed out by this driver or was already freed; nothing was freed");
            }
        }
        catch (Exception ex)
        {
            NativeGuard.Fail(nameof(FreeSCStrParamList), ex);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "GetImplementationObject", CallConvs = [typeof(CallConvCdecl)])]
    public static CLong GetImplementationObject(nint key, nint* impObj)
    {
        try
        {
            // Meant for aggregate drivers wrapping another driver; this driver wraps none.
            NativeGuard.Require(impObj != null, nameof(impObj));
            *impObj = 0;
            return NativeGuard.Ok(ScErrorCode.SC_EC_CMD_NOT_SUPPORTED);
        }
        catch (Exception ex)
        {
            return NativeGuard.Fail(nameof(GetImplementationObject), ex);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "ReleaseISCDriverInstance", CallConvs = [typeof(CallConvCdecl)])]
    public static CLong ReleaseISCDriverInstance(nint handle)
    {
        try
        {
            return NativeGuard.Ok(DriverCalls.ReleaseDriver(handle));
        }
        catch (Exception ex)
        {
            return NativeGuard.Fail(nameof(ReleaseISCDriverInstance), ex);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "RequestService", CallConvs = [typeof(CallConvCdecl)])]
    public static CLong RequestService(nint handle, IscClientInterface clntInterface, char* connectString, IscKVParamList* datasetParams, nint* serviceHandle)
    {
        try
        {
            return NativeGuard.Ok(DriverCalls.RequestService(handle, clntInterface, connectString, datasetParams, serviceHandle));
        }
        catch (Exception ex)
        {
            return NativeGuard.Fail(nameof(RequestService), ex);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "ReleaseISCServiceInstance", CallConvs = [typeof(CallConvCdecl)])]
    public static CLong ReleaseISCServiceInstance(nint handle)
    {
        try
        {
            return NativeGuard.Ok(DriverCalls.ReleaseService(handle));
        }
        catch (Exception ex)
        {
            return NativeGuard.Fail(nameof(ReleaseISCServiceInstance), ex);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "InvokeCommand", CallConvs = [typeof(CallConvCdecl)])]
    public static CLong InvokeCommand(nint handle, char* clntCmdTrackID, char* name, char* stringParam, IscKVParamList* datasetParam)
    {
        try
        {
            var service = DriverCalls.Service(handle, nameof(InvokeCommand));
            var repaired = false;
            var problems = new List<string>();
            var trackId = NativeText.Read(clntCmdTrackID, nameof(clntCmdTrackID), ref repaired);
            var command = NativeText.Read(name, nameof(name), ref repaired);
            var text = NativeText.Read(stringParam, nameof(stringParam), ref repaired);
            var parameters = NativeInput.ReadKeyValues(datasetParam, nameof(datasetParam), problems, ref repaired);
            DriverCalls.NoteInput(nameof(InvokeCommand), repaired, problems);
            if (string.IsNullOrEmpty(command))
            {
                throw new DriverException(ScErrorCode.SC_EC_CMD_NOT_SUPPORTED, DriverErrorCode.DriverCommandNotSupported, "InvokeCommand without a command name");
            }
            return NativeGuard.Ok(service.InvokeCommand(trackId, command, text, parameters));
        }
        catch (Exception ex)
        {
            return NativeGuard.Fail(nameof(InvokeCommand), ex);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "InvokeCommandEx", CallConvs = [typeof(CallConvCdecl)])]
    public static CLong InvokeCommandEx(nint handle, char* clntCmdTrackID, int commandType, IscKVParamList* datasetParam)
    {
        try
        {
            var service = DriverCalls.Service(handle, nameof(InvokeCommandEx));
            var repaired = false;
            var problems = new List<string>();
            var trackId = NativeText.Read(clntCmdTrackID, nameof(clntCmdTrackID), ref repaired);
            var parameters = NativeInput.ReadKeyValues(datasetParam, nameof(datasetParam), problems, ref repaired);
            DriverCalls.NoteInput(nameof(InvokeCommandEx), repaired, problems);
            return NativeGuard.Ok(service.InvokeCommandEx(trackId, commandType, parameters));
        }
        catch (Exception ex)
        {
            return NativeGuard.Fail(nameof(InvokeCommandEx), ex);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "NotifyEventHandlingFinished", CallConvs = [typeof(CallConvCdecl)])]
    public static CLong NotifyEventHandlingFinished(nint handle, char* trackingID, nint result)
    {
        try
        {
            var service = DriverCalls.Service(handle, nameof(NotifyEventHandlingFinished));
            var repaired = false;
            var id = NativeText.Read(trackingID, nameof(trackingID), ref repaired);
            DriverCalls.NoteInput(nameof(NotifyEventHandlingFinished), repaired, []);
            // ISC_BOOLEAN's width is unknown: only the low byte is meaningful.
            service.EventHandlingFinished(id, (result & 0xFF) != 0);
            return NativeGuard.Ok(ScErrorCode.SC_EC_OK);
        }
        catch (Exception ex)
        {
            return NativeGuard.Fail(nameof(NotifyEventHandlingFinished), ex);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "AcceptWorkItem", CallConvs = [typeof(CallConvCdecl)])]
    public static CLong AcceptWorkItem(nint handle, char* trackingID) => WorkItem(nameof(AcceptWorkItem), "AnswerCall", handle, trackingID);

    [UnmanagedCallersOnly(EntryPoint = "ReleaseWorkItem", CallConvs = [typeof(CallConvCdecl)])]
    public static CLong ReleaseWorkItem(nint handle, char* trackingID) => WorkItem(nameof(ReleaseWorkItem), "ReleaseCall", handle, trackingID);

    [UnmanagedCallersOnly(EntryPoint = "SuspendWorkItem", CallConvs = [typeof(CallConvCdecl)])]
    public static CLong SuspendWorkItem(nint handle, char* trackingID) => WorkItem(nameof(SuspendWorkItem), "HoldCall", handle, trackingID);

    [UnmanagedCallersOnly(EntryPoint = "ResumeWorkItem", CallConvs = [typeof(CallConvCdecl)])]
    public static CLong ResumeWorkItem(nint handle, char* trackingID) => WorkItem(nameof(ResumeWorkItem), "RetrieveCall", handle, trackingID);

    [UnmanagedCallersOnly(EntryPoint = "HandleQueuedWorkItem", CallConvs = [typeof(CallConvCdecl)])]
    public static CLong HandleQueuedWorkItem(nint handle, char* name, IscKVParamList* fields, char* trackingID)
    {
        try
        {
            // Universal Queuing pushes work through this; a CTI driver routes calls through Finesse instead.
            DriverCalls.Service(handle, nameof(HandleQueuedWorkItem));
            return NativeGuard.Ok(ScErrorCode.SC_EC_CMD_NOT_SUPPORTED);
        }
        catch (Exception ex)
        {
            return NativeGuard.Fail(nameof(HandleQueuedWorkItem), ex);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "RevokeQueuedWorkItem", CallConvs = [typeof(CallConvCdecl)])]
    public static CLong RevokeQueuedWorkItem(nint handle, char* trackingID)
    {
        try
        {
            DriverCalls.Service(handle, nameof(RevokeQueuedWorkItem));
            return NativeGuard.Ok(ScErrorCode.SC_EC_CMD_NOT_SUPPORTED);
        }
        catch (Exception ex)
        {
            return NativeGuard.Fail(nameof(RevokeQueuedWorkItem), ex);
        }
    }

    private static CLong WorkItem(string export, string command, nint handle, char* trackingID)
    {
        try
        {
            var service = DriverCalls.Service(handle, export);
            var repaired = false;
            var id = NativeText.Read(trackingID, nameof(trackingID), ref repaired);
            DriverCalls.NoteInput(export, repaired, []);
            return NativeGuard.Ok(service.WorkItemCommand(export, command, id));
        }
        catch (Exception ex)
        {
            return NativeGuard.Fail(export, ex);
        }
    }
}

/// <summary>
/// The one guard of the native boundary: maps results and exceptions to <c>SC_EC_*</c> codes and
/// logs failures. Never throws.
/// </summary>
internal static class NativeGuard
{
    public static CLong Ok(ScErrorCode code) => new((int)code);

    public static void Require(bool condition, string argument)
    {
        if (!condition)
        {
            throw new DriverException(ScErrorCode.SC_EC_ERROR, DriverErrorCode.NativeNullArgument, $"{argument} is null");
        }
    }

    public static CLong Fail(string export, Exception ex)
    {
        var code = ex switch
        {
            DriverException d => d.Result,
            OutOfMemoryException => ScErrorCode.SC_EC_OUT_OF_MEMORY,
            _ => ScErrorCode.SC_EC_ERROR,
        };
        try
        {
            if (ex is DriverException driver)
            {
                Log.NativeCallFailed(DriverRegistry.Boundary, export, driver.ErrorCode, driver.Message, null);
            }
            else
            {
                Log.NativeCallFailed(DriverRegistry.Boundary, export, DriverErrorCode.NativeUnexpected, ex.Message, ex);
            }
        }
        catch (Exception)
        {
            // Logging must never turn a failure into a crash.
        }
        return new CLong((int)code);
    }
}
