using System.Collections.Concurrent;
using SiebelCti.Driver.Services;
using SiebelCti.Interop;

namespace SiebelCti.Driver.Tests;

/// <summary>A Siebel client that records every callback.</summary>
internal sealed class RecordingClient : ISiebelClient
{
    public ConcurrentQueue<Call> Calls { get; } = new();

    private int Add(Call call)
    {
        Calls.Enqueue(call);
        return 0;
    }

    public int BeginBatch() => Add(new("BeginBatch"));

    public int EndBatch() => Add(new("EndBatch"));

    public int CacheCommandInformation(IReadOnlyList<string> names, IReadOnlyList<string> descriptions, IReadOnlyList<int> statuses) =>
        Add(new("CacheCommandInformation", Statuses: [.. statuses], Fields: [.. names.Select((n, i) => new KeyValuePair<string, string>(n, statuses[i].ToString(System.Globalization.CultureInfo.InvariantCulture)))]));

    public int CleanAllWorkItem() => Add(new("CleanAllWorkItem"));

    public int HandleError(string? commandTrackingId, string error) => Add(new("HandleError", commandTrackingId, error));

    /// <summary>While set and not signalled, HandleEvent blocks (a Siebel that stopped taking events).</summary>
    public ManualResetEventSlim? HandleEventGate { get; set; }

    /// <summary>HandleEvent calls waiting at <see cref="HandleEventGate"/> now.</summary>
    public int BlockedInHandleEvent => Volatile.Read(ref _blocked);

    private int _blocked;

    public int HandleEvent(string name, IReadOnlyList<KeyValuePair<string, string>> fields, bool notifyWhenDone, string trackingId)
    {
        Interlocked.Increment(ref _blocked);
        HandleEventGate?.Wait(TimeSpan.FromSeconds(30));
        Interlocked.Decrement(ref _blocked);
        return Add(new("HandleEvent", name, trackingId, [.. fields]));
    }

    public int IndicateNewWorkItem(string trackingId, string? oldTrackingId, string description, ScWorkItemMode mode) =>
        Add(new("IndicateNewWorkItem", trackingId, mode.ToString()));

    public int ShowStatusText(string text) => Add(new("ShowStatusText", text));

    public int UpdateObjectInformation(string? trackingId, string mediaTargetAddress, IReadOnlyList<KeyValuePair<string, string>> data) => Add(new("UpdateObjectInformation"));

    public int WorkItemReleased(string trackingId, long stopTime) => Add(new("WorkItemReleased", trackingId));

    public int WorkItemResumed(string trackingId) => Add(new("WorkItemResumed", trackingId));

    public int WorkItemStarted(string trackingId, string? oldTrackingId, string description, string mediaTargetAddress, long startTime) =>
        Add(new("WorkItemStarted", trackingId, mediaTargetAddress));

    public int WorkItemSuspended(string trackingId) => Add(new("WorkItemSuspended", trackingId));

    public bool Has(Func<Call, bool> match) => Calls.Any(match);

    public Call[] Events(string name) => [.. Calls.Where(c => c.Method == "HandleEvent" && c.A == name)];
}
