using System.Net;
using System.Net.Sockets;
using SiebelCti.OpenWire.Transport;

namespace SiebelCti.OpenWire.Tests;

/// <summary>A broker host name that resolves to several addresses, of which only some are served.</summary>
public sealed class ConnectAddressTests
{
    [Fact]
    public async Task The_first_address_refuses_and_the_next_one_connects_on_a_socket_of_its_own()
    {
        var ct = TestContext.Current.CancellationToken;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepted = listener.AcceptSocketAsync(ct);

        // 127.0.0.2 is loopback too, but nothing listens there on this port: refused (as an IPv6
        // address of a broker that serves IPv4 only would be).
        using var socket = await OpenWireTransport.ConnectFirstAsync([IPAddress.Parse("127.0.0.2"), IPAddress.Loopback], port, TimeSpan.FromSeconds(10), ct);

        Assert.True(socket.Connected);
        Assert.Equal(IPAddress.Loopback, ((IPEndPoint)socket.RemoteEndPoint!).Address);
        using var server = await accepted;
    }

    [Fact]
    public async Task When_no_address_connects_the_last_refusal_is_reported()
    {
        var ct = TestContext.Current.CancellationToken;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // the port is free now: every connect is refused

        var refused = await Assert.ThrowsAsync<SocketException>(() =>
            OpenWireTransport.ConnectFirstAsync([IPAddress.Parse("127.0.0.2"), IPAddress.Loopback], port, TimeSpan.FromSeconds(10), ct));

        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }
}
