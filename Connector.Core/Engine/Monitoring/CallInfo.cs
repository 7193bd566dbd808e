namespace SiebelCti.Connector.Engine.Monitoring;

/// <summary>One Finesse dialog of an agent.</summary>
/// <param name="DialogId">The Finesse dialog id.</param>
/// <param name="State">The dialog state (<c>ALERTING</c>, <c>ACTIVE</c>, <c>HELD</c>, ...).</param>
/// <param name="From">Calling number (ANI), when known.</param>
/// <param name="To">Called number (DNIS / dialed number), when known.</param>
public sealed record CallInfo(string DialogId, string State, string? From, string? To);
