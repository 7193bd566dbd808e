using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SiebelCti.Finesse.Tests;

/// <summary>One request as the server saw it.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, string? Authorization, string? RequestId, string? ContentType, string Body);

/// <summary>What the server answers; <see cref="Hang"/> never answers (until the client gives up).</summary>
public sealed record FakeResponse(int Status, string? Body = null, bool Hang = false)
{
    public static FakeResponse Accepted { get; } = new(202);

    public static FakeResponse Xml(string body, int status = 200) => new(status, body);

    public static FakeResponse ApiError(int status, string type, string message, string? data = null) =>
        new(status, $"<ApiErrors><ApiError><ErrorType>{type}</ErrorType><ErrorMessage>{message}</ErrorMessage>" +
                    (data is null ? "" : $"<ErrorData>{data}</ErrorData>") + "</ApiError></ApiErrors>");
}

/// <summary>
/// A real HTTPS server (Kestrel) on 127.0.0.1 with a test certificate, answering like Finesse from a
/// scripted responder and recording every request.
/// </summary>
public sealed class FakeFinesseServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeFinesseServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Func<RecordedRequest, FakeResponse> Responder { get; set; } = _ => FakeResponse.Accepted;

    /// <summary>Completed when a request that will hang has arrived.</summary>
    public TaskCompletionSource HangingRequestArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<FakeFinesseServer> StartAsync(X509Certificate2 certificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        FakeFinesseServer? server = null;
        app.Run(async context => await server!.HandleAsync(context));
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new FakeFinesseServer(app, new Uri(new Uri(address).GetLeftPart(UriPartial.Authority)));
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.QueryString.Value ?? "",
            context.Request.Headers.Authorization.FirstOrDefault(),
            context.Request.Headers["requestId"].FirstOrDefault(),
            context.Request.ContentType,
            body);
        Requests.Enqueue(request);
        var response = Responder(request);
        if (response.Hang)
        {
            HangingRequestArrived.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }

            return;
        }

        context.Response.StatusCode = response.Status;
        if (request.RequestId is not null)
        {
            context.Response.Headers["requestId"] = request.RequestId;
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync(response.Body, context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
