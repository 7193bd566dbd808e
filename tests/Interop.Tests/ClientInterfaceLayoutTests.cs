namespace SiebelCti.Interop.Tests;

public sealed class ClientInterfaceLayoutTests
{
    [Fact]
    public void Default_puts_the_client_handle_first_then_the_13_methods_in_documented_order()
    {
        var layout = ClientInterfaceLayout.Default;

        Assert.Equal(14, layout.Order.Length);
        Assert.Equal(0, layout.SlotOf(ClientMember.ClientHandle));
        Assert.Equal(1, layout.SlotOf(ClientMember.BeginBatch));
        Assert.Equal(6, layout.SlotOf(ClientMember.HandleEvent));
        Assert.Equal(13, layout.SlotOf(ClientMember.WorkItemSuspended));
    }

    [Fact]
    public void Read_takes_each_member_from_its_slot_and_zero_for_a_missing_member()
    {
        var value = new IscClientInterface();
        for (var i = 0; i < IscClientInterface.Capacity; i++)
        {
            value.Slots[i] = 100 + i;
        }
        var layout = ClientInterfaceLayout.TryCreate([ClientMember.Unused, ClientMember.HandleEvent, ClientMember.ClientHandle], out var problems)!;

        Assert.Empty(problems);
        Assert.Equal(101, layout.Read(value, ClientMember.HandleEvent));
        Assert.Equal(102, layout.Read(value, ClientMember.ClientHandle));
        Assert.Equal(0, layout.Read(value, ClientMember.ShowStatusText));
    }

    [Fact]
    public void TryCreate_reports_every_problem()
    {
        var order = Enumerable.Repeat(ClientMember.HandleEvent, IscClientInterface.Capacity + 1).ToList();

        var layout = ClientInterfaceLayout.TryCreate(order, out var problems);

        Assert.Null(layout);
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("at most", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("HandleEvent appears", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("no ClientHandle", StringComparison.Ordinal));
    }
}
