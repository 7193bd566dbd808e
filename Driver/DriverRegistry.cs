using Microsoft.Extensions.Logging;
using SiebelCti.Driver.Native;
using SiebelCti.Driver.Services;

namespace SiebelCti.Driver;

/// <summary>The handle tables behind every handle given to Siebel (process-wide; one per handle kind).</summary>
internal static class DriverRegistry
{
    public const byte DriverKind = 0x5D;
    public const byte ServiceKind = 0x5E;

    public static HandleTable<DriverInstance> Drivers { get; } = new(DriverKind);

    public static HandleTable<ServiceEntry> Services { get; } = new(ServiceKind);

    /// <summary>The boundary logger for exports (not tied to an agent).</summary>
    public static ILogger Boundary => Logging.DriverLogging.Factory.CreateLogger("SiebelCti.Driver.Exports");
}

/// <summary>A service handle's target: the service and the driver instance that owns it.</summary>
internal sealed record ServiceEntry(DriverInstance Driver, AgentService Service);
