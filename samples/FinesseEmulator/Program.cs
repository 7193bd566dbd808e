// The Finesse emulator is built by the Finesse client issue; until then it only reports that.
var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
app.MapGet("/finesse/api/SystemInfo", () => Results.Text("emulator not built yet", "text/plain", statusCode: 503));
await app.RunAsync().ConfigureAwait(false);
