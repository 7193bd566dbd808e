using SiebelCti.OpenWire.Commands;

namespace SiebelCti.OpenWire.Codec;

/// <summary>
/// Loose OpenWire v12 marshalling of every structure we use, without the object cache ("cached"
/// fields are then written exactly like nested ones: presence flag, type byte, body). Pure: no I/O.
/// </summary>
internal static class Marshaller
{
    private const int MaxDepth = 32;

    // ---- writing ----

    public static void Write(WireWriter w, DataStructure value)
    {
        w.Byte(value.DataType);
        WriteBody(w, value);
    }

    /// <summary>A top-level command with the transport's command id and response flag (no copy of the command).</summary>
    public static void WriteCommand(WireWriter w, Command command, int commandId, bool responseRequired)
    {
        w.Byte(command.DataType);
        w.Int(commandId);
        w.Bool(responseRequired);
        WriteCommandBody(w, command);
    }

    private static void Nested(WireWriter w, DataStructure? value)
    {
        w.Bool(value is not null);
        if (value is not null)
        {
            Write(w, value);
        }
    }

    private static void Array<T>(WireWriter w, IReadOnlyList<T>? values)
        where T : DataStructure
    {
        w.Bool(values is not null);
        if (values is not null)
        {
            w.Short(checked((short)values.Count));
            foreach (var v in values)
            {
                Nested(w, v);
            }
        }
    }

    private static void Throwable(WireWriter w, BrokerError? error, bool stackTraces)
    {
        w.Bool(error is not null);
        if (error is null)
        {
            return;
        }

        w.String(error.ExceptionClass);
        w.String(error.Message);
        if (stackTraces)
        {
            var frames = error.StackTrace ?? [];
            w.Short(checked((short)frames.Count));
            foreach (var f in frames)
            {
                w.String(f.ClassName);
                w.String(f.MethodName);
                w.String(f.FileName);
                w.Int(f.LineNumber);
            }

            Throwable(w, error.Cause, stackTraces);
        }
    }

    private static void Base(WireWriter w, Command c)
    {
        w.Int(c.CommandId);
        w.Bool(c.ResponseRequired);
    }

    private static void WriteBody(WireWriter w, DataStructure value)
    {
        switch (value)
        {
            case WireFormatInfo wf:
                w.Raw(WireFormatInfo.Magic);
                w.Int(wf.Version);
                w.Bytes(PrimitiveMap.Encode(wf.Properties));
                break;
            case ConnectionId id:
                w.String(id.Value);
                break;
            case SessionId id:
                w.String(id.ConnectionId);
                w.Long(id.Value);
                break;
            case ConsumerId id:
                w.String(id.ConnectionId);
                w.Long(id.SessionId);
                w.Long(id.Value);
                break;
            case ProducerId id:
                w.String(id.ConnectionId);
                w.Long(id.Value);
                w.Long(id.SessionId);
                break;
            case BrokerId id:
                w.String(id.Value);
                break;
            case MessageId id:
                w.String(id.TextView);
                Nested(w, id.ProducerId);
                w.Long(id.ProducerSequenceId);
                w.Long(id.BrokerSequenceId);
                break;
            case DestinationRef d:
                w.String(d.PhysicalName);
                break;
            case LocalTransactionId t:
                w.Long(t.Value);
                Nested(w, t.ConnectionId);
                break;
            case XaTransactionId t:
                w.Int(t.FormatId);
                w.Bytes(t.GlobalTransactionId);
                w.Bytes(t.BranchQualifier);
                break;
            case Command c:
                Base(w, c);
                WriteCommandBody(w, c);
                break;
            default:
                throw new OpenWireProtocolException($"cannot marshal {value.GetType().Name}");
        }
    }

    private static void WriteCommandBody(WireWriter w, Command command)
    {
        switch (command)
        {
            case BrokerInfo b:
                Nested(w, b.BrokerId);
                w.String(b.BrokerUrl);
                Array(w, b.PeerBrokerInfos);
                w.String(b.BrokerName);
                w.Bool(b.SlaveBroker);
                w.Bool(b.MasterBroker);
                w.Bool(b.FaultTolerantConfiguration);
                w.Bool(b.DuplexConnection);
                w.Bool(b.NetworkConnection);
                w.Long(b.ConnectionId);
                w.String(b.BrokerUploadUrl);
                w.String(b.NetworkProperties);
                break;
            case ConnectionInfo c:
                Nested(w, c.ConnectionId);
                w.String(c.ClientId);
                w.String(c.Password);
                w.String(c.UserName);
                Array(w, c.BrokerPath);
                w.Bool(c.BrokerMasterConnector);
                w.Bool(c.Manageable);
                w.Bool(c.ClientMaster);
                w.Bool(c.FaultTolerant);
                w.Bool(c.FailoverReconnect);
                w.String(c.ClientIp);
                break;
            case SessionInfo s:
                Nested(w, s.SessionId);
                break;
            case ConsumerInfo c:
                Nested(w, c.ConsumerId);
                w.Bool(c.Browser);
                Nested(w, c.Destination);
                w.Int(c.PrefetchSize);
                w.Int(c.MaximumPendingMessageLimit);
                w.Bool(c.DispatchAsync);
                w.String(c.Selector);
                w.String(c.ClientId);
                w.String(c.SubscriptionName);
                w.Bool(c.NoLocal);
                w.Bool(c.Exclusive);
                w.Bool(c.Retroactive);
                w.Byte(c.Priority);
                Array(w, c.BrokerPath);
                w.Bool(false); // additional predicate: never sent
                w.Bool(c.NetworkSubscription);
                w.Bool(c.OptimizedAcknowledge);
                w.Bool(c.NoRangeAcks);
                Array(w, c.NetworkConsumerPath);
                break;
            case ProducerInfo p:
                Nested(w, p.ProducerId);
                Nested(w, p.Destination);
                Array(w, p.BrokerPath);
                w.Bool(p.DispatchAsync);
                w.Int(p.WindowSize);
                break;
            case DestinationInfo d:
                Nested(w, d.ConnectionId);
                Nested(w, d.Destination);
                w.Byte(d.OperationType);
                w.Long(d.Timeout);
                Array(w, d.BrokerPath);
                break;
            case KeepAliveInfo or ShutdownInfo:
                break;
            case RemoveInfo r:
                Nested(w, r.ObjectId);
                w.Long(r.LastDeliveredSequenceId);
                break;
            case ControlCommand c:
                w.String(c.Command);
                break;
            case ConnectionError e:
                Throwable(w, e.Exception, stackTraces: false);
                Nested(w, e.ConnectionId);
                break;
            case ConsumerControl c:
                Nested(w, c.Destination);
                w.Bool(c.Close);
                Nested(w, c.ConsumerId);
                w.Int(c.Prefetch);
                w.Bool(c.Flush);
                w.Bool(c.Start);
                w.Bool(c.Stop);
                break;
            case ConnectionControl c:
                w.Bool(c.Close);
                w.Bool(c.Exit);
                w.Bool(c.FaultTolerant);
                w.Bool(c.Resume);
                w.Bool(c.Suspend);
                w.String(c.ConnectedBrokers);
                w.String(c.ReconnectTo);
                w.Bool(c.RebalanceConnection);
                w.Bytes(c.Token);
                break;
            case ProducerAck p:
                Nested(w, p.ProducerId);
                w.Int(p.Size);
                break;
            case MessageDispatch d:
                Nested(w, d.ConsumerId);
                Nested(w, d.Destination);
                Nested(w, d.Message);
                w.Int(d.RedeliveryCounter);
                break;
            case MessageAck a:
                Nested(w, a.Destination);
                Nested(w, a.TransactionId);
                Nested(w, a.ConsumerId);
                w.Byte(a.AckType);
                Nested(w, a.FirstMessageId);
                Nested(w, a.LastMessageId);
                w.Int(a.MessageCount);
                Throwable(w, a.PoisonCause, stackTraces: false);
                break;
            case MessageCommand m:
                WriteMessage(w, m);
                break;
            case ExceptionResponse r:
                w.Int(r.CorrelationId);
                Throwable(w, r.Exception, stackTraces: false);
                break;
            case IntegerResponse r:
                w.Int(r.CorrelationId);
                w.Int(r.Result);
                break;
            case Response r:
                w.Int(r.CorrelationId);
                break;
            default:
                throw new OpenWireProtocolException($"cannot marshal {command.GetType().Name}");
        }
    }

    private static void WriteMessage(WireWriter w, MessageCommand m)
    {
        Nested(w, m.ProducerId);
        Nested(w, m.Destination);
        Nested(w, m.TransactionId);
        Nested(w, m.OriginalDestination);
        Nested(w, m.MessageId);
        Nested(w, m.OriginalTransactionId);
        w.String(m.GroupId);
        w.Int(m.GroupSequence);
        w.String(m.CorrelationId);
        w.Bool(m.Persistent);
        w.Long(m.Expiration);
        w.Byte(m.Priority);
        Nested(w, m.ReplyTo);
        w.Long(m.Timestamp);
        w.String(m.Type);
        w.Bytes(m.Content);
        w.Bytes(m.MarshalledProperties);
        Nested(w, m.DataStructure);
        Nested(w, m.TargetConsumerId);
        w.Bool(m.Compressed);
        w.Int(m.RedeliveryCounter);
        Array(w, m.BrokerPath);
        w.Long(m.Arrival);
        w.String(m.UserId);
        w.Bool(m.ReceivedByDfBridge);
        w.Bool(m.Droppable);
        Array(w, m.Cluster);
        w.Long(m.BrokerInTime);
        w.Long(m.BrokerOutTime);
        w.Bool(m.JmsxGroupFirstForConsumer);
    }

    // ---- reading ----

    /// <summary>Reads one top-level structure; unknown top-level types become <see cref="UnknownCommand"/>.</summary>
    public static DataStructure ReadTopLevel(ref WireReader r, bool stackTraces)
    {
        var length = r.Remaining;
        var type = r.Byte();
        return IsKnown(type) ? ReadBody(ref r, type, stackTraces, 0) : new UnknownCommand(type, length);
    }

    private static bool IsKnown(byte type) => type switch
    {
        Codec.DataType.WireFormatInfo or Codec.DataType.BrokerInfo or Codec.DataType.ConnectionInfo
            or Codec.DataType.SessionInfo or Codec.DataType.ConsumerInfo or Codec.DataType.ProducerInfo
            or Codec.DataType.DestinationInfo or Codec.DataType.KeepAliveInfo or Codec.DataType.ShutdownInfo
            or Codec.DataType.RemoveInfo or Codec.DataType.ControlCommand or Codec.DataType.ConnectionError
            or Codec.DataType.ConsumerControl or Codec.DataType.ConnectionControl or Codec.DataType.ProducerAck
            or Codec.DataType.MessageDispatch or Codec.DataType.MessageAck or Codec.DataType.Response
            or Codec.DataType.ExceptionResponse or Codec.DataType.IntegerResponse
            or Codec.DataType.MessageId or Codec.DataType.LocalTransactionId or Codec.DataType.XaTransactionId
            or Codec.DataType.ConnectionId or Codec.DataType.SessionId or Codec.DataType.ConsumerId
            or Codec.DataType.ProducerId or Codec.DataType.BrokerId => true,
        _ => Codec.DataType.IsMessage(type) || Codec.DataType.IsDestination(type),
    };

    private static DataStructure? ReadNested(ref WireReader r, bool st, int depth)
    {
        if (!r.Bool())
        {
            return null;
        }

        var type = r.Byte();
        if (!IsKnown(type))
        {
            throw new OpenWireProtocolException($"unknown nested structure type {type}");
        }

        return ReadBody(ref r, type, st, depth + 1);
    }

    private static T? ReadNested<T>(ref WireReader r, bool st, int depth)
        where T : DataStructure
    {
        var value = ReadNested(ref r, st, depth);
        return value is null or T
            ? (T?)value
            : throw new OpenWireProtocolException($"expected {typeof(T).Name} but found structure type {value.DataType}");
    }

    private static List<T>? ReadArray<T>(ref WireReader r, bool st, int depth)
        where T : DataStructure
    {
        if (!r.Bool())
        {
            return null;
        }

        var count = r.Short();
        if (count < 0 || count > r.Remaining)
        {
            throw new OpenWireProtocolException($"array claims {count} elements in {r.Remaining} bytes");
        }

        var list = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(ReadNested<T>(ref r, st, depth) ?? throw new OpenWireProtocolException("null array element"));
        }

        return list;
    }

    private static BrokerError? ReadThrowable(ref WireReader r, bool st, int depth)
    {
        if (!r.Bool())
        {
            return null;
        }

        if (depth > MaxDepth)
        {
            throw new OpenWireProtocolException("exception causes nested too deeply");
        }

        var cls = r.String();
        var message = r.String();
        if (!st)
        {
            return new BrokerError(cls, message, null, null);
        }

        var count = r.Short();
        if (count < 0 || count > r.Remaining / 4)
        {
            throw new OpenWireProtocolException($"stack trace claims {count} frames in {r.Remaining} bytes");
        }

        var frames = new List<BrokerStackFrame>(count);
        for (var i = 0; i < count; i++)
        {
            frames.Add(new BrokerStackFrame(r.String(), r.String(), r.String(), r.Int()));
        }

        return new BrokerError(cls, message, frames, ReadThrowable(ref r, st, depth + 1));
    }

    private static DataStructure ReadBody(ref WireReader r, byte type, bool st, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new OpenWireProtocolException("structures nested too deeply");
        }

        switch (type)
        {
            case Codec.DataType.WireFormatInfo:
            {
                if (!r.Raw(8).SequenceEqual(WireFormatInfo.Magic))
                {
                    throw new OpenWireProtocolException("WireFormatInfo without the ActiveMQ magic");
                }

                var version = r.Int();
                var props = r.Bytes();
                return new WireFormatInfo(version, props is null ? new Dictionary<string, object?>() : PrimitiveMap.Decode(props));
            }

            case Codec.DataType.ConnectionId:
                return new ConnectionId(r.String());
            case Codec.DataType.SessionId:
                return new SessionId(r.String(), r.Long());
            case Codec.DataType.ConsumerId:
                return new ConsumerId(r.String(), r.Long(), r.Long());
            case Codec.DataType.ProducerId:
                return new ProducerId(r.String(), r.Long(), r.Long());
            case Codec.DataType.BrokerId:
                return new BrokerId(r.String());
            case Codec.DataType.MessageId:
                return new MessageId(r.String(), ReadNested<ProducerId>(ref r, st, depth), r.Long(), r.Long());
            case Codec.DataType.LocalTransactionId:
            {
                var value = r.Long();
                return new LocalTransactionId(ReadNested<ConnectionId>(ref r, st, depth), value);
            }

            case Codec.DataType.XaTransactionId:
                return new XaTransactionId(r.Int(), r.Bytes(), r.Bytes());
            case var d when Codec.DataType.IsDestination(d):
                return new DestinationRef(d, r.String());
            default:
                var commandId = r.Int();
                var responseRequired = r.Bool();
                return ReadCommand(ref r, type, st, depth) with { CommandId = commandId, ResponseRequired = responseRequired };
        }
    }

    private static Command ReadCommand(ref WireReader r, byte type, bool st, int depth)
    {
        switch (type)
        {
            case Codec.DataType.BrokerInfo:
                return new BrokerInfo
                {
                    BrokerId = ReadNested<BrokerId>(ref r, st, depth),
                    BrokerUrl = r.String(),
                    PeerBrokerInfos = ReadArray<BrokerInfo>(ref r, st, depth),
                    BrokerName = r.String(),
                    SlaveBroker = r.Bool(),
                    MasterBroker = r.Bool(),
                    FaultTolerantConfiguration = r.Bool(),
                    DuplexConnection = r.Bool(),
                    NetworkConnection = r.Bool(),
                    ConnectionId = r.Long(),
                    BrokerUploadUrl = r.String(),
                    NetworkProperties = r.String(),
                };
            case Codec.DataType.ConnectionInfo:
                return new ConnectionInfo
                {
                    ConnectionId = ReadNested<ConnectionId>(ref r, st, depth),
                    ClientId = r.String(),
                    Password = r.String(),
                    UserName = r.String(),
                    BrokerPath = ReadArray<BrokerId>(ref r, st, depth),
                    BrokerMasterConnector = r.Bool(),
                    Manageable = r.Bool(),
                    ClientMaster = r.Bool(),
                    FaultTolerant = r.Bool(),
                    FailoverReconnect = r.Bool(),
                    ClientIp = r.String(),
                };
            case Codec.DataType.SessionInfo:
                return new SessionInfo { SessionId = ReadNested<SessionId>(ref r, st, depth) };
            case Codec.DataType.ConsumerInfo:
            {
                var info = new ConsumerInfo
                {
                    ConsumerId = ReadNested<ConsumerId>(ref r, st, depth),
                    Browser = r.Bool(),
                    Destination = ReadNested<DestinationRef>(ref r, st, depth),
                    PrefetchSize = r.Int(),
                    MaximumPendingMessageLimit = r.Int(),
                    DispatchAsync = r.Bool(),
                    Selector = r.String(),
                    ClientId = r.String(),
                    SubscriptionName = r.String(),
                    NoLocal = r.Bool(),
                    Exclusive = r.Bool(),
                    Retroactive = r.Bool(),
                    Priority = r.Byte(),
                    BrokerPath = ReadArray<BrokerId>(ref r, st, depth),
                };
                if (r.Bool())
                {
                    throw new OpenWireProtocolException("consumer predicates (BooleanExpression) are not supported");
                }

                return info with
                {
                    NetworkSubscription = r.Bool(),
                    OptimizedAcknowledge = r.Bool(),
                    NoRangeAcks = r.Bool(),
                    NetworkConsumerPath = ReadArray<ConsumerId>(ref r, st, depth),
                };
            }

            case Codec.DataType.ProducerInfo:
                return new ProducerInfo
                {
                    ProducerId = ReadNested<ProducerId>(ref r, st, depth),
                    Destination = ReadNested<DestinationRef>(ref r, st, depth),
                    BrokerPath = ReadArray<BrokerId>(ref r, st, depth),
                    DispatchAsync = r.Bool(),
                    WindowSize = r.Int(),
                };
            case Codec.DataType.DestinationInfo:
                return new DestinationInfo
                {
                    ConnectionId = ReadNested<ConnectionId>(ref r, st, depth),
                    Destination = ReadNested<DestinationRef>(ref r, st, depth),
                    OperationType = r.Byte(),
                    Timeout = r.Long(),
                    BrokerPath = ReadArray<BrokerId>(ref r, st, depth),
                };
            case Codec.DataType.KeepAliveInfo:
                return new KeepAliveInfo();
            case Codec.DataType.ShutdownInfo:
                return new ShutdownInfo();
            case Codec.DataType.RemoveInfo:
                return new RemoveInfo { ObjectId = ReadNested(ref r, st, depth), LastDeliveredSequenceId = r.Long() };
            case Codec.DataType.ControlCommand:
                return new ControlCommand { Command = r.String() };
            case Codec.DataType.ConnectionError:
                return new ConnectionError
                {
                    Exception = ReadThrowable(ref r, st, depth),
                    ConnectionId = ReadNested<ConnectionId>(ref r, st, depth),
                };
            case Codec.DataType.ConsumerControl:
                return new ConsumerControl
                {
                    Destination = ReadNested<DestinationRef>(ref r, st, depth),
                    Close = r.Bool(),
                    ConsumerId = ReadNested<ConsumerId>(ref r, st, depth),
                    Prefetch = r.Int(),
                    Flush = r.Bool(),
                    Start = r.Bool(),
                    Stop = r.Bool(),
                };
            case Codec.DataType.ConnectionControl:
                return new ConnectionControl
                {
                    Close = r.Bool(),
                    Exit = r.Bool(),
                    FaultTolerant = r.Bool(),
                    Resume = r.Bool(),
                    Suspend = r.Bool(),
                    ConnectedBrokers = r.String(),
                    ReconnectTo = r.String(),
                    RebalanceConnection = r.Bool(),
                    Token = r.Bytes(),
                };
            case Codec.DataType.ProducerAck:
                return new ProducerAck { ProducerId = ReadNested<ProducerId>(ref r, st, depth), Size = r.Int() };
            case Codec.DataType.MessageDispatch:
                return new MessageDispatch
                {
                    ConsumerId = ReadNested<ConsumerId>(ref r, st, depth),
                    Destination = ReadNested<DestinationRef>(ref r, st, depth),
                    Message = ReadNested<MessageCommand>(ref r, st, depth),
                    RedeliveryCounter = r.Int(),
                };
            case Codec.DataType.MessageAck:
                return new MessageAck
                {
                    Destination = ReadNested<DestinationRef>(ref r, st, depth),
                    TransactionId = ReadNested(ref r, st, depth),
                    ConsumerId = ReadNested<ConsumerId>(ref r, st, depth),
                    AckType = r.Byte(),
                    FirstMessageId = ReadNested<MessageId>(ref r, st, depth),
                    LastMessageId = ReadNested<MessageId>(ref r, st, depth),
                    MessageCount = r.Int(),
                    PoisonCause = ReadThrowable(ref r, st, depth),
                };
            case Codec.DataType.Response:
                return new Response { CorrelationId = r.Int() };
            case Codec.DataType.ExceptionResponse:
                return new ExceptionResponse { CorrelationId = r.Int(), Exception = ReadThrowable(ref r, st, depth) };
            case Codec.DataType.IntegerResponse:
                return new IntegerResponse { CorrelationId = r.Int(), Result = r.Int() };
            case var m when Codec.DataType.IsMessage(m):
                return ReadMessage(ref r, m, st, depth);
            default:
                throw new OpenWireProtocolException($"unknown structure type {type}");
        }
    }

    private static MessageCommand ReadMessage(ref WireReader r, byte kind, bool st, int depth) => new()
    {
        Kind = kind,
        ProducerId = ReadNested<ProducerId>(ref r, st, depth),
        Destination = ReadNested<DestinationRef>(ref r, st, depth),
        TransactionId = ReadNested(ref r, st, depth),
        OriginalDestination = ReadNested<DestinationRef>(ref r, st, depth),
        MessageId = ReadNested<MessageId>(ref r, st, depth),
        OriginalTransactionId = ReadNested(ref r, st, depth),
        GroupId = r.String(),
        GroupSequence = r.Int(),
        CorrelationId = r.String(),
        Persistent = r.Bool(),
        Expiration = r.Long(),
        Priority = r.Byte(),
        ReplyTo = ReadNested<DestinationRef>(ref r, st, depth),
        Timestamp = r.Long(),
        Type = r.String(),
        Content = r.Bytes(),
        MarshalledProperties = r.Bytes(),
        DataStructure = ReadNested(ref r, st, depth),
        TargetConsumerId = ReadNested<ConsumerId>(ref r, st, depth),
        Compressed = r.Bool(),
        RedeliveryCounter = r.Int(),
        BrokerPath = ReadArray<BrokerId>(ref r, st, depth),
        Arrival = r.Long(),
        UserId = r.String(),
        ReceivedByDfBridge = r.Bool(),
        Droppable = r.Bool(),
        Cluster = ReadArray<BrokerId>(ref r, st, depth),
        BrokerInTime = r.Long(),
        BrokerOutTime = r.Long(),
        JmsxGroupFirstForConsumer = r.Bool(),
    };
}
