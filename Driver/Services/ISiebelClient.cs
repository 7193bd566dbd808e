using SiebelCti.Interop;

namespace SiebelCti.Driver.Services;

/// <summary>
/// The client handle's methods (reference/siebel-adcomm.md §5.1) as the services call them. Each
/// returns the method's <c>ISC_RESULT</c> (0 = success), or -1 when Siebel's interface lacks it.
/// Called only from the service's callback loop, one call at a time.
/// </summary>
internal interface ISiebelClient
{
    int BeginBatch();

    int EndBatch();

    int CacheCommandInformation(IReadOnlyList<string> names, IReadOnlyList<string> descriptions, IReadOnlyList<int> statuses);

    int CleanAllWorkItem();

    int HandleError(string? commandTrackingId, string error);

    int HandleEvent(string name, IReadOnlyList<KeyValuePair<string, string>> fields, bool notifyWhenDone, string trackingId);

    int IndicateNewWorkItem(string trackingId, string? oldTrackingId, string description, ScWorkItemMode mode);

    int ShowStatusText(string text);

    int UpdateObjectInformation(string? trackingId, string mediaTargetAddress, IReadOnlyList<KeyValuePair<string, string>> data);

    int WorkItemReleased(string trackingId, long stopTime);

    int WorkItemResumed(string trackingId);

    int WorkItemStarted(string trackingId, string? oldTrackingId, string description, string mediaTargetAddress, long startTime);

    int WorkItemSuspended(string trackingId);
}
