using SiebelCti.Connector.Engine.Monitoring;
using SiebelCti.Connector.Contract;

namespace SiebelCti.Connector.Engine;

public sealed partial class ConnectorEngine : IConnectorMonitorSource
{
    private ConnectorSnapshot? _snapshot;
    private bool _snapshotDirty = true;
    private DateTimeOffset _statusSince;
    private DateTimeOffset? _brokerSince;
    private int _brokerReconnects;
    private bool _brokerEverConnected;

    /// <summary>What the engine cannot know by itself, for the Connector Monitor: where the broker and Finesse are.</summary>
    public sealed record MonitorDescription(string Version, string BrokerUri, IReadOnlyList<FinesseSideInfo> FinesseSides);

    /// <summary>Counters, rates and latencies the engine records (shared with the Connector Monitor).</summary>
    public ConnectorMetrics Metrics { get; }

    /// <summary>
    /// The engine's state as the Connector Monitor shows it. Built on the engine loop at most once per
    /// housekeeping interval (and only when something changed), so a monitor poll never touches
    /// engine state from another thread.
    /// </summary>
    public ConnectorSnapshot GetSnapshot()
    {
        return Volatile.Read(ref _snapshot)!.WithMetrics(Metrics.GetSnapshot()) with { TakenAt = Now };
    }

    /// <summary>The status of the last snapshot the loop built, without the metrics (the health probe).</summary>
    public ConnectorStatusInfo GetStatus() => Volatile.Read(ref _snapshot)!.Status;

    private void RecordBrokerTransition(bool connected)
    {
        _brokerSince = Now;
        if (connected && _brokerEverConnected)
        {
            _brokerReconnects++;
        }

        _brokerEverConnected |= connected;
    }

    private void RefreshSnapshot()
    {
        if (_snapshotDirty)
        {
            _snapshotDirty = false;
            Volatile.Write(ref _snapshot, BuildSnapshot());
        }
    }

    private ConnectorSnapshot BuildSnapshot()
    {
        var status = Volatile.Read(ref _status);
        var health = _finesseHealth;
        var sides = _description.FinesseSides.Select(side => side.Side == health.ActiveSide
            ? side with
            {
                SystemStatus = health.InService ? SystemStatus.InService : SystemStatus.OutOfService,
                XmppConnected = health.XmppConnected ?? health.InService,
                FinessePresenceAvailable = health.FinessePresenceAvailable ?? health.InService,
                LastChecked = Now,
                Detail = health.Reason,
            }
            : side).ToList();
        return new ConnectorSnapshot
        {
            Version = _description.Version,
            StartedAt = _startedAt,
            TakenAt = Now,
            Status = new ConnectorStatusInfo(status.Status, status.Reason, _statusSince),
            Finesse = new FinesseInfo(health.ActiveSide, sides),
            Broker = new BrokerInfo(SecretRedactor.RedactUri(_description.BrokerUri), _brokerConnected, _brokerSince, _brokerReconnects),
            // Bounded so that invented clients or thousands of agents cannot make every monitor push huge.
            Clients = [.. _clientSessions.Values.OrderBy(c => c.ClientId, StringComparer.Ordinal).Take(_options.MonitorListLimit)
                .Select(c => new ClientInfo(c.ClientId, c.HostName, c.LastSeen, c.Agents.Count))],
            ClientCount = _clientSessions.Count,
            AgentCount = _agents.Count,
            Agents = [.. _agents.Values.OrderBy(a => a.AgentId, StringComparer.Ordinal).Take(_options.MonitorListLimit).Select(a => new AgentInfo
            {
                AgentId = a.AgentId,
                State = a.State?.State ?? (a.LoginInProgress ? "SIGNING_IN" : "UNKNOWN"),
                ReasonCode = a.State?.ReasonCode,
                ReasonCodeLabel = a.State?.ReasonCodeLabel,
                Extension = a.EffectiveExtension,
                Calls = [.. a.Dialogs.Values.Select(d => new CallInfo(d.Id, d.State, d.FromAddress, d.ToAddress))],
                LastEventTime = a.LastEventTime,
                Clients = [.. a.Clients.Order(StringComparer.Ordinal)],
            })],
        };
    }
}
