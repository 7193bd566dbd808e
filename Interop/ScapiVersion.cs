namespace SiebelCti.Interop;

/// <summary>
/// The Siebel Adaptive Communications API version the driver reports from <c>APIVersion</c>.
/// </summary>
/// <remarks>
/// Oracle's header (<c>scapi.h</c>) defines <c>SCAPI_VERSION</c> but its numeric value is not
/// published; the documentation only says Siebel 7.5 and later require "version 2" of the API.
/// This is the one place the compiled-in default lives; a deployer overrides it without a rebuild
/// with <c>ScapiVersion = N</c> in <c>SiebelCtiDriver.abi.conf</c> beside the library
/// (docs/native-abi.md, "Isolated assumptions").
/// </remarks>
public static class ScapiVersion
{
    /// <summary>The compiled-in default: version 2 of the Adaptive Communications API.</summary>
    public const int Default = 2;
}
