namespace SiebelCti.Connector.Service.Monitor;

/// <summary>The logger of the monitor endpoints (category <c>SiebelCti.Connector.Monitor</c>).</summary>
internal sealed class MonitorLog(ILoggerFactory loggerFactory)
{
    public ILogger Logger { get; } = loggerFactory.CreateLogger("SiebelCti.Connector.Monitor");
}
