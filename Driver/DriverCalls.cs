using System.Globalization;
using SiebelCti.Driver.Configuration;
using SiebelCti.Driver.Connector;
using SiebelCti.Driver.Logging;
using SiebelCti.Driver.Native;
using SiebelCti.Driver.Services;
using SiebelCti.Interop;

namespace SiebelCti.Driver;

/// <summary>The work behind the lifecycle exports, after the guard and before the services.</summary>
internal static unsafe class DriverCalls
{
    private static int s_instanceSequence;

    public static ScErrorCode Create(char* mediaTypeStr, char* languageCode, char* connectString, IscKVParamList* datasetParams, nint* handle)
    {
        NativeGuard.Require(handle != null, nameof(handle));
        *handle = 0;
        var repaired = false;
        var problems = new List<string>();
        var mediaType = NativeText.Read(mediaTypeStr, nameof(mediaTypeStr), ref repaired);
        _ = NativeText.Read(languageCode, nameof(languageCode), ref repaired);
        _ = NativeText.Read(connectString, nameof(connectString), ref repaired);
        var parameters = NativeInput.ReadKeyValues(datasetParams, nameof(datasetParams), problems, ref repaired);
        NoteInput("CreateISCDriverInstance", repaired, problems);
        RequireChannel("CreateISCDriverInstance", mediaType);

        var abi = AbiSettings.Current;
        if (abi.Problems.Count > 0)
        {
            Log.AbiConfigInvalid(DriverRegistry.Boundary, string.Join("; ", abi.Problems));
            throw new DriverException(ScErrorCode.SC_EC_DRIVER_CREATION_ERR, DriverErrorCode.DriverAbiConfigInvalid, string.Join("; ", abi.Problems));
        }

        var defaultClientId = string.Create(CultureInfo.InvariantCulture,
            $"SiebelCti-{new string([.. Environment.MachineName.Where(char.IsAsciiLetterOrDigit).Take(40)])}-{Environment.ProcessId}-{Interlocked.Increment(ref s_instanceSequence)}");
        var errors = new List<string>();
        var ignored = new List<string>();
        var options = DriverOptions.TryCreate(parameters, defaultClientId, Environment.GetEnvironmentVariable, errors, ignored);
        if (options is not null)
        {
            errors.AddRange(DriverLogging.Configure(options.LogConfigPath));
        }
        if (options is null || errors.Count > 0)
        {
            var list = string.Join("; ", errors);
            Log.DriverCreateFailed(DriverRegistry.Boundary, DriverErrorCode.DriverBadParameters, list);
            throw new DriverException(ScErrorCode.SC_EC_DRIVER_CREATION_ERR, DriverErrorCode.DriverBadParameters, $"invalid driver parameters: {list}");
        }
        var logger = DriverRegistry.Boundary;
        if (ignored.Count > 0)
        {
            Log.ParametersIgnored(logger, "CreateISCDriverInstance", string.Join(", ", ignored));
        }
#if DRIVER_TEST_HOOKS
        IConnectorLink link = options.Loopback ? new LoopbackConnector() : new OpenWireLink(options, DriverLogging.Factory, TimeProvider.System);
#else
        IConnectorLink link = new OpenWireLink(options, DriverLogging.Factory, TimeProvider.System);
#endif
        var instance = new DriverInstance(options, mediaType, link, TimeProvider.System, DriverLogging.Factory);
        // The handle first (the table may be full), then the start: a failure leaves nothing running.
        var created = DriverRegistry.Drivers.Add(instance);
        try
        {
            instance.Start();
        }
        catch
        {
            DriverRegistry.Drivers.TryRemove(created, out _);
            instance.Release();
            throw;
        }

        *handle = created;
        Log.DriverCreated(logger, mediaType, options.ToString());
        return ScErrorCode.SC_EC_OK;
    }

    /// <summary>Refuses a channel string (<c>mediaTypeStr</c>) the driver does not serve (<c>SC_EC_MEDIA_TYPE_NOT_SUPPORTED</c>).</summary>
    public static void RequireChannel(string export, [System.Diagnostics.CodeAnalysis.NotNull] string? mediaType)
    {
        var served = AbiSettings.Current.ChannelStrings;
        if (string.IsNullOrWhiteSpace(mediaType))
        {
            throw new DriverException(ScErrorCode.SC_EC_MEDIA_TYPE_NOT_SUPPORTED, DriverErrorCode.DriverMediaTypeNotSupported,
                $"{export}: the channel string (mediaTypeStr) is empty; this driver serves {string.Join(", ", served.Select(c => $"'{c}'"))}");
        }
        if (!AbiSettings.Current.Serves(mediaType))
        {
            var shown = mediaType.Length > 100 ? mediaType[..100] + "..." : mediaType;
            throw new DriverException(ScErrorCode.SC_EC_MEDIA_TYPE_NOT_SUPPORTED, DriverErrorCode.DriverMediaTypeNotSupported,
                $"{export}: the channel string '{shown}' is not served by this driver, which serves {string.Join(", ", served.Select(c => $"'{c}'"))} (ChannelStrings in {AbiSettings.FileName})");
        }
    }

    public static ScErrorCode ReleaseDriver(nint handle)
    {
        if (!DriverRegistry.Drivers.TryRemove(handle, out var instance))
        {
            throw InvalidHandle("ReleaseISCDriverInstance");
        }
        DriverRegistry.Services.RemoveWhere(entry => entry.Driver == instance);
        instance.Release();
        if (DriverRegistry.Drivers.Count == 0 && StrParamLists.LiveCount > 0)
        {
            Log.ListsNotFreed(DriverRegistry.Boundary, StrParamLists.LiveCount);
        }
        FlushIfIdle();
        return ScErrorCode.SC_EC_OK;
    }

    public static ScErrorCode RequestService(nint handle, in IscClientInterface clientInterface, char* connectString, IscKVParamList* datasetParams, nint* serviceHandle)
    {
        NativeGuard.Require(serviceHandle != null, nameof(serviceHandle));
        *serviceHandle = 0;
        if (!DriverRegistry.Drivers.TryGet(handle, out var driver))
        {
            throw InvalidHandle("RequestService");
        }
        var repaired = false;
        var problems = new List<string>();
        _ = NativeText.Read(connectString, nameof(connectString), ref repaired);
        var parameters = NativeInput.ReadKeyValues(datasetParams, nameof(datasetParams), problems, ref repaired);
        NoteInput("RequestService", repaired, problems);

        var client = new NativeSiebelClient(clientInterface, AbiSettings.Current.ClientInterface);
        var missing = client.MissingRequired();
        if (missing.Count > 0)
        {
            throw new DriverException(ScErrorCode.SC_EC_CLIENT_INTERFACE_ERR, DriverErrorCode.DriverClientInterfaceInvalid,
                $"the client interface has no {string.Join(", ", missing)} (check ClientInterface in {AbiSettings.FileName})");
        }
        string? agentId = null;
        string? extension = null;
        foreach (var (rawName, value) in parameters)
        {
            var name = rawName.StartsWith("Service:", StringComparison.OrdinalIgnoreCase) ? rawName["Service:".Length..] : rawName;
            if (name.Equals("AgentId", StringComparison.OrdinalIgnoreCase) && value.Length > 0 && !value.StartsWith('{'))
            {
                agentId = value;
            }
            else if (name.Equals("Extension", StringComparison.OrdinalIgnoreCase) && value.Length > 0 && !value.StartsWith('{'))
            {
                extension = value;
            }
        }
        var service = driver.CreateService(client, agentId, extension);
        try
        {
            *serviceHandle = DriverRegistry.Services.Add(new ServiceEntry(driver, service));
        }
        catch
        {
            driver.ReleaseService(service); // the table is full: no handle, so no service either
            throw;
        }

        return ScErrorCode.SC_EC_OK;
    }

    public static ScErrorCode ReleaseService(nint handle)
    {
        if (!DriverRegistry.Services.TryRemove(handle, out var entry))
        {
            throw InvalidHandle("ReleaseISCServiceInstance");
        }
        entry.Driver.ReleaseService(entry.Service);
        Log.ServiceReleased(DriverRegistry.Boundary);
        FlushIfIdle();
        return ScErrorCode.SC_EC_OK;
    }

    public static AgentService Service(nint handle, string export) =>
        DriverRegistry.Services.TryGet(handle, out var entry) ? entry.Service : throw InvalidHandle(export);

    public static void NoteInput(string export, bool repaired, List<string> problems)
    {
        if (repaired)
        {
            Log.TextRepaired(DriverRegistry.Boundary, export);
        }
        if (problems.Count > 0)
        {
            Log.ParametersIgnored(DriverRegistry.Boundary, export, string.Join("; ", problems));
        }
    }

    private static DriverException InvalidHandle(string export) =>
        new(ScErrorCode.SC_EC_INVALID_HANDLE, DriverErrorCode.NativeInvalidHandle, $"{export}: the handle is null, unknown or already released");

    private static void FlushIfIdle()
    {
        if (DriverRegistry.Drivers.Count == 0 || DriverRegistry.Services.Count == 0)
        {
            DriverLogging.Flush();
        }
    }
}
