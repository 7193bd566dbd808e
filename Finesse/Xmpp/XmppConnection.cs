using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;

namespace SiebelCti.Finesse.Xmpp;

/// <summary>
/// Session: one negotiated XMPP connection (RFC 6120 §4-§7): stream, STARTTLS, SASL PLAIN, resource
/// binding and initial presence with priority 0; then exactly one read loop, one write loop (fed by
/// a channel) and one ping loop (XEP-0199). It ends once, with one reason (<see cref="Completion"/>);
/// reconnecting is the owner's (<see cref="XmppClient"/>) job, which creates a new connection.
/// </summary>
internal sealed class XmppConnection : IAsyncDisposable
{
    private readonly XmppOptions _options;
    private readonly ILogger _logger;
    private readonly ILogger _wire;
    private readonly bool _trace;
    private readonly TimeProvider _time;
    private readonly Func<XElement, CancellationToken, ValueTask> _onStanza;
    /// <summary>Stanzas queued for the write loop at most; a sender beyond it waits for room (up to the request timeout).</summary>
    internal const int OutboundCapacity = 4096;

    // Bounded; senders wait for room (SendAsync) so a burst against a slow server only slows down. A server that
    // stops reading altogether fails the waiting senders with XMPP_TIMEOUT and the ping drops the session.
    private readonly Channel<Outbound> _outbound = Channel.CreateBounded<Outbound>(
        new BoundedChannelOptions(OutboundCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<XElement>> _pending = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<XmppException> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StanzaRateGuard _rateGuard;
    private XmppTransport? _transport;
    private XmppStreamReader? _reader;
    private Task _readLoop = Task.CompletedTask;
    private Task _writeLoop = Task.CompletedTask;
    private Task _pingLoop = Task.CompletedTask;
    private long _nextId;
    private bool _throttleLogged;

    public XmppConnection(
        XmppOptions options,
        ILogger logger,
        ILogger wireLogger,
        TimeProvider time,
        Func<XElement, CancellationToken, ValueTask> onStanza)
    {
        _options = options;
        _logger = logger;
        _wire = wireLogger;
        _trace = wireLogger.IsEnabled(LogLevel.Trace);
        _time = time;
        _onStanza = onStanza;
        _rateGuard = new StanzaRateGuard(options.MaxStanzasPerSecond, time);
        Jid = options.BareJid + "/" + options.Resource;
    }

    /// <summary>The full JID the server bound (known after <see cref="OpenAsync"/>).</summary>
    public string Jid { get; private set; }

    /// <summary>Completes once, with the reason the connection ended.</summary>
    public Task<XmppException> Completion => _completion.Task;

    /// <summary>True while the connection has not ended.</summary>
    public bool IsOpen => !_completion.Task.IsCompleted;

    /// <summary>True when the stream is TLS-protected.</summary>
    public bool IsEncrypted => _transport?.IsEncrypted ?? false;

    /// <summary>The stream id the server gave the last stream.</summary>
    public string? StreamId { get; private set; }

    /// <summary>Connects and negotiates; on success the loops run until the connection ends.</summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token, deadline.Token);
        try
        {
            _transport = await XmppTransport.ConnectAsync(_options, timeout.Token).ConfigureAwait(false);
            if (_options.TlsMode == XmppTlsMode.DirectTls)
            {
                XmppLog.TlsEstablished(_logger, _options.Host, _options.TlsMode);
            }

            // XmlReader reads cannot be cancelled; closing the socket ends them.
            using (timeout.Token.Register(static t => ((XmppTransport)t!).Abort(), _transport))
            {
                await NegotiateAsync(timeout.Token).ConfigureAwait(false);
            }

            timeout.Token.ThrowIfCancellationRequested();
        }
        catch (Exception ex)
        {
            var reason = ex switch
            {
                _ when cancellationToken.IsCancellationRequested || _stop.IsCancellationRequested => null,
                _ when deadline.IsCancellationRequested => new XmppException(XmppErrorKind.Timeout, $"Connecting to {_options.Host}:{_options.Port} did not complete within {_options.ConnectTimeout}.", null, ex),
                XmppException x => x,
                _ => new XmppException(XmppErrorKind.NegotiationFailed, "Connecting failed: " + ex.Message, null, ex),
            };
            Fail(reason ?? new XmppException(XmppErrorKind.NotConnected, "Connect cancelled.", null, ex));
            if (_transport is not null)
            {
                await _transport.DisposeAsync().ConfigureAwait(false);
            }

            if (reason is not null)
            {
                throw reason;
            }

            if (ex is OperationCanceledException)
            {
                throw;
            }

            throw new OperationCanceledException("The XMPP connect was cancelled.", ex, cancellationToken);
        }

        _writeLoop = Task.Run(WriteLoopAsync, CancellationToken.None);
        _readLoop = Task.Run(ReadLoopAsync, CancellationToken.None);
        _pingLoop = Task.Run(PingLoopAsync, CancellationToken.None);
    }

    /// <summary>
    /// Queues a stanza for the write loop, waiting for room when <see cref="OutboundCapacity"/> stanzas are queued;
    /// throws <see cref="XmppErrorKind.Timeout"/> when none frees within the request timeout (the server is not reading).
    /// </summary>
    public ValueTask SendAsync(XElement stanza, CancellationToken cancellationToken)
    {
        var bytes = XmppStanzaWriter.SerializeUtf8(stanza);
        if (!IsOpen)
        {
            throw NotConnected();
        }

        var item = new Outbound(bytes, null);
        return _outbound.Writer.TryWrite(item) ? ValueTask.CompletedTask : WaitForRoomAsync(item, cancellationToken);
    }

    /// <summary>
    /// Queues a stanza only if there is room now: for answers sent from the read loop, which must never wait on the
    /// writer. False when the queue is full or the connection is ending.
    /// </summary>
    public bool TrySend(XElement stanza) =>
        IsOpen && _outbound.Writer.TryWrite(new Outbound(XmppStanzaWriter.SerializeUtf8(stanza), null));

    private async ValueTask WaitForRoomAsync(Outbound item, CancellationToken cancellationToken)
    {
        // The wait itself is cancelled at the deadline: a send reported as failed is never written later.
        using var deadline = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await _outbound.Writer.WriteAsync(item, wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new XmppException(
                XmppErrorKind.Timeout,
                $"The server has not read the last {OutboundCapacity} stanzas of this session within {_options.RequestTimeout}.",
                null,
                ex);
        }
        catch (ChannelClosedException)
        {
            throw NotConnected();
        }
    }

    /// <summary>Sends an IQ and waits for its result; an error answer throws <see cref="XmppErrorKind.IqError"/>.</summary>
    public Task<XElement> SendIqAsync(XElement iq, CancellationToken cancellationToken) =>
        SendIqAsync(iq, _options.RequestTimeout, cancellationToken);

    public async Task<XElement> SendIqAsync(XElement iq, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var id = (string?)iq.Attribute("id");
        if (string.IsNullOrEmpty(id))
        {
            id = NextId();
            iq.SetAttributeValue("id", id);
        }

        var waiter = new TaskCompletionSource<XElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(id, waiter))
        {
            throw new InvalidOperationException($"An IQ with id {id} is already pending.");
        }

        try
        {
            await SendAsync(iq, cancellationToken).ConfigureAwait(false);
            XElement answer;
            try
            {
                answer = await waiter.Task.WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException ex)
            {
                throw new XmppException(XmppErrorKind.Timeout, $"No answer to IQ {id} within {timeout}.", null, ex);
            }

            if ((string?)answer.Attribute("type") == "error")
            {
                var (condition, text) = StanzaError(answer);
                var child = iq.Elements().FirstOrDefault()?.Name.LocalName ?? "iq";
                throw new XmppException(XmppErrorKind.IqError, $"The server refused the {child} request ({condition}{(text is null ? "" : ": " + text)}).", condition);
            }

            return answer;
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public string NextId() => "sc" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    /// <summary>Ends the stream politely (closing tag, short wait for the server's), then closes.</summary>
    public async Task CloseAsync()
    {
        if (IsOpen && _transport is not null)
        {
            var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_outbound.Writer.TryWrite(new Outbound(Encoding.UTF8.GetBytes(XmppStanzaWriter.StreamFooter), written)))
            {
                try
                {
                    await written.Task.WaitAsync(TimeSpan.FromSeconds(2), _time).ConfigureAwait(false);
                    await _completion.Task.WaitAsync(TimeSpan.FromSeconds(2), _time).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    // The server did not answer the closing tag; close anyway.
                }
            }
        }

        Fail(NotConnected("The client closed the connection."));
    }

    public async ValueTask DisposeAsync()
    {
        Fail(NotConnected("The connection was disposed."));
        await Task.WhenAll(_readLoop, _writeLoop, _pingLoop).ConfigureAwait(false);
        _reader?.Dispose();
        if (_transport is not null)
        {
            await _transport.DisposeAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    /// <summary>Ends the connection with <paramref name="reason"/> (the first reason wins).</summary>
    public void Fail(XmppException reason)
    {
        if (!_completion.TrySetResult(reason))
        {
            return;
        }

        _stop.Cancel();
        _outbound.Writer.TryComplete();
        _transport?.Abort();
        foreach (var pending in _pending)
        {
            pending.Value.TrySetException(new XmppException(XmppErrorKind.NotConnected, "The XMPP connection ended: " + reason.Message, reason.Condition, reason));
        }
    }

    private async Task NegotiateAsync(CancellationToken cancellationToken)
    {
        var features = await RestartStreamAsync().ConfigureAwait(false);
        var startTls = features.Element(XmppNamespaces.Tls + "starttls");
        if (_options.TlsMode == XmppTlsMode.StartTls)
        {
            if (startTls is null)
            {
                throw new XmppException(XmppErrorKind.NegotiationFailed, "TlsMode is StartTls but the server does not offer STARTTLS.");
            }

            await WriteDirectAsync("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>", cancellationToken).ConfigureAwait(false);
            var answer = await ReadNegotiationElementAsync().ConfigureAwait(false);
            if (answer.Name != XmppNamespaces.Tls + "proceed")
            {
                throw new XmppException(XmppErrorKind.TlsFailed, $"The server refused STARTTLS (<{answer.Name.LocalName}>).");
            }

            await _transport!.UpgradeToTlsAsync(_options, cancellationToken).ConfigureAwait(false);
            XmppLog.TlsEstablished(_logger, _options.Host, _options.TlsMode);
            features = await RestartStreamAsync().ConfigureAwait(false);
        }
        else if (_options.TlsMode == XmppTlsMode.None && startTls?.Element(XmppNamespaces.Tls + "required") is not null)
        {
            throw new XmppException(XmppErrorKind.NegotiationFailed, "The server requires TLS but TlsMode is None.");
        }

        if (_options.Trust == ServerCertificateTrust.AllowSelfSigned && _options.TlsMode != XmppTlsMode.None)
        {
            XmppLog.SelfSignedTrusted(_logger, _options.Host);
        }

        await AuthenticateAsync(features, cancellationToken).ConfigureAwait(false);
        features = await RestartStreamAsync().ConfigureAwait(false);
        await BindAsync(features, cancellationToken).ConfigureAwait(false);

        // Initial presence, priority 0: Finesse (Openfire) delivers bare-JID messages only to available resources with priority >= 0.
        await WriteDirectAsync(
            XmppStanzaWriter.Serialize(new XElement(XmppNamespaces.Client + "presence", new XElement(XmppNamespaces.Client + "priority", "0"))),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task AuthenticateAsync(XElement features, CancellationToken cancellationToken)
    {
        var mechanisms = features.Element(XmppNamespaces.Sasl + "mechanisms")?.Elements(XmppNamespaces.Sasl + "mechanism").Select(m => m.Value.Trim()).ToList() ?? [];
        if (!mechanisms.Contains("PLAIN", StringComparer.Ordinal))
        {
            throw new XmppException(
                XmppErrorKind.NegotiationFailed,
                mechanisms.Count == 0 ? "The server offers no SASL mechanism." : "The server does not offer SASL PLAIN (it offers " + string.Join(", ", mechanisms) + ").");
        }

        // RFC 4616: authzid NUL authcid NUL password. Built, sent and forgotten; never logged.
        var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes("\0" + _options.User + "\0" + _options.Password));
        await WriteDirectAsync(
            "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + payload + "</auth>",
            cancellationToken,
            "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>(redacted)</auth>").ConfigureAwait(false);
        var answer = await ReadNegotiationElementAsync().ConfigureAwait(false);
        if (answer.Name == XmppNamespaces.Sasl + "success")
        {
            return;
        }

        if (answer.Name != XmppNamespaces.Sasl + "failure")
        {
            throw new XmppException(XmppErrorKind.NegotiationFailed, $"Unexpected <{answer.Name.LocalName}> in answer to SASL auth.");
        }

        var condition = answer.Elements().FirstOrDefault(e => e.Name.LocalName != "text")?.Name.LocalName ?? "undefined-condition";
        var text = (string?)answer.Element(XmppNamespaces.Sasl + "text");
        var kind = condition == "not-authorized" ? XmppErrorKind.NotAuthorized : XmppErrorKind.AuthenticationFailed;
        XmppLog.AuthenticationFailed(_logger, _options.User, XmppException.CodeOf(kind), condition);
        throw new XmppException(
            kind,
            kind == XmppErrorKind.NotAuthorized
                ? $"The XMPP server refused the credentials of {_options.BareJid} (not-authorized)."
                : $"SASL authentication of {_options.BareJid} failed ({condition}{(text is null ? "" : ": " + text)}).",
            condition);
    }

    private async Task BindAsync(XElement features, CancellationToken cancellationToken)
    {
        if (features.Element(XmppNamespaces.Bind + "bind") is null)
        {
            throw new XmppException(XmppErrorKind.NegotiationFailed, "The server does not offer resource binding.");
        }

        var bind = new XElement(
            XmppNamespaces.Client + "iq",
            new XAttribute("type", "set"),
            new XAttribute("id", NextId()),
            new XElement(XmppNamespaces.Bind + "bind", new XElement(XmppNamespaces.Bind + "resource", _options.Resource)));
        var result = await NegotiationIqAsync(bind, cancellationToken).ConfigureAwait(false);
        if ((string?)result.Attribute("type") != "result")
        {
            var (condition, text) = StanzaError(result);
            throw new XmppException(XmppErrorKind.BindFailed, $"Binding resource '{_options.Resource}' failed ({condition}{(text is null ? "" : ": " + text)}).", condition);
        }

        var jid = (string?)result.Element(XmppNamespaces.Bind + "bind")?.Element(XmppNamespaces.Bind + "jid");
        if (string.IsNullOrEmpty(jid) || !jid.Contains('/', StringComparison.Ordinal))
        {
            throw new XmppException(XmppErrorKind.BindFailed, "The bind result carries no full JID.");
        }

        Jid = jid;

        // RFC 3921 session establishment: only for servers that still require it (no <optional/>).
        var session = features.Element(XmppNamespaces.Session + "session");
        if (session is not null && session.Element(XmppNamespaces.Session + "optional") is null)
        {
            var establish = new XElement(
                XmppNamespaces.Client + "iq",
                new XAttribute("type", "set"),
                new XAttribute("id", NextId()),
                new XElement(XmppNamespaces.Session + "session"));
            var answer = await NegotiationIqAsync(establish, cancellationToken).ConfigureAwait(false);
            if ((string?)answer.Attribute("type") != "result")
            {
                var (condition, _) = StanzaError(answer);
                throw new XmppException(XmppErrorKind.NegotiationFailed, $"Session establishment failed ({condition}).", condition);
            }
        }
    }

    private async Task<XElement> NegotiationIqAsync(XElement iq, CancellationToken cancellationToken)
    {
        var id = (string)iq.Attribute("id")!;
        await WriteDirectAsync(XmppStanzaWriter.Serialize(iq), cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var element = await ReadNegotiationElementAsync().ConfigureAwait(false);
            if (element.Name == XmppNamespaces.Client + "iq" && (string?)element.Attribute("id") == id)
            {
                return element;
            }

            XmppLog.UnknownElementIgnored(_logger, element.Name.ToString());
        }
    }

    private async Task<XElement> RestartStreamAsync()
    {
        _reader?.Dispose();
        _reader = new XmppStreamReader(_transport!.Stream, XmppReadLimits.From(_options));
        await WriteDirectAsync(XmppStanzaWriter.StreamHeader(_options.Domain, _options.BareJid), CancellationToken.None).ConfigureAwait(false);
        var header = await _reader.ReadHeaderAsync().ConfigureAwait(false);
        StreamId = header.Id;
        if (header.Version is null || !header.Version.StartsWith("1.", StringComparison.Ordinal))
        {
            throw new XmppException(XmppErrorKind.NegotiationFailed, $"The server speaks stream version '{header.Version}', not 1.x.", "unsupported-version");
        }

        var features = await ReadNegotiationElementAsync().ConfigureAwait(false);
        if (features.Name != XmppNamespaces.Streams + "features")
        {
            throw new XmppException(XmppErrorKind.NegotiationFailed, $"Expected <stream:features>, got <{features.Name.LocalName}>.");
        }

        return features;
    }

    private async Task<XElement> ReadNegotiationElementAsync()
    {
        var element = await _reader!.ReadElementAsync().ConfigureAwait(false)
            ?? throw new XmppException(XmppErrorKind.StreamClosed, "The server closed the stream during negotiation.");
        TraceReceived(element);
        if (element.Name == XmppNamespaces.Streams + "error")
        {
            throw StreamErrorOf(element);
        }

        return element;
    }

    private async Task WriteDirectAsync(string text, CancellationToken cancellationToken, string? traceText = null)
    {
        if (_trace)
        {
            XmppLog.WireSent(_wire, Jid, traceText ?? text);
        }

        var stream = _transport!.Stream;
        try
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            throw new XmppException(XmppErrorKind.StreamClosed, "The connection closed while negotiating: " + ex.Message, null, ex);
        }
    }

    private async Task ReadLoopAsync()
    {
        XmppException reason;
        try
        {
            while (true)
            {
                var element = await _reader!.ReadElementAsync().ConfigureAwait(false);
                if (element is null)
                {
                    reason = new XmppException(XmppErrorKind.StreamClosed, "The server closed the stream.");
                    break;
                }

                var wait = _rateGuard.Take();
                if (wait > TimeSpan.Zero)
                {
                    if (!_throttleLogged)
                    {
                        _throttleLogged = true;
                        XmppLog.InboundThrottled(_logger, Jid, _options.MaxStanzasPerSecond);
                    }

                    await Task.Delay(wait, _time, _stop.Token).ConfigureAwait(false);
                }

                TraceReceived(element);
                await HandleAsync(element).ConfigureAwait(false);
            }
        }
        catch (XmppException ex)
        {
            reason = ex;
        }
        catch (OperationCanceledException ex) when (_stop.IsCancellationRequested)
        {
            reason = NotConnected("The connection was closed.", ex);
        }
        catch (Exception ex)
        {
            XmppLog.LoopFailed(_logger, ex, Jid, "read");
            reason = new XmppException(XmppErrorKind.StreamClosed, "The read loop failed: " + ex.Message, null, ex);
        }

        Fail(reason);
    }

    private async ValueTask HandleAsync(XElement element)
    {
        var name = element.Name;
        if (name == XmppNamespaces.Client + "iq")
        {
            HandleIq(element);
        }
        else if (name == XmppNamespaces.Client + "message" || name == XmppNamespaces.Client + "presence")
        {
            await _onStanza(element, _stop.Token).ConfigureAwait(false);
        }
        else if (name == XmppNamespaces.Streams + "error")
        {
            throw StreamErrorOf(element);
        }
        else
        {
            XmppLog.UnknownElementIgnored(_logger, name.ToString());
        }
    }

    private void HandleIq(XElement iq)
    {
        var type = (string?)iq.Attribute("type");
        var id = (string?)iq.Attribute("id");
        if (type is "result" or "error")
        {
            if (id is not null && _pending.TryGetValue(id, out var waiter))
            {
                waiter.TrySetResult(iq);
            }
            else
            {
                XmppLog.LateIqIgnored(_logger, Jid, type, id);
            }

            return;
        }

        if (type is not ("get" or "set"))
        {
            return; // RFC 6120 §8.2.3: an IQ without a valid type is ignored (we never answer an answer).
        }

        var from = (string?)iq.Attribute("from");
        var reply = new XElement(XmppNamespaces.Client + "iq", new XAttribute("id", id ?? ""));
        if (from is not null)
        {
            reply.SetAttributeValue("to", from);
        }

        var child = iq.Elements().FirstOrDefault();
        if (type == "get" && child?.Name == XmppNamespaces.Ping + "ping")
        {
            reply.SetAttributeValue("type", "result");
        }
        else
        {
            // RFC 6120 §8.4: every get/set needs an answer; we offer no other IQ service.
            XmppLog.IqRefused(_logger, from, child?.Name.ToString() ?? "(empty)");
            reply.SetAttributeValue("type", "error");
            reply.Add(new XElement(
                XmppNamespaces.Client + "error",
                new XAttribute("type", "cancel"),
                new XElement(XmppNamespaces.Stanzas + "service-unavailable")));
        }

        // From the read loop: never wait on the writer. Not queued means the connection is ending or the server
        // has stopped reading (the ping drops the session); the peer will not get the answer either way.
        TrySend(reply);
    }

    private async Task WriteLoopAsync()
    {
        var stream = _transport!.Stream;
        try
        {
            var reader = _outbound.Reader;
            while (await reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                var written = new List<TaskCompletionSource>();
                while (reader.TryRead(out var item))
                {
                    if (_trace)
                    {
                        XmppLog.WireSent(_wire, Jid, Encoding.UTF8.GetString(item.Bytes));
                    }

                    await stream.WriteAsync(item.Bytes, _stop.Token).ConfigureAwait(false);
                    if (item.Written is not null)
                    {
                        written.Add(item.Written);
                    }
                }

                await stream.FlushAsync(_stop.Token).ConfigureAwait(false);
                foreach (var w in written)
                {
                    w.TrySetResult();
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Closing.
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or System.Net.Sockets.SocketException or NotSupportedException)
        {
            Fail(new XmppException(XmppErrorKind.StreamClosed, "Writing to the XMPP server failed: " + ex.Message, null, ex));
        }
        catch (Exception ex)
        {
            XmppLog.LoopFailed(_logger, ex, Jid, "write");
            Fail(new XmppException(XmppErrorKind.StreamClosed, "The write loop failed: " + ex.Message, null, ex));
        }
    }

    private async Task PingLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(_options.PingInterval, _time, _stop.Token).ConfigureAwait(false);
                var ping = new XElement(
                    XmppNamespaces.Client + "iq",
                    new XAttribute("type", "get"),
                    new XAttribute("id", NextId()),
                    new XAttribute("to", _options.Domain),
                    new XElement(XmppNamespaces.Ping + "ping"));
                try
                {
                    await SendIqAsync(ping, _options.PingTimeout, _stop.Token).ConfigureAwait(false);
                }
                catch (XmppException ex) when (ex.Kind == XmppErrorKind.IqError)
                {
                    // An error answer (e.g. service-unavailable) still proves the server is alive.
                }
                catch (XmppException ex) when (ex.Kind == XmppErrorKind.Timeout)
                {
                    XmppLog.PingTimeout(_logger, Jid, _options.PingTimeout);
                    Fail(new XmppException(XmppErrorKind.PingTimeout, $"The XMPP server did not answer a ping within {_options.PingTimeout}.", null, ex));
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Closing.
        }
        catch (XmppException)
        {
            // The connection ended while a ping was out; its reason is already recorded.
        }
        catch (Exception ex)
        {
            XmppLog.LoopFailed(_logger, ex, Jid, "ping");
            Fail(new XmppException(XmppErrorKind.StreamClosed, "The ping loop failed: " + ex.Message, null, ex));
        }
    }

    private void TraceReceived(XElement element)
    {
        if (_trace)
        {
            XmppLog.WireReceived(_wire, Jid, XmppStanzaWriter.Serialize(element));
        }
    }

    private XmppException StreamErrorOf(XElement error)
    {
        var condition = error.Elements().FirstOrDefault(e => e.Name.Namespace == XmppNamespaces.StreamErrors && e.Name.LocalName != "text")?.Name.LocalName
            ?? "undefined-condition";
        var text = (string?)error.Element(XmppNamespaces.StreamErrors + "text");
        XmppLog.StreamErrorReceived(_logger, condition, text);
        return new XmppException(XmppErrorKind.StreamError, $"The XMPP server ended the stream: {condition}{(text is null ? "" : " (" + text + ")")}.", condition);
    }

    internal static (string Condition, string? Text) StanzaError(XElement stanza)
    {
        var error = stanza.Element(XmppNamespaces.Client + "error");
        var condition = error?.Elements().FirstOrDefault(e => e.Name.Namespace == XmppNamespaces.Stanzas && e.Name.LocalName != "text")?.Name.LocalName
            ?? "undefined-condition";
        var text = (string?)error?.Element(XmppNamespaces.Stanzas + "text");
        return (condition, text);
    }

    private XmppException NotConnected(string message = "The XMPP connection is closed.", Exception? inner = null)
    {
        var reason = _completion.Task.IsCompleted ? _completion.Task.Result : null;
        return new XmppException(XmppErrorKind.NotConnected, reason is null || reason.Kind == XmppErrorKind.NotConnected ? message : message + " (" + reason.Message + ")", null, inner ?? reason);
    }

    private readonly record struct Outbound(byte[] Bytes, TaskCompletionSource? Written);
}
