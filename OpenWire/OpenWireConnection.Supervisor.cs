using SiebelCti.OpenWire.Commands;
using SiebelCti.OpenWire.Transport;

namespace SiebelCti.OpenWire;

/// <content>The supervisor: first connect, loss detection, back-off reconnect and replay of recorded intent.</content>
public sealed partial class OpenWireConnection
{
    private async Task ConnectFirstAsync(CancellationToken cancellationToken)
    {
        SetState(OpenWireConnectionState.Connecting, null, null);
        using var deadline = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        OpenWireException? last = null;
        var attempt = 0;
        try
        {
            while (true)
            {
                foreach (var endpoint in Order())
                {
                    try
                    {
                        var transport = await OpenAndReplayAsync(endpoint, linked.Token).ConfigureAwait(false);
                        Activate(transport);
                        _supervisor = Task.Run(SuperviseAsync, CancellationToken.None);
                        return;
                    }
                    catch (OpenWireException e)
                    {
                        // Every failure is logged here, with its code; only transient ones are retried
                        // (a refused login or a bad certificate does not get better by itself).
                        last = e;
                        OpenWireLog.ConnectFailed(_logger, endpoint.ToString(), e.ErrorCode, e.Message);
                        if (!e.IsTransient)
                        {
                            throw;
                        }
                    }
                }

                if (!_uri.IsFailover)
                {
                    throw last!;
                }

                await Task.Delay(BackOff(++attempt), _time, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new OpenWireException(OpenWireErrorKind.ConnectFailed,
                $"no broker of '{_options.BrokerUri}' accepted a connection within {_options.ConnectTimeout}: {last?.Message ?? "timed out"}", last);
        }
    }

    private IEnumerable<BrokerEndpoint> Order() =>
        _uri.Randomize ? _uri.Endpoints.OrderBy(_ => Random.Shared.Next()) : _uri.Endpoints;

    private TimeSpan BackOff(int attempt)
    {
        var delay = _uri.InitialReconnectDelay.TotalMilliseconds;
        if (_uri.UseExponentialBackOff)
        {
            delay *= Math.Pow(_uri.BackOffMultiplier, Math.Min(attempt - 1, 30));
        }

        delay = Math.Min(delay, _uri.MaxReconnectDelay.TotalMilliseconds);
        // Up to 10 % jitter so that many clients do not reconnect in lock-step.
        delay += delay * 0.1 * Random.Shared.NextDouble();
        return TimeSpan.FromMilliseconds(Math.Max(1, delay));
    }

    private void Activate(OpenWireTransport transport)
    {
        lock (_lock)
        {
            _open.TrySetResult(transport);
        }

        SetState(OpenWireConnectionState.Open, transport.Endpoint.ToString(), null);
    }

    /// <summary>Opens a transport, registers the connection and replays everything recorded.</summary>
    private async Task<OpenWireTransport> OpenAndReplayAsync(BrokerEndpoint endpoint, CancellationToken cancellationToken)
    {
        var transport = await OpenWireTransport.ConnectAsync(endpoint, _transportSettings, this, _logger, _time, cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_lock)
            {
                _transport = transport;
                Interlocked.Increment(ref _generation);
            }

            var generation = Generation;
            using var deadline = new CancellationTokenSource(_options.RequestTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            var token = linked.Token;
            try
            {
                await RegisterConnectionAsync(transport, endpoint, generation, token).ConfigureAwait(false);

                var sessions = _sessions.Values.ToList();
                var producers = 0;
                var consumers = 0;
                foreach (var session in sessions)
                {
                    session.MarkRegistered(generation);
                    await transport.RequestAsync(session.Info, token).ConfigureAwait(false);
                }

                foreach (var temp in _tempDestinations.Values)
                {
                    await transport.RequestAsync(new DestinationInfo { ConnectionId = new ConnectionId(ConnectionId), Destination = temp.ToWire() }, token).ConfigureAwait(false);
                }

                foreach (var session in sessions)
                {
                    foreach (var producer in session.Producers)
                    {
                        producer.MarkRegistered(generation);
                        await transport.RequestAsync(producer.Info, token).ConfigureAwait(false);
                        producers++;
                    }

                    foreach (var consumer in session.Consumers)
                    {
                        consumer.MarkRegistered(generation);
                        await transport.RequestAsync(consumer.Info, token).ConfigureAwait(false);
                        consumers++;
                    }
                }

                if (generation > 1)
                {
                    OpenWireLog.Replayed(_logger, ClientId, sessions.Count, _tempDestinations.Count, producers, consumers, endpoint.ToString());
                }
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new OpenWireException(OpenWireErrorKind.Timeout, $"{endpoint} did not answer the connection registration within {_options.RequestTimeout}");
            }

            return transport;
        }
        catch
        {
            await transport.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends the ConnectionInfo; a security refusal of it is the broker refusing our credentials.</summary>
    private async Task RegisterConnectionAsync(OpenWireTransport transport, BrokerEndpoint endpoint, long generation, CancellationToken token)
    {
        try
        {
            await transport.RequestAsync(new ConnectionInfo
            {
                ConnectionId = new ConnectionId(ConnectionId),
                ClientId = ClientId,
                UserName = _options.UserName,
                Password = _options.Password,
                Manageable = true,
                ClientMaster = true,
                FaultTolerant = _uri.IsFailover,
                FailoverReconnect = generation > 1,
            }, token).ConfigureAwait(false);
        }
        catch (OpenWireException e) when (e.Kind == OpenWireErrorKind.NotAuthorized)
        {
            var who = _options.UserName is null
                ? "an anonymous connection (no user name is configured; the broker requires one)"
                : $"the login of broker user '{_options.UserName}' (wrong user name or password)";
            throw new OpenWireException(OpenWireErrorKind.AuthenticationFailed, $"{endpoint} refused {who}: {e.Message}", e)
            {
                BrokerExceptionClass = e.BrokerExceptionClass,
            };
        }
    }

    private async Task SuperviseAsync()
    {
        try
        {
            while (!_closing.IsCancellationRequested)
            {
                var transport = _transport!;
                var cause = await transport.Completion.ConfigureAwait(false);
                if (cause is null || _closing.IsCancellationRequested)
                {
                    return;
                }

                await transport.DisposeAsync().ConfigureAwait(false);
                if (!_uri.IsFailover)
                {
                    SetState(OpenWireConnectionState.Faulted, transport.Endpoint.ToString(), cause);
                    return;
                }

                lock (_lock)
                {
                    if (_open.Task.IsCompleted)
                    {
                        _open = new TaskCompletionSource<OpenWireTransport>(TaskCreationOptions.RunContinuationsAsynchronously);
                    }
                }

                SetState(OpenWireConnectionState.Reconnecting, transport.Endpoint.ToString(), cause);
                if (!await ReconnectAsync().ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            OpenWireLog.SupervisorFailed(_logger, e, ClientId);
            SetState(OpenWireConnectionState.Faulted, null, new OpenWireException(OpenWireErrorKind.ConnectionClosed, $"the connection supervisor failed: {e.Message}", e));
        }
    }

    private async Task<bool> ReconnectAsync()
    {
        var attempt = 0;
        OpenWireException? last = null;
        while (!_closing.IsCancellationRequested)
        {
            if (_uri.MaxReconnectAttempts >= 0 && attempt >= _uri.MaxReconnectAttempts)
            {
                OpenWireLog.ReconnectGaveUp(_logger, ClientId, attempt);
                SetState(OpenWireConnectionState.Faulted, null, new OpenWireException(OpenWireErrorKind.ConnectFailed,
                    $"gave up after {attempt} reconnect attempts: {last?.Message ?? "no broker reachable"}", last));
                return false;
            }

            attempt++;
            var delay = BackOff(attempt);
            OpenWireLog.ReconnectScheduled(_logger, ClientId, attempt, delay);
            await Task.Delay(delay, _time, _closing.Token).ConfigureAwait(false);
            foreach (var endpoint in Order())
            {
                try
                {
                    var transport = await OpenAndReplayAsync(endpoint, _closing.Token).ConfigureAwait(false);
                    Activate(transport);
                    return true;
                }
                catch (OpenWireException e)
                {
                    last = e;
                    OpenWireLog.ConnectFailed(_logger, endpoint.ToString(), e.ErrorCode, e.Message);
                }
            }
        }

        return false;
    }
}
