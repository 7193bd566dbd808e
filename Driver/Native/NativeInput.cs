using SiebelCti.Interop;
using SiebelCti.Driver.Logging;

namespace SiebelCti.Driver.Native;

/// <summary>Copies Siebel's <c>ISC_KVParamList</c> inputs into managed lists, validating as it goes.</summary>
internal static unsafe class NativeInput
{
    /// <summary>The most key/value pairs accepted in one list.</summary>
    public const int MaxParameters = 100_000;

    /// <summary>
    /// Copies <paramref name="list"/> (null = empty). Entries with a null key are skipped and
    /// reported in <paramref name="problems"/>; a null value becomes the empty string.
    /// </summary>
    public static List<KeyValuePair<string, string>> ReadKeyValues(IscKVParamList* list, string what, List<string> problems, ref bool repaired)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (list == null)
        {
            return result;
        }
        var length = (long)list->Len.Value;
        if (length < 0 || length > MaxParameters)
        {
            throw new DriverException(ScErrorCode.SC_EC_ERROR, DriverErrorCode.NativeBadList,
                $"{what} has length {length}; a list holds 0 to {MaxParameters} entries");
        }
        if (length > 0 && list->DataItems == null)
        {
            throw new DriverException(ScErrorCode.SC_EC_ERROR, DriverErrorCode.NativeBadList, $"{what} has length {length} but no items");
        }
        result.Capacity = (int)length;
        for (var i = 0; i < length; i++)
        {
            var item = list->DataItems[i];
            var key = NativeText.Read(item.ParamName, $"{what}[{i}] name", ref repaired);
            if (string.IsNullOrEmpty(key))
            {
                problems.Add($"{what}[{i}] has no name and was ignored");
                continue;
            }
            result.Add(new(key, NativeText.ReadOrEmpty(item.ParamValue, $"{what}[{i}] value", ref repaired)));
        }
        return result;
    }
}
