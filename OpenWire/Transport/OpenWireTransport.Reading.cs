using System.Buffers;
using System.Net.Sockets;
using SiebelCti.OpenWire.Codec;
using SiebelCti.OpenWire.Commands;

namespace SiebelCti.OpenWire.Transport;

/// <content>
/// The reader: one thread per transport blocks in recv() on the (blocking) socket and decodes frames
/// in place from a pooled buffer (no copy unless a frame is larger than the buffer). The kernel wakes
/// it directly, so a broker response reaches its sender without a thread-pool hop.
/// </content>
internal sealed partial class OpenWireTransport
{
    private const int ReadBufferSize = 64 * 1024;

    private Thread? _reader;

    private void ReadLoop()
    {
        _reader = Thread.CurrentThread;
        var buffer = ArrayPool<byte>.Shared.Rent(ReadBufferSize);
        var start = 0;
        var end = 0;
        try
        {
            while (true)
            {
                var pending = new ReadOnlySequence<byte>(buffer, start, end - start);
                while (OpenWireCodec.TryReadFrame(ref pending, _settings.MaxFrameSize, out var body))
                {
                    start = end - (int)pending.Length;
                    Handle(OpenWireCodec.DecodeBody(body.FirstSpan, tight: _tight));
                }

                if (start == end)
                {
                    start = end = 0;
                    if (buffer.Length > ReadBufferSize)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = ArrayPool<byte>.Shared.Rent(ReadBufferSize);
                    }
                }
                else
                {
                    // A partial frame: make room for all of it (its size was checked against MaxFrameSize).
                    var needed = end - start >= 4 ? 4 + System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(start, 4)) : 4;
                    if (needed > buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(needed);
                        buffer.AsSpan(start, end - start).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                        end -= start;
                        start = 0;
                    }
                    else if (start > 0 && (start + needed > buffer.Length || buffer.Length - end < 4096))
                    {
                        buffer.AsSpan(start, end - start).CopyTo(buffer);
                        end -= start;
                        start = 0;
                    }
                }

                var read = _stream.Read(buffer, end, buffer.Length - end);
                if (read == 0)
                {
                    var partial = end - start;
                    Fault(new OpenWireException(partial == 0 ? OpenWireErrorKind.ConnectionClosed : OpenWireErrorKind.ProtocolViolation,
                        partial == 0
                            ? $"{_endpoint} closed the connection"
                            : $"{_endpoint} closed the connection in the middle of a frame ({partial} bytes pending)"));
                    return;
                }

                end += read;
                Volatile.Write(ref _lastRead, _time.GetTimestamp());
            }
        }
        catch (OpenWireProtocolException e)
        {
            OpenWireLog.ProtocolViolation(_logger, _endpoint.ToString(), e.Message);
            Fault(new OpenWireException(OpenWireErrorKind.ProtocolViolation, $"protocol violation by {_endpoint}: {e.Message}"));
        }
        catch (OpenWireException e)
        {
            Fault(e);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            Fault(new OpenWireException(OpenWireErrorKind.ConnectionClosed, $"connection to {_endpoint} lost: {e.Message}", e));
        }
        catch (Exception e)
        {
            OpenWireLog.LoopFailed(_logger, e, "read", _endpoint.ToString());
            Fault(new OpenWireException(OpenWireErrorKind.ConnectionClosed, $"read loop for {_endpoint} failed: {e.Message}", e));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _readDone.TrySetResult();
        }
    }

    private void Handle(DataStructure value)
    {
        if (_trace)
        {
            OpenWireLog.FrameReceived(_logger, _endpoint.ToString(), value);
        }

        if (!_brokerWireFormat.Task.IsCompleted)
        {
            if (value is WireFormatInfo info)
            {
                // As ActiveMQ's negotiation: tight only if both offer it. The broker switches as soon as
                // it has read ours, so its next frame is already in the agreed encoding.
                _tight = _settings.TightEncodingEnabled && info.GetBool("TightEncodingEnabled");
                _brokerWireFormat.TrySetResult(info);
                return;
            }

            throw new OpenWireProtocolException($"expected WireFormatInfo first, got structure type {value.DataType}");
        }

        switch (value)
        {
            case Response response:
                CompleteResponse(response);
                break;
            case KeepAliveInfo keepAlive:
                if (keepAlive.ResponseRequired)
                {
                    Post(KeepAlive);
                }

                break;
            case BrokerInfo brokerInfo:
                BrokerInfo = brokerInfo;
                OpenWireLog.TransportConnected(_logger, _endpoint.ToString(), brokerInfo.BrokerName, WireFormatVersion, InactivityDuration);
                _listener?.OnCommand(this, brokerInfo);
                break;
            case ConnectionError { Exception: var refusal } when OpenWireException.IsSecurityRefusal(refusal?.ExceptionClass):
                // A one-way command (a non-persistent send) the broker's authorization refused: the
                // broker reports it this way but keeps the connection, and so do we.
                OpenWireLog.BrokerRefused(_logger, "a one-way command", OpenWireErrorCode.OpenWireNotAuthorized, refusal?.ExceptionClass, refusal?.Message);
                break;
            case ConnectionError connectionError:
                Fault(new OpenWireException(OpenWireErrorKind.ConnectionError,
                    $"{_endpoint} reported a connection error: {connectionError.Exception?.Message ?? "(no message)"}")
                {
                    BrokerExceptionClass = connectionError.Exception?.ExceptionClass,
                });
                break;
            case ShutdownInfo:
                Fault(new OpenWireException(OpenWireErrorKind.ConnectionClosed, $"{_endpoint} is shutting down"));
                break;
            case WireFormatInfo:
                throw new OpenWireProtocolException("a second WireFormatInfo after negotiation");
            case UnknownCommand unknown:
                OpenWireLog.UnknownCommand(_logger, unknown.Type, unknown.Length, _endpoint.ToString());
                break;
            case Command command:
                _listener?.OnCommand(this, command);
                break;
            default:
                throw new OpenWireProtocolException($"a bare structure of type {value.DataType} where a command was expected");
        }
    }

}
