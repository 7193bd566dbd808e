// The Generic Connector host. The engine and the Connector Monitor arrive with the connector issue;
// until then the host starts, answers a health probe on loopback and stops cleanly.
var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
app.MapGet("/health", () => Results.Text("starting: engine not built yet", "text/plain"));
await app.RunAsync().ConfigureAwait(false);
