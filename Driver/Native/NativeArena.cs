using System.Runtime.InteropServices;
using SiebelCti.Interop;

namespace SiebelCti.Driver.Native;

/// <summary>
/// Native memory for the arguments of one client callback (strings, lists): allocated before the
/// call, freed when the arena is disposed right after it (Siebel copies what it keeps, §7.3).
/// </summary>
internal sealed unsafe class NativeArena : IDisposable
{
    private readonly List<nint> _blocks = [];

    public char* String(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var p = NativeText.Allocate(text);
        _blocks.Add((nint)p);
        return p;
    }

    public T* Alloc<T>(int count) where T : unmanaged
    {
        var p = (T*)NativeMemory.AllocZeroed((nuint)Math.Max(count, 1), (nuint)sizeof(T));
        _blocks.Add((nint)p);
        return p;
    }

    public IscKVParamList* KeyValues(IReadOnlyList<KeyValuePair<string, string>> items)
    {
        var list = Alloc<IscKVParamList>(1);
        var data = Alloc<IscKeyValue>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            data[i].ParamName = String(items[i].Key);
            data[i].ParamValue = String(items[i].Value);
        }
        list->DataItems = data;
        list->Len = new CLong(items.Count);
        return list;
    }

    public IscStrParamList* Strings(IReadOnlyList<string> items)
    {
        var list = Alloc<IscStrParamList>(1);
        var data = Alloc<nint>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            data[i] = (nint)String(items[i]);
        }
        list->DataItems = (char**)data;
        list->Len = new CLong(items.Count);
        return list;
    }

    public IscLongParamList* Longs(IReadOnlyList<int> items)
    {
        var list = Alloc<IscLongParamList>(1);
        var data = Alloc<CLong>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            data[i] = new CLong(items[i]);
        }
        list->DataItems = data;
        list->Len = new CLong(items.Count);
        return list;
    }

    public void Dispose()
    {
        foreach (var block in _blocks)
        {
            NativeMemory.Free((void*)block);
        }
        _blocks.Clear();
    }
}
