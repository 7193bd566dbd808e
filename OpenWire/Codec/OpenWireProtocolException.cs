namespace SiebelCti.OpenWire.Codec;

/// <summary>Raised by the pure codec when bytes do not form a valid OpenWire structure.</summary>
internal sealed class OpenWireProtocolException(string message) : Exception(message);
