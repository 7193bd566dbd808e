using System.Runtime.InteropServices;
using SiebelCti.Driver.Native;
using SiebelCti.Interop;

namespace SiebelCti.Driver.Tests;

public sealed unsafe class NativeBoundaryTests
{
    [Fact]
    public void Read_copies_a_well_formed_string_and_keeps_null_as_null()
    {
        var repaired = false;
        fixed (char* p = "héllo 😀")
        {
            Assert.Equal("héllo 😀", NativeText.Read(p, "x", ref repaired));
        }
        Assert.Null(NativeText.Read(null, "x", ref repaired));
        Assert.False(repaired);
    }

    [Fact]
    public void Read_replaces_unpaired_surrogates_with_U_FFFD_and_says_so()
    {
        var repaired = false;
        var text = new string(['a', '\uD800', 'b', '\uDC00', '\uD83D', '\uDE00', '\uDBFF']) + "\0";
        fixed (char* p = text)
        {
            Assert.Equal("a\uFFFDb\uFFFD😀\uFFFD", NativeText.Read(p, "x", ref repaired));
        }
        Assert.True(repaired);
    }

    [Fact]
    public void Read_refuses_a_string_longer_than_the_limit()
    {
        var text = new string('A', NativeText.MaxChars + 1) + "\0";
        var repaired = false;
        var ex = Assert.Throws<DriverException>(() =>
        {
            fixed (char* p = text)
            {
                NativeText.Read(p, "name", ref repaired);
            }
        });
        Assert.Equal(ScErrorCode.SC_EC_ERROR, ex.Result);
        Assert.Equal("NATIVE_STRING_TOO_LONG", ex.ErrorCode);
    }

    [Fact]
    public void A_handed_out_list_is_freed_once_and_foreign_or_altered_lists_are_refused()
    {
        var before = StrParamLists.LiveCount;
        var list = StrParamLists.Allocate(["LogIn", "LogOut"]);
        Assert.Equal(before + 1, StrParamLists.LiveCount);
        Assert.Equal("LogOut", new string(list.DataItems[1]));

        Assert.False(StrParamLists.TryFree(list with { Len = new CLong(3) }));
        Assert.True(StrParamLists.TryFree(list));
        Assert.False(StrParamLists.TryFree(list));
        Assert.False(StrParamLists.TryFree(default));
        var foreign = stackalloc nint[1];
        Assert.False(StrParamLists.TryFree(new IscStrParamList { DataItems = (char**)foreign, Len = new CLong(1) }));
        Assert.Equal(before, StrParamLists.LiveCount);
    }

    [Fact]
    public void An_empty_list_is_handed_out_and_freed_too()
    {
        var list = StrParamLists.Allocate([]);
        Assert.Equal(0, list.Len.Value);
        Assert.True(StrParamLists.TryFree(list));
    }

    [Fact]
    public void ReadKeyValues_skips_null_names_and_rejects_bad_lengths()
    {
        var name = Marshal.StringToHGlobalUni("AgentId");
        try
        {
            var items = stackalloc IscKeyValue[2];
            items[0] = new IscKeyValue { ParamName = null, ParamValue = (char*)name };
            items[1] = new IscKeyValue { ParamName = (char*)name, ParamValue = null };
            var list = new IscKVParamList { DataItems = items, Len = new CLong(2) };
            var problems = new List<string>();
            var repaired = false;

            var values = NativeInput.ReadKeyValues(&list, "params", problems, ref repaired);

            Assert.Equal([new KeyValuePair<string, string>("AgentId", "")], values);
            Assert.Single(problems);
            var bad = (IscKVParamList*)Marshal.AllocHGlobal(sizeof(IscKVParamList) * 3);
            try
            {
                bad[0] = new IscKVParamList { Len = new CLong(-1) };
                bad[1] = new IscKVParamList { Len = new CLong(3) };
                bad[2] = new IscKVParamList { DataItems = items, Len = new CLong(NativeInput.MaxParameters + 1) };
                for (var i = 0; i < 3; i++)
                {
                    var list2 = bad + i;
                    var ex = Assert.Throws<DriverException>(() =>
                    {
                        var r = false;
                        NativeInput.ReadKeyValues(list2, "params", [], ref r);
                    });
                    Assert.Equal("NATIVE_BAD_LIST", ex.ErrorCode);
                }
            }
            finally
            {
                Marshal.FreeHGlobal((nint)bad);
            }
        }
        finally
        {
            Marshal.FreeHGlobal(name);
        }
    }

    [Theory]
    [InlineData(64)]
    [InlineData(32)] // win-x86: the managed code runs in a 32-bit runtime, where a handle (nint) has 32 bits
    public void Handles_are_refused_once_released_and_across_tables(int handleBits)
    {
        var drivers = new HandleTable<string>(DriverRegistry.DriverKind, handleBits);
        var services = new HandleTable<string>(DriverRegistry.ServiceKind, handleBits);
        var a = drivers.Add("a");
        var b = services.Add("b");

        Assert.True(drivers.TryGet(a, out var value));
        Assert.Equal("a", value);
        Assert.False(services.TryGet(a, out _));
        Assert.False(drivers.TryGet(b, out _));
        Assert.False(drivers.TryGet(0, out _));
        Assert.False(drivers.TryGet(-1, out _));
        Assert.True(drivers.TryRemove(a, out _));
        Assert.False(drivers.TryRemove(a, out _));
        var reused = drivers.Add("c");
        Assert.NotEqual(a, reused);
        Assert.False(drivers.TryGet(a, out _));
        Assert.True(drivers.TryGet(reused, out value));
        Assert.Equal("c", value);
    }

    [Fact]
    public void Handles_for_a_32_bit_process_fit_in_32_bits_and_stay_recognisable()
    {
        // Before: the kind tag sat in bits 48-55, which a 32-bit nint drops, so on win-x86 every handle
        // the driver gave out was refused by the next call and each driver instance leaked.
        var drivers = new HandleTable<string>(DriverRegistry.DriverKind, 32);
        var services = new HandleTable<string>(DriverRegistry.ServiceKind, 32);
        var stale = new List<nint>();
        for (var i = 0; i < 5000; i++)
        {
            var handle = drivers.Add("d" + i);
            Assert.InRange((long)handle, 1, int.MaxValue);
            Assert.Equal(handle, (nint)unchecked((int)handle)); // survives the trip through a 32-bit pointer
            Assert.True(drivers.TryGet(handle, out var value));
            Assert.Equal("d" + i, value);
            Assert.False(services.TryGet(handle, out _));
            Assert.True(drivers.TryRemove(handle, out _));
            if (i < 100)
            {
                stale.Add(handle);
            }
        }

        var live = drivers.Add("live");
        Assert.All(stale, h => Assert.False(drivers.TryGet(h, out _)));
        Assert.True(drivers.TryGet(live, out _));
    }

    [Fact]
    public void A_full_32_bit_table_refuses_more_handles_instead_of_reusing_live_ones()
    {
        var table = new HandleTable<string>(DriverRegistry.ServiceKind, 32);
        var handles = Enumerable.Range(0, 8191).Select(i => table.Add("s" + i)).ToList();
        Assert.Equal(handles.Count, handles.Distinct().Count());
        Assert.All(handles, h => Assert.InRange((long)h, 1, int.MaxValue));
        Assert.Throws<InvalidOperationException>(() => table.Add("one too many"));
        Assert.True(table.TryRemove(handles[42], out _));
        Assert.True(table.TryGet(table.Add("again"), out var again));
        Assert.Equal("again", again);
    }

    [Fact]
    public void A_kind_tag_that_does_not_fit_a_32_bit_handle_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HandleTable<string>(0x80, 32));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HandleTable<string>(0, 64));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HandleTable<string>(1, 16));
    }

    [Fact]
    public void Exports_refuse_null_and_forged_handles_without_throwing()
    {
        delegate* unmanaged[Cdecl]<nint, char*, char*, char*, IscKVParamList*, CLong> invoke = &Exports.InvokeCommand;
        delegate* unmanaged[Cdecl]<nint, CLong> releaseService = &Exports.ReleaseISCServiceInstance;
        delegate* unmanaged[Cdecl]<nint, CLong> releaseDriver = &Exports.ReleaseISCDriverInstance;
        delegate* unmanaged[Cdecl]<IscStrParamList, void> free = &Exports.FreeSCStrParamList;

        Assert.Equal((int)ScErrorCode.SC_EC_INVALID_HANDLE, (int)invoke(0, null, null, null, null).Value);
        Assert.Equal((int)ScErrorCode.SC_EC_INVALID_HANDLE, (int)invoke(0x1234, null, null, null, null).Value);
        Assert.Equal((int)ScErrorCode.SC_EC_INVALID_HANDLE, (int)releaseService(0).Value);
        Assert.Equal((int)ScErrorCode.SC_EC_INVALID_HANDLE, (int)releaseDriver(unchecked((nint)0x5D00000001000001)).Value);
        free(default);
    }

    [Fact]
    public void RequestCommandEventList_hands_out_lists_that_FreeSCStrParamList_takes_back()
    {
        delegate* unmanaged[Cdecl]<char*, IscStrParamList*, IscStrParamList*, CLong> request = &Exports.RequestCommandEventList;
        delegate* unmanaged[Cdecl]<IscStrParamList, void> free = &Exports.FreeSCStrParamList;
        IscStrParamList commands, events;
        var before = StrParamLists.LiveCount;

        fixed (char* voice = "voice")
        {
            Assert.Equal(0, (int)request(voice, &commands, &events).Value);
        }
        Assert.Equal(17, (int)commands.Len.Value);
        Assert.Equal(13, (int)events.Len.Value);
        free(commands);
        free(events);
        free(events);
        Assert.Equal(before, StrParamLists.LiveCount);
        Assert.Equal((int)ScErrorCode.SC_EC_ERROR, (int)request(null, null, &events).Value);
    }

    [Theory]
    [InlineData("Email")]
    [InlineData("")]
    [InlineData(null)]
    public void RequestCommandEventList_refuses_a_channel_string_the_driver_does_not_serve(string? channel)
    {
        delegate* unmanaged[Cdecl]<char*, IscStrParamList*, IscStrParamList*, CLong> request = &Exports.RequestCommandEventList;
        IscStrParamList commands, events;
        var before = StrParamLists.LiveCount;
        var text = channel;

        fixed (char* media = text)
        {
            Assert.Equal((int)ScErrorCode.SC_EC_MEDIA_TYPE_NOT_SUPPORTED, (int)request(media, &commands, &events).Value);
        }
        Assert.Equal((0, 0), ((int)commands.Len.Value, (int)events.Len.Value));
        Assert.Equal(before, StrParamLists.LiveCount);
    }
}
