using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SiebelCti.Interop.Tests;

/// <summary>
/// The layout of every mirrored struct under each C data model the driver ships for: win-x86
/// (ILP32, which this machine cannot run), win-x64 (LLP64) and linux-x64 (LP64). The layout is
/// computed from the fields' declared types by the C rules (sequential, natural alignment); the
/// computation is first checked against the real layout of the platform the tests run on. The C
/// side of the same numbers is tests/native/win32/abi_layout.c, compiled for each target.
/// </summary>
public sealed unsafe class DataModelLayoutTests
{
    public sealed record DataModel(string Name, int Pointer, int CLong);

    private static readonly DataModel WinX86 = new("win-x86", 4, 4);
    private static readonly DataModel WinX64 = new("win-x64", 8, 4);
    private static readonly DataModel LinuxX64 = new("linux-x64", 8, 8);

    private static readonly Type[] Mirrors = [typeof(IscKeyValue), typeof(IscKVParamList), typeof(IscStrParamList), typeof(IscLongParamList), typeof(IscClientInterface)];

    private static DataModel ThisPlatform => new("this platform", IntPtr.Size, sizeof(CLong));

    /// <summary>Size, alignment and field offsets of <paramref name="type"/> under <paramref name="model"/>.</summary>
    private static (int Size, int Align, Dictionary<string, int> Offsets) Layout(Type type, DataModel model)
    {
        if (type.IsPointer || type == typeof(nint) || type == typeof(nuint))
        {
            return (model.Pointer, model.Pointer, []);
        }

        if (type == typeof(CLong))
        {
            return (model.CLong, model.CLong, []);
        }

        if (type == typeof(int))
        {
            return (4, 4, []);
        }

        Assert.True(type.IsValueType && type.StructLayoutAttribute?.Value != LayoutKind.Explicit, $"{type.Name}: only sequential structs are modelled");
        var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).OrderBy(f => f.MetadataToken).ToList();
        if (type.GetCustomAttribute<InlineArrayAttribute>() is { } inline)
        {
            var element = Layout(Assert.Single(fields).FieldType, model);
            return (element.Size * inline.Length, element.Align, []);
        }

        int offset = 0, align = 1;
        var offsets = new Dictionary<string, int>();
        foreach (var field in fields)
        {
            var f = Layout(field.FieldType, model);
            offset = (offset + f.Align - 1) / f.Align * f.Align;
            offsets[field.Name] = offset;
            offset += f.Size;
            align = Math.Max(align, f.Align);
        }

        return ((offset + align - 1) / align * align, align, offsets);
    }

    [Fact]
    public void The_model_reproduces_the_real_layout_of_this_platform()
    {
        foreach (var type in Mirrors)
        {
            var (size, _, offsets) = Layout(type, ThisPlatform);
            Assert.Equal(Marshal.SizeOf(type), size);
            foreach (var (field, offset) in offsets)
            {
                Assert.Equal((int)Marshal.OffsetOf(type, field), offset);
            }
        }
    }

    public static TheoryData<string, int, int, int, int> Expected => new()
    {
        // model, ISC_KeyValue size, list size, list 'len' offset, IscClientInterface size (24 slots)
        { "win-x86", 8, 8, 4, 96 },
        { "win-x64", 16, 16, 8, 192 },
        { "linux-x64", 16, 16, 8, 192 },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Mirrors_have_the_C_layout_of_each_shipped_data_model(string name, int keyValue, int list, int lenOffset, int clientInterface)
    {
        var model = new[] { WinX86, WinX64, LinuxX64 }.Single(m => m.Name == name);
        Assert.Equal(keyValue, Layout(typeof(IscKeyValue), model).Size);
        Assert.Equal(model.Pointer, Layout(typeof(IscKeyValue), model).Offsets[nameof(IscKeyValue.ParamValue)]);
        foreach (var type in new[] { typeof(IscKVParamList), typeof(IscStrParamList), typeof(IscLongParamList) })
        {
            var (size, _, offsets) = Layout(type, model);
            Assert.Equal(list, size);
            Assert.Equal(0, offsets["DataItems"]);
            Assert.Equal(lenOffset, offsets["Len"]);
        }

        Assert.Equal(clientInterface, Layout(typeof(IscClientInterface), model).Size);
    }

    [Fact]
    public void On_win_x86_every_client_interface_slot_is_four_bytes_without_padding()
    {
        // The hosted x86 DLL copies Siebel's slots one by one from the stack into this struct
        // (eng/windows/hosted-driver.c): slot i must sit at 4 * i.
        var (size, align, _) = Layout(typeof(IscClientInterface), WinX86);
        Assert.Equal(4, align);
        Assert.Equal(4 * IscClientInterface.Capacity, size);
    }
}
