using SiebelCti.Connector.Engine.Monitoring;
using SiebelCti.Connector.Contract;
using SiebelCti.Connector.Service.Configuration;

namespace SiebelCti.Connector.Service.Monitor;

/// <summary>
/// Demo mode (<c>Monitor:Demo=true</c>): a monitor source with made-up clients, agents and calls
/// that change every two seconds, so the console can be tried without Finesse or a broker.
/// </summary>
internal sealed class DemoMonitorSource : BackgroundService, IConnectorMonitorSource
{
    private static readonly string[] States = ["READY", "NOT_READY", "TALKING", "RESERVED", "WORK_READY", "NOT_READY"];
    private static readonly string[] Requests = ["Heartbeat", "Heartbeat", "Heartbeat", "Ready", "NotReady", "Answer", "Release", "GetState"];

    private readonly TimeProvider _time;
    private readonly ConnectorMetrics _metrics;
    private readonly InMemoryConnectorMonitorSource _source;
    private readonly Random _random = new(4711);
    private int _tick;

    public DemoMonitorSource(TimeProvider time, ConnectorServiceOptions options)
    {
        _time = time;
        _metrics = new ConnectorMetrics(time);
        var now = time.GetUtcNow();
        var sides = ServiceCollectionExtensions.FinesseSides(options.Finesse) is { Count: > 0 } configured
            ? configured
            : [new FinesseSideInfo("A", "https://finesse-a.demo:8445", null, false, false, null, null), new FinesseSideInfo("B", "https://finesse-b.demo:8445", null, false, false, null, null)];
        var snapshot = InMemoryConnectorMonitorSource.EmptySnapshot(time, ConnectorServiceHost.Version + " (demo)", null!, options.Broker.Broker.BrokerUri, sides) with
        {
            Status = new ConnectorStatusInfo(SystemStatus.InService, "demo data", now),
            Finesse = new FinesseInfo("A", [.. sides.Select((s, i) => s with
            {
                SystemStatus = SystemStatus.InService,
                XmppConnected = i == 0,
                FinessePresenceAvailable = i == 0,
                LastChecked = now,
                Detail = i == 0 ? null : "standby",
            })]),
            Broker = new BrokerInfo(SecretRedactor.RedactUri(options.Broker.Broker.BrokerUri), true, now, 0),
        };
        _source = new InMemoryConnectorMonitorSource(snapshot);
        Advance();
    }

    public ConnectorSnapshot GetSnapshot() =>
        _source.GetSnapshot() with { TakenAt = _time.GetUtcNow() };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2), _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                Advance();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Service stopping.
        }
    }

    private void Advance()
    {
        _tick++;
        var now = _time.GetUtcNow();
        for (var i = 0; i < 20 + _random.Next(30); i++)
        {
            var type = Requests[_random.Next(Requests.Length)];
            _metrics.RecordMessageIn();
            _metrics.RecordRequest(type);
            _metrics.RecordResponse(type, TimeSpan.FromMilliseconds(5 + (_random.NextDouble() * _random.NextDouble() * 400)));
            _metrics.RecordMessageOut();
            _metrics.RecordMessageOut();
        }

        if (_tick % 7 == 0)
        {
            _metrics.RecordError("FINESSE_REJECTED", "Finesse refused NOT_READY for agent 1003: reason code 7 is not valid in state TALKING", "1003");
        }

        var agents = new List<AgentInfo>();
        for (var a = 0; a < 12; a++)
        {
            var id = (1001 + a).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var state = States[(a + (_tick / (2 + (a % 3)))) % States.Length];
            var calls = state is "TALKING" or "RESERVED"
                ? new[] { new CallInfo($"{20_000 + (a * 37) + (_tick / 5)}", state == "TALKING" ? "ACTIVE" : "ALERTING", $"+4930555{a:D4}", "8000") }
                : [];
            agents.Add(new AgentInfo
            {
                AgentId = id,
                State = state,
                ReasonCode = state == "NOT_READY" ? "12" : null,
                ReasonCodeLabel = state == "NOT_READY" ? "Lunch" : null,
                Extension = (2001 + a).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Calls = calls,
                LastEventTime = now.AddSeconds(-_random.Next(60)),
                Clients = [a < 8 ? "siebel-crm01.profile1" : "siebel-crm02.profile1"],
            });
        }

        _source.Update(s => (s with
        {
            Clients =
            [
                new ClientInfo("siebel-crm01.profile1", "siebel-crm01", now.AddSeconds(-_random.Next(30)), 8),
                new ClientInfo("siebel-crm02.profile1", "siebel-crm02", now.AddSeconds(-_random.Next(30)), 4),
            ],
            Agents = agents,
        }).WithMetrics(_metrics.GetSnapshot()));
    }
}
