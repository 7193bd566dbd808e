using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Channels;

namespace SiebelCti.Finesse.Tests.Xmpp;

/// <summary>
/// A scripted XMPP server on 127.0.0.1 for hermetic tests: it negotiates like a real server
/// (header, features, SASL PLAIN, bind) unless told otherwise, then answers pings and pubsub
/// requests, records what the client sent, and lets the test push any bytes (hostile ones included).
/// </summary>
internal sealed partial class FakeXmppServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Channel<FakeXmppSession> _sessions = Channel.CreateUnbounded<FakeXmppSession>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private readonly List<FakeXmppSession> _all = [];

    public FakeXmppServer()
    {
        _listener.Start();
        _acceptLoop = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public const string Domain = "fake.example";

    /// <summary>Raw bytes sent instead of the normal stream header + features (hostile negotiation tests).</summary>
    public string? OpeningOverride { get; set; }

    /// <summary>Stream features of the first stream (before auth).</summary>
    public string PreAuthFeatures { get; set; } =
        "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism></mechanisms></stream:features>";

    /// <summary>Answer to the SASL auth element.</summary>
    public string SaslAnswer { get; set; } = "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>";

    /// <summary>Answer to the bind IQ; {0} is the IQ id.</summary>
    public string BindAnswer { get; set; } =
        "<iq type='result' id='{0}'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>agent@fake.example/test</jid></bind></iq>";

    /// <summary>Optional custom answer to a client IQ get/set (arguments: stanza, id); null falls back to the defaults.</summary>
    public Func<string, string, string?>? IqAnswer { get; set; }

    /// <summary>Whether XEP-0199 pings from the client are answered.</summary>
    public bool AnswerPings { get; set; } = true;

    public int SessionCount
    {
        get
        {
            lock (_all)
            {
                return _all.Count;
            }
        }
    }

    /// <summary>The next session that completed negotiation (or, with <see cref="OpeningOverride"/>, was accepted).</summary>
    public async Task<FakeXmppSession> NextSessionAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        return await _sessions.Reader.ReadAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        List<FakeXmppSession> all;
        lock (_all)
        {
            all = [.. _all];
        }

        foreach (var session in all)
        {
            await session.DisposeAsync();
        }

        _stop.Dispose();
    }

    /// <summary>When set, every connection is TLS from the first byte (direct TLS) with this certificate.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? TlsCertificate { get; set; }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = AcceptAsync(client);
        }
    }

    private async Task AcceptAsync(TcpClient client)
    {
        Stream stream = client.GetStream();
        if (TlsCertificate is { } certificate)
        {
            var ssl = new System.Net.Security.SslStream(stream);
            try
            {
                await ssl.AuthenticateAsServerAsync(certificate);
            }
            catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException)
            {
                client.Dispose(); // the client refused our certificate
                return;
            }

            stream = ssl;
        }

        var session = new FakeXmppSession(this, client, stream);
        lock (_all)
        {
            _all.Add(session);
        }

        await RunSessionAsync(session);
    }

    private async Task RunSessionAsync(FakeXmppSession session)
    {
        try
        {
            await session.ReadUntilAsync("<stream:stream", ">");
            if (OpeningOverride is not null)
            {
                _sessions.Writer.TryWrite(session);
                await session.SendAsync(OpeningOverride);
                return;
            }

            await session.SendAsync($"<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' from='{Domain}' id='s1' version='1.0'>");
            await session.SendAsync(PreAuthFeatures);
            await session.ReadUntilAsync("</auth>");
            await session.SendAsync(SaslAnswer);
            if (!SaslAnswer.Contains("success", StringComparison.Ordinal))
            {
                return;
            }

            await session.ReadUntilAsync("<stream:stream", ">");
            await session.SendAsync($"<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' from='{Domain}' id='s2' version='1.0'>");
            await session.SendAsync("<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features>");
            var bind = await session.ReadUntilAsync("</iq>");
            await session.SendAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, BindAnswer, IdOf(bind)));
            session.Record((await session.ReadUntilAsync("</presence>")).Trim());
            _sessions.Writer.TryWrite(session);
            await session.RespondAsync();
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or TimeoutException)
        {
            // The client went away or the test ended.
        }
    }

    internal static string IdOf(string iq) => IdPattern().Match(iq).Groups[1].Value;

    [GeneratedRegex("id='([^']*)'")]
    private static partial Regex IdPattern();
}

/// <summary>One accepted connection of <see cref="FakeXmppServer"/>.</summary>
internal sealed partial class FakeXmppSession : IAsyncDisposable
{
    private readonly FakeXmppServer _server;
    private readonly TcpClient _client;
    private readonly Stream _stream;
    private readonly StringBuilder _buffer = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly Task _reader;
    private readonly List<string> _stanzas = [];
    private int _consumed;
    private bool _eof;

    public FakeXmppSession(FakeXmppServer server, TcpClient client, Stream stream)
    {
        _server = server;
        _client = client;
        _stream = stream;
        _reader = ReadLoopAsync();
    }

    /// <summary>IQs and presences the client sent after negotiation, in order.</summary>
    public IReadOnlyList<string> Stanzas
    {
        get
        {
            lock (_stanzas)
            {
                return [.. _stanzas];
            }
        }
    }

    public bool ClientClosed { get; private set; }

    public void Record(string stanza)
    {
        lock (_stanzas)
        {
            _stanzas.Add(stanza);
        }
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    private volatile TaskCompletionSource _reading = CompletedReading();

    private static TaskCompletionSource CompletedReading()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    /// <summary>Stops reading from the socket after the current read (a server that no longer reads; TCP buffers fill).</summary>
    public void PauseReading() => _reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Reads again after <see cref="PauseReading"/>.</summary>
    public void ResumeReading() => _reading.TrySetResult();

    /// <summary>Closes the socket (the client sees the connection drop).</summary>
    public void Drop() => _client.Close();

    /// <summary>Waits (generously) until the client sent a stanza matching <paramref name="predicate"/>.</summary>
    public async Task<string> WaitForStanzaAsync(Func<string, bool> predicate, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = Stanzas.FirstOrDefault(predicate);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(10, cts.Token);
        }
    }

    /// <summary>Reads until <paramref name="marker"/> (and then <paramref name="then"/>, if given) and returns the text read.</summary>
    public async Task<string> ReadUntilAsync(string marker, string? then = null)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            lock (_buffer)
            {
                var text = _buffer.ToString(_consumed, _buffer.Length - _consumed);
                var at = text.IndexOf(marker, StringComparison.Ordinal);
                if (at >= 0)
                {
                    var end = at + marker.Length;
                    if (then is not null)
                    {
                        var next = text.IndexOf(then, end, StringComparison.Ordinal);
                        end = next < 0 ? -1 : next + then.Length;
                    }

                    if (end >= 0)
                    {
                        _consumed += end;
                        return text[..end];
                    }
                }

                if (_eof)
                {
                    throw new IOException("The client closed the connection; read so far: " + text);
                }
            }

            await _signal.WaitAsync(cts.Token);
        }
    }

    /// <summary>After negotiation: records stanzas, answers pings (if enabled), pubsub requests and the closing tag.</summary>
    public async Task RespondAsync()
    {
        while (true)
        {
            string stanza;
            try
            {
                stanza = await NextStanzaAsync();
            }
            catch (IOException)
            {
                return;
            }

            if (stanza == "</stream:stream>")
            {
                ClientClosed = true;
                await SendAsync("</stream:stream>");
                Drop();
                return;
            }

            lock (_stanzas)
            {
                _stanzas.Add(stanza);
            }

            if (!stanza.StartsWith("<iq", StringComparison.Ordinal) || stanza.Contains("type='result'", StringComparison.Ordinal) || stanza.Contains("type='error'", StringComparison.Ordinal))
            {
                continue;
            }

            var id = FakeXmppServer.IdOf(stanza);
            if (_server.IqAnswer?.Invoke(stanza, id) is { } custom)
            {
                await SendAsync(custom);
            }
            else if (stanza.Contains("urn:xmpp:ping", StringComparison.Ordinal))
            {
                if (_server.AnswerPings)
                {
                    await SendAsync($"<iq type='result' id='{id}' from='{FakeXmppServer.Domain}'/>");
                }
            }
            else if (stanza.Contains("<subscriptions", StringComparison.Ordinal))
            {
                await SendAsync($"<iq type='result' id='{id}'><pubsub xmlns='http://jabber.org/protocol/pubsub'><subscriptions/></pubsub></iq>");
            }
            else
            {
                await SendAsync($"<iq type='result' id='{id}'/>");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        try
        {
            await _reader;
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
        {
        }

        _signal.Dispose();
    }

    private async Task<string> NextStanzaAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        while (true)
        {
            lock (_buffer)
            {
                if (_consumed > 1 << 20)
                {
                    _buffer.Remove(0, _consumed); // keeps a long run linear: nothing before _consumed is read again
                    _consumed = 0;
                }

                // A window first: a client that sent megabytes ahead is parsed one stanza at a time, not copied whole each time.
                var remaining = _buffer.Length - _consumed;
                var text = _buffer.ToString(_consumed, Math.Min(remaining, 64 * 1024));
                if (text.Length < remaining && !StanzaPattern().IsMatch(text.TrimStart()))
                {
                    text = _buffer.ToString(_consumed, remaining);
                }

                var trimmed = text.TrimStart();
                var skipped = text.Length - trimmed.Length;
                if (trimmed.StartsWith("</stream:stream>", StringComparison.Ordinal))
                {
                    _consumed += skipped + "</stream:stream>".Length;
                    return "</stream:stream>";
                }

                var match = StanzaPattern().Match(trimmed);
                if (match.Success && match.Index == 0)
                {
                    _consumed += skipped + match.Length;
                    return match.Value;
                }

                if (_eof)
                {
                    throw new IOException("closed");
                }
            }

            await _signal.WaitAsync(cts.Token);
        }
    }

    private async Task ReadLoopAsync()
    {
        var decoder = Encoding.UTF8.GetDecoder();
        var bytes = new byte[8192];
        var chars = new char[8192];
        try
        {
            while (true)
            {
                await _reading.Task;
                var read = await _stream.ReadAsync(bytes);
                if (read == 0)
                {
                    break;
                }

                var count = decoder.GetChars(bytes, 0, read, chars, 0);
                lock (_buffer)
                {
                    _buffer.Append(chars, 0, count);
                }

                _signal.Release();
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
        {
        }
        finally
        {
            lock (_buffer)
            {
                _eof = true;
            }

            try
            {
                _signal.Release();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    [GeneratedRegex("<(iq|presence|message)\\b[^>]*?(/>|>.*?</\\1>)", RegexOptions.Singleline)]
    private static partial Regex StanzaPattern();
}
