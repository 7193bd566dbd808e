using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SiebelCti.Finesse.Model;
using SiebelCti.Finesse.Xml;

namespace SiebelCti.Finesse.Rest;

/// <summary>
/// Typed client of the Finesse desktop REST API (XML over HTTPS, Basic auth per agent) with side A /
/// side B failover. State changes and call actions return <see cref="FinesseAccepted"/> on 202; their
/// outcome arrives as a notification carrying the same requestId. Failures are
/// <see cref="FinesseRestException"/> (or <see cref="FinesseXmlException"/> for refused bodies) with a
/// stable code. Thread-safe; one instance serves every agent.
/// </summary>
public sealed class FinesseRestClient : IDisposable
{
    private const string ApiRoot = "/finesse/api/";
    private const string RequestIdHeader = "requestId";
    private static readonly MediaTypeHeaderValue XmlContentType = new("application/xml");

    private readonly FinesseOptions _options;
    private readonly HttpClient _http;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CertificateTrust _trust;
    private readonly FinesseXmlLimits _limits;
    private int _activeSide;

    public FinesseRestClient(FinesseOptions options, ILogger<FinesseRestClient>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _limits = options.XmlLimits;
        _trust = new CertificateTrust(options, _logger);
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = options.MaxConnectionsPerServer,
            AutomaticDecompression = DecompressionMethods.None,
        };
        handler.SslOptions.RemoteCertificateValidationCallback = _trust.Validate;
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The side requests go to first; it moves to the other side after a failover.</summary>
    public FinesseSide ActiveSide => (FinesseSide)Volatile.Read(ref _activeSide);

    public Uri ActiveBaseUri => BaseUri(ActiveSide);

    public bool HasSideB => _options.SideB is not null;

    // ----------------------------------------------------------------------------------- SystemInfo

    /// <summary>
    /// GET SystemInfo from the active side. If that side is OUT_OF_SERVICE (or answers 503 / cannot be
    /// reached) and side B is configured, the other side is asked; if it is IN_SERVICE it becomes active
    /// and its SystemInfo is returned. Otherwise the active side's answer is returned as is.
    /// </summary>
    public async Task<SystemInfo> GetSystemInfoAsync(FinesseCredentials? credentials = null, CancellationToken cancellationToken = default)
    {
        var (info, side) = await GetAsync(credentials, "SystemInfo", "SystemInfo", SystemInfoXml.Read, cancellationToken).ConfigureAwait(false);
        if (info.IsInService || !HasSideB)
        {
            return info;
        }

        var other = Other(side);
        FinesseRestLog.SideUnavailable(_logger, side, FinesseErrorCode.FinesseOutOfService, $"SystemInfo status {info.StatusText ?? "(empty)"}", other);
        try
        {
            var response = await SendOnceAsync(other, HttpMethod.Get, ApiRoot + "SystemInfo", null, credentials, null, cancellationToken).ConfigureAwait(false);
            var otherInfo = Parse(response, "SystemInfo", SystemInfoXml.Read);
            if (otherInfo.IsInService)
            {
                SetActive(other);
                return otherInfo;
            }
        }
        catch (FinesseException ex)
        {
            FinesseRestLog.RequestFailed(_logger, "GET", ApiRoot + "SystemInfo", other, ex.Code, ex.Message);
        }

        return info;
    }

    // ----------------------------------------------------------------------------------- User

    /// <summary>GET the agent's own User.</summary>
    public async Task<User> GetUserAsync(FinesseCredentials credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return (await GetAsync(credentials, UserPath(credentials), "User", UserXml.Read, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>Sign in with an extension (state LOGIN); Finesse then reports NOT_READY.</summary>
    public Task<FinesseAccepted> SignInAsync(FinesseCredentials credentials, string extension, string? requestId = null, CancellationToken cancellationToken = default)
    {
        CheckAddress(extension, nameof(extension));
        return PutUserAsync(credentials, FinesseRequestXml.UserState(UserState.Login, extension: extension), requestId, cancellationToken);
    }

    public Task<FinesseAccepted> SetReadyAsync(FinesseCredentials credentials, string? requestId = null, CancellationToken cancellationToken = default) =>
        SetStateAsync(credentials, UserState.Ready, null, requestId, cancellationToken);

    /// <summary>NOT_READY, with the reason code's database id (<see cref="ReasonCode.Id"/>) when reason codes exist.</summary>
    public Task<FinesseAccepted> SetNotReadyAsync(FinesseCredentials credentials, int? reasonCodeId = null, string? requestId = null, CancellationToken cancellationToken = default) =>
        SetStateAsync(credentials, UserState.NotReady, reasonCodeId, requestId, cancellationToken);

    /// <summary>Sign out (LOGOUT), with a LOGOUT reason code id when configured. UCCE signs out only from NOT_READY.</summary>
    public Task<FinesseAccepted> LogoutAsync(FinesseCredentials credentials, int? reasonCodeId = null, string? requestId = null, CancellationToken cancellationToken = default) =>
        SetStateAsync(credentials, UserState.Logout, reasonCodeId, requestId, cancellationToken);

    /// <summary>
    /// Requests READY, NOT_READY, LOGOUT, WORK or WORK_READY. Finesse documents only the first three as
    /// settable; WORK/WORK_READY are sent as asked and Finesse answers Invalid State where not allowed.
    /// </summary>
    public Task<FinesseAccepted> SetStateAsync(FinesseCredentials credentials, UserState state, int? reasonCodeId = null, string? requestId = null, CancellationToken cancellationToken = default)
    {
        if (state is not (UserState.Ready or UserState.NotReady or UserState.Logout or UserState.Work or UserState.WorkReady))
        {
            throw InvalidArgument($"State {state} cannot be requested; use READY, NOT_READY, LOGOUT, WORK or WORK_READY (sign in with SignInAsync).");
        }

        if (reasonCodeId is not null && state is not (UserState.NotReady or UserState.Logout))
        {
            throw InvalidArgument($"A reason code goes only with NOT_READY or LOGOUT, not {state}.");
        }

        return PutUserAsync(credentials, FinesseRequestXml.UserState(state, reasonCodeId: reasonCodeId), requestId, cancellationToken);
    }

    /// <summary>GET User/{id}/ReasonCodes?category=NOT_READY|LOGOUT.</summary>
    public async Task<ReasonCodeList> GetReasonCodesAsync(FinesseCredentials credentials, ReasonCodeCategory category, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var path = UserPath(credentials) + "/ReasonCodes?category=" + ReasonCode.ToWire(category);
        return (await GetAsync(credentials, path, "ReasonCodes", ReasonCodeXml.ReadList, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>GET User/{id}/WrapUpReasons.</summary>
    public async Task<IReadOnlyList<WrapUpReason>> GetWrapUpReasonsAsync(FinesseCredentials credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var path = UserPath(credentials) + "/WrapUpReasons";
        return (await GetAsync(
            credentials, path, "WrapUpReasons",
            e => (IReadOnlyList<WrapUpReason>)e.ChildrenNamed("WrapUpReason").Select(ReasonCodeXml.ReadWrapUp).ToArray(),
            cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>GET Team/{teamId}.</summary>
    public async Task<Team> GetTeamAsync(FinesseCredentials credentials, string teamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return (await GetAsync(credentials, ApiRoot + "Team/" + Segment(teamId, nameof(teamId)), "Team", TeamXml.Read, cancellationToken).ConfigureAwait(false)).Value;
    }

    // ----------------------------------------------------------------------------------- Dialogs

    /// <summary>GET User/{id}/Dialogs (empty list when idle).</summary>
    public async Task<IReadOnlyList<Dialog>> GetDialogsAsync(FinesseCredentials credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return (await GetAsync(credentials, UserPath(credentials) + "/Dialogs", "Dialogs", DialogXml.ReadList, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>GET Dialog/{id}.</summary>
    public async Task<Dialog> GetDialogAsync(FinesseCredentials credentials, string dialogId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return (await GetAsync(credentials, DialogPath(dialogId), "Dialog", DialogXml.Read, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>MAKE_CALL: POST User/{id}/Dialogs. Call variables (1-10 and ECC) are UCCE only; UCCX answers 400 Invalid Input.</summary>
    public Task<FinesseAccepted> MakeCallAsync(
        FinesseCredentials credentials,
        string fromExtension,
        string toAddress,
        IReadOnlyList<CallVariable>? callVariables = null,
        string? requestId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        CheckAddress(fromExtension, nameof(fromExtension));
        CheckAddress(toAddress, nameof(toAddress));
        CheckVariables(callVariables);
        var body = FinesseRequestXml.DialogAction(DialogAction.MakeCall, fromAddress: fromExtension, toAddress: toAddress, callVariables: callVariables);
        return ActionAsync(HttpMethod.Post, credentials, UserPath(credentials) + "/Dialogs", body, requestId, cancellationToken);
    }

    public Task<FinesseAccepted> AnswerAsync(FinesseCredentials credentials, string dialogId, string extension, string? requestId = null, CancellationToken cancellationToken = default) =>
        SimpleActionAsync(credentials, DialogAction.Answer, dialogId, extension, requestId, cancellationToken);

    public Task<FinesseAccepted> HoldAsync(FinesseCredentials credentials, string dialogId, string extension, string? requestId = null, CancellationToken cancellationToken = default) =>
        SimpleActionAsync(credentials, DialogAction.Hold, dialogId, extension, requestId, cancellationToken);

    public Task<FinesseAccepted> RetrieveAsync(FinesseCredentials credentials, string dialogId, string extension, string? requestId = null, CancellationToken cancellationToken = default) =>
        SimpleActionAsync(credentials, DialogAction.Retrieve, dialogId, extension, requestId, cancellationToken);

    public Task<FinesseAccepted> DropAsync(FinesseCredentials credentials, string dialogId, string extension, string? requestId = null, CancellationToken cancellationToken = default) =>
        SimpleActionAsync(credentials, DialogAction.Drop, dialogId, extension, requestId, cancellationToken);

    /// <summary>TRANSFER: on the held original dialog, once the consult leg is active.</summary>
    public Task<FinesseAccepted> TransferAsync(FinesseCredentials credentials, string heldDialogId, string extension, string? requestId = null, CancellationToken cancellationToken = default) =>
        SimpleActionAsync(credentials, DialogAction.Transfer, heldDialogId, extension, requestId, cancellationToken);

    /// <summary>CONFERENCE: on the held original dialog, once the consult leg is active.</summary>
    public Task<FinesseAccepted> ConferenceAsync(FinesseCredentials credentials, string heldDialogId, string extension, string? requestId = null, CancellationToken cancellationToken = default) =>
        SimpleActionAsync(credentials, DialogAction.Conference, heldDialogId, extension, requestId, cancellationToken);

    /// <summary>CONSULT_CALL on the active dialog to <paramref name="toAddress"/>.</summary>
    public Task<FinesseAccepted> ConsultCallAsync(FinesseCredentials credentials, string activeDialogId, string extension, string toAddress, string? requestId = null, CancellationToken cancellationToken = default) =>
        AddressedActionAsync(credentials, DialogAction.ConsultCall, activeDialogId, extension, toAddress, requestId, cancellationToken);

    /// <summary>TRANSFER_SST (single-step/blind transfer) of the active dialog to <paramref name="toAddress"/>.</summary>
    public Task<FinesseAccepted> SingleStepTransferAsync(FinesseCredentials credentials, string activeDialogId, string extension, string toAddress, string? requestId = null, CancellationToken cancellationToken = default) =>
        AddressedActionAsync(credentials, DialogAction.TransferSst, activeDialogId, extension, toAddress, requestId, cancellationToken);

    /// <summary>SEND_DTMF: digits 0-9, *, # and A-D (UCCX accepts only 0-9, *, #).</summary>
    public Task<FinesseAccepted> SendDtmfAsync(FinesseCredentials credentials, string dialogId, string extension, string digits, string? requestId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        CheckAddress(extension, nameof(extension));
        if (string.IsNullOrEmpty(digits) || digits.Length > 32 || !digits.All(c => c is (>= '0' and <= '9') or '*' or '#' or (>= 'A' and <= 'D')))
        {
            throw InvalidArgument("DTMF digits must be 1-32 of 0-9, *, # and A-D.");
        }

        var body = FinesseRequestXml.DialogAction(
            DialogAction.SendDtmf, targetMediaAddress: extension, actionParams: [new("dtmfString", digits)]);
        return ActionAsync(HttpMethod.Put, credentials, DialogPath(dialogId), body, requestId, cancellationToken);
    }

    /// <summary>UPDATE_CALL_DATA with call variables (callVariable1-10, ECC <c>user.*</c>) and/or a wrap-up reason label.</summary>
    public Task<FinesseAccepted> UpdateCallDataAsync(
        FinesseCredentials credentials,
        string dialogId,
        IReadOnlyList<CallVariable>? callVariables,
        string? wrapUpReason = null,
        string? requestId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        CheckVariables(callVariables);
        if ((callVariables is null || callVariables.Count == 0) && wrapUpReason is null)
        {
            throw InvalidArgument("UPDATE_CALL_DATA needs call variables or a wrap-up reason.");
        }

        var body = FinesseRequestXml.DialogAction(DialogAction.UpdateCallData, callVariables: callVariables, wrapUpReason: wrapUpReason);
        return ActionAsync(HttpMethod.Put, credentials, DialogPath(dialogId), body, requestId, cancellationToken);
    }

    /// <summary>Sets the wrap-up reason (its label) through UPDATE_CALL_DATA.</summary>
    public Task<FinesseAccepted> SetWrapUpReasonAsync(FinesseCredentials credentials, string dialogId, string wrapUpReasonLabel, string? requestId = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(wrapUpReasonLabel))
        {
            throw InvalidArgument("A wrap-up reason label is required.");
        }

        return UpdateCallDataAsync(credentials, dialogId, null, wrapUpReasonLabel, requestId, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    // ----------------------------------------------------------------------------------- plumbing

    private Task<FinesseAccepted> SimpleActionAsync(FinesseCredentials credentials, DialogAction action, string dialogId, string extension, string? requestId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        CheckAddress(extension, nameof(extension));
        var body = FinesseRequestXml.DialogAction(action, targetMediaAddress: extension);
        return ActionAsync(HttpMethod.Put, credentials, DialogPath(dialogId), body, requestId, ct);
    }

    private Task<FinesseAccepted> AddressedActionAsync(FinesseCredentials credentials, DialogAction action, string dialogId, string extension, string toAddress, string? requestId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        CheckAddress(extension, nameof(extension));
        CheckAddress(toAddress, nameof(toAddress));
        var body = FinesseRequestXml.DialogAction(action, targetMediaAddress: extension, toAddress: toAddress);
        return ActionAsync(HttpMethod.Put, credentials, DialogPath(dialogId), body, requestId, ct);
    }

    private Task<FinesseAccepted> PutUserAsync(FinesseCredentials credentials, string body, string? requestId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return ActionAsync(HttpMethod.Put, credentials, UserPath(credentials), body, requestId, ct);
    }

    private async Task<FinesseAccepted> ActionAsync(HttpMethod method, FinesseCredentials credentials, string path, string body, string? requestId, CancellationToken ct)
    {
        requestId ??= Guid.NewGuid().ToString();
        if (requestId.Length is 0 or > 128 || requestId.Any(c => c is < '!' or > '~'))
        {
            throw InvalidArgument("requestId must be 1-128 printable ASCII characters without spaces.");
        }

        var response = await SendAsync(method, path, body, credentials, requestId, ct).ConfigureAwait(false);
        return new FinesseAccepted(requestId, response.Side, response.Status);
    }

    private async Task<(T Value, FinesseSide Side)> GetAsync<T>(FinesseCredentials? credentials, string path, string root, Func<XElement, T> map, CancellationToken ct)
    {
        if (!path.StartsWith(ApiRoot, StringComparison.Ordinal))
        {
            path = ApiRoot + path;
        }

        var response = await SendAsync(HttpMethod.Get, path, null, credentials, null, ct).ConfigureAwait(false);
        return (Parse(response, root, map), response.Side);
    }

    private T Parse<T>(Response response, string root, Func<XElement, T> map)
    {
        try
        {
            return map(FinesseXmlParser.Root(SafeXml.Load(response.Body, _limits), root));
        }
        catch (FinesseXmlException ex)
        {
            FinesseRestLog.ResponseRejected(_logger, response.Method, response.Path, response.Side, ex.Code, ex.Message);
            throw;
        }
    }

    /// <summary>
    /// Sends on the active side and fails over to the other side when the active one is unavailable:
    /// 503, or no connection (request never sent). A timeout fails over only for GET, because a PUT/POST
    /// that timed out may have been carried out. The side that answers becomes the active side.
    /// </summary>
    private async Task<Response> SendAsync(HttpMethod method, string path, string? body, FinesseCredentials? credentials, string? requestId, CancellationToken ct)
    {
        var first = ActiveSide;
        var sides = HasSideB ? new[] { first, Other(first) } : new[] { first };
        FinesseRestException? last = null;
        for (var i = 0; i < sides.Length; i++)
        {
            var side = sides[i];
            var hasNext = i + 1 < sides.Length;
            try
            {
                var response = await SendOnceAsync(side, method, path, body, credentials, requestId, ct).ConfigureAwait(false);
                SetActive(side);
                return response;
            }
            catch (FinesseRestException ex) when (hasNext && CanFailOver(ex, method))
            {
                FinesseRestLog.SideUnavailable(_logger, side, ex.Code, ex.Message, sides[i + 1]);
                last = ex;
            }
        }

        throw last!;
    }

    private static bool CanFailOver(FinesseRestException ex, HttpMethod method) => ex.Code switch
    {
        FinesseErrorCode.FinesseOutOfService when ex.HttpStatus == 503 => true,
        FinesseErrorCode.FinesseConnectFailed => true,
        FinesseErrorCode.FinesseTimeout => method == HttpMethod.Get,
        _ => false,
    };

    private async Task<Response> SendOnceAsync(FinesseSide side, HttpMethod method, string path, string? body, FinesseCredentials? credentials, string? requestId, CancellationToken ct)
    {
        var uri = new Uri(BaseUri(side), path);
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.ParseAdd("application/xml");
        if (credentials is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials.BasicParameter);
        }

        if (requestId is not null)
        {
            request.Headers.TryAddWithoutValidation(RequestIdHeader, requestId);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = XmlContentType;
        }

        var methodName = method.Method;
        FinesseRestLog.RequestSent(_logger, methodName, path, side, requestId, credentials?.UserId);
        var started = _time.GetTimestamp();
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var bytes = await ReadBodyAsync(response, side, methodName, path, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            FinesseRestLog.ResponseReceived(_logger, methodName, path, side, status, (long)_time.GetElapsedTime(started).TotalMilliseconds);
            if (status is >= 200 and < 300)
            {
                if (method == HttpMethod.Get && bytes.Length == 0)
                {
                    throw Fail(side, methodName, path, requestId, new FinesseRestException(
                        FinesseErrorCode.FinesseXmlMalformed, $"Finesse GET {path} on side {side} answered {status} with an empty body.", status, side: side, requestId: requestId));
                }

                return new Response(side, status, bytes, methodName, path);
            }

            throw Fail(side, methodName, path, requestId, StatusFailure(side, methodName, path, status, bytes, requestId));
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            FinesseRestLog.RequestTimedOut(_logger, methodName, path, side, (long)_options.RequestTimeout.TotalMilliseconds);
            throw new FinesseRestException(
                FinesseErrorCode.FinesseTimeout,
                $"Finesse {methodName} {path} on side {side} ({BaseUri(side)}) got no answer within {_options.RequestTimeout.TotalSeconds:0.###} s.",
                side: side, requestId: requestId, innerException: ex);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            // SocketsHttpHandler.ConnectTimeout expired: nothing was sent.
            throw Fail(side, methodName, path, requestId, new FinesseRestException(
                FinesseErrorCode.FinesseConnectFailed,
                $"Could not connect to Finesse side {side} ({BaseUri(side)}) within {_options.ConnectTimeout.TotalSeconds:0.###} s.",
                side: side, requestId: requestId, innerException: ex));
        }
        catch (HttpRequestException ex) when (IsTls(ex))
        {
            throw Fail(side, methodName, path, requestId, new FinesseRestException(
                FinesseErrorCode.FinesseTlsUntrusted,
                $"TLS with Finesse side {side} ({BaseUri(side)}) failed: the server certificate is not trusted under Trust={_options.Trust}" +
                (_trust.LastProblem is { } problem ? $" ({problem})" : "") + ".",
                side: side, requestId: requestId, innerException: ex));
        }
        catch (HttpRequestException ex)
        {
            var notSent = ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError;
            throw Fail(side, methodName, path, requestId, new FinesseRestException(
                notSent ? FinesseErrorCode.FinesseConnectFailed : FinesseErrorCode.FinesseServerError,
                $"Finesse {methodName} {path} on side {side} ({BaseUri(side)}) failed: {ex.Message}",
                side: side, requestId: requestId, innerException: ex));
        }
    }

    private FinesseRestException Fail(FinesseSide side, string method, string path, string? requestId, FinesseRestException ex)
    {
        _ = requestId;
        FinesseRestLog.RequestFailed(_logger, method, path, side, ex.Code, ex.Message);
        return ex;
    }

    private FinesseRestException StatusFailure(FinesseSide side, string method, string path, int status, byte[] body, string? requestId)
    {
        IReadOnlyList<ApiError> errors = [];
        if (body.Length > 0)
        {
            try
            {
                var root = SafeXml.Load(body, _limits);
                if (root.Is("ApiErrors"))
                {
                    errors = ApiErrorXml.ReadList(root);
                }
            }
            catch (FinesseXmlException)
            {
                // A non-XML error page (proxy, Tomcat): the status alone decides the code.
            }
        }

        var first = errors.Count > 0 ? errors[0] : null;
        var code = FinesseErrorMapper.Map(status, first);
        var detail = first is null ? "" : $": {first}";
        return new FinesseRestException(
            code,
            string.Create(CultureInfo.InvariantCulture, $"Finesse {method} {path} on side {side} answered HTTP {status}{detail}"),
            status, errors, side, requestId);
    }

    private async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, FinesseSide side, string method, string path, CancellationToken ct)
    {
        var max = _options.MaxResponseBytes;
        if (response.Content.Headers.ContentLength is long length && length > max)
        {
            throw Fail(side, method, path, null, new FinesseRestException(
                FinesseErrorCode.FinesseXmlTooLarge,
                $"Finesse {method} {path} on side {side} announced a body of {length} bytes, over the limit of {max}.",
                (int)response.StatusCode, side: side));
        }

        using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw Fail(side, method, path, null, new FinesseRestException(
                    FinesseErrorCode.FinesseXmlTooLarge,
                    $"Finesse {method} {path} on side {side} sent a body over the limit of {max} bytes.",
                    (int)response.StatusCode, side: side));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool IsTls(HttpRequestException ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is AuthenticationException)
            {
                return true;
            }
        }

        return ex.HttpRequestError == HttpRequestError.SecureConnectionError;
    }

    private void SetActive(FinesseSide side)
    {
        var previous = (FinesseSide)Interlocked.Exchange(ref _activeSide, (int)side);
        if (previous != side)
        {
            FinesseRestLog.ActiveSideChanged(_logger, previous, side, BaseUri(side));
        }
    }

    private Uri BaseUri(FinesseSide side) => side == FinesseSide.B && _options.SideB is { } b ? b : _options.SideA!;

    private static FinesseSide Other(FinesseSide side) => side == FinesseSide.A ? FinesseSide.B : FinesseSide.A;

    private static string UserPath(FinesseCredentials credentials) => ApiRoot + "User/" + Segment(credentials.UserId, "userId");

    private static string DialogPath(string dialogId) => ApiRoot + "Dialog/" + Segment(dialogId, nameof(dialogId));

    /// <summary>Ids go into URL paths: only letters, digits and <c>. _ - @ +</c>; never <c>.</c> or <c>..</c>.</summary>
    private static string Segment(string? value, string name)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 128 || value is "." or ".."
            || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@' or '+'))
        {
            throw InvalidArgument($"{name} must be 1-128 of letters, digits and . _ - @ + (got {Describe(value)}).");
        }

        return Uri.EscapeDataString(value);
    }

    private static void CheckAddress(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 64 || value.Any(char.IsControl))
        {
            throw InvalidArgument($"{name} must be 1-64 characters without control characters (got {Describe(value)}).");
        }
    }

    private static void CheckVariables(IReadOnlyList<CallVariable>? variables)
    {
        if (variables is null)
        {
            return;
        }

        foreach (var v in variables)
        {
            if (v is null || string.IsNullOrWhiteSpace(v.Name) || v.Value is null)
            {
                throw InvalidArgument("Every call variable needs a name and a value (use \"\" to clear).");
            }
        }
    }

    private static string Describe(string? value) => value is null ? "null" : value.Length > 40 ? $"'{value[..40]}...'" : $"'{value}'";

    private static FinesseRestException InvalidArgument(string message) => new(FinesseErrorCode.FinesseInvalidArgument, message);

    private sealed record Response(FinesseSide Side, int Status, byte[] Body, string Method, string Path);
}
