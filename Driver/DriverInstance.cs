using Microsoft.Extensions.Logging;
using SiebelCti.Connector.Contract;
using SiebelCti.Driver.Configuration;
using SiebelCti.Driver.Connector;
using SiebelCti.Driver.Logging;
using SiebelCti.Driver.Services;

namespace SiebelCti.Driver;

/// <summary>
/// One driver handle: one Siebel profile, one connector link, the agent services it created.
/// Routes connector messages to the services of their agent and times out unanswered requests.
/// </summary>
internal sealed class DriverInstance : IServiceHost, IConnectorSink
{
    private readonly Lock _lock = new();
    private readonly HashSet<AgentService> _services = [];
    private readonly Dictionary<string, List<AgentService>> _byAgent = new(StringComparer.Ordinal);
    private readonly IConnectorLink _link;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly Lock _recoveryLock = new();
    private readonly CancellationTokenSource _heartbeatStop = new();
    private ITimer? _timer;
    private PeriodicTimer? _heartbeatTimer;
    private Task _heartbeatLoop = Task.CompletedTask;
    private long _requestSequence;
    private long _recoveredAt = long.MinValue;
    private long _heartbeatTicks;
    private volatile bool _linkUp;
    private volatile StatusReport? _lastStatus;
    private readonly SessionGate _session = new();

    public DriverInstance(DriverOptions options, string mediaType, IConnectorLink link, TimeProvider time, ILoggerFactory loggers)
    {
        Options = options;
        MediaType = mediaType;
        _link = link;
        Time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger("SiebelCti.Driver.DriverInstance");
    }

    public DriverOptions Options { get; }

    public string MediaType { get; }

    public TimeProvider Time { get; }

    public TimeSpan RequestTimeout => Options.RequestTimeout;

    public TimeSpan TimeoutOf(ConnectorRequest request) => Options.TimeoutOf(request);

    public CommandDefaults Defaults => new(Options.NotReadyReasonCode, Options.LogoutReasonCode);

    public StatusReport? LastStatus => _lastStatus;

    /// <summary>Heartbeat intervals the loop has handled (a heartbeat sent or, with the link down, skipped); for tests and diagnostics.</summary>
    public long HeartbeatTicks => Interlocked.Read(ref _heartbeatTicks);

    public int ServiceCount
    {
        get
        {
            lock (_lock)
            {
                return _services.Count;
            }
        }
    }

    /// <summary>
    /// Starts the timeout check, the heartbeat loop and the link; every time the link comes up the
    /// driver announces itself with <c>Hello</c>, and while it is up sends <c>Heartbeat</c> every
    /// <see cref="DriverOptions.HeartbeatInterval"/>.
    /// </summary>
    public void Start()
    {
        var period = TimeSpan.FromMilliseconds(Math.Clamp(RequestTimeout.TotalMilliseconds / 4, 50, 1000));
        _timer = Time.CreateTimer(_ => CheckTimeouts(), null, period, period);
        _heartbeatTimer = new PeriodicTimer(Options.HeartbeatInterval, Time);
        _heartbeatLoop = HeartbeatAsync(_heartbeatTimer, _heartbeatStop.Token);
        _link.Start(this);
    }

    public string NewRequestId() => RequestId(Interlocked.Increment(ref _requestSequence));

    private string RequestId(long sequence) => $"{Options.ClientId}-{sequence}";

    /// <summary>The sequence number of one of this driver's request ids, or null for any other id.</summary>
    private long? SequenceOf(string? requestId) =>
        requestId is not null && requestId.StartsWith(Options.ClientId + "-", StringComparison.Ordinal)
            && long.TryParse(requestId.AsSpan(Options.ClientId.Length + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence)
            ? sequence : null;

    /// <summary>One loop per instance: a <c>Heartbeat</c> at every tick while the link is up; never throws.</summary>
    private async Task HeartbeatAsync(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                try
                {
                    if (_linkUp)
                    {
                        if (_session.Ready)
                        {
                            TrySend(new ConnectorEnvelope(new Heartbeat(), NewRequestId()));
                        }
                        else if (_session.HelloOverdue(Time.GetUtcNow(), RequestTimeout))
                        {
                            SendHello(); // the answer was lost: ask again
                        }
                    }
                }
                catch (Exception ex)
                {
                    Log.ConnectorLinkFailed(_logger, "sending a heartbeat failed", ex);
                }
                Interlocked.Increment(ref _heartbeatTicks);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Released.
        }
        catch (Exception ex)
        {
            Log.ConnectorLinkFailed(_logger, "the heartbeat loop stopped", ex);
        }
    }

    /// <summary>
    /// The Connector no longer knows this driver's session: it answered a heartbeat with
    /// <c>CLIENT_UNKNOWN</c> (it restarted, or declared this driver dead) or
    /// <c>CLIENT_SESSION_INVALID</c>. Starts a new session with <c>Hello</c>; its answer then proves
    /// every agent again (<see cref="Reprove"/>). Heartbeats sent before the last recovery's Hello
    /// get such answers too; those are stale and skipped, so one lost session leads to one recovery.
    /// </summary>
    private void Recover(string? correlationId)
    {
        lock (_recoveryLock)
        {
            if (SequenceOf(correlationId) is { } sequence && sequence < _recoveredAt)
            {
                Log.ClientRecoverySkipped(_logger, correlationId!);
                return;
            }
            _session.Forget();
            _recoveredAt = SendHello();
        }
    }

    /// <summary>Sends Hello, naming the current session so the Connector can resume it; requests wait until it is answered.</summary>
    private long SendHello()
    {
        var sequence = Interlocked.Increment(ref _requestSequence);
        var id = RequestId(sequence);
        var now = Time.GetUtcNow();
        var token = _session.HelloSent(id, now);
        _link.TrySend(new ConnectorEnvelope(new Hello(typeof(DriverInstance).Assembly.GetName().Version?.ToString(), Environment.MachineName),
            id, null, Options.ClientId) { Session = token, Deadline = now + Options.RequestExpiry });
        return sequence;
    }

    /// <summary>
    /// The Connector answered a Hello: the requests held meanwhile leave, and when the session is a
    /// new one (not resumed) every agent a service had connected and signed in is proved again with
    /// its <c>Connect</c> and its own <c>Login</c> (the credentials are in the service's memory).
    /// </summary>
    private void SessionStarted(SessionAnswer answer)
    {
        if (answer.Reprove)
        {
            // First the proofs, then what waited: a Ready held meanwhile must not arrive before its agent's Login.
            Reprove(answer.Release.Where(r => r.Message is Login).Select(r => r.AgentId).OfType<string>().ToHashSet(StringComparer.Ordinal));
        }
        foreach (var request in answer.Release)
        {
            _link.TrySend(request);
        }
    }

    /// <summary>Connect and Login again for every agent a service had connected and signed in, but those logging in anew.</summary>
    private void Reprove(HashSet<string> loggingIn)
    {
        List<AgentService> services;
        lock (_lock)
        {
            services = [.. _services];
        }
        var connected = new HashSet<string>(StringComparer.Ordinal);
        var signedIn = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            if (service.AgentId is not { } agentId || loggingIn.Contains(agentId))
            {
                continue;
            }
            foreach (var request in service.RecoveryRequests())
            {
                var first = request is Login ? signedIn.Add(agentId) : connected.Add(agentId);
                if (first)
                {
                    TrySend(new ConnectorEnvelope(request, NewRequestId(), agentId));
                }
            }
        }
        if (connected.Count > 0)
        {
            Log.ClientRecovered(_logger, connected.Count, signedIn.Count);
        }
    }

    /// <summary>
    /// Queues a request for the Connector with this driver's client id, session token and a deadline
    /// (<see cref="DriverOptions.ExpiryOf"/> from now unless it has one): after it the Connector
    /// drops the request unexecuted. Held while a Hello is unanswered. False when the link cannot take it.
    /// </summary>
    public bool TrySend(ConnectorEnvelope request)
    {
        var stamped = request with
        {
            ClientId = Options.ClientId,
            Deadline = request.Deadline ?? Time.GetUtcNow() + Options.ExpiryOf(request.Message),
        };
        if (!_linkUp)
        {
            return false;
        }
        return _session.TryStamp(stamped, out var now) && (now is null || _link.TrySend(now));
    }

    public AgentService CreateService(ISiebelClient client, string? agentId, string? extension)
    {
        var logger = _loggers.CreateLogger("SiebelCti.Driver.AgentService");
        var service = new AgentService(this, client, logger, agentId, extension);
        lock (_lock)
        {
            _services.Add(service);
        }
        using (logger.BeginScope(AgentService.Scope(agentId, null)))
        {
            Log.ServiceCreated(logger, agentId ?? "(not yet known)");
        }
        return service;
    }

    public void AgentChanged(AgentService service, string? previous, string agentId)
    {
        lock (_lock)
        {
            if (previous is not null && _byAgent.TryGetValue(previous, out var old))
            {
                old.Remove(service);
            }
            if (!_byAgent.TryGetValue(agentId, out var list))
            {
                _byAgent[agentId] = list = [];
            }
            list.Add(service);
        }
    }

    /// <summary>
    /// Releases one service. If no other service of this driver has its agent connected, first queues what
    /// <see cref="DriverOptions.ReleaseAction"/> asks for a signed-in agent (Not Ready, or Not Ready
    /// and sign-out) and <c>Disconnect</c>, so that an agent who closed Siebel is not left Ready
    /// receiving calls without a toolbar. Only queues: never waits for the Connector.
    /// </summary>
    public void ReleaseService(AgentService service) => AgentService.WaitForLoops([BeginReleaseService(service)], Time, _logger);

    private Task? BeginReleaseService(AgentService service)
    {
        bool lastOfAgent;
        lock (_lock)
        {
            _services.Remove(service);
            lastOfAgent = true;
            if (service.AgentId is { } agent && _byAgent.TryGetValue(agent, out var list))
            {
                list.Remove(service);
                lastOfAgent = !list.Any(s => s.Connected);
                if (list.Count == 0)
                {
                    _byAgent.Remove(agent);
                }
            }
        }
        if (lastOfAgent)
        {
            SendFarewell(service);
        }
        return service.BeginRelease();
    }

    private void SendFarewell(AgentService service)
    {
        try
        {
            if (service.AgentId is not { } agentId)
            {
                return;
            }
            foreach (var request in service.FarewellRequests(Options.ReleaseAction, Options.ReleaseReasonCode, Options.LogoutReasonCode))
            {
                var sent = TrySend(new ConnectorEnvelope(request, NewRequestId(), agentId));
                Log.ServiceFarewell(_logger, agentId, request.MessageType, sent);
            }
        }
        catch (Exception ex)
        {
            Log.ConnectorLinkFailed(_logger, "telling the Connector about a released service failed", ex);
        }
    }

    public void OnLinkStatus(bool up, string reason)
    {
        _linkUp = up;
        Broadcast(StatusReport.Link(up, reason));
        if (up)
        {
            SendHello();
        }
    }

    /// <summary>
    /// Decodes and routes one message from the Connector; never throws. A <c>System</c> message
    /// completes the request it answers (Connect/Disconnect, by correlation id) of its agent's
    /// services and goes to every service as the connector status; every other message goes to
    /// the services of its agent. A message that does not decode, that names no agent (an
    /// agentless <c>Error</c> is logged with its own code), or whose agent no service serves is
    /// logged with a stable code and dropped.
    /// </summary>
    public void OnMessage(WireMessage message)
    {
        try
        {
            var decoded = ConnectorWire.Decode(message);
            if (!decoded.Success)
            {
                Log.ConnectorMessageDropped(_logger, message.MessageType ?? "no JMSType", decoded.ErrorCode!, decoded.ErrorMessage!);
                return;
            }
            Route(decoded.Envelope!);
        }
        catch (Exception ex)
        {
            Log.ConnectorLinkFailed(_logger, "routing a connector message failed", ex);
        }
    }

    /// <summary>Routes a message a link without a wire (the test-only loopback) decoded itself; never throws.</summary>
    public void OnMessage(ConnectorEnvelope message)
    {
        try
        {
            Route(message);
        }
        catch (Exception ex)
        {
            Log.ConnectorLinkFailed(_logger, "routing a connector message failed", ex);
        }
    }

    private void Route(ConnectorEnvelope message)
    {
        List<AgentService> targets;
        lock (_lock)
        {
            targets = message.AgentId is not null && _byAgent.TryGetValue(message.AgentId, out var list) ? [.. list] : [];
        }

        if (message.Message is SystemStatus system)
        {
            if (_session.Answered(message.CorrelationId, system, Time.GetUtcNow()) is { } answer)
            {
                SessionStarted(answer);
            }

            // The Connector answers Connect and Disconnect with its status: that answers the
            // agent's request; the status itself goes to every service once.
            if (message.CorrelationId is { } correlationId)
            {
                foreach (var service in targets)
                {
                    service.Acknowledge(correlationId);
                }
            }

            Broadcast(StatusReport.From(system));
            return;
        }

        if (message.AgentId is null)
        {
            if (message.Message is Error error)
            {
                // An answer to a request of the driver itself (Hello), or one the Connector could not tie to an agent.
                Log.ConnectorErrorReported(_logger, error.RequestType ?? "a request", message.CorrelationId ?? "no correlation id", error.Code, error.Message);
                if (error.Code is ConnectorErrorCode.ClientUnknown or ConnectorErrorCode.ClientSessionInvalid)
                {
                    Recover(message.CorrelationId);
                }
            }
            else
            {
                Log.ConnectorMessageDropped(_logger, message.MessageType, DriverErrorCode.DriverMessageWithoutAgent, $"{message.MessageType} has no agentId property");
            }
            return;
        }

        if (targets.Count == 0)
        {
            Log.ConnectorMessageUnrouted(_logger, message.MessageType, message.AgentId);
            return;
        }

        foreach (var service in targets)
        {
            service.Deliver(message);
        }
    }

    private void Broadcast(StatusReport status)
    {
        try
        {
            List<AgentService> targets;
            lock (_lock)
            {
                _lastStatus = status;
                targets = [.. _services];
            }
            foreach (var service in targets)
            {
                service.DeliverStatus(status);
            }
        }
        catch (Exception ex)
        {
            Log.ConnectorLinkFailed(_logger, "routing a connector message failed", ex);
        }
    }

    private void CheckTimeouts()
    {
        try
        {
            var now = Time.GetUtcNow();
            List<AgentService> services;
            lock (_lock)
            {
                services = [.. _services];
            }
            foreach (var service in services)
            {
                service.CheckTimeouts(now);
            }
        }
        catch (Exception ex)
        {
            Log.ConnectorLinkFailed(_logger, "the request timeout check failed", ex);
        }
    }

    /// <summary>Stops the heartbeat loop, releases every service still open, stops the timer and closes the link.</summary>
    public void Release()
    {
        StopHeartbeats();
        List<AgentService> services;
        lock (_lock)
        {
            services = [.. _services];
        }
        AgentService.WaitForLoops(services.Select(BeginReleaseService).ToList(), Time, _logger);
        _timer?.Dispose();
        try
        {
            if (!_link.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5)))
            {
                Log.ConnectorLinkFailed(_logger, "the connector link did not close within 5 s", null);
            }
        }
        catch (Exception ex)
        {
            Log.ConnectorLinkFailed(_logger, "closing the connector link failed", ex);
        }
        Log.DriverReleased(_logger, Options.ClientId);
    }

    private void StopHeartbeats()
    {
        try
        {
            _heartbeatStop.Cancel();
            _heartbeatTimer?.Dispose();
            if (!_heartbeatLoop.Wait(TimeSpan.FromSeconds(5)))
            {
                Log.ConnectorLinkFailed(_logger, "the heartbeat loop did not stop within 5 s", null);
            }
        }
        catch (Exception ex)
        {
            Log.ConnectorLinkFailed(_logger, "stopping the heartbeat loop failed", ex);
        }
    }
}
