using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using SiebelCti.Interop;

namespace SiebelCti.Driver.Native;

/// <summary>
/// The <c>ISC_StrParamList</c>s handed to Siebel. Each is allocated with <see cref="NativeMemory"/>
/// and recorded; <see cref="TryFree"/> frees only a recorded list whose length matches, once, so
/// a foreign, altered or twice-freed list is refused instead of corrupting the heap.
/// </summary>
internal static unsafe class StrParamLists
{
    private static readonly ConcurrentDictionary<nint, long> Live = new();

    /// <summary>How many handed-out lists Siebel has not freed yet.</summary>
    public static int LiveCount => Live.Count;

    /// <summary>Allocates a list holding copies of <paramref name="items"/> and records it.</summary>
    public static IscStrParamList Allocate(IReadOnlyList<string> items)
    {
        // Always allocate the array (one slot at least) so that an empty list is recorded too.
        var array = (char**)NativeMemory.AllocZeroed((nuint)Math.Max(items.Count, 1), (nuint)sizeof(char*));
        for (var i = 0; i < items.Count; i++)
        {
            array[i] = NativeText.Allocate(items[i]);
        }
        Live[(nint)array] = items.Count;
        return new IscStrParamList { DataItems = array, Len = new CLong(items.Count) };
    }

    /// <summary>Frees a list made by <see cref="Allocate"/>; false (nothing freed) for any other list.</summary>
    public static bool TryFree(IscStrParamList list)
    {
        var key = (nint)list.DataItems;
        if (key == 0 || !Live.TryGetValue(key, out var length) || length != (long)list.Len.Value
            || !Live.TryRemove(new KeyValuePair<nint, long>(key, length)))
        {
            return false;
        }
        for (var i = 0; i < length; i++)
        {
            NativeMemory.Free(list.DataItems[i]);
        }
        NativeMemory.Free(list.DataItems);
        return true;
    }
}
