using System.Collections.Concurrent;
using SiebelCti.Driver.Services;
using SiebelCti.Interop;

namespace SiebelCti.Integration.Tests.Driver;

/// <summary>A Siebel client that records its callbacks as text: events with their Status/AgentState fields, errors, status texts.</summary>
internal sealed class EventsClient : ISiebelClient
{
    public ConcurrentQueue<string> Calls { get; } = new();

    private int Add(string call)
    {
        Calls.Enqueue(call);
        return 0;
    }

    public int BeginBatch() => 0;

    public int EndBatch() => 0;

    public int CacheCommandInformation(IReadOnlyList<string> names, IReadOnlyList<string> descriptions, IReadOnlyList<int> statuses) => Add("CacheCommandInformation");

    public int CleanAllWorkItem() => Add("CleanAllWorkItem");

    public int HandleError(string? commandTrackingId, string error) => Add($"HandleError {commandTrackingId} {error}");

    public int HandleEvent(string name, IReadOnlyList<KeyValuePair<string, string>> fields, bool notifyWhenDone, string trackingId) =>
        Add($"HandleEvent {name} {string.Join(",", fields.Where(f => f.Key is "Status" or "AgentState").Select(f => f.Value))}");

    public int IndicateNewWorkItem(string trackingId, string? oldTrackingId, string description, ScWorkItemMode mode) => Add("IndicateNewWorkItem");

    public int ShowStatusText(string text) => Add($"ShowStatusText {text}");

    public int UpdateObjectInformation(string? trackingId, string mediaTargetAddress, IReadOnlyList<KeyValuePair<string, string>> data) => 0;

    public int WorkItemReleased(string trackingId, long stopTime) => Add("WorkItemReleased");

    public int WorkItemResumed(string trackingId) => Add("WorkItemResumed");

    public int WorkItemStarted(string trackingId, string? oldTrackingId, string description, string mediaTargetAddress, long startTime) => Add("WorkItemStarted");

    public int WorkItemSuspended(string trackingId) => Add("WorkItemSuspended");
}
