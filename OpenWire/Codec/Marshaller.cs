using SiebelCti.OpenWire.Commands;

namespace SiebelCti.OpenWire.Codec;

/// <summary>
/// OpenWire v12 marshalling of every structure we use, without the object cache ("cached" fields are
/// then written exactly like nested ones: presence flag, type byte, body). Each structure's fields are
/// listed once; the encoding is the field writer's or reader's (<see cref="WireWriter"/> and
/// <see cref="WireReader"/> loose, <see cref="TightSizer"/>, <see cref="TightSpanWriter"/> and
/// <see cref="TightReader"/> tight). Pure: no I/O.
/// </summary>
internal static class Marshaller
{
    private const int MaxDepth = 32;

    // ---- writing ----

    public static void Write<TW>(ref TW w, DataStructure value)
        where TW : IFieldWriter, allows ref struct
    {
        w.Byte(value.DataType);
        WriteBody(ref w, value);
    }

    /// <summary>A structure's fields without its type byte.</summary>
    public static void WriteBodyOf<TW>(ref TW w, DataStructure value)
        where TW : IFieldWriter, allows ref struct
        => WriteBody(ref w, value);

    /// <summary>A top-level command with the transport's command id and response flag (no copy of the command).</summary>
    public static void WriteCommand<TW>(ref TW w, Command command, int commandId, bool responseRequired)
        where TW : IFieldWriter, allows ref struct
    {
        w.Byte(command.DataType);
        WriteCommandFields(ref w, command, commandId, responseRequired);
    }

    /// <summary>A top-level command after its type byte: command id, response flag and body.</summary>
    public static void WriteCommandFields<TW>(ref TW w, Command command, int commandId, bool responseRequired)
        where TW : IFieldWriter, allows ref struct
    {
        w.Int(commandId);
        w.Bool(responseRequired);
        WriteCommandBody(ref w, command);
    }

    private static void Nested<TW>(ref TW w, DataStructure? value)
        where TW : IFieldWriter, allows ref struct
    {
        w.Bool(value is not null);
        if (value is not null)
        {
            if (IsMarshallAware(value.DataType))
            {
                w.MarshallAware();
            }

            Write(ref w, value);
        }
    }

    private static void Array<TW, T>(ref TW w, IReadOnlyList<T>? values)
        where TW : IFieldWriter, allows ref struct
        where T : DataStructure
    {
        w.Bool(values is not null);
        if (values is not null)
        {
            w.Short(checked((short)values.Count));
            foreach (var v in values)
            {
                Nested(ref w, v);
            }
        }
    }

    private static void Throwable<TW>(ref TW w, BrokerError? error, bool stackTraces)
        where TW : IFieldWriter, allows ref struct
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

            Throwable(ref w, error.Cause, stackTraces);
        }
    }

    private static void Base<TW>(ref TW w, Command c)
        where TW : IFieldWriter, allows ref struct
    {
        w.Int(c.CommandId);
        w.Bool(c.ResponseRequired);
    }

    private static void WriteBody<TW>(ref TW w, DataStructure value)
        where TW : IFieldWriter, allows ref struct
    {
        switch (value)
        {
            case WireFormatInfo wf:
                w.Raw(WireFormatInfo.Magic);
                w.Int(wf.Version);
                w.Bytes(PrimitiveMap.Encode(wf.Properties), present: true);
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
                Nested(ref w, id.ProducerId);
                w.Long(id.ProducerSequenceId);
                w.Long(id.BrokerSequenceId);
                break;
            case DestinationRef d:
                w.String(d.PhysicalName);
                break;
            case LocalTransactionId t:
                w.Long(t.Value);
                Nested(ref w, t.ConnectionId);
                break;
            case XaTransactionId t:
                w.Int(t.FormatId);
                w.Bytes(t.GlobalTransactionId, t.GlobalTransactionId is not null);
                w.Bytes(t.BranchQualifier, t.BranchQualifier is not null);
                break;
            case Command c:
                Base(ref w, c);
                WriteCommandBody(ref w, c);
                break;
            default:
                throw new OpenWireProtocolException($"cannot marshal {value.GetType().Name}");
        }
    }

    private static void WriteCommandBody<TW>(ref TW w, Command command)
        where TW : IFieldWriter, allows ref struct
    {
        switch (command)
        {
            case BrokerInfo b:
                Nested(ref w, b.BrokerId);
                w.String(b.BrokerUrl);
                Array(ref w, b.PeerBrokerInfos);
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
                Nested(ref w, c.ConnectionId);
                w.String(c.ClientId);
                w.String(c.Password);
                w.String(c.UserName);
                Array(ref w, c.BrokerPath);
                w.Bool(c.BrokerMasterConnector);
                w.Bool(c.Manageable);
                w.Bool(c.ClientMaster);
                w.Bool(c.FaultTolerant);
                w.Bool(c.FailoverReconnect);
                w.String(c.ClientIp);
                break;
            case SessionInfo s:
                Nested(ref w, s.SessionId);
                break;
            case ConsumerInfo c:
                Nested(ref w, c.ConsumerId);
                w.Bool(c.Browser);
                Nested(ref w, c.Destination);
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
                Array(ref w, c.BrokerPath);
                w.Bool(false); // additional predicate: never sent
                w.Bool(c.NetworkSubscription);
                w.Bool(c.OptimizedAcknowledge);
                w.Bool(c.NoRangeAcks);
                Array(ref w, c.NetworkConsumerPath);
                break;
            case ProducerInfo p:
                Nested(ref w, p.ProducerId);
                Nested(ref w, p.Destination);
                Array(ref w, p.BrokerPath);
                w.Bool(p.DispatchAsync);
                w.Int(p.WindowSize);
                break;
            case DestinationInfo d:
                Nested(ref w, d.ConnectionId);
                Nested(ref w, d.Destination);
                w.Byte(d.OperationType);
                w.Long(d.Timeout);
                Array(ref w, d.BrokerPath);
                break;
            case KeepAliveInfo or ShutdownInfo:
                break;
            case RemoveInfo r:
                Nested(ref w, r.ObjectId);
                w.Long(r.LastDeliveredSequenceId);
                break;
            case ControlCommand c:
                w.String(c.Command);
                break;
            case ConnectionError e:
                Throwable(ref w, e.Exception, stackTraces: false);
                Nested(ref w, e.ConnectionId);
                break;
            case ConsumerControl c:
                Nested(ref w, c.Destination);
                w.Bool(c.Close);
                Nested(ref w, c.ConsumerId);
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
                w.Bytes(c.Token, c.Token is not null);
                break;
            case ProducerAck p:
                Nested(ref w, p.ProducerId);
                w.Int(p.Size);
                break;
            case MessageDispatch d:
                Nested(ref w, d.ConsumerId);
                Nested(ref w, d.Destination);
                Nested(ref w, d.Message);
                w.Int(d.RedeliveryCounter);
                break;
            case MessageAck a:
                Nested(ref w, a.Destination);
                Nested(ref w, a.TransactionId);
                Nested(ref w, a.ConsumerId);
                w.Byte(a.AckType);
                Nested(ref w, a.FirstMessageId);
                Nested(ref w, a.LastMessageId);
                w.Int(a.MessageCount);
                Throwable(ref w, a.PoisonCause, stackTraces: false);
                break;
            case MessageCommand m:
                WriteMessage(ref w, m);
                break;
            case ExceptionResponse r:
                w.Int(r.CorrelationId);
                Throwable(ref w, r.Exception, stackTraces: false);
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

    private static void WriteMessage<TW>(ref TW w, MessageCommand m)
        where TW : IFieldWriter, allows ref struct
    {
        Nested(ref w, m.ProducerId);
        Nested(ref w, m.Destination);
        Nested(ref w, m.TransactionId);
        Nested(ref w, m.OriginalDestination);
        Nested(ref w, m.MessageId);
        Nested(ref w, m.OriginalTransactionId);
        w.String(m.GroupId);
        w.Int(m.GroupSequence);
        w.String(m.CorrelationId);
        w.Bool(m.Persistent);
        w.Long(m.Expiration);
        w.Byte(m.Priority);
        Nested(ref w, m.ReplyTo);
        w.Long(m.Timestamp);
        w.String(m.Type);
        w.Bytes(m.Content, m.Content is not null);
        w.Bytes(m.MarshalledProperties, m.MarshalledProperties is not null);
        Nested(ref w, m.DataStructure);
        Nested(ref w, m.TargetConsumerId);
        w.Bool(m.Compressed);
        w.Int(m.RedeliveryCounter);
        Array(ref w, m.BrokerPath);
        w.Long(m.Arrival);
        w.String(m.UserId);
        w.Bool(m.ReceivedByDfBridge);
        w.Bool(m.Droppable);
        Array(ref w, m.Cluster);
        w.Long(m.BrokerInTime);
        w.Long(m.BrokerOutTime);
        w.Bool(m.JmsxGroupFirstForConsumer);
    }

    // ---- reading ----

    /// <summary>Reads one top-level structure; unknown top-level types become <see cref="UnknownCommand"/>.</summary>
    public static DataStructure ReadTopLevel<TR>(ref TR r, bool stackTraces)
        where TR : IFieldReader, allows ref struct
    {
        var length = r.Remaining;
        var type = r.Byte();
        return IsKnown(type) ? ReadBody(ref r, type, stackTraces, 0) : new UnknownCommand(type, length);
    }

    /// <summary>Reads a top-level structure of a known type whose type byte has been read.</summary>
    public static DataStructure ReadStructure<TR>(ref TR r, byte type, bool stackTraces)
        where TR : IFieldReader, allows ref struct
        => ReadBody(ref r, type, stackTraces, 0);

    /// <summary>Structures that Java marks "marshall aware": nested, they carry the tight encoding's cached-form flag.</summary>
    private static bool IsMarshallAware(byte type) => type == Codec.DataType.WireFormatInfo || Codec.DataType.IsMessage(type);

    public static bool IsKnownType(byte type) => IsKnown(type);

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

    private static DataStructure? ReadNested<TR>(ref TR r, bool st, int depth)
        where TR : IFieldReader, allows ref struct
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

        if (IsMarshallAware(type) && r.MarshallAware())
        {
            throw new OpenWireProtocolException($"nested structure type {type} claims a cached marshalled form, which OpenWire never sends");
        }

        return ReadBody(ref r, type, st, depth + 1);
    }

    private static T? ReadNested<TR, T>(ref TR r, bool st, int depth)
        where TR : IFieldReader, allows ref struct
        where T : DataStructure
    {
        var value = ReadNested(ref r, st, depth);
        return value is null or T
            ? (T?)value
            : throw new OpenWireProtocolException($"expected {typeof(T).Name} but found structure type {value.DataType}");
    }

    private static List<T>? ReadArray<TR, T>(ref TR r, bool st, int depth)
        where TR : IFieldReader, allows ref struct
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
            list.Add(ReadNested<TR, T>(ref r, st, depth) ?? throw new OpenWireProtocolException("null array element"));
        }

        return list;
    }

    private static BrokerError? ReadThrowable<TR>(ref TR r, bool st, int depth)
        where TR : IFieldReader, allows ref struct
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

    private static DataStructure ReadBody<TR>(ref TR r, byte type, bool st, int depth)
        where TR : IFieldReader, allows ref struct
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
                return new MessageId(r.String(), ReadNested<TR, ProducerId>(ref r, st, depth), r.Long(), r.Long());
            case Codec.DataType.LocalTransactionId:
            {
                var value = r.Long();
                return new LocalTransactionId(ReadNested<TR, ConnectionId>(ref r, st, depth), value);
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

    private static Command ReadCommand<TR>(ref TR r, byte type, bool st, int depth)
        where TR : IFieldReader, allows ref struct
    {
        switch (type)
        {
            case Codec.DataType.BrokerInfo:
                return new BrokerInfo
                {
                    BrokerId = ReadNested<TR, BrokerId>(ref r, st, depth),
                    BrokerUrl = r.String(),
                    PeerBrokerInfos = ReadArray<TR, BrokerInfo>(ref r, st, depth),
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
                    ConnectionId = ReadNested<TR, ConnectionId>(ref r, st, depth),
                    ClientId = r.String(),
                    Password = r.String(),
                    UserName = r.String(),
                    BrokerPath = ReadArray<TR, BrokerId>(ref r, st, depth),
                    BrokerMasterConnector = r.Bool(),
                    Manageable = r.Bool(),
                    ClientMaster = r.Bool(),
                    FaultTolerant = r.Bool(),
                    FailoverReconnect = r.Bool(),
                    ClientIp = r.String(),
                };
            case Codec.DataType.SessionInfo:
                return new SessionInfo { SessionId = ReadNested<TR, SessionId>(ref r, st, depth) };
            case Codec.DataType.ConsumerInfo:
            {
                var info = new ConsumerInfo
                {
                    ConsumerId = ReadNested<TR, ConsumerId>(ref r, st, depth),
                    Browser = r.Bool(),
                    Destination = ReadNested<TR, DestinationRef>(ref r, st, depth),
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
                    BrokerPath = ReadArray<TR, BrokerId>(ref r, st, depth),
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
                    NetworkConsumerPath = ReadArray<TR, ConsumerId>(ref r, st, depth),
                };
            }

            case Codec.DataType.ProducerInfo:
                return new ProducerInfo
                {
                    ProducerId = ReadNested<TR, ProducerId>(ref r, st, depth),
                    Destination = ReadNested<TR, DestinationRef>(ref r, st, depth),
                    BrokerPath = ReadArray<TR, BrokerId>(ref r, st, depth),
                    DispatchAsync = r.Bool(),
                    WindowSize = r.Int(),
                };
            case Codec.DataType.DestinationInfo:
                return new DestinationInfo
                {
                    ConnectionId = ReadNested<TR, ConnectionId>(ref r, st, depth),
                    Destination = ReadNested<TR, DestinationRef>(ref r, st, depth),
                    OperationType = r.Byte(),
                    Timeout = r.Long(),
                    BrokerPath = ReadArray<TR, BrokerId>(ref r, st, depth),
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
                    ConnectionId = ReadNested<TR, ConnectionId>(ref r, st, depth),
                };
            case Codec.DataType.ConsumerControl:
                return new ConsumerControl
                {
                    Destination = ReadNested<TR, DestinationRef>(ref r, st, depth),
                    Close = r.Bool(),
                    ConsumerId = ReadNested<TR, ConsumerId>(ref r, st, depth),
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
                return new ProducerAck { ProducerId = ReadNested<TR, ProducerId>(ref r, st, depth), Size = r.Int() };
            case Codec.DataType.MessageDispatch:
                return new MessageDispatch
                {
                    ConsumerId = ReadNested<TR, ConsumerId>(ref r, st, depth),
                    Destination = ReadNested<TR, DestinationRef>(ref r, st, depth),
                    Message = ReadNested<TR, MessageCommand>(ref r, st, depth),
                    RedeliveryCounter = r.Int(),
                };
            case Codec.DataType.MessageAck:
                return new MessageAck
                {
                    Destination = ReadNested<TR, DestinationRef>(ref r, st, depth),
                    TransactionId = ReadNested(ref r, st, depth),
                    ConsumerId = ReadNested<TR, ConsumerId>(ref r, st, depth),
                    AckType = r.Byte(),
                    FirstMessageId = ReadNested<TR, MessageId>(ref r, st, depth),
                    LastMessageId = ReadNested<TR, MessageId>(ref r, st, depth),
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

    private static MessageCommand ReadMessage<TR>(ref TR r, byte kind, bool st, int depth)
        where TR : IFieldReader, allows ref struct
        => new()
    {
        Kind = kind,
        ProducerId = ReadNested<TR, ProducerId>(ref r, st, depth),
        Destination = ReadNested<TR, DestinationRef>(ref r, st, depth),
        TransactionId = ReadNested(ref r, st, depth),
        OriginalDestination = ReadNested<TR, DestinationRef>(ref r, st, depth),
        MessageId = ReadNested<TR, MessageId>(ref r, st, depth),
        OriginalTransactionId = ReadNested(ref r, st, depth),
        GroupId = r.String(),
        GroupSequence = r.Int(),
        CorrelationId = r.String(),
        Persistent = r.Bool(),
        Expiration = r.Long(),
        Priority = r.Byte(),
        ReplyTo = ReadNested<TR, DestinationRef>(ref r, st, depth),
        Timestamp = r.Long(),
        Type = r.String(),
        Content = r.Bytes(),
        MarshalledProperties = r.Bytes(),
        DataStructure = ReadNested(ref r, st, depth),
        TargetConsumerId = ReadNested<TR, ConsumerId>(ref r, st, depth),
        Compressed = r.Bool(),
        RedeliveryCounter = r.Int(),
        BrokerPath = ReadArray<TR, BrokerId>(ref r, st, depth),
        Arrival = r.Long(),
        UserId = r.String(),
        ReceivedByDfBridge = r.Bool(),
        Droppable = r.Bool(),
        Cluster = ReadArray<TR, BrokerId>(ref r, st, depth),
        BrokerInTime = r.Long(),
        BrokerOutTime = r.Long(),
        JmsxGroupFirstForConsumer = r.Bool(),
    };
}
