using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SiebelCti.Interop.Tests;

/// <summary>Size and field offsets of every mirrored struct, for the platform the tests run on.</summary>
public sealed unsafe class LayoutTests
{
    private static readonly int Ptr = IntPtr.Size;

    // C 'long': 4 bytes on Windows (LLP64), pointer-sized on LP64 Linux/UNIX.
    private static readonly int CLongSize = OperatingSystem.IsWindows() ? 4 : IntPtr.Size;

    private static int Padded(int size) => (size + Ptr - 1) / Ptr * Ptr;

    [Fact]
    public void CLong_has_the_width_of_C_long_on_this_platform()
    {
        Assert.Equal(CLongSize, sizeof(CLong));
    }

    [Fact]
    public void IscKeyValue_is_two_string_pointers()
    {
        Assert.Equal(2 * Ptr, sizeof(IscKeyValue));
        Assert.Equal(0, (int)Marshal.OffsetOf<IscKeyValue>(nameof(IscKeyValue.ParamName)));
        Assert.Equal(Ptr, (int)Marshal.OffsetOf<IscKeyValue>(nameof(IscKeyValue.ParamValue)));
    }

    [Fact]
    public void IscKVParamList_is_items_pointer_then_long()
    {
        Assert.Equal(Padded(Ptr + CLongSize), sizeof(IscKVParamList));
        Assert.Equal(0, (int)Marshal.OffsetOf<IscKVParamList>(nameof(IscKVParamList.DataItems)));
        Assert.Equal(Ptr, (int)Marshal.OffsetOf<IscKVParamList>(nameof(IscKVParamList.Len)));
    }

    [Fact]
    public void IscStrParamList_is_items_pointer_then_long()
    {
        Assert.Equal(Padded(Ptr + CLongSize), sizeof(IscStrParamList));
        Assert.Equal(0, (int)Marshal.OffsetOf<IscStrParamList>(nameof(IscStrParamList.DataItems)));
        Assert.Equal(Ptr, (int)Marshal.OffsetOf<IscStrParamList>(nameof(IscStrParamList.Len)));
    }

    [Fact]
    public void IscLongParamList_is_items_pointer_then_long()
    {
        Assert.Equal(Padded(Ptr + CLongSize), sizeof(IscLongParamList));
        Assert.Equal(0, (int)Marshal.OffsetOf<IscLongParamList>(nameof(IscLongParamList.DataItems)));
        Assert.Equal(Ptr, (int)Marshal.OffsetOf<IscLongParamList>(nameof(IscLongParamList.Len)));
    }

    [Fact]
    public void IscClientInterface_is_Capacity_pointer_slots()
    {
        Assert.Equal(IscClientInterface.Capacity * Ptr, sizeof(IscClientInterface));
        Assert.Equal(0, (int)Marshal.OffsetOf<IscClientInterface>(nameof(IscClientInterface.Slots)));
    }

    [Fact]
    public void Every_mirror_is_blittable()
    {
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<IscKeyValue>());
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<IscKVParamList>());
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<IscStrParamList>());
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<IscLongParamList>());
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<IscClientInterface>());
    }

    [Fact]
    public void Enums_are_four_byte_ints_with_oracles_values()
    {
        Assert.Equal(4, sizeof(ScErrorCode));
        Assert.Equal(4, (int)ScErrorCode.SC_EC_INVALID_HANDLE);
        Assert.Equal(18, (int)ScErrorCode.SC_EC_WORK_ITEM_WRONG_STATE);
        Assert.Equal(1000, (int)ScErrorCode.SC_EC_DRIVER_SPECIFIC);
        Assert.Equal(32, (int)ScCommandFlag.SC_CF_STRPARAMSOK);
        Assert.Equal(2, (int)ScCommandTypeEx.SC_CT_SENDMESSAGE);
        Assert.Equal(13, (int)ScObjectProperty.SC_OP_ISLOGON);
        Assert.Equal(2, (int)ScWorkItemMode.SC_WM_OUTBOUND);
    }
}
