namespace SiebelCti.Connector.Engine.Monitoring;

/// <summary>Broker message rates: averages over the last <paramref name="WindowSeconds"/> complete seconds, and totals since start.</summary>
public sealed record MessageRates(double InPerSecond, double OutPerSecond, long TotalIn, long TotalOut, double WindowSeconds)
{
    /// <summary>No traffic yet.</summary>
    public static MessageRates Empty { get; } = new(0, 0, 0, 0, 0);
}
