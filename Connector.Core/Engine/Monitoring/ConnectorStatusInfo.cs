namespace SiebelCti.Connector.Engine.Monitoring;

/// <summary>The connector's service status, as announced to drivers in <c>System</c>.</summary>
/// <param name="Status"><c>IN_SERVICE</c> or <c>OUT_OF_SERVICE</c> (see <see cref="Contract.SystemStatus"/>).</param>
/// <param name="Reason">Why the connector is out of service (or a note while in service); null when none.</param>
/// <param name="Since">When the status last changed.</param>
public sealed record ConnectorStatusInfo(string Status, string? Reason, DateTimeOffset Since);
