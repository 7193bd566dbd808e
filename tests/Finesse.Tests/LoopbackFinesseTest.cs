using SiebelCti.Finesse.Rest;

namespace SiebelCti.Finesse.Tests;

/// <summary>Per test: a loopback HTTPS Finesse double with a fresh self-signed certificate and a client trusting it.</summary>
public abstract class LoopbackFinesseTest : IAsyncLifetime
{
    protected ListLogger<FinesseRestClient> Log { get; } = new();

    protected FakeFinesseServer Server { get; private set; } = null!;

    protected FinesseRestClient Client { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        Server = await FakeFinesseServer.StartAsync(TestCertificates.SelfSigned());
        Client = new FinesseRestClient(new FinesseOptions { SideA = Server.BaseUri, Trust = ServerCertificateTrust.AllowSelfSigned }, Log);
    }

    public virtual async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
