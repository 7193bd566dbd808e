namespace SiebelCti.Connector.Contract;

/// <summary>The outcome of <see cref="ConnectorWire.Decode"/>: an envelope, or a stable error code and a message.</summary>
public readonly record struct EnvelopeDecodeResult(ConnectorEnvelope? Envelope, string? ErrorCode, string? ErrorMessage)
{
    public bool Success => Envelope is not null;

    internal static EnvelopeDecodeResult Ok(ConnectorEnvelope envelope) => new(envelope, null, null);

    internal static EnvelopeDecodeResult Fail(string code, string message) => new(null, code, message);
}
