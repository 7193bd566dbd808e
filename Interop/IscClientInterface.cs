using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SiebelCti.Interop;

/// <summary>
/// <c>struct ISC_CLIENT_INTERFACE</c>, passed by value to <c>RequestService</c>. Oracle never
/// published its definition, so the struct is mirrored as <see cref="Capacity"/> pointer-sized
/// slots and <see cref="ClientInterfaceLayout"/> says which slot holds the client handle and which
/// holds each client method. The compiled-in layout is <see cref="ClientInterfaceLayout.Default"/>;
/// deployers override it without a rebuild (docs/native-abi.md, "Isolated assumptions").
/// </summary>
/// <remarks>
/// Declaring more slots than the real struct has is safe on the 64-bit ABIs we ship (SysV x86-64
/// and Windows x64 pass a struct of this size in memory, not in registers, so the extra slots are
/// read from the caller's stack and never used). It would be wrong on 32-bit x86, which we do not
/// build.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct IscClientInterface
{
    /// <summary>How many pointer-sized slots the driver reads from the struct.</summary>
    public const int Capacity = 24;

    public ClientInterfaceSlots Slots;
}

/// <summary>The raw pointer-sized slots of <see cref="IscClientInterface"/>.</summary>
[InlineArray(IscClientInterface.Capacity)]
public struct ClientInterfaceSlots
{
    private nint _element0;
}

/// <summary>The members of <c>ISC_CLIENT_INTERFACE</c> that the driver knows by name.</summary>
public enum ClientMember
{
    /// <summary>A slot the driver does not use (a reserved or unknown member).</summary>
    Unused = 0,
    ClientHandle,
    BeginBatch,
    CacheCommandInformation,
    CleanAllWorkItem,
    EndBatch,
    HandleError,
    HandleEvent,
    IndicateNewWorkItem,
    ShowStatusText,
    UpdateObjectInformation,
    WorkItemReleased,
    WorkItemResumed,
    WorkItemStarted,
    WorkItemSuspended,
}

/// <summary>Which <see cref="IscClientInterface"/> slot holds which member.</summary>
public sealed class ClientInterfaceLayout
{
    private readonly int[] _slotOf;

    private ClientInterfaceLayout(ImmutableArray<ClientMember> order)
    {
        Order = order;
        _slotOf = new int[Enum.GetValues<ClientMember>().Length];
        Array.Fill(_slotOf, -1);
        for (var i = 0; i < order.Length; i++)
        {
            if (order[i] != ClientMember.Unused)
            {
                _slotOf[(int)order[i]] = i;
            }
        }
    }

    /// <summary>
    /// The compiled-in hypothesis (reference/siebel-adcomm.md §5.2): the client handle first, then
    /// the 13 documented client methods in the order Oracle's documentation lists them.
    /// </summary>
    public static ClientInterfaceLayout Default { get; } = new([
        ClientMember.ClientHandle,
        ClientMember.BeginBatch,
        ClientMember.CacheCommandInformation,
        ClientMember.CleanAllWorkItem,
        ClientMember.EndBatch,
        ClientMember.HandleError,
        ClientMember.HandleEvent,
        ClientMember.IndicateNewWorkItem,
        ClientMember.ShowStatusText,
        ClientMember.UpdateObjectInformation,
        ClientMember.WorkItemReleased,
        ClientMember.WorkItemResumed,
        ClientMember.WorkItemStarted,
        ClientMember.WorkItemSuspended,
    ]);

    /// <summary>The member held by each slot, slot 0 first.</summary>
    public ImmutableArray<ClientMember> Order { get; }

    /// <summary>Builds a layout, or returns the problems that make <paramref name="order"/> unusable.</summary>
    public static ClientInterfaceLayout? TryCreate(IReadOnlyList<ClientMember> order, out IReadOnlyList<string> problems)
    {
        var list = new List<string>();
        if (order.Count > IscClientInterface.Capacity)
        {
            list.Add($"the layout has {order.Count} slots; at most {IscClientInterface.Capacity} are supported");
        }
        foreach (var duplicate in order.Where(m => m != ClientMember.Unused).GroupBy(m => m).Where(g => g.Count() > 1))
        {
            list.Add($"{duplicate.Key} appears {duplicate.Count()} times");
        }
        if (!order.Contains(ClientMember.ClientHandle))
        {
            list.Add("the layout has no ClientHandle slot");
        }
        problems = list;
        return list.Count == 0 ? new ClientInterfaceLayout([.. order]) : null;
    }

    /// <summary>The slot index of <paramref name="member"/>, or -1 when the layout does not have it.</summary>
    public int SlotOf(ClientMember member) => _slotOf[(int)member];

    /// <summary>The value of <paramref name="member"/> in <paramref name="value"/>, or 0 when absent.</summary>
    public nint Read(in IscClientInterface value, ClientMember member)
    {
        var slot = SlotOf(member);
        return slot < 0 ? 0 : value.Slots[slot];
    }
}
