using System.Runtime.InteropServices;

namespace SiebelCti.Interop;

// Layout-exact mirrors of the four structs Oracle prints in "Data Types for Communications Drivers"
// (docs/native-abi.md). ISC_STRING is a NUL-terminated UTF-16 string on every platform (char*);
// C 'long' is CLong (32-bit on Windows, 64-bit on LP64 Linux/UNIX). No logic lives here.

/// <summary><c>struct ISC_KeyValue { ISC_STRING paramName; ISC_STRING paramValue; };</c></summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct IscKeyValue
{
    public char* ParamName;
    public char* ParamValue;
}

/// <summary><c>struct ISC_KVParamList { struct ISC_KeyValue* dataItems; long len; };</c></summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct IscKVParamList
{
    public IscKeyValue* DataItems;
    public CLong Len;
}

/// <summary><c>struct ISC_StrParamList { ISC_STRING* dataItems; long len; };</c></summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct IscStrParamList
{
    public char** DataItems;
    public CLong Len;
}

/// <summary><c>struct ISC_LongParamList { long* dataItems; long len; };</c></summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct IscLongParamList
{
    public CLong* DataItems;
    public CLong Len;
}
